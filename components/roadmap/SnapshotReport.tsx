import { formatDate, todayInLondon, type QuarterStyle } from "@/lib/dates/period";
import { compareSnapshots, updateLabel } from "@/lib/roadmap/compare";
import type { SnapshotContent } from "@/lib/roadmap/types";
import { phaseDateOf } from "@/lib/roadmap/view";
import { lookaheadRange } from "@/lib/roadmap/timeline";
import { CoveringText } from "./CoveringText";
import { FactorList } from "./FactorList";
import { PhaseDefinitions } from "./PhaseDefinitions";
import { PhaseGrid } from "./PhaseGrid";
import { ProductTable } from "./ProductTable";
import { ForceList, RolloutSummary } from "./RolloutSummary";
import { TimelineChart } from "./TimelineChart";
import { TimelineTable } from "./TimelineTable";
import { MilestoneTable } from "./MilestoneTable";
import { WhatChanged } from "./WhatChanged";

/**
 * A published update in full, in the order of the PDF: covering text, products, the roadmap by
 * phase, the timeline, rollout, dependencies, what changed, and the phase definitions. The page and
 * the print layout both render this, so the PDF is the page (the page moves "what changed" to the top).
 * What changed is worked out from the two snapshots, so it is as fixed as they are.
 */
export function SnapshotReport({
  content,
  previous = null,
  changesFirst = false,
  forPrint = false,
  quarters = "calendar",
}: {
  content: SnapshotContent;
  /** The previous published update's snapshot, to say what changed since; null for the first update. */
  previous?: SnapshotContent | null;
  /** The update page leads with what changed (the committee's first question); the PDF keeps the letter's order. */
  changesFirst?: boolean;
  forPrint?: boolean;
  /** How quarters are labelled throughout: the reader's choice, or the PDF's style. */
  quarters?: QuarterStyle;
}) {
  const { update, roadmap } = content;
  const asOf = update.publishedOn ?? todayInLondon();
  // Phases as the update's own quarter reads them (lib/roadmap/view.ts phaseDateOf), as "what changed" does.
  const phasesAt = phaseDateOf(update, todayInLondon());
  const range = lookaheadRange(asOf, roadmap.programme.lookaheadMonths);
  const withRollout = roadmap.products.filter((p) => p.rollout);
  const section = forPrint ? "print-section break-before-page" : "";
  const h2 = "mt-10 mb-4 text-2xl font-bold sm:text-3xl";
  const changes = (
    <section aria-labelledby="changes" className={forPrint ? "print-section" : ""}>
      <h2 id="changes" className={h2}>What changed since the previous update</h2>
      {previous ? (
        <>
          <p className="mb-4 max-w-[45em]">
            Compared with the {updateLabel(previous.update)} update
            {previous.update.publishedOn ? `, published ${formatDate(previous.update.publishedOn)}` : ""}.
          </p>
          <WhatChanged comparison={compareSnapshots(previous, content)} headingLevel={3} quarters={quarters} />
        </>
      ) : (
        <p className="mb-4 max-w-[45em]">
          This is the first published update of the {roadmap.programme.shortName} roadmap: there is no earlier update to compare it with.
        </p>
      )}
    </section>
  );
  return (
    <>
      {changesFirst ? changes : null}
      <section aria-labelledby="covering-text" className={forPrint ? "print-section" : ""}>
        <h2 id="covering-text" className={h2}>Covering text</h2>
        {update.coveringText.trim() ? <CoveringText text={update.coveringText} /> : <p className="mb-4">No covering text was published with this update.</p>}
      </section>
      <section aria-labelledby="products" className={section}>
        <h2 id="products" className={h2}>Products</h2>
        <ProductTable roadmap={roadmap} asOf={phasesAt} caption={`Products as at ${formatDate(phasesAt)}`} linkProducts={!forPrint} quarters={quarters} />
        <h3 className="mt-8 mb-3 text-xl font-bold">Milestones</h3>
        {roadmap.products.map((product) => (
          <div key={product.slug} className="avoid-break">
            <h4 className="mt-4 mb-2 text-lg font-bold">{product.name}</h4>
            <MilestoneTable product={product} quarters={quarters} />
          </div>
        ))}
      </section>
      <section aria-labelledby="by-phase" className={section}>
        <h2 id="by-phase" className={h2}>Roadmap by phase</h2>
        <PhaseGrid roadmap={roadmap} asOf={phasesAt} linkProducts={!forPrint} />
      </section>
      <section aria-labelledby="timeline" className={section}>
        <h2 id="timeline" className={h2}>Timeline</h2>
        <TimelineChart roadmap={roadmap} range={range} today={null} id="snapshot-timeline" linkProducts={!forPrint} quarters={quarters} />
        <TimelineTable roadmap={roadmap} range={range} quarters={quarters} />
      </section>
      <section aria-labelledby="rollout" className={section}>
        <h2 id="rollout" className={h2}>Rollout against target</h2>
        {withRollout.length ? (
          <>
            {withRollout.map((p) => (
              // A product's force list is shown only when it says which forces are live; otherwise it
              // would print the same 45 names again for every product, so they are listed once below.
              <RolloutSummary
                key={p.slug}
                product={p}
                forces={roadmap.forces}
                asOf={asOf}
                quarters={quarters}
                showForces={(p.rollout?.forceGoLives.length ?? 0) > 0}
              />
            ))}
            {withRollout.some((p) => p.rollout?.forceGoLives.length === 0) ? (
              <ForceList forces={roadmap.forces} rollout={null} productName={null} headingLevel={3} />
            ) : null}
          </>
        ) : (
          <p>No rollout is recorded in this update.</p>
        )}
      </section>
      <section aria-labelledby="dependencies" className={section}>
        <h2 id="dependencies" className={h2}>Dependencies</h2>
        <p className="mb-4 max-w-[45em]">Delivery of every product depends on these programme-level factors.</p>
        <FactorList roadmap={roadmap} caption="Programme-level dependencies and their status" />
      </section>
      {changesFirst ? null : changes}
      <section aria-labelledby="phases" className={forPrint ? "print-section" : ""}>
        <h2 id="phases" className={h2}>Phase definitions</h2>
        <PhaseDefinitions roadmap={roadmap} />
      </section>
    </>
  );
}
