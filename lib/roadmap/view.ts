/**
 * Facts derived from a roadmap for display: what phase a product is in on a date, its next
 * milestone, its overall status, rollout figures. Pure functions of the roadmap, so a snapshot
 * and the live roadmap read the same.
 */
import { comparePeriods, periodStart, type IsoDate } from "@/lib/dates/period";
import type { DependencyStatus, Milestone, MilestoneStatus, Phase, Product, Roadmap, Rollout } from "./types";

export const MILESTONE_STATUS_LABEL: Record<MilestoneStatus, string> = {
  not_assessed: "Not assessed",
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  delayed: "Delayed",
  done: "Done",
};

export const DEPENDENCY_STATUS_LABEL: Record<DependencyStatus, string> = {
  not_assessed: "Not assessed",
  on_track: "On track",
  at_risk: "At risk",
  blocked: "Blocked",
  met: "Met",
};

/** Worst first: the order a programme office reads statuses in. */
const STATUS_SEVERITY: MilestoneStatus[] = ["delayed", "at_risk", "not_assessed", "on_track", "not_started", "done"];

export function phaseByKey(roadmap: Roadmap, key: string): Phase | undefined {
  return roadmap.phases.find((p) => p.key === key);
}

/**
 * The phases a product is in on a date. The phase the roadmap states (`currentPhaseKey`) is what the
 * programme says; planned spans only add the phases running alongside it (Person's "Discovery and Alpha").
 * A plan whose dates have passed never overrides what is stated: a product is not in Beta because its
 * plan said so, but because the programme says so. One rule for every table, the grid and "what changed".
 */
export function phasesOn(roadmap: Roadmap, product: Product, on: IsoDate): Phase[] {
  const active = new Set(
    product.spans
      .filter((s) => (s.start === null || periodStart(s.start) <= on) && (s.end === null || s.end.on >= on))
      .map((s) => s.phaseKey),
  );
  const keys = active.has(product.currentPhaseKey) ? active : new Set([product.currentPhaseKey]);
  return roadmap.phases.filter((p) => keys.has(p.key));
}

/**
 * The date an update's phases are read at: its publication date, kept within its own quarter (an update
 * for 2022 Q1 describes 2022 Q1 even if it was published late, or is previewed today). A draft is read
 * as if published today. Rollout figures, by contrast, are the latest reported by publication.
 */
export function phaseDateOf(update: { year: number; quarter: number; publishedOn: IsoDate | null }, today: IsoDate): IsoDate {
  const first = `${update.year}-${String(update.quarter * 3 - 2).padStart(2, "0")}-01`;
  const lastMonth = update.quarter * 3;
  const last = `${update.year}-${String(lastMonth).padStart(2, "0")}-${lastMonth === 6 || lastMonth === 9 ? "30" : "31"}`;
  const on = update.publishedOn ?? today;
  return on < first ? first : on > last ? last : on;
}

/** "Discovery and Alpha" */
export function phaseNames(phases: Phase[]): string {
  const names = phases.map((p) => p.name);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function sortedMilestones(product: Product): Milestone[] {
  return [...product.milestones].sort((a, b) => comparePeriods(a.forecast, b.forecast) || a.id - b.id);
}

/** The earliest milestone not yet done. */
export function nextMilestone(product: Product): Milestone | undefined {
  return sortedMilestones(product).find((m) => m.status !== "done");
}

/** The product's status: the worst status among its open milestones, or null when it has none. */
export function productStatus(product: Product): MilestoneStatus | null {
  const open = product.milestones.filter((m) => m.status !== "done");
  if (open.length === 0) return product.milestones.length ? "done" : null;
  return STATUS_SEVERITY.find((s) => open.some((m) => m.status === s)) ?? null;
}

export type RolloutFigures = {
  forcesLive: number;
  asOf: IsoDate | null;
  total: number;
  nations: string[];
  nextTarget: Rollout["targets"][number] | undefined;
  /** True when the count is derived from per-force go-live dates. */
  derived: boolean;
};

/**
 * Forces live as at a date. Where per-force go-live dates are recorded they are the count;
 * otherwise the latest reported observation on or before the date.
 */
export function rolloutFigures(rollout: Rollout, on: IsoDate): RolloutFigures {
  const nextTarget = [...rollout.targets]
    .sort((a, b) => comparePeriods(a.target, b.target))
    .find((t) => t.target.on >= on);
  if (rollout.forceGoLives.length > 0) {
    const live = rollout.forceGoLives.filter((g) => g.liveOn <= on);
    const asOf = live.map((g) => g.liveOn).sort().at(-1) ?? null;
    return {
      forcesLive: live.length,
      asOf,
      total: rollout.totalForces,
      nations: [...new Set(live.map((g) => g.nation))],
      nextTarget,
      derived: true,
    };
  }
  const latest = rollout.observations.filter((o) => o.observedOn <= on).sort((a, b) => (a.observedOn < b.observedOn ? -1 : 1)).at(-1);
  return {
    forcesLive: latest?.forcesLive ?? 0,
    asOf: latest?.observedOn ?? null,
    total: rollout.totalForces,
    nations: latest?.nationsCovered ?? [],
    nextTarget,
    derived: false,
  };
}

/** How many forces were live from a day on. */
export type RolloutPoint = { on: IsoDate; count: number };

/**
 * The count of forces live at each date it changed, as the rollout chart draws it: from per-force go-live
 * dates where recorded (those after `asOf` are planned), else the reported figures up to `asOf`.
 */
export function rolloutSteps(rollout: Rollout, asOf: IsoDate): { actual: RolloutPoint[]; planned: RolloutPoint[]; derived: boolean } {
  if (rollout.forceGoLives.length > 0) {
    // The same rule as rolloutFigures: recorded dates are the count, never typed twice.
    const byDate = new Map<IsoDate, number>();
    for (const g of rollout.forceGoLives) byDate.set(g.liveOn, (byDate.get(g.liveOn) ?? 0) + 1);
    let running = 0;
    const all = [...byDate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([on, n]) => ({ on, count: (running += n) }));
    return { actual: all.filter((p) => p.on <= asOf), planned: all.filter((p) => p.on > asOf), derived: true };
  }
  const actual = rollout.observations
    .filter((o) => o.observedOn <= asOf)
    .sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : a.id - b.id))
    .map((o) => ({ on: o.observedOn, count: o.forcesLive }));
  // Two figures on one day: the later record stands, as it does in rolloutFigures.
  const deduped = actual.filter((p, i) => actual[i + 1]?.on !== p.on);
  return { actual: deduped, planned: [], derived: false };
}

/** Products in display order with each family's members right after their parent. */
export function productsInFamilyOrder(products: Product[]): Array<{ product: Product; depth: number }> {
  const bySlug = new Set(products.map((p) => p.slug));
  const roots = products.filter((p) => p.parentSlug === null || !bySlug.has(p.parentSlug));
  const out: Array<{ product: Product; depth: number }> = [];
  const visit = (p: Product, depth: number) => {
    out.push({ product: p, depth });
    for (const child of products.filter((c) => c.parentSlug === p.slug)) visit(child, depth + 1);
  };
  roots.forEach((p) => visit(p, 0));
  return out;
}

export function familyLine(product: Product): string | null {
  if (!product.plannedFamilySize) return null;
  return `First of a planned family of ${product.plannedFamilySize} ${product.name.toLowerCase()} products.`;
}
