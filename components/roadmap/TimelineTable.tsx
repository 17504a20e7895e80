import { NO_FILTERS, chartLayout, dependencyTarget, periodMark, spanBar, visibleItems, type ChartLayout, type DateRange, type TimelineFilters } from "@/lib/roadmap/timeline";
import { describePeriod, formatPeriod, type QuarterStyle } from "@/lib/dates/period";
import type { Roadmap } from "@/lib/roadmap/types";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL, phaseByKey } from "@/lib/roadmap/view";
import { SlippageNote } from "./Slippage";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";

const CUT_WORDS = {
  "before-range": "Not drawn on the chart: before this range",
  "after-range": "Not drawn on the chart: after this range",
  "filtered-out": "Not drawn on the chart: filtered out",
  "other-page": "Drawn to the edge of the chart: the other end is on another page",
} as const;

/**
 * The timeline's content as a table, in the chart's order (product by product; in each, its phases,
 * milestones and what it depends on): the accessible equivalent of the chart, with the same filters.
 * Items outside the range are listed too, and say so, because a table has room for them. A phase or
 * milestone row has its bar or marker's `data-timeline-item` as `data-table-item`, so the orders can be compared.
 */
export function TimelineTable({
  roadmap,
  range,
  quarters = "calendar",
  filters = NO_FILTERS,
  layout = chartLayout(roadmap, range, { filters, quarters }),
}: {
  roadmap: Roadmap;
  range: DateRange;
  quarters?: QuarterStyle;
  filters?: TimelineFilters;
  /** The chart's layout, so the table lists the same products (the same page of a long timeline). */
  layout?: ChartLayout;
}) {
  const cutReason = new Map(
    layout.rows.flatMap((row) => (row.kind === "product" ? row.lanes : [])).flatMap((lane) => (lane.kind === "cut" ? [[lane.cut.dependencyId, lane.cut.reason] as const] : [])),
  );
  const products = layout.shown;
  const milestoneById = new Map(roadmap.products.flatMap((p) => p.milestones.map((m) => [m.id, m] as const)));
  return (
    <ScrollRegion label="Timeline as a table (scrolls sideways)" minWidth="600px">
      <table className={table.table}>
        <caption className={table.caption}>Timeline as a table</caption>
        <TableHead columns={["Product", "Item", "From", "To or target", "Status"]} />
        <tbody>
          {products.length === 0 ? (
            <tr>
              <td className={table.td} colSpan={5}>No products match these filters.</td>
            </tr>
          ) : null}
          {products.flatMap(({ product, depth, matches }) => {
            const name = (
              <th scope="row" className={table.th} style={depth ? { paddingLeft: `${depth}rem` } : undefined}>
                {product.name}
              </th>
            );
            if (!matches) {
              return [
                <tr key={`g${product.slug}`}>
                  {name}
                  <td className={table.td} colSpan={4}>Group heading only: {product.name} itself does not match the filters</td>
                </tr>,
              ];
            }
            const { spans, milestones } = visibleItems(product, filters);
            return [
              ...spans.map((span) => (
                <tr key={`s${span.id}`} data-table-item={`span-${span.id}`}>
                  {name}
                  <td className={table.td}>
                    {phaseByKey(roadmap, span.phaseKey)?.name ?? span.phaseKey} phase
                    {span.note ? <span className="mt-1 block text-govuk-secondary">{span.note}</span> : null}
                  </td>
                  <td className={table.td}>{span.start ? formatPeriod(span.start, { quarters }) : "Already under way"}</td>
                  <td className={table.td}>{span.end ? formatPeriod(span.end, { asTarget: true, quarters }) : "Ongoing"}</td>
                  <td className={table.td}>{spanBar(range, span, quarters) ? "" : "Outside this range"}</td>
                </tr>
              )),
              ...milestones.map((m) => (
                <tr key={`m${m.id}`} data-table-item={`milestone-${m.id}`}>
                  {name}
                  <td className={table.td}>Milestone: {m.title}</td>
                  <td className={table.td}>{m.forecast.precision === "day" ? "" : describePeriod(m.forecast)}</td>
                  <td className={table.td}>
                    {formatPeriod(m.forecast, { asTarget: true, quarters })}
                    <SlippageNote milestone={m} quarters={quarters} />
                  </td>
                  <td className={table.td}>
                    {MILESTONE_STATUS_LABEL[m.status]}
                    {periodMark(range, m.forecast) ? null : <span className="block text-govuk-secondary">Outside this range</span>}
                  </td>
                </tr>
              )),
              ...product.dependencies.map((d) => {
                const target = d.on.kind === "milestone" ? (milestoneById.get(d.on.id) ?? null) : null;
                const reason = cutReason.get(d.id);
                return (
                  <tr key={`d${d.id}`} data-dependency-row={d.id}>
                    {name}
                    <td className={table.td}>
                      {`Depends on ${d.on.kind === "product" ? "product " : d.on.kind === "milestone" ? "milestone " : ""}${dependencyTarget(d, roadmap)}`}
                      {d.owner ? <span className="mt-1 block text-govuk-secondary">Owner: {d.owner}</span> : null}
                      {d.note ? <span className="mt-1 block text-govuk-secondary">{d.note}</span> : null}
                    </td>
                    <td className={table.td} />
                    <td className={table.td}>{target ? formatPeriod(target.forecast, { asTarget: true, quarters }) : ""}</td>
                    <td className={table.td}>
                      {DEPENDENCY_STATUS_LABEL[d.status]}
                      {reason ? <span className="block text-govuk-secondary">{CUT_WORDS[reason]}</span> : null}
                    </td>
                  </tr>
                );
              }),
            ];
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
