import Link from "next/link";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { dayMark, periodMark, quarterColumns, spanBar, type DateRange } from "@/lib/roadmap/timeline";
import { slippageNote } from "./Slippage";
import { formatDate, formatPeriod, type IsoDate } from "@/lib/dates/period";
import type { Roadmap } from "@/lib/roadmap/types";
import { MILESTONE_STATUS_LABEL, phaseByKey, productsInFamilyOrder, sortedMilestones } from "@/lib/roadmap/view";
import { phaseBackground } from "./PhaseGrid";

const MARK_COLOUR = {
  not_assessed: "bg-[#505a5f]",
  not_started: "bg-[#505a5f]",
  on_track: "bg-[#00703c]",
  at_risk: "bg-[#f47738]",
  delayed: "bg-[#d4351c]",
  done: "bg-[#1d70b8]",
} as const;

const pct = (n: number) => `${n.toFixed(4)}%`;

/**
 * Phase bars and milestone markers per product across the range, by quarter. Every bar names its
 * phase and every marker its status in text, so nothing relies on colour; the same content follows
 * as a table (TimelineTable).
 */
export function TimelineChart({ roadmap, range, today, id = "timeline-chart", linkProducts = true }: { roadmap: Roadmap; range: DateRange; today: IsoDate | null; id?: string; linkProducts?: boolean }) {
  const columns = quarterColumns(range);
  const todayAt = today ? dayMark(range, today) : null;
  const gridLines = columns.map((c) => (
    <div key={c.key} aria-hidden="true" className="absolute inset-y-0 border-l border-govuk-border" style={{ left: pct(c.left) }} />
  ));

  return (
    <figure id={id} aria-labelledby={`${id}-caption`} className="timeline-chart mb-8">
      <figcaption id={`${id}-caption`} className="mb-2 text-xl font-bold">
        Timeline from {formatDate(range.start)} to {formatDate(range.end)}
      </figcaption>
      <ScrollRegion label="Timeline chart (scrolls sideways)" minWidth="760px">
      <div className="relative text-sm">
        <div className="timeline-header grid grid-cols-[11rem_1fr] border-b-2 border-govuk-black">
          <div className="py-1 font-bold">Product</div>
          <div className="relative h-8">
            {columns.map((c) => (
              <div key={c.key} className="absolute top-0 h-full border-l border-govuk-border px-1 py-1 font-bold" style={{ left: pct(c.left), width: pct(c.width) }} title={c.title}>
                {c.label}
              </div>
            ))}
          </div>
        </div>
        <ol className="list-none p-0">
          {productsInFamilyOrder(roadmap.products).map(({ product, depth }) => {
            const milestones = sortedMilestones(product);
            return (
              <li key={product.slug} className="timeline-row avoid-break grid grid-cols-[11rem_1fr] border-b border-govuk-border">
                <div className={`py-2 pr-2 font-bold ${depth ? "pl-4" : ""}`}>
                  {linkProducts ? <Link href={`/products/${product.slug}`}>{product.name}</Link> : product.name}
                </div>
                <div className="relative py-1">
                  {gridLines}
                  <ul className="relative list-none p-0">
                    {product.spans.map((span) => {
                      const bar = spanBar(range, span);
                      const phase = phaseByKey(roadmap, span.phaseKey);
                      if (!bar || !phase) return null;
                      return (
                        <li key={span.id} className="relative my-1 h-6">
                          <span
                            className={`absolute inset-y-0 overflow-hidden whitespace-nowrap px-1 leading-6 font-bold text-white ${phaseBackground(phase.key)} ${bar.cutStart ? "" : "rounded-l"} ${bar.cutEnd ? "" : "rounded-r"}`}
                            style={{ left: pct(bar.left), width: pct(bar.width) }}
                          >
                            {bar.cutStart ? <span aria-hidden="true">‹ </span> : null}
                            {phase.name}
                            <span className="sr-only">: {bar.fromLabel} to {bar.toLabel}</span>
                            {bar.cutEnd ? <span aria-hidden="true" className="absolute right-1"> ›</span> : null}
                          </span>
                        </li>
                      );
                    })}
                    {milestones.map((m) => {
                      const mark = periodMark(range, m.forecast);
                      if (!mark) return null;
                      const labelOnLeft = mark.left + mark.width > 60;
                      return (
                        <li key={m.id} className="relative my-1 h-6">
                          <span aria-hidden="true" className="absolute inset-y-1 bg-govuk-black/15" style={{ left: pct(mark.left), width: pct(mark.width) }} />
                          <span
                            aria-hidden="true"
                            className={`absolute top-1 h-4 w-4 -translate-x-1/2 rotate-45 border-2 border-white ${MARK_COLOUR[m.status]}`}
                            style={{ left: pct(mark.left + mark.width) }}
                          />
                          <span
                            className={`absolute top-0 whitespace-nowrap leading-6 ${labelOnLeft ? "-translate-x-full pr-3" : "pl-3"}`}
                            style={{ left: pct(mark.left + mark.width) }}
                          >
                            {m.title}: {formatPeriod(m.forecast, { asTarget: true })} ({MILESTONE_STATUS_LABEL[m.status]}
                            {slippageNote(m) ? `; ${slippageNote(m)!.replace(/^S/, "s").replace(/^B/, "b")}` : ""})
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
        {todayAt !== null && today ? (
          <div className="pointer-events-none absolute inset-y-0 left-[11rem] right-0" aria-hidden="true">
            <div className="absolute inset-y-0 border-l-2 border-dashed border-govuk-red" style={{ left: pct(todayAt) }}>
              <span className="absolute -top-6 -translate-x-1/2 whitespace-nowrap bg-white px-1 font-bold text-govuk-red">Today</span>
            </div>
          </div>
        ) : null}
      </div>
      </ScrollRegion>
      <p className="mt-2 text-sm text-govuk-secondary">
        ‹ already under way before the range begins; › continues beyond it. A milestone&apos;s shaded band is its target period;
        the diamond marks the end of that period.
        {todayAt !== null && today ? ` The dashed line is today, ${formatDate(today)}.` : " Today is outside this range."}
      </p>
    </figure>
  );
}
