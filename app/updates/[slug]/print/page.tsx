// GET /updates/<slug>/print[?quarters=financial] — the print layout of a published update (A4 landscape), which the PDF is made from. Needs: read:published (or the server's own render token).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermissionOrRenderToken } from "@/lib/auth/checkpoint";
import { SnapshotReport } from "@/components/roadmap/SnapshotReport";
import { formatDate, quarterLabel } from "@/lib/dates/period";
import { parseQuarterStyle } from "@/lib/auth/preferences";
import { isUpdateSlug, publishedUpdateWithPrevious, snapshotOf } from "@/lib/roadmap/published";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
  if (!snapshot) return { title: "Update not found" };
  const { update, roadmap } = snapshot.content;
  return { title: { absolute: `${roadmap.programme.shortName} product roadmap, ${update.year} Q${update.quarter}` } };
}

export default async function PrintPage({ params, searchParams }: Props) {
  await requirePermissionOrRenderToken("read:published");
  // The style comes from the address, not the reader's account: the PDF renderer has no account, and a
  // kept PDF must be the same whoever caused it to be made.
  const quarters = parseQuarterStyle((await searchParams).quarters) ?? "calendar";
  const found = await publishedUpdateWithPrevious((await params).slug);
  if (!found) notFound();
  const { snapshot, previousSlug } = found;
  // What changed since the previous published update goes into the PDF, from that update's snapshot.
  const previous = previousSlug ? await snapshotOf(previousSlug) : null;
  const { update, roadmap } = snapshot.content;
  return (
    <main className="mx-auto max-w-[277mm] p-4 print:p-0">
      <section className="print-cover flex min-h-[170mm] flex-col justify-center border-l-[12px] border-govuk-blue pl-8">
        <p className="mb-2 text-xl">{roadmap.programme.department}</p>
        <h1 className="mb-4 text-5xl font-bold leading-tight">
          {roadmap.programme.name} ({roadmap.programme.shortName})
        </h1>
        <p className="mb-8 text-3xl">Product roadmap: {update.year} Q{update.quarter} update</p>
        <dl className="grid max-w-[160mm] grid-cols-[12rem_1fr] gap-y-2 text-lg">
          <dt className="font-bold">Quarter</dt>
          <dd>
            {update.year} Q{update.quarter}
            {/* Updates are named by calendar quarter; say which financial quarter that is when those are used. */}
            {quarters === "financial" ? ` (${quarterLabel(update.year, update.quarter * 3, "financial")} in the financial year)` : ""}
          </dd>
          <dt className="font-bold">Title</dt>
          <dd>{update.title}</dd>
          <dt className="font-bold">Published</dt>
          <dd>{update.publishedOn ? formatDate(update.publishedOn) : "Not published"}</dd>
          <dt className="font-bold">Published by</dt>
          <dd>{update.publishedByName}</dd>
          <dt className="font-bold">Quarters</dt>
          <dd>{quarters === "financial" ? "UK financial-year quarters (April to March, labelled like 2021-22 Q3)" : "Calendar quarters (January to March is Q1)"}</dd>
          <dt className="font-bold">Snapshot SHA-256</dt>
          <dd className="break-all font-mono text-sm">{snapshot.contentHash}</dd>
        </dl>
      </section>
      <div className="break-before-page">
        <SnapshotReport content={snapshot.content} previous={previous?.content ?? null} forPrint quarters={quarters} />
      </div>
    </main>
  );
}
