// GET / — programme overview: each product's phase, next milestone and status; the dependencies. Needs: read:published.
import { FactorList } from "@/components/roadmap/FactorList";
import { ProductTable } from "@/components/roadmap/ProductTable";
import { NothingPublished, PublishedNote } from "@/components/roadmap/PublishedNote";
import { RolloutSummary } from "@/components/roadmap/RolloutSummary";
import { H1, H2, Lead } from "@/components/ui/typography";
import { latestSnapshot } from "@/lib/roadmap/published";
import { requirePermission } from "@/lib/auth/checkpoint";

export default async function OverviewPage() {
  await requirePermission("read:published");
  const snapshot = await latestSnapshot();
  if (!snapshot) return <NothingPublished />;
  const { roadmap, update } = snapshot.content;
  const asOf = update.publishedOn ?? "";
  return (
    <>
      <H1 caption={`${roadmap.programme.department} · ${roadmap.programme.shortName}`}>{roadmap.programme.name}</H1>
      <Lead>{roadmap.programme.description}</Lead>
      <PublishedNote update={update} />
      <ProductTable roadmap={roadmap} asOf={asOf} caption={`The first ${roadmap.products.length} product areas`} />
      <H2>Rollout</H2>
      {roadmap.products.filter((p) => p.rollout).map((p) => (
        <RolloutSummary key={p.slug} product={p} forces={roadmap.forces} asOf={asOf} />
      ))}
      <H2 id="dependencies">Dependencies</H2>
      <p className="mb-4 max-w-[45em]">
        The effective and timely delivery of {roadmap.programme.shortName} products beyond their individual design and build
        depends on {roadmap.factors.length === 3 ? "three" : roadmap.factors.length} main factors.
      </p>
      <FactorList roadmap={roadmap} caption="Programme-level dependencies" />
    </>
  );
}
