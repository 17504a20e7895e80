// GET / — programme overview: each product's phase, next milestone and status; the dependencies. Needs: read:published
// (clerks see the latest published update; programme staff the working draft, with edit links).
import { FactorList } from "@/components/roadmap/FactorList";
import { ProductTable } from "@/components/roadmap/ProductTable";
import { NothingPublished, ReaderNote } from "@/components/roadmap/PublishedNote";
import { RolloutSummary } from "@/components/roadmap/RolloutSummary";
import { H1, H2, Lead } from "@/components/ui/typography";
import Link from "next/link";
import { DoneBanner } from "@/components/editing/DoneBanner";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/checkpoint";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ view?: string; done?: string }> }) {
  const user = await requirePermission("read:published");
  const { view: viewParam, done } = await searchParams;
  const view = await roadmapForReader(user, viewParam);
  if (!view) return <NothingPublished />;
  const { roadmap, asOf } = view;
  const editing = view.kind === "draft" && can(user.role, "edit:roadmap");
  return (
    <>
      {editing ? <DoneBanner done={done} /> : null}
      <H1 caption={`${roadmap.programme.department} · ${roadmap.programme.shortName}`}>{roadmap.programme.name}</H1>
      <Lead>{roadmap.programme.description}</Lead>
      <ReaderNote view={view} path="/" />
      <ProductTable roadmap={roadmap} asOf={asOf} caption={view.kind === "published" ? `The first ${roadmap.products.length} product areas` : "Products in the working draft"} />
      {editing ? <p className="mt-4 mb-8"><Link href="/products/new">Add a product</Link></p> : null}
      <H2>Rollout</H2>
      {roadmap.products.filter((p) => p.rollout).map((p) => (
        <RolloutSummary key={p.slug} product={p} forces={roadmap.forces} asOf={view.reportedOn} />
      ))}
      <H2 id="dependencies">Dependencies</H2>
      <p className="mb-4 max-w-[45em]">
        The effective and timely delivery of {roadmap.programme.shortName} products beyond their individual design and build
        depends on {roadmap.factors.length === 3 ? "three" : roadmap.factors.length} main factors.
      </p>
      <FactorList roadmap={roadmap} caption="Programme-level dependencies" editable={editing} />
      {editing ? <p className="mb-8"><Link href="/factors/new">Add a programme dependency</Link></p> : null}
    </>
  );
}
