import type { DateRange } from "@/lib/roadmap/timeline";
import { spanBar } from "@/lib/roadmap/timeline";
import { describePeriod, formatPeriod } from "@/lib/dates/period";
import type { Roadmap } from "@/lib/roadmap/types";
import { MILESTONE_STATUS_LABEL, phaseByKey, productsInFamilyOrder, sortedMilestones } from "@/lib/roadmap/view";
import { SlippageNote } from "./Slippage";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";

/** The timeline's content as a table, in the chart's order: the accessible equivalent of the chart. */
export function TimelineTable({ roadmap, range }: { roadmap: Roadmap; range: DateRange }) {
  return (
    <ScrollRegion label="Timeline as a table (scrolls sideways)" minWidth="600px">
    <table className={table.table}>
      <caption className={table.caption}>Timeline as a table</caption>
      <TableHead columns={["Product", "Item", "From", "To or target", "Status"]} />
      <tbody>
        {productsInFamilyOrder(roadmap.products).flatMap(({ product }) => {
          const rows = [
            ...product.spans.map((span) => {
              const bar = spanBar(range, span);
              return (
                <tr key={`s${span.id}`}>
                  <th scope="row" className={table.th}>{product.name}</th>
                  <td className={table.td}>
                    {phaseByKey(roadmap, span.phaseKey)?.name ?? span.phaseKey} phase
                    {span.note ? <span className="mt-1 block text-govuk-secondary">{span.note}</span> : null}
                  </td>
                  <td className={table.td}>{span.start ? formatPeriod(span.start) : "Already under way"}</td>
                  <td className={table.td}>{span.end ? formatPeriod(span.end, { asTarget: true }) : "Ongoing"}</td>
                  <td className={table.td}>{bar ? "" : "Outside this range"}</td>
                </tr>
              );
            }),
            ...sortedMilestones(product).map((m) => (
              <tr key={`m${m.id}`}>
                <th scope="row" className={table.th}>{product.name}</th>
                <td className={table.td}>Milestone: {m.title}</td>
                <td className={table.td}>{m.forecast.precision === "day" ? "" : describePeriod(m.forecast)}</td>
                <td className={table.td}>
                  {formatPeriod(m.forecast, { asTarget: true })}
                  <SlippageNote milestone={m} />
                </td>
                <td className={table.td}>{MILESTONE_STATUS_LABEL[m.status]}</td>
              </tr>
            )),
          ];
          return rows;
        })}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
