// GET /draft/preview — the draft quarterly update in full, exactly as it will publish, with what changed since the last published update. Needs: read:draft.
import type { Metadata } from "next";
import Link from "next/link";
import { SnapshotReport } from "@/components/roadmap/SnapshotReport";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1 } from "@/components/ui/typography";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/dates/period";
import { latestSnapshot } from "@/lib/roadmap/published";
import { draftPreview, quarterName } from "@/lib/updates/workflow";

export const metadata: Metadata = { title: "Preview of the draft update" };

export default async function PreviewPage() {
  const user = await requirePermission("read:draft");
  const content = await draftPreview(await getDb());
  if (!content) {
    return (
      <>
        <H1>There is no draft update to preview</H1>
        <p className="mb-4 max-w-[45em]">Start the next quarterly update from the working draft; it may also have just been published or discarded.</p>
        <p><Link href="/draft">Go to the working draft</Link></p>
      </>
    );
  }
  const previous = (await latestSnapshot())?.content ?? null;
  const { update, roadmap } = content;
  return (
    <>
      <p className="mb-4"><Link href="/draft#quarterly-update">Back to the working draft</Link></p>
      <div role="note" aria-label="Preview" className="mb-8 max-w-[45em] border-l-[10px] border-[#f47738] bg-govuk-light-grey px-4 py-3">
        <p className="text-xl font-bold">Preview: not published</p>
        <p>
          This is the {quarterName(update)} update as it would be published today. Committee clerks cannot see it. Milestones without a
          baseline show their target date as the baseline they will take when it is published.
        </p>
      </div>
      <H1 caption={`${roadmap.programme.shortName} quarterly update (preview)`}>
        {quarterName(update)}: {update.title}
      </H1>
      <SummaryList
        rows={[
          { key: "Programme", value: `${roadmap.programme.name} (${roadmap.programme.shortName}), ${roadmap.programme.department}` },
          { key: "Quarter", value: quarterName(update) },
          { key: "Published", value: `Not yet: if published today, ${update.publishedOn ? formatDate(update.publishedOn) : ""}` },
        ]}
      />
      {can(user.role, "publish:update") ? (
        <p className="mb-8"><Link href="/draft/publish">Publish the update</Link></p>
      ) : null}
      <SnapshotReport content={content} previous={previous} changesFirst />
    </>
  );
}
