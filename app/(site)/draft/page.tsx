// GET /draft — the working draft: the live roadmap before it is published. Needs: read:draft.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FactorList } from "@/components/roadmap/FactorList";
import { ProductTable } from "@/components/roadmap/ProductTable";
import { TimelineChart } from "@/components/roadmap/TimelineChart";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { todayInLondon } from "@/lib/dates/period";
import { draftRoadmap } from "@/lib/roadmap/draft";
import { lookaheadRange } from "@/lib/roadmap/timeline";

export const metadata: Metadata = { title: "Working draft" };

export default async function DraftPage() {
  await requirePermission("read:draft");
  const roadmap = await draftRoadmap();
  if (!roadmap) notFound();
  const today = todayInLondon();
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Working draft</H1>
      <div className="mb-8 max-w-[45em] border-l-[10px] border-[#f47738] bg-govuk-light-grey px-4 py-3">
        <p className="font-bold">Not published.</p>
        <p>This is the roadmap as it stands today, with changes made since the last quarterly update. Committee clerks cannot see it.</p>
      </div>
      <ProductTable roadmap={roadmap} asOf={today} caption="Products as they stand today" />
      <H2>Timeline</H2>
      <TimelineChart roadmap={roadmap} range={lookaheadRange(today, roadmap.programme.lookaheadMonths)} today={today} id="draft-timeline" />
      <H2>Dependencies</H2>
      <FactorList roadmap={roadmap} caption="Programme-level dependencies" />
    </>
  );
}
