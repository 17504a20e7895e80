import Link from "next/link";
import type { Roadmap } from "@/lib/roadmap/types";
import { DependencyStatusTag } from "@/components/ui/Tag";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** The programme-level factors that delivery of every product depends on. */
export function FactorList({ roadmap, caption, editable = false }: { roadmap: Roadmap; caption: string; editable?: boolean }) {
  if (roadmap.factors.length === 0) return <p>No programme-level dependencies are recorded.</p>;
  return (
    <ScrollRegion label={caption}>
<table className={table.table}>
      <caption className={table.caption}>{caption}</caption>
      <TableHead columns={[{ label: "Dependency", className: "w-[60%]" }, "Status", "Owner", ...(editable ? ["Change"] : [])]} />
      <tbody>
        {roadmap.factors.map((factor) => (
          <tr key={factor.id}>
            <td className={table.td}>
              <span className="font-bold">{factor.title}</span>
              {factor.description ? <span className="mt-1 block text-govuk-secondary">{factor.description}</span> : null}
            </td>
            <td className={table.td}>
              <DependencyStatusTag status={factor.status} />
            </td>
            <td className={table.td}>{factor.owner ?? <span className="text-govuk-secondary">Not recorded</span>}</td>
            {editable ? (
              <td className={table.td}>
                <Link href={`/factors/${factor.id}`}>Change<span className="sr-only"> {factor.title}</span></Link>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
</ScrollRegion>
  );
}
