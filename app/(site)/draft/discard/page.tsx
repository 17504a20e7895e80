// GET /draft/discard — confirm discarding the draft quarterly update (the roadmap's own changes stay). Needs: publish:update.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { quarterName, readDraftUpdate } from "@/lib/updates/workflow";
import { discardUpdateAction } from "../actions";

export const metadata: Metadata = { title: "Discard the draft update" };

type Props = { searchParams: Promise<{ stale?: string }> };

export default async function DiscardPage({ searchParams }: Props) {
  await requirePermission("publish:update");
  const draft = await readDraftUpdate(await getDb());
  if (!draft) {
    return (
      <>
        <H1>There is no draft update to discard</H1>
        <p className="mb-4 max-w-[45em]">It may have just been published or discarded.</p>
        <p><Link href="/draft">Go to the working draft</Link></p>
      </>
    );
  }
  const { stale } = await searchParams;
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed the draft update after you opened this page, so it was not discarded. Check it below before discarding it.</p>
        </div>
      ) : null}
      <H1 caption={`${quarterName(draft)} update (draft)`}>Are you sure you want to discard the draft {quarterName(draft)} update?</H1>
      <p className="mb-4 max-w-[45em]">Its title (“{draft.title}”) and covering text are removed. Nothing was published, so committee clerks never saw it.</p>
      <p className="mb-6 max-w-[45em]">The changes made to the roadmap itself (products, milestones, rollout, dependencies) stay in the working draft for the next update.</p>
      <form action={discardUpdateAction}>
        <input type="hidden" name="slug" value={draft.slug} />
        <input type="hidden" name="version" value={draft.version} />
        <Button variant="warning">Yes, discard the draft update</Button>
        <Link href="/draft#quarterly-update" className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
