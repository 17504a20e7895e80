/**
 * Files made from published snapshots: the snapshot as JSON, its milestones as CSV, and a comparison
 * of two updates as CSV. Each is a pure function of snapshot content (no clock, no database, no
 * locale), so the same update always gives the same bytes.
 */
import { csvCell } from "@/lib/audit/csv";
import { formatDate, formatPeriod, slippage } from "@/lib/dates/period";
import { movementText, rolloutChangeText, rolloutDeltaText, updateLabel, type Comparison } from "./compare";
import { canonicalJson } from "./snapshot";
import type { DependencyStatus, SnapshotContent } from "./types";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL, phaseByKey, sortedMilestones } from "./view";

/** "nledp-roadmap-2021-q4" and so on: the stem every export of an update is named with. */
export function exportFileStem(programmeSlug: string, updateSlug: string): string {
  return `${programmeSlug}-roadmap-${updateSlug}`;
}

/** The snapshot exactly as frozen: its canonical JSON, whose SHA-256 is the snapshot's content hash. */
export function snapshotJson(content: SnapshotContent): string {
  return canonicalJson(content);
}

function csv(rows: unknown[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export const MILESTONE_CSV_COLUMNS = [
  "Product",
  "Milestone",
  "Phase",
  "Baseline",
  "Forecast",
  "Forecast precision",
  "Forecast by (last day)",
  "Slippage from baseline",
  "Status",
  "Done on",
];

/** Every milestone of the update, products in roadmap order, milestones by forecast. */
export function milestonesCsv(content: SnapshotContent): string {
  const { roadmap } = content;
  const rows: unknown[][] = [MILESTONE_CSV_COLUMNS];
  for (const product of roadmap.products) {
    for (const m of sortedMilestones(product)) {
      rows.push([
        product.name,
        m.title,
        m.phaseKey ? (phaseByKey(roadmap, m.phaseKey)?.name ?? m.phaseKey) : "",
        m.baseline ? formatPeriod(m.baseline, { asTarget: true }) : "",
        formatPeriod(m.forecast, { asTarget: true }),
        m.forecast.precision,
        m.forecast.on,
        m.baseline ? slippage(m.baseline, m.forecast).text : "",
        MILESTONE_STATUS_LABEL[m.status],
        m.actualOn ? formatDate(m.actualOn) : "",
      ]);
    }
  }
  return csv(rows);
}

export type ComparisonRow = { kind: string; product: string; item: string; from: string; to: string; change: string };

const status = (s: DependencyStatus | null, label: string) => (s ? DEPENDENCY_STATUS_LABEL[s] : `Not in the ${label} update`);

/** Every change as one row each, in the order the page shows them. */
export function comparisonRows(c: Comparison): ComparisonRow[] {
  const fromLabel = updateLabel(c.from);
  const toLabel = updateLabel(c.to);
  const period = (p: Parameters<typeof formatPeriod>[0]) => formatPeriod(p, { asTarget: true });
  return [
    ...c.productsAdded.map((p) => ({ kind: "Product added", product: p.name, item: "", from: "", to: "", change: "Added" })),
    ...c.productsRemoved.map((p) => ({ kind: "Product removed", product: p.name, item: "", from: "", to: "", change: "Removed" })),
    ...c.phaseMoves.map((m) => ({ kind: "Phase", product: m.productName, item: "Phase", from: m.fromPhases, to: m.toPhases, change: "Phase changed" })),
    ...c.milestoneMoves.map((m) => ({ kind: "Milestone moved", product: m.productName, item: m.title, from: period(m.from), to: period(m.to), change: movementText(m) })),
    ...c.milestonesAdded.map((m) => ({ kind: "Milestone added", product: m.productName, item: m.title, from: "", to: period(m.forecast), change: "Added" })),
    ...c.milestonesRemoved.map((m) => ({ kind: "Milestone removed", product: m.productName, item: m.title, from: period(m.forecast), to: "", change: "Removed" })),
    ...c.milestoneStatusChanges.map((m) => ({
      kind: "Milestone status",
      product: m.productName,
      item: m.title,
      from: MILESTONE_STATUS_LABEL[m.from],
      to: MILESTONE_STATUS_LABEL[m.to],
      change: "Status changed",
    })),
    ...c.rollout.map((r) => ({
      kind: "Rollout",
      product: r.productName,
      item: "Forces live",
      from: String(r.fromLive),
      to: String(r.toLive),
      change: `${rolloutDeltaText(r)}: ${rolloutChangeText(r, "to")}`,
    })),
    ...c.dependencyChanges.map((d) => ({
      kind: d.kind === "factor" ? "Programme dependency" : "Dependency",
      product: d.productName ?? "All products",
      item: d.label,
      from: status(d.from, fromLabel),
      to: status(d.to, toLabel),
      change: d.from === null ? "Added" : d.to === null ? "Removed" : "Status changed",
    })),
  ];
}

/** The comparison as CSV: one row per change, under a header naming the two updates' columns. */
export function comparisonCsv(c: Comparison): string {
  const rows = comparisonRows(c).map((r) => [r.kind, r.product, r.item, r.from, r.to, r.change]);
  const header = ["Kind", "Product", "Item", `From (${updateLabel(c.from)})`, `To (${updateLabel(c.to)})`, "Change"];
  return csv([header, ...rows]);
}
