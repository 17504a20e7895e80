import Link from "next/link";
import { formatPeriod, type IsoDate, type QuarterStyle } from "@/lib/dates/period";
import type { Roadmap } from "@/lib/roadmap/types";
import { familyLine, nextMilestone, phaseNames, phasesOn, productsInFamilyOrder, productStatus } from "@/lib/roadmap/view";
import { SlippageNote } from "./Slippage";
import { MilestoneStatusTag } from "@/components/ui/Tag";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Each product: its phase, next milestone and status, as at the update's date. */
export function ProductTable({ roadmap, asOf, caption, linkProducts = true, quarters }: { roadmap: Roadmap; asOf: IsoDate; caption: string; linkProducts?: boolean; quarters?: QuarterStyle }) {
  return (
    <ScrollRegion label={caption}>
<table className={table.table}>
      <caption className={table.caption}>{caption}</caption>
      <TableHead columns={[{ label: "Product", className: "w-[34%]" }, "Phase", "Next milestone", "Status"]} />
      <tbody>
        {productsInFamilyOrder(roadmap.products).map(({ product, depth }) => {
          const next = nextMilestone(product);
          const status = productStatus(product);
          const family = familyLine(product);
          return (
            <tr key={product.slug}>
              <th scope="row" className={`${table.th} ${depth ? "pl-6" : ""}`}>
                {linkProducts ? <Link href={`/products/${product.slug}`}>{product.name}</Link> : product.name}
                <span className="mt-1 block font-normal text-govuk-secondary">{product.description}</span>
                {family ? <span className="mt-1 block font-normal">{family}</span> : null}
              </th>
              <td className={table.td}>{phaseNames(phasesOn(roadmap, product, asOf))}</td>
              <td className={table.td}>
                {next ? (
                  <>
                    {next.title}: <strong>{formatPeriod(next.forecast, { asTarget: true, quarters })}</strong>
                    <SlippageNote milestone={next} quarters={quarters} />
                  </>
                ) : (
                  <span className="text-govuk-secondary">No dated milestone in this update</span>
                )}
                <span className="mt-1 block text-govuk-secondary">{product.statusSummary}</span>
              </td>
              <td className={table.td}>
                {status ? <MilestoneStatusTag status={status} /> : <span className="text-govuk-secondary">Not stated</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
</ScrollRegion>
  );
}
