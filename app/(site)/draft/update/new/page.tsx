// GET /draft/update/new — start the next quarterly update (its quarter, title and covering text). Needs: publish:update.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { MONTH_NAMES, todayInLondon } from "@/lib/dates/period";
import { draftRoadmap } from "@/lib/roadmap/draft";
import { quarterName, readDraftUpdate, suggestedNextQuarter } from "@/lib/updates/workflow";
import { StartUpdateForm } from "../../UpdateForm";

export const metadata: Metadata = { title: "Start the next quarterly update" };

export default async function NewUpdatePage() {
  await requirePermission("publish:update");
  const db = await getDb();
  const draft = await readDraftUpdate(db);
  if (draft) {
    // One draft at a time: say so rather than offer a form that can only be refused.
    return (
      <>
        <p className="mb-4"><Link href="/draft">Back to the working draft</Link></p>
        <H1>There is already a draft update</H1>
        <p className="mb-4 max-w-[45em]">
          The {quarterName(draft)} update, “{draft.title}”, is being prepared. Publish or discard it before starting another.
        </p>
        <p><Link href="/draft#quarterly-update">Go to the {quarterName(draft)} draft update</Link></p>
      </>
    );
  }
  const next = await suggestedNextQuarter(db);
  const today = todayInLondon();
  const shortName = (await draftRoadmap())?.programme.shortName ?? "NLEDP";
  // The seeded update is "NLEDP product roadmap, October 2021": named after the month it is published in.
  const title = `${shortName} product roadmap, ${MONTH_NAMES[Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}`;
  return (
    <>
      <p className="mb-4"><Link href="/draft">Back to the working draft</Link></p>
      <H1 caption="Quarterly update">Start the next quarterly update</H1>
      <p className="mb-6 max-w-[45em]">
        The update is a draft until it is published: committee clerks cannot see it. Publishing freezes the whole roadmap as it then stands.
      </p>
      <StartUpdateForm initial={{ errors: {}, values: { year: String(next.year), quarter: String(next.quarter), title, coveringText: "" } }} />
    </>
  );
}
