// GET /draft/update — change the draft quarterly update's title and covering text. Needs: publish:update.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { quarterName, readDraftUpdate } from "@/lib/updates/workflow";
import { ChangeUpdateForm } from "../UpdateForm";

export const metadata: Metadata = { title: "Change the draft update" };

export default async function ChangeUpdatePage() {
  await requirePermission("publish:update");
  const draft = await readDraftUpdate(await getDb());
  if (!draft) {
    return (
      <>
        <H1>There is no draft update</H1>
        <p className="mb-4 max-w-[45em]">It may have been published or discarded.</p>
        <p><Link href="/draft">Go to the working draft</Link></p>
      </>
    );
  }
  return (
    <>
      <p className="mb-4"><Link href="/draft">Back to the working draft</Link></p>
      <H1 caption={`${quarterName(draft)} update (draft)`}>Change the draft update</H1>
      <ChangeUpdateForm
        slug={draft.slug}
        initial={{ errors: {}, values: { title: draft.title, coveringText: draft.coveringText, version: String(draft.version) } }}
      />
    </>
  );
}
