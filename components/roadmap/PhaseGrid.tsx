import Link from "next/link";
import type { IsoDate } from "@/lib/dates/period";
import type { Roadmap } from "@/lib/roadmap/types";
import { phasesOn, productsInFamilyOrder } from "@/lib/roadmap/view";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { table } from "@/components/ui/typography";

const PHASE_BG: Record<string, string> = {
  "pre-discovery": "bg-phase-pre-discovery",
  discovery: "bg-phase-discovery",
  alpha: "bg-phase-alpha",
  beta: "bg-phase-beta",
  live: "bg-phase-live",
};

export function phaseBackground(key: string): string {
  return PHASE_BG[key] ?? "bg-govuk-secondary";
}

/**
 * The letter's roadmap table: products against the phase columns. Beta and Live share one column,
 * "Beta & Live", split into "Invite only" and "Available to all". A product in two phases at once
 * (Person: discovery and alpha) spans both columns.
 */
export function PhaseGrid({ roadmap, asOf, linkProducts = true }: { roadmap: Roadmap; asOf: IsoDate; linkProducts?: boolean }) {
  const phases = roadmap.phases;
  // Group phases that share a column label, in order.
  const groups: Array<{ label: string; description: string; phases: typeof phases }> = [];
  for (const phase of phases) {
    const last = groups.at(-1);
    if (last && last.label === phase.columnLabel) last.phases.push(phase);
    else groups.push({ label: phase.columnLabel, description: phase.description, phases: [phase] });
  }
  const hasSubColumns = groups.some((g) => g.phases.length > 1);

  return (
    <ScrollRegion label="Products by phase (scrolls sideways)" minWidth="720px">
      <table className={`${table.table} table-fixed`}>
        <caption className={table.caption}>Products by phase</caption>
        <colgroup span={1} />
        {groups.map((group) => (
          <colgroup key={group.label} span={group.phases.length} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={hasSubColumns ? 2 : 1} className={`${table.th} w-[16%]`}>
              Product
            </th>
            {groups.map((group) => (
              <th
                key={group.label}
                scope={group.phases.length > 1 ? "colgroup" : "col"}
                colSpan={group.phases.length}
                rowSpan={group.phases.length === 1 && hasSubColumns ? 2 : 1}
                className={`${table.th} border-l border-govuk-border pl-2`}
              >
                {group.label}
                {/* Read once in "What the phases mean", not with every cell. */}
                <span aria-hidden="true" className="mt-1 block text-sm font-normal text-govuk-secondary">{group.description}</span>
              </th>
            ))}
          </tr>
          {hasSubColumns ? (
            <tr>
              {groups
                .filter((g) => g.phases.length > 1)
                .flatMap((g) => g.phases)
                .map((phase) => (
                  <th key={phase.key} scope="col" className={`${table.th} border-l border-govuk-border pl-2`}>
                    {phase.subColumnLabel ?? phase.name}
                    <span className="block text-sm font-normal text-govuk-secondary">({phase.name})</span>
                  </th>
                ))}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {productsInFamilyOrder(roadmap.products).map(({ product, depth }) => {
            const active = phasesOn(roadmap, product, asOf);
            const first = phases.findIndex((p) => p.key === active[0]?.key);
            const last = phases.findIndex((p) => p.key === active.at(-1)?.key);
            const cells = [];
            for (let i = 0; i < phases.length; i++) {
              if (i === first) {
                cells.push(
                  <td key={i} colSpan={last - first + 1} className={`${table.td} border-l border-govuk-border pl-2`}>
                    <span className={`block px-2 py-1 font-bold text-white ${phaseBackground(active[0]?.key ?? "")}`}>
                      {active.map((p) => p.name).join(" and ")}
                    </span>
                    <span className="mt-1 block text-sm">{product.statusSummary}</span>
                  </td>,
                );
                i = last;
              } else {
                cells.push(<td key={i} className={`${table.td} border-l border-govuk-border`} />);
              }
            }
            return (
              <tr key={product.slug}>
                <th scope="row" className={`${table.th} ${depth ? "pl-4" : ""}`}>
                  {linkProducts ? <Link href={`/products/${product.slug}`}>{product.name}</Link> : product.name}
                </th>
                {cells}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
