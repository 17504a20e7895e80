import Link from "next/link";
import { formatDate, formatPeriod, slippage, type QuarterStyle } from "@/lib/dates/period";
import type { Product } from "@/lib/roadmap/types";
import { sortedMilestones } from "@/lib/roadmap/view";
import { MilestoneStatusTag } from "@/components/ui/Tag";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Milestones with baseline, forecast and slippage, so a moved date is a figure, not a memory. */
export function MilestoneTable({ product, linkBase, query = "", quarters }: { product: Product; linkBase?: string; query?: string; quarters?: QuarterStyle }) {
  const milestones = sortedMilestones(product);
  if (milestones.length === 0) return <p className="mb-8">No dated milestones are recorded for {product.name}.</p>;
  return (
    <ScrollRegion label={`Milestones of ${product.name}`}>
<table className={`${table.table} mb-8`}>
      <caption className="sr-only">Milestones of {product.name}</caption>
      <TableHead columns={["Milestone", "Baseline", "Forecast", "Slippage", "Status"]} />
      <tbody>
        {milestones.map((m) => (
          <tr key={m.id}>
            <th scope="row" className={table.th}>
              {linkBase ? <Link href={`${linkBase}/${m.id}${query}`}>{m.title}</Link> : m.title}
              {m.notes ? <span className="mt-1 block font-normal text-govuk-secondary">{m.notes}</span> : null}
            </th>
            <td className={table.td}>{m.baseline ? formatPeriod(m.baseline, { asTarget: true, quarters }) : "Not yet published"}</td>
            <td className={table.td}>{formatPeriod(m.forecast, { asTarget: true, quarters })}</td>
            <td className={table.td}>{m.baseline ? slippage(m.baseline, m.forecast).text : "No baseline yet"}</td>
            <td className={table.td}>
              <MilestoneStatusTag status={m.status} />
              {m.actualOn ? <span className="mt-1 block">Done on {formatDate(m.actualOn)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
</ScrollRegion>
  );
}
