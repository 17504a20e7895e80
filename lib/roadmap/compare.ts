/**
 * What changed between two quarterly updates, worked out from their snapshots alone (never the live
 * tables), so a comparison of two published updates is as fixed as the updates themselves. Items are
 * matched by their stable identities: products by slug, milestones, dependencies and factors by id.
 * Changes inside a product (phase, milestones, rollout, its dependencies) are reported only for
 * products in both updates: a product added or removed is one change, not one per thing it holds.
 */
import type { Db } from "@/lib/db/client";
import { NLEDP_SLUG } from "@/lib/db/seed/nledp";
import { formatPeriod, slippage, todayInLondon, type IsoDate, type Period, type Slippage } from "@/lib/dates/period";
import { readSnapshot } from "./snapshot";
import type { Dependency, DependencyStatus, MilestoneStatus, Product, Roadmap, SnapshotContent, UpdateSummary } from "./types";
import { phaseDateOf, phaseNames, phasesOn, rolloutFigures } from "./view";

export type PhaseMove = { productSlug: string; productName: string; fromPhases: string; toPhases: string };
export type MilestoneMove = { id: number; productSlug: string; productName: string; title: string; from: Period; to: Period; slippage: Slippage };
export type MilestoneItem = { id: number; productSlug: string; productName: string; title: string; forecast: Period };
export type MilestoneStatusChange = { id: number; productName: string; title: string; from: MilestoneStatus; to: MilestoneStatus };
export type ProductItem = { slug: string; name: string };
export type RolloutChange = {
  productSlug: string;
  productName: string;
  fromLive: number;
  toLive: number;
  total: number;
  target: { forcesCount: number; target: Period } | null;
};
export type DependencyChange = {
  kind: "factor" | "product";
  id: number;
  label: string;
  productName?: string;
  from: DependencyStatus | null;
  to: DependencyStatus | null;
};

export type Comparison = {
  from: UpdateSummary;
  to: UpdateSummary;
  phaseMoves: PhaseMove[];
  milestoneMoves: MilestoneMove[];
  milestonesAdded: MilestoneItem[];
  milestonesRemoved: MilestoneItem[];
  milestoneStatusChanges: MilestoneStatusChange[];
  productsAdded: ProductItem[];
  productsRemoved: ProductItem[];
  /** Only products whose forces-live count changed. */
  rollout: RolloutChange[];
  /** Status changes, added (from null) and removed (to null). */
  dependencyChanges: DependencyChange[];
};

/** "2021 Q4" */
export function updateLabel(update: Pick<UpdateSummary, "year" | "quarter">): string {
  return `${update.year} Q${update.quarter}`;
}

/**
 * The date an update's rollout figures are read at: its publication date, or today for a draft being
 * previewed (it would publish today). Phases are read at phaseDateOf (lib/roadmap/view.ts).
 */
export function asOfDate(update: UpdateSummary): IsoDate {
  return update.publishedOn ?? todayInLondon();
}

/** What a dependency is on, in words. */
export function dependencyLabel(dependency: Dependency): string {
  const on = dependency.on;
  return on.kind === "product" ? on.name : on.title;
}

/** "22 → 38 of 45 forces (target 38 by end of 2021)" */
export function rolloutChangeText(change: RolloutChange, arrow = "→"): string {
  return `${change.fromLive} ${arrow} ${change.toLive} of ${change.total} forces${rolloutTargetText(change)}`;
}

/** " (target 38 by end of 2021)", or nothing when no target is set. */
export function rolloutTargetText(change: RolloutChange): string {
  return change.target ? ` (target ${change.target.forcesCount} by ${formatPeriod(change.target.target, { asTarget: true })})` : "";
}

/** "Up 16 forces" / "Down 1 force": words, never a leading sign (a spreadsheet reads "+16" as a formula). */
export function rolloutDeltaText(change: RolloutChange): string {
  const delta = change.toLive - change.fromLive;
  const count = Math.abs(delta);
  return `${delta > 0 ? "Up" : "Down"} ${count} force${count === 1 ? "" : "s"}`;
}

/**
 * How far a milestone moved between two updates: "Slipped 3 months", or, when only the precision
 * changed ("Q1 2022" to "March 2022"), that it stays within the same coarser period.
 */
export function movementText(move: Pick<MilestoneMove, "slippage">): string {
  if (move.slippage.amount !== 0 || move.slippage.widenedMonths) return move.slippage.text;
  const noun = { month: "month", quarter: "quarter", half: "half-year", year: "year" }[move.slippage.unit];
  return `Same ${noun}, stated differently`;
}

function productsBySlug(roadmap: Roadmap): Map<string, Product> {
  return new Map(roadmap.products.map((p) => [p.slug, p]));
}

function samePeriod(a: Period, b: Period): boolean {
  return a.on === b.on && a.precision === b.precision;
}

