// GET /draft — the working draft: the live roadmap before it is published, and the quarterly update being prepared (start, change, preview, publish, discard). Needs: read:draft.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoneBanner } from "@/components/editing/DoneBanner";
import { CoveringText } from "@/components/roadmap/CoveringText";
import { FactorList } from "@/components/roadmap/FactorList";
import { ProductTable } from "@/components/roadmap/ProductTable";
import { TimelineChart } from "@/components/roadmap/TimelineChart";
import { WhatChanged } from "@/components/roadmap/WhatChanged";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { todayInLondon } from "@/lib/dates/period";
import { compareSnapshots, updateLabel } from "@/lib/roadmap/compare";
import { draftRoadmap } from "@/lib/roadmap/draft";
import { latestSnapshot } from "@/lib/roadmap/published";
import { lookaheadRange } from "@/lib/roadmap/timeline";
import { draftPreview, quarterName, readDraftUpdate, suggestedNextQuarter } from "@/lib/updates/workflow";

export const metadata: Metadata = { title: "Working draft" };

type Props = { searchParams: Promise<{ done?: string | string[] }> };

/** The quarterly update being prepared, or the way to start one. */
async function QuarterlyUpdate({ mayPublish }: { mayPublish: boolean }) {
  const db = await getDb();
  const draft = await readDraftUpdate(db);
  const latest = (await latestSnapshot())?.content ?? null;
  if (!draft) {
    const next = await suggestedNextQuarter(db);
    return (
      <section aria-labelledby="quarterly-update" className="mb-10">
        <H2 id="quarterly-update">Quarterly update</H2>
        <p className="mb-4 max-w-[45em]">
          No update is being prepared.{" "}
          {latest ? `The latest published update is ${updateLabel(latest.update)}.` : "No update has been published yet."}
        </p>
        {mayPublish ? (
          <p>
            <Link href="/draft/update/new">Start the next quarterly update</Link> ({quarterName(next)})
          </p>
        ) : null}
      </section>
    );
  }
  const preview = await draftPreview(db);
  return (
    <section aria-labelledby="quarterly-update" className="mb-10">
      <H2 id="quarterly-update">The {quarterName(draft)} update (draft)</H2>
      <SummaryList
        rows={[
          { key: "Quarter", value: quarterName(draft) },
          { key: "Title", value: draft.title },
          {
            key: "Covering text",
            value: draft.coveringText.trim() ? <CoveringText text={draft.coveringText} /> : <span className="text-govuk-secondary">None yet</span>,
          },
        ]}
      />
      {mayPublish ? (
        <p className="mb-6">
          <Link href="/draft/update">
            Change the title and covering text<span className="sr-only"> of the {quarterName(draft)} update</span>
          </Link>
        </p>
      ) : null}
      <h3 className="mt-6 mb-3 text-xl font-bold">
        {latest ? `What changed since the ${updateLabel(latest.update)} update` : "What changed"}
      </h3>
      {latest && preview ? (
        <WhatChanged comparison={compareSnapshots(latest, preview)} headingLevel={3} />
      ) : (
        <p className="mb-6">This will be the first published update: there is nothing to compare it with.</p>
      )}
      <ul className="mt-6 mb-6 list-none p-0">
        <li className="mb-2"><Link href="/draft/preview">Preview the update as it will be published</Link></li>
        {mayPublish ? <li className="mb-2"><Link href="/draft/publish">Publish the update</Link></li> : null}
        {mayPublish ? <li className="mb-2"><Link href="/draft/discard">Discard this draft update</Link></li> : null}
      </ul>
    </section>
  );
}

export default async function DraftPage({ searchParams }: Props) {
  const user = await requirePermission("read:draft");
  const roadmap = await draftRoadmap();
  if (!roadmap) notFound();
  const today = todayInLondon();
  const { done } = await searchParams;
  return (
    <>
      <DoneBanner done={done} />
      <H1 caption={roadmap.programme.shortName}>Working draft</H1>
      <div className="mb-8 max-w-[45em] border-l-[10px] border-[#f47738] bg-govuk-light-grey px-4 py-3">
        <p className="font-bold">Not published.</p>
        <p>This is the roadmap as it stands today, with changes made since the last quarterly update. Committee clerks cannot see it.</p>
      </div>
      <QuarterlyUpdate mayPublish={can(user.role, "publish:update")} />
      <H2>Products</H2>
      <ProductTable roadmap={roadmap} asOf={today} caption="Products as they stand today" />
      <H2>Timeline</H2>
      <TimelineChart roadmap={roadmap} range={lookaheadRange(today, roadmap.programme.lookaheadMonths)} today={today} id="draft-timeline" />
      <H2>Dependencies</H2>
      <FactorList roadmap={roadmap} caption="Programme-level dependencies" />
    </>
  );
}
