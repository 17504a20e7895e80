// GET /timeline — the next 12 months by quarter: phase bars, milestones, today, and the same as a table. Needs: read:published.
import type { Metadata } from "next";
import { NothingPublished, ReaderNote } from "@/components/roadmap/PublishedNote";
import { TimelineChart } from "@/components/roadmap/TimelineChart";
import { TimelineTable } from "@/components/roadmap/TimelineTable";
import { H1 } from "@/components/ui/typography";
import { todayInLondon } from "@/lib/dates/period";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { lookaheadRange } from "@/lib/roadmap/timeline";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const user = await requirePermission("read:published");
  const view = await roadmapForReader(user, (await searchParams).view);
  if (!view) return <NothingPublished />;
  const { roadmap } = view;
  const range = lookaheadRange(view.lookaheadFrom, roadmap.programme.lookaheadMonths);
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Timeline</H1>
      <ReaderNote view={view} path="/timeline" />
      <TimelineChart roadmap={roadmap} range={range} today={todayInLondon()} />
      <TimelineTable roadmap={roadmap} range={range} />
    </>
  );
}
