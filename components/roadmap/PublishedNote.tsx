import Link from "next/link";
import { formatDate } from "@/lib/dates/period";
import type { UpdateSummary } from "@/lib/roadmap/types";

/** Says which published update a page shows, so a reader never mistakes its date. */
export function PublishedNote({ update }: { update: UpdateSummary }) {
  return (
    <p className="mb-6 border-l-4 border-govuk-blue bg-govuk-light-grey px-4 py-2">
      As published in the <Link href={`/updates/${update.slug}`}>{update.year} Q{update.quarter} update</Link>
      {update.publishedOn ? `, ${formatDate(update.publishedOn)}` : ""}
      {update.publishedByName ? `, by ${update.publishedByName}` : ""}.
    </p>
  );
}

export function NothingPublished() {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold sm:text-5xl">No roadmap published yet</h1>
      <p className="mb-4 max-w-[45em]">
        Nothing has been published for this programme yet. The roadmap shows here once the first quarterly update is published.
      </p>
    </>
  );
}
