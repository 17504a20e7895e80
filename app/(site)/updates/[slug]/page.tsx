// GET /updates/<slug> — one published update, in full, exactly as its snapshot froze it. Needs: read:published.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SnapshotReport } from "@/components/roadmap/SnapshotReport";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1 } from "@/components/ui/typography";
import { formatDate } from "@/lib/dates/period";
import { isUpdateSlug, publishedUpdateWithPrevious, snapshotOf } from "@/lib/roadmap/published";
import { requirePermission } from "@/lib/auth/checkpoint";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
  return { title: snapshot ? `${snapshot.content.update.year} Q${snapshot.content.update.quarter} update` : "Update not found" };
}

export default async function UpdatePage({ params }: Props) {
  await requirePermission("read:published");
  const { slug } = await params;
  const found = await publishedUpdateWithPrevious(slug);
  if (!found) notFound();
  const { snapshot, previousSlug } = found;
  const { update, roadmap } = snapshot.content;
  return (
    <>
      <H1 caption={`${roadmap.programme.shortName} quarterly update`}>
        {update.year} Q{update.quarter}: {update.title}
      </H1>
      <SummaryList
        rows={[
          { key: "Programme", value: `${roadmap.programme.name} (${roadmap.programme.shortName}), ${roadmap.programme.department}` },
          { key: "Quarter", value: `${update.year} Q${update.quarter}` },
          { key: "Published", value: update.publishedOn ? formatDate(update.publishedOn) : "Not published" },
          { key: "Published by", value: update.publishedByName ?? "" },
          { key: "Snapshot", value: <span className="break-all font-mono text-sm">SHA-256 {snapshot.contentHash}</span> },
        ]}
      />
      <p className="mb-8">
        <a href={`/updates/${slug}/pdf`} className="inline-block bg-govuk-green px-4 py-2 font-bold text-white! no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30] focus-visible:text-govuk-black!">
          Download this update as a PDF
        </a>{" "}
        <a href={`/updates/${slug}/print`} className="ml-4">Print layout</a>
      </p>
      <SnapshotReport content={snapshot.content} previousSlug={previousSlug} />
    </>
  );
}
