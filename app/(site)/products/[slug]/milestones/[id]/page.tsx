// GET /products/<slug>/milestones/<id> — one milestone: baseline, forecast, slippage, status, its target in each
// published update, and (for programme staff) its change history. Needs: read:published.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeList } from "@/components/editing/ChangeList";
import { ReaderNote } from "@/components/roadmap/PublishedNote";
import { SlippageNote } from "@/components/roadmap/Slippage";
import { MilestoneStatusTag } from "@/components/ui/Tag";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { SummaryList } from "@/components/ui/SummaryList";
import { TableHead } from "@/components/ui/TableHead";
import { H1, H2, table } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatDate, formatPeriod, slippage } from "@/lib/dates/period";
import { viewChange } from "@/lib/editing/changes";
import { historyOf } from "@/lib/editing/versioned";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { publishedHistory } from "@/lib/roadmap/published";
import { phaseByKey } from "@/lib/roadmap/view";

export const metadata: Metadata = { title: "Milestone" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ view?: string }> };

export default async function MilestonePage({ params, searchParams }: Props) {
  const user = await requirePermission("read:published");
  const { slug, id } = await params;
  const view = await roadmapForReader(user, (await searchParams).view);
  const product = view?.roadmap.products.find((p) => p.slug === decodeURIComponent(slug));
  const milestone = product?.milestones.find((m) => String(m.id) === id);
  if (!view || !product || !milestone) notFound();
  const editing = view.kind === "draft" && can(user.role, "edit:roadmap");
  const base = `/products/${product.slug}`;

  // The target as each published update gave it, newest first.
  const published = (await publishedHistory()).map(({ update: u, content }) => {
    const m = content?.roadmap.products.find((p) => p.slug === product.slug)?.milestones.find((x) => x.id === milestone.id);
    return { update: u, milestone: m ?? null };
  });
  const changes = editing ? (await historyOf(await getDb(), { entityType: "milestone", id: milestone.id })).map(viewChange) : [];
  const phase = milestone.phaseKey ? phaseByKey(view.roadmap, milestone.phaseKey)?.name : undefined;

  return (
    <>
      <p className="mb-4"><Link href={`${base}${view.kind === "published" && view.draftAvailable ? "?view=published" : ""}#milestones`}>Back to {product.name}</Link></p>
      <H1 caption={`${product.name} milestone`}>{milestone.title}</H1>
      <ReaderNote view={view} path={`${base}/milestones/${milestone.id}`} />
      <SummaryList
        rows={[
          { key: "Target date", value: <>{formatPeriod(milestone.forecast, { asTarget: true })}<SlippageNote milestone={milestone} /></> },
          { key: "Baseline", value: milestone.baseline ? `${formatPeriod(milestone.baseline, { asTarget: true })} (as first published)` : "Not yet published" },
          { key: "Slippage", value: milestone.baseline ? slippage(milestone.baseline, milestone.forecast).text : "No baseline yet" },
          { key: "Status", value: <MilestoneStatusTag status={milestone.status} /> },
          ...(milestone.actualOn ? [{ key: "Done on", value: formatDate(milestone.actualOn) }] : []),
          ...(phase ? [{ key: "Phase it marks", value: phase }] : []),
          ...(milestone.notes ? [{ key: "Notes", value: milestone.notes }] : []),
        ]}
      />
      {editing ? (
        <p className="mb-8">
          <Link href={`${base}/milestones/${milestone.id}/edit`} className="mr-6">Change this milestone</Link>
          <Link href={`${base}/milestones/${milestone.id}/remove`}>Remove this milestone</Link>
        </p>
      ) : null}

      <H2>In each published update</H2>
      <ScrollRegion label={`${milestone.title} in each published update`}>
        <table className={`${table.table} mb-8`}>
          <caption className="sr-only">Target date of {milestone.title} in each published update</caption>
          <TableHead columns={["Update", "Target date", "Status"]} />
          <tbody>
            {published.map(({ update: u, milestone: m }) => (
              <tr key={u.slug}>
                <th scope="row" className={table.th}><Link href={`/updates/${u.slug}`}>{u.year} Q{u.quarter}</Link></th>
                <td className={table.td}>{m ? <>{formatPeriod(m.forecast, { asTarget: true })}<SlippageNote milestone={m} /></> : "Not on the roadmap"}</td>
                <td className={table.td}>{m ? <MilestoneStatusTag status={m.status} /> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {editing ? (
        <>
          <H2 id="history">Change history</H2>
          <ChangeList changes={changes} empty="No changes to this milestone have been recorded." />
        </>
      ) : null}
    </>
  );
}
