// GET /updates/<slug> — one published update, in full, exactly as its snapshot froze it, leading with what changed since the previous one. Needs: read:published.
import type { Metadata } from "next";
import { DoneBanner } from "@/components/editing/DoneBanner";
import { notFound } from "next/navigation";
import { SnapshotReport } from "@/components/roadmap/SnapshotReport";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1 } from "@/components/ui/typography";
import { formatDate } from "@/lib/dates/period";
import { updateLabel } from "@/lib/roadmap/compare";
import { isUpdateSlug, publishedUpdateWithPrevious, snapshotOf } from "@/lib/roadmap/published";
import { requirePermission } from "@/lib/auth/checkpoint";
import { quarterStyleOf } from "@/lib/auth/preferences";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
  return { title: snapshot ? `${snapshot.content.update.year} Q${snapshot.content.update.quarter} update` : "Update not found" };
}

export default async function UpdatePage({ params, searchParams }: Props) {
  const user = await requirePermission("read:published");
  const quarters = await quarterStyleOf(user);
  const { slug } = await params;
  const found = await publishedUpdateWithPrevious(slug);
  if (!found) notFound();
  const { snapshot, previousSlug } = found;
  const previous = previousSlug ? await snapshotOf(previousSlug) : null;
  const { update, roadmap } = snapshot.content;
  const label = updateLabel(update);
  return (
    <>
      <DoneBanner done={(await searchParams).done} />
      <H1 caption={`${roadmap.programme.shortName} quarterly update`}>
        {update.year} Q{update.quarter}: {update.title}
      </H1>
      <SummaryList
        rows={[
          { key: "Programme", value: `${roadmap.programme.name} (${roadmap.programme.shortName}), ${roadmap.programme.department}` },
          { key: "Quarter", value: label },
          { key: "Published", value: update.publishedOn ? formatDate(update.publishedOn) : "Not published" },
          { key: "Published by", value: update.publishedByName ?? "" },
          { key: "Snapshot", value: <span className="break-all font-mono text-sm">SHA-256 {snapshot.contentHash}</span> },
        ]}
      />
      <p className="mb-4">
        <a href={`/updates/${slug}/pdf`} className="inline-block bg-govuk-green px-4 py-2 font-bold text-white! no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30] focus-visible:text-govuk-black!">
          Download this update as a PDF
        </a>{" "}
        <a href={`/updates/${slug}/print`} className="ml-4">Print layout</a>
      </p>
      <p className="mb-2 font-bold">Other downloads</p>
      <ul className="mb-8 list-disc pl-5">
        <li>
          <a href={`/updates/${slug}/json`}>The {label} snapshot as JSON</a> (the whole roadmap as frozen; its SHA-256 is the one above)
        </li>
        <li>
          <a href={`/updates/${slug}/milestones-csv`}>The {label} milestones as CSV</a>
        </li>
        {previous ? (
          <li>
            <a href={`/updates/compare/csv?from=${previous.content.update.slug}&to=${slug}`}>
              What changed since the {updateLabel(previous.content.update)} update, as CSV
            </a>
          </li>
        ) : null}
        <li>
          <a href={previous ? `/updates/compare?from=${previous.content.update.slug}&to=${slug}` : "/updates/compare"}>Compare any two updates</a>
        </li>
      </ul>
      <SnapshotReport content={snapshot.content} previous={previous?.content ?? null} changesFirst quarters={quarters} />
    </>
  );
}
