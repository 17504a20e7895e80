// GET /timeline — the next 12 months by quarter: phase bars, milestones, today, and the same as a table. Needs: read:published.
import type { Metadata } from "next";
import { NothingPublished, PublishedNote } from "@/components/roadmap/PublishedNote";
import { TimelineChart } from "@/components/roadmap/TimelineChart";
import { TimelineTable } from "@/components/roadmap/TimelineTable";
import { H1 } from "@/components/ui/typography";
import { todayInLondon } from "@/lib/dates/period";
import { latestSnapshot } from "@/lib/roadmap/published";
import { lookaheadRange } from "@/lib/roadmap/timeline";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage() {
  await requirePermission("read:published");
  const snapshot = await latestSnapshot();
  if (!snapshot) return <NothingPublished />;
  const { roadmap, update } = snapshot.content;
  const range = lookaheadRange(update.publishedOn ?? todayInLondon(), roadmap.programme.lookaheadMonths);
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Timeline</H1>
      <PublishedNote update={update} />
      <TimelineChart roadmap={roadmap} range={range} today={todayInLondon()} />
      <TimelineTable roadmap={roadmap} range={range} />
    </>
  );
}
