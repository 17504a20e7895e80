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

/**
 * Says which roadmap a page shows. Programme staff see the working draft by default, with a way to
 * the published version of the same page; clerks only ever see the published note.
 */
export function ReaderNote({ view, path }: { view: import("@/lib/roadmap/for-reader").ReaderView; path: string }) {
  if (view.kind === "published") {
    return (
      <>
        <PublishedNote update={view.update} />
        {view.draftAvailable ? (
          <p className="-mt-4 mb-6">
            <Link href={path}>Show the working draft instead</Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <div className="mb-6 max-w-[45em] border-l-[10px] border-[#f47738] bg-govuk-light-grey px-4 py-3">
      <p className="font-bold">Working draft: not published.</p>
      <p>
        This is the roadmap as it stands today, with changes made since
        {view.latest ? ` the ${view.latest.year} Q${view.latest.quarter} update` : " it was started"}. Committee clerks cannot see it.
      </p>
      {view.latest ? (
        <p className="mt-2">
          <Link href={`${path}?view=published`}>Show the published {view.latest.year} Q{view.latest.quarter} version</Link>
        </p>
      ) : null}
    </div>
  );
}
