// GET /draft/publish — confirm publishing the draft quarterly update, with what changed since the last published one. Needs: publish:update.
import type { Metadata } from "next";
import Link from "next/link";
import { WhatChanged } from "@/components/roadmap/WhatChanged";
import { Button } from "@/components/forms/fields";
import { H1, H2 } from "@/components/ui/typography";
import { SummaryList } from "@/components/ui/SummaryList";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { compareSnapshots, updateLabel } from "@/lib/roadmap/compare";
import { latestSnapshot } from "@/lib/roadmap/published";
import { draftPreview, previewRoadmapHash, quarterName, readDraftUpdate } from "@/lib/updates/workflow";
import { publishUpdateAction } from "../actions";

export const metadata: Metadata = { title: "Publish the update" };

type Props = { searchParams: Promise<{ stale?: string }> };

export default async function PublishPage({ searchParams }: Props) {
  const user = await requirePermission("publish:update");
  const db = await getDb();
  // The form carries the update's version and the fingerprint of the roadmap shown below: a change to either
  // after this page was made (even between these two reads) makes the publish refused, never unseen.
  const draft = await readDraftUpdate(db);
  const content = draft ? await draftPreview(db) : null;
  if (!draft || !content) {
    return (
      <>
        <H1>There is no draft update to publish</H1>
        <p className="mb-4 max-w-[45em]">It may have just been published or discarded.</p>
        <p><Link href="/updates">See the published updates</Link> or <Link href="/draft">go to the working draft</Link>.</p>
      </>
    );
  }
  const previous = (await latestSnapshot())?.content ?? null;
  const name = quarterName(draft);
  const { stale } = await searchParams;
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">
            {stale === "roadmap"
              ? "The roadmap changed after you opened this page, so the update was not published. Check what changed below before publishing it."
              : "Someone changed the draft update after you opened this page, so it was not published. Check it below before publishing it."}
          </p>
        </div>
      ) : null}
      <p className="mb-4"><Link href="/draft#quarterly-update">Back to the working draft</Link></p>
      <H1 caption={`${name} update`}>Publish {name}?</H1>
      <div className="mb-6 max-w-[45em] border-l-[10px] border-govuk-border py-2 pl-4">
        <p className="mb-2 font-bold">Committee clerks will see it at once.</p>
        <p>A published update can never be changed; a correction is a new update.</p>
      </div>
      <SummaryList
        rows={[
          { key: "Quarter", value: name },
          { key: "Title", value: draft.title },
          { key: "Published by", value: user.name },
          { key: "Covering text", value: draft.coveringText.trim() ? `${draft.coveringText.trim().split(/\s+/).length} words` : "None" },
        ]}
      />
      <p className="mb-6"><Link href="/draft/preview">Preview the update as it will be published</Link></p>
      <H2>{previous ? `What changed since the ${updateLabel(previous.update)} update` : "What changed"}</H2>
      {previous ? (
        <WhatChanged comparison={compareSnapshots(previous, content)} headingLevel={3} />
      ) : (
        <p className="mb-6">This will be the first published update: there is nothing to compare it with.</p>
      )}
      <form action={publishUpdateAction} className="mt-8">
        <input type="hidden" name="slug" value={draft.slug} />
        <input type="hidden" name="version" value={draft.version} />
        <input type="hidden" name="roadmapHash" value={previewRoadmapHash(content)} />
        <Button>Publish {name}</Button>
        <Link href="/draft#quarterly-update" className="inline-block py-2 text-lg">Cancel</Link>
      </form>
    </>
  );
}