export function compareSnapshots(from: SnapshotContent, to: SnapshotContent): Comparison {
  const fromOn = asOfDate(from.update);
  const toOn = asOfDate(to.update);
  const before = productsBySlug(from.roadmap);
  const after = productsBySlug(to.roadmap);
  // Later update's order for what both hold; the earlier one's for what was removed.
  const inBoth = to.roadmap.products.flatMap((p) => {
    const old = before.get(p.slug);
    return old ? [{ old, now: p }] : [];
  });

  const comparison: Comparison = {
    from: from.update,
    to: to.update,
    phaseMoves: [],
    milestoneMoves: [],
    milestonesAdded: [],
    milestonesRemoved: [],
    milestoneStatusChanges: [],
    productsAdded: to.roadmap.products.filter((p) => !before.has(p.slug)).map((p) => ({ slug: p.slug, name: p.name })),
    productsRemoved: from.roadmap.products.filter((p) => !after.has(p.slug)).map((p) => ({ slug: p.slug, name: p.name })),
    rollout: [],
    dependencyChanges: [],
  };

  // Programme-level factors first: they bear on every product.
  const oldFactors = new Map(from.roadmap.factors.map((f) => [f.id, f]));
  const newFactorIds = new Set(to.roadmap.factors.map((f) => f.id));
  for (const f of to.roadmap.factors) {
    const old = oldFactors.get(f.id);
    if (!old || old.status !== f.status) comparison.dependencyChanges.push({ kind: "factor", id: f.id, label: f.title, from: old?.status ?? null, to: f.status });
  }
  for (const f of from.roadmap.factors) {
    if (!newFactorIds.has(f.id)) comparison.dependencyChanges.push({ kind: "factor", id: f.id, label: f.title, from: f.status, to: null });
  }

  for (const { old, now } of inBoth) {
    // Read as each update's own tables read them (lib/roadmap/view.ts phasesOn), so "what changed" and
    // the product table of the same update never disagree.
    const fromPhases = phaseNames(phasesOn(from.roadmap, old, phaseDateOf(from.update, todayInLondon())));
    const toPhases = phaseNames(phasesOn(to.roadmap, now, phaseDateOf(to.update, todayInLondon())));
    if (fromPhases !== toPhases) comparison.phaseMoves.push({ productSlug: now.slug, productName: now.name, fromPhases, toPhases });

    const oldMilestones = new Map(old.milestones.map((m) => [m.id, m]));
    const newMilestoneIds = new Set(now.milestones.map((m) => m.id));
    for (const m of [...now.milestones].sort((a, b) => a.id - b.id)) {
      const was = oldMilestones.get(m.id);
      if (!was) {
        comparison.milestonesAdded.push({ id: m.id, productSlug: now.slug, productName: now.name, title: m.title, forecast: m.forecast });
        continue;
      }
      if (!samePeriod(was.forecast, m.forecast)) {
        comparison.milestoneMoves.push({
          id: m.id,
          productSlug: now.slug,
          productName: now.name,
          title: m.title,
          from: was.forecast,
          to: m.forecast,
          slippage: slippage(was.forecast, m.forecast),
        });
      }
      if (was.status !== m.status) comparison.milestoneStatusChanges.push({ id: m.id, productName: now.name, title: m.title, from: was.status, to: m.status });
    }
    for (const m of old.milestones) {
      if (!newMilestoneIds.has(m.id)) comparison.milestonesRemoved.push({ id: m.id, productSlug: old.slug, productName: old.name, title: m.title, forecast: m.forecast });
    }

    if (old.rollout || now.rollout) {
      const was = old.rollout ? rolloutFigures(old.rollout, fromOn) : null;
      const is = now.rollout ? rolloutFigures(now.rollout, toOn) : null;
      const fromLive = was?.forcesLive ?? 0;
      const toLive = is?.forcesLive ?? 0;
      if (fromLive !== toLive) {
        // Judged against what the earlier update promised ("38 by the end of 2021"); failing that, the later one's next target.
        const target = was?.nextTarget ?? is?.nextTarget;
        comparison.rollout.push({
          productSlug: now.slug,
          productName: now.name,
          fromLive,
          toLive,
          total: is?.total ?? was?.total ?? 0,
          target: target ? { forcesCount: target.forcesCount, target: target.target } : null,
        });
      }
    }

    const oldDependencies = new Map(old.dependencies.map((d) => [d.id, d]));
    const newDependencyIds = new Set(now.dependencies.map((d) => d.id));
    for (const d of now.dependencies) {
      const was = oldDependencies.get(d.id);
      if (!was || was.status !== d.status) {
        comparison.dependencyChanges.push({ kind: "product", id: d.id, label: dependencyLabel(d), productName: now.name, from: was?.status ?? null, to: d.status });
      }
    }
    for (const d of old.dependencies) {
      if (!newDependencyIds.has(d.id)) comparison.dependencyChanges.push({ kind: "product", id: d.id, label: dependencyLabel(d), productName: old.name, from: d.status, to: null });
    }
  }
  return comparison;
}

export function hasChanges(c: Comparison): boolean {
  return (
    c.phaseMoves.length +
      c.milestoneMoves.length +
      c.milestonesAdded.length +
      c.milestonesRemoved.length +
      c.milestoneStatusChanges.length +
      c.productsAdded.length +
      c.productsRemoved.length +
      c.rollout.length +
      c.dependencyChanges.length >
    0
  );
}

/**
 * Two published updates (by slug) and what changed between them; null when either is not a published
 * update. Drafts are never read here, so nobody sees one through a comparison.
 */
export async function loadComparison(
  db: Db,
  fromSlug: string,
  toSlug: string,
): Promise<{ from: SnapshotContent; to: SnapshotContent; comparison: Comparison } | null> {
  const slug = /^\d{4}-q[1-4]$/;
  if (!slug.test(fromSlug) || !slug.test(toSlug)) return null;
  const [from, to] = await Promise.all([readSnapshot(db, NLEDP_SLUG, fromSlug), readSnapshot(db, NLEDP_SLUG, toSlug)]);
  if (!from || !to) return null;
  return { from: from.content, to: to.content, comparison: compareSnapshots(from.content, to.content) };
}
