/**
 * Reads the live roadmap of a programme from the tables, in a fixed number of queries whatever its
 * size (one per table, never one per product).
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Period, Precision } from "@/lib/dates/period";
import type { Dependency, Product, Roadmap, UpdateSummary } from "./types";

function period(on: string | null, precision: Precision | null): Period | null {
  return on && precision ? { on, precision } : null;
}

/** Runs the queries in order (each query builder is lazy until awaited). */
async function sequence<T extends readonly PromiseLike<unknown>[]>(queries: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { [K in keyof T]: Awaited<T[K]> };
}

export async function loadRoadmap(db: Db, programmeSlug: string): Promise<Roadmap | null> {
  const [programme] = await db.select().from(t.programmes).where(eq(t.programmes.slug, programmeSlug));
  if (!programme) return null;

  const productRows = await db
    .select()
    .from(t.products)
    .where(eq(t.products.programmeId, programme.id))
    .orderBy(asc(t.products.position), asc(t.products.id));
  const productIds = productRows.length ? productRows.map((p) => p.id) : [-1];

  // One after another, not Promise.all: inside a transaction they share one connection.
  const [phases, spans, milestones, observations, targets, goLives, factors, dependencies, forces] = await sequence([
    db.select().from(t.phases).orderBy(asc(t.phases.position)),
    db.select().from(t.phaseSpans).where(inArray(t.phaseSpans.productId, productIds)).orderBy(asc(t.phaseSpans.id)),
    db.select().from(t.milestones).where(inArray(t.milestones.productId, productIds)).orderBy(asc(t.milestones.forecastOn), asc(t.milestones.id)),
    db.select().from(t.rolloutObservations).where(inArray(t.rolloutObservations.productId, productIds)).orderBy(asc(t.rolloutObservations.observedOn), asc(t.rolloutObservations.id)),
    db.select().from(t.rolloutTargets).where(inArray(t.rolloutTargets.productId, productIds)).orderBy(asc(t.rolloutTargets.targetOn), asc(t.rolloutTargets.id)),
    db
      .select({ productId: t.forceGoLives.productId, liveOn: t.forceGoLives.liveOn, forceName: t.policeForces.name, nation: t.policeForces.nation })
      .from(t.forceGoLives)
      .innerJoin(t.policeForces, eq(t.policeForces.id, t.forceGoLives.forceId))
      .where(inArray(t.forceGoLives.productId, productIds))
      .orderBy(asc(t.forceGoLives.liveOn), asc(t.policeForces.position)),
    db.select().from(t.dependencyFactors).where(eq(t.dependencyFactors.programmeId, programme.id)).orderBy(asc(t.dependencyFactors.position)),
    db.select().from(t.dependencies).where(inArray(t.dependencies.productId, productIds)).orderBy(asc(t.dependencies.id)),
    db.select({ name: t.policeForces.name, nation: t.policeForces.nation }).from(t.policeForces).orderBy(asc(t.policeForces.position)),
  ] as const);

  const phaseKey = new Map(phases.map((p) => [p.id, p.key]));
  const productById = new Map(productRows.map((p) => [p.id, p]));
  const factorById = new Map(factors.map((f) => [f.id, f]));
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const group = <R extends { productId: number }>(rows: R[]) => {
    const map = new Map<number, R[]>();
    for (const row of rows) map.set(row.productId, [...(map.get(row.productId) ?? []), row]);
    return (productId: number) => map.get(productId) ?? [];
  };
  const spansOf = group(spans);
  const milestonesOf = group(milestones);
  const observationsOf = group(observations);
  const targetsOf = group(targets);
  const goLivesOf = group(goLives);
  const dependenciesOf = group(dependencies);

  const dependencyTarget = (d: (typeof dependencies)[number]): Dependency["on"] => {
    if (d.onProductId !== null) {
      const p = productById.get(d.onProductId);
      return { kind: "product", slug: p?.slug ?? "", name: p?.name ?? "(removed product)" };
    }
    if (d.onFactorId !== null) {
      return { kind: "factor", id: d.onFactorId, title: factorById.get(d.onFactorId)?.title ?? "(removed factor)" };
    }
    const m = milestoneById.get(d.onMilestoneId ?? -1);
    return { kind: "milestone", id: d.onMilestoneId ?? 0, title: m?.title ?? "(removed milestone)", productSlug: productById.get(m?.productId ?? -1)?.slug ?? "" };
  };

  const products: Product[] = productRows.map((p) => {
    const productObservations = observationsOf(p.id);
    const productTargets = targetsOf(p.id);
    const productGoLives = goLivesOf(p.id);
    const hasRollout = productObservations.length + productTargets.length + productGoLives.length > 0;
    return {
      id: p.id,
      slug: p.slug,
      name: p.name,
      description: p.description,
      statusSummary: p.statusSummary,
      parentSlug: p.parentId === null ? null : (productById.get(p.parentId)?.slug ?? null),
      plannedFamilySize: p.plannedFamilySize,
      currentPhaseKey: phaseKey.get(p.currentPhaseId) ?? "",
      position: p.position,
      spans: spansOf(p.id).map((s) => ({
        id: s.id,
        phaseKey: phaseKey.get(s.phaseId) ?? "",
        start: period(s.startOn, s.startPrecision),
        end: period(s.endOn, s.endPrecision),
        note: s.note,
      })),
      milestones: milestonesOf(p.id).map((m) => ({
        id: m.id,
        title: m.title,
        phaseKey: m.phaseId === null ? null : (phaseKey.get(m.phaseId) ?? null),
        baseline: period(m.baselineOn, m.baselinePrecision),
        forecast: { on: m.forecastOn, precision: m.forecastPrecision },
        status: m.status,
        actualOn: m.actualOn,
        notes: m.notes,
      })),
      rollout: hasRollout
        ? {
            totalForces: forces.length,
            observations: productObservations.map((o) => ({ id: o.id, observedOn: o.observedOn, forcesLive: o.forcesLive, nationsCovered: o.nationsCovered, note: o.note })),
            targets: productTargets.map((r) => ({ id: r.id, target: { on: r.targetOn, precision: r.targetPrecision }, forcesCount: r.forcesCount })),
            forceGoLives: productGoLives.map((g) => ({ forceName: g.forceName, nation: g.nation, liveOn: g.liveOn })),
          }
        : null,
      dependencies: dependenciesOf(p.id).map((d) => ({ id: d.id, on: dependencyTarget(d), status: d.status, owner: d.owner, note: d.note })),
    };
  });

  return {
    programme: {
      slug: programme.slug,
      name: programme.name,
      shortName: programme.shortName,
      department: programme.department,
      description: programme.description,
      lookaheadMonths: programme.lookaheadMonths,
    },
    phases: phases.map((p) => ({ key: p.key, name: p.name, description: p.description, position: p.position, columnLabel: p.columnLabel, subColumnLabel: p.subColumnLabel })),
    products,
    factors: factors.map((f) => ({ id: f.id, position: f.position, title: f.title, description: f.description, status: f.status, owner: f.owner })),
    forces,
  };
}

export function toUpdateSummary(row: typeof t.quarterlyUpdates.$inferSelect): UpdateSummary {
  return {
    slug: row.slug,
    year: row.year,
    quarter: row.quarter,
    title: row.title,
    coveringText: row.coveringText,
    state: row.state,
    publishedOn: row.publishedOn,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    publishedByName: row.publishedByName,
  };
}
