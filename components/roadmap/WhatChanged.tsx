import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { TableHead } from "@/components/ui/TableHead";
import { table } from "@/components/ui/typography";
import { formatPeriod, type Period, type QuarterStyle } from "@/lib/dates/period";
import { hasChanges, movementText, rolloutChangeText, rolloutDeltaText, updateLabel, type Comparison } from "@/lib/roadmap/compare";
import type { DependencyStatus } from "@/lib/roadmap/types";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL } from "@/lib/roadmap/view";

/**
 * What changed between two updates, one table per kind of change. Everything is said in words
 * ("Slipped 3 months", "Added"), never by colour alone, so it reads the same in print, in greyscale
 * and to a screen reader. Used by the update page, the print layout (so the PDF), the compare page
 * and the draft preview.
 */
export function WhatChanged({ comparison: c, headingLevel, quarters }: { comparison: Comparison; headingLevel: 2 | 3; quarters?: QuarterStyle }) {
  const fromLabel = updateLabel(c.from);
  const toLabel = updateLabel(c.to);
  if (!hasChanges(c)) return <p className="mb-6">No changes since the {fromLabel} update.</p>;

  const Heading = headingLevel === 2 ? "h2" : "h3";
  const heading = headingLevel === 2 ? "mt-8 mb-3 text-2xl font-bold" : "mt-6 mb-3 text-xl font-bold";
  const period = (p: Period) => formatPeriod(p, { asTarget: true, quarters });
  const between = `between the ${fromLabel} and ${toLabel} updates`;
  // Each change reads "before → after", the way the committee reads the letter's tables.
  const span = `${fromLabel} → ${toLabel}`;
  const milestoneName = (m: { title: string; productName: string }) => `${m.title} (${m.productName})`;
  const dependencyStatus = (s: DependencyStatus | null, label: string) => (s ? DEPENDENCY_STATUS_LABEL[s] : `Not in the ${label} update`);

  const group = (title: string, caption: string, columns: string[], rows: React.ReactNode) => (
    <div className="avoid-break">
      <Heading className={heading}>{title}</Heading>
      <ScrollRegion label={caption}>
        <table className={table.table}>
          <caption className="sr-only">{caption}</caption>
          <TableHead columns={columns} />
          <tbody>{rows}</tbody>
        </table>
      </ScrollRegion>
    </div>
  );

  return (
    <div>
      <p className="mb-4 max-w-[45em]">{summary(c)}</p>
      {c.productsAdded.length + c.productsRemoved.length > 0
        ? group(
            "Products added or removed",
            `Products added or removed ${between}`,
            ["Product", "Change"],
            <>
              {c.productsAdded.map((p) => (
                <tr key={`add-${p.slug}`}>
                  <th scope="row" className={table.th}>{p.name}</th>
                  <td className={table.td}>Added in the {toLabel} update</td>
                </tr>
              ))}
              {c.productsRemoved.map((p) => (
                <tr key={`remove-${p.slug}`}>
                  <th scope="row" className={table.th}>{p.name}</th>
                  <td className={table.td}>Removed: in the {fromLabel} update, not in the {toLabel} update</td>
                </tr>
              ))}
            </>,
          )
        : null}
      {c.phaseMoves.length > 0
        ? group(
            "Phase changes",
            `Phase changes ${between}`,
            ["Product", `Phase, ${span}`],
            c.phaseMoves.map((m) => (
              <tr key={m.productSlug}>
                <th scope="row" className={table.th}>{m.productName}</th>
                <td className={table.td}>{m.fromPhases} → {m.toPhases}</td>
              </tr>
            )),
          )
        : null}
      {c.milestoneMoves.length > 0
        ? group(
            "Milestones moved",
            `Milestones whose forecast moved ${between}`,
            ["Milestone", `Forecast, ${span}`, "Change"],
            c.milestoneMoves.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={table.th}>{milestoneName(m)}</th>
                <td className={table.td}>{period(m.from)} → {period(m.to)}</td>
                <td className={`${table.td} font-bold`}>{movementText(m)}</td>
              </tr>
            )),
          )
        : null}
      {c.milestonesAdded.length > 0
        ? group(
            "Milestones added",
            `Milestones added ${between}`,
            ["Milestone", "Forecast"],
            c.milestonesAdded.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={table.th}>{milestoneName(m)}</th>
                <td className={table.td}>{period(m.forecast)}</td>
              </tr>
            )),
          )
        : null}
      {c.milestonesRemoved.length > 0
        ? group(
            "Milestones removed",
            `Milestones removed ${between}`,
            ["Milestone", `Forecast in the ${fromLabel} update`],
            c.milestonesRemoved.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={table.th}>{milestoneName(m)}</th>
                <td className={table.td}>{period(m.forecast)}</td>
              </tr>
            )),
          )
        : null}
      {c.milestoneStatusChanges.length > 0
        ? group(
            "Milestone status changes",
            `Milestone status changes ${between}`,
            ["Milestone", `Status, ${span}`],
            c.milestoneStatusChanges.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={table.th}>{milestoneName(m)}</th>
                <td className={table.td}>{MILESTONE_STATUS_LABEL[m.from]} → {MILESTONE_STATUS_LABEL[m.to]}</td>
              </tr>
            )),
          )
        : null}
      {c.rollout.length > 0
        ? group(
            "Rollout",
            `Police forces live ${between}, against target`,
            ["Product", `Forces live, ${span}`, "Change"],
            c.rollout.map((r) => (
              <tr key={r.productSlug}>
                <th scope="row" className={table.th}>{r.productName}</th>
                <td className={table.td}>{rolloutChangeText(r)}</td>
                <td className={`${table.td} font-bold`}>{rolloutDeltaText(r)}</td>
              </tr>
            )),
          )
        : null}
      {c.dependencyChanges.length > 0
        ? group(
            "Dependencies",
            `Dependency status changes ${between}`,
            ["Dependency", `Status, ${span}`],
            c.dependencyChanges.map((d) => (
              <tr key={`${d.kind}-${d.id}`}>
                <th scope="row" className={table.th}>
                  {d.kind === "factor" ? `Programme-level: ${d.label}` : `${d.productName} depends on: ${d.label}`}
                </th>
                <td className={table.td}>
                  {dependencyStatus(d.from, fromLabel)} → {dependencyStatus(d.to, toLabel)}
                </td>
              </tr>
            )),
          )
        : null}
    </div>
  );
}

/** "3 changes since the 2021 Q4 update: 1 phase change, 1 milestone moved, 1 rollout change." */
function summary(c: Comparison): string {
  const parts: Array<[number, string, string]> = [
    [c.productsAdded.length, "product added", "products added"],
    [c.productsRemoved.length, "product removed", "products removed"],
    [c.phaseMoves.length, "phase change", "phase changes"],
    [c.milestoneMoves.length, "milestone moved", "milestones moved"],
    [c.milestonesAdded.length, "milestone added", "milestones added"],
    [c.milestonesRemoved.length, "milestone removed", "milestones removed"],
    [c.milestoneStatusChanges.length, "milestone status change", "milestone status changes"],
    [c.rollout.length, "rollout change", "rollout changes"],
    [c.dependencyChanges.length, "dependency change", "dependency changes"],
  ];
  const present = parts.filter(([n]) => n > 0);
  const total = present.reduce((sum, [n]) => sum + n, 0);
  const list = present.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(", ");
  return `${total} ${total === 1 ? "change" : "changes"} since the ${updateLabel(c.from)} update: ${list}.`;
}
