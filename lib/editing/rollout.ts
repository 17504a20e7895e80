/**
 * Force rollout: dated observations and targets, each added and removed with its audit event, and
 * the product's per-force go-live dates, saved as one set. Where go-live dates are recorded the count
 * is derived from them (lib/roadmap/view.ts rolloutFigures), so typing a count as well is refused.
 */
import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { formatDate, formatDateTime, todayInLondon, type IsoDate, type Period } from "@/lib/dates/period";
import type { Nation } from "@/lib/roadmap/types";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { ChangeView } from "./changes";
import { productBySlug, totalForces, type ProductRef } from "./lookups";
import { readDateFields } from "./period-fields";
import { goLivesSchema, type GoLivesInput, type ObservationInput, type TargetInput } from "./schemas";
import { createAudited, RuleBroken, saveVersioned, type Outcome, type RecordedChange } from "./versioned";

/** An observation as the audit trail and the API see it. */
export type ObservationRecord = {
  id: number;
  productId: number;
  productSlug: string;
  observedOn: IsoDate;
  forcesLive: number;
  nationsCovered: Nation[];
  note: string;
  version: number;
};

export type TargetRecord = {
  id: number;
  productId: number;
  productSlug: string;
  target: Period;
  forcesCount: number;
  version: number;
};

/** One territorial force and, for the product, the day it went live (null: not live yet). */
export type ForceGoLiveRow = { forceId: number; forceName: string; nation: Nation; liveOn: IsoDate | null };

export type GoLive = { forceName: string; liveOn: IsoDate };

/** The product's whole set of go-live dates; `fingerprint` stands for the set as read, for conflict detection. */
export type GoLivesSet = { productId: number; productSlug: string; goLives: GoLive[]; fingerprint: string };

export type RolloutEdit = {
  product: ProductRef;
  totalForces: number;
  observations: ObservationRecord[];
  targets: TargetRecord[];
  forces: ForceGoLiveRow[];
  fingerprint: string;
  /** True when go-live dates are recorded, so counts come from them and are not typed. */
  derived: boolean;
};

export const DERIVED_REFUSAL =
  "Go-live dates are recorded for this product's forces, so the number live is counted from them: record the date each force went live instead";

/**
 * Stands for the set's content, not its row versions: the audit trail keeps content, so a stale
 * fingerprint can be found there to say what changed since. A set changed and changed back
 * matches again, which is harmless: it is what the person saw.
 */
export function goLivesFingerprint(goLives: ReadonlyArray<GoLive>): string {
  const canonical = [...goLives].map((g) => `${g.forceName}\u0000${g.liveOn}`).sort().join("\u0001");
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

function toObservation(product: ProductRef, row: typeof t.rolloutObservations.$inferSelect): ObservationRecord {
  return {
    id: row.id,
    productId: product.id,
    productSlug: product.slug,
    observedOn: row.observedOn,
    forcesLive: row.forcesLive,
    nationsCovered: row.nationsCovered,
    note: row.note,
    version: row.version,
  };
}

function toTarget(product: ProductRef, row: typeof t.rolloutTargets.$inferSelect): TargetRecord {
  return {
    id: row.id,
    productId: product.id,
    productSlug: product.slug,
    target: { on: row.targetOn, precision: row.targetPrecision },
    forcesCount: row.forcesCount,
    version: row.version,
  };
}

async function readObservation(db: Db, product: ProductRef, id: number, lock: boolean): Promise<ObservationRecord | null> {
  const query = db.select().from(t.rolloutObservations).where(and(eq(t.rolloutObservations.id, id), eq(t.rolloutObservations.productId, product.id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? toObservation(product, row) : null;
}

async function readTarget(db: Db, product: ProductRef, id: number, lock: boolean): Promise<TargetRecord | null> {
  const query = db.select().from(t.rolloutTargets).where(and(eq(t.rolloutTargets.id, id), eq(t.rolloutTargets.productId, product.id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? toTarget(product, row) : null;
}

/** The territorial forces in their reference order: the rows of the go-live form. */
export async function policeForceList(db: Db): Promise<Array<{ id: number; name: string; nation: Nation }>> {
  return db
    .select({ id: t.policeForces.id, name: t.policeForces.name, nation: t.policeForces.nation })
    .from(t.policeForces)
    .orderBy(asc(t.policeForces.position), asc(t.policeForces.id));
}

/** The 45 forces in their reference order, each with the product's go-live date where recorded. */
async function forcesWithGoLives(db: Db, productId: number): Promise<ForceGoLiveRow[]> {
  const rows = await db
    .select({ forceId: t.policeForces.id, forceName: t.policeForces.name, nation: t.policeForces.nation, liveOn: t.forceGoLives.liveOn })
    .from(t.policeForces)
    .leftJoin(t.forceGoLives, and(eq(t.forceGoLives.forceId, t.policeForces.id), eq(t.forceGoLives.productId, productId)))
    .orderBy(asc(t.policeForces.position), asc(t.policeForces.id));
  return rows.map((r) => ({ ...r, liveOn: r.liveOn ?? null }));
}

function goLivesOf(forces: ForceGoLiveRow[]): GoLive[] {
  return forces
    .filter((f): f is ForceGoLiveRow & { liveOn: IsoDate } => f.liveOn !== null)
    .map((f) => ({ forceName: f.forceName, liveOn: f.liveOn }));
}

export async function readRollout(db: Db, productSlug: string): Promise<RolloutEdit | null> {
  const product = await productBySlug(db, productSlug);
  if (!product) return null;
  const [observations, targets, forces] = [
    await db.select().from(t.rolloutObservations).where(eq(t.rolloutObservations.productId, product.id)).orderBy(asc(t.rolloutObservations.observedOn), asc(t.rolloutObservations.id)),
    await db.select().from(t.rolloutTargets).where(eq(t.rolloutTargets.productId, product.id)).orderBy(asc(t.rolloutTargets.targetOn), asc(t.rolloutTargets.id)),
    await forcesWithGoLives(db, product.id),
  ];
  const goLives = goLivesOf(forces);
  return {
    product,
    totalForces: forces.length,
    observations: observations.map((o) => toObservation(product, o)),
    targets: targets.map((r) => toTarget(product, r)),
    forces,
    fingerprint: goLivesFingerprint(goLives),
    derived: goLives.length > 0,
  };
}

export async function readObservationOf(db: Db, productSlug: string, id: number): Promise<ObservationRecord | null> {
  const product = await productBySlug(db, productSlug);
  return product ? readObservation(db, product, id, false) : null;
}

export async function readTargetOf(db: Db, productSlug: string, id: number): Promise<TargetRecord | null> {
  const product = await productBySlug(db, productSlug);
  return product ? readTarget(db, product, id, false) : null;
}

/** Locks the product row, so go-live sets and hand-typed counts for it are saved one at a time. */
async function lockProduct(db: Db, productId: number): Promise<void> {
  await db.select({ id: t.products.id }).from(t.products).where(eq(t.products.id, productId)).for("update");
}

async function hasGoLives(db: Db, productId: number): Promise<boolean> {
  const [row] = await db.select({ id: t.forceGoLives.id }).from(t.forceGoLives).where(eq(t.forceGoLives.productId, productId)).limit(1);
  return row !== undefined;
}

export async function addObservation(db: Db, productSlug: string, input: ObservationInput, actor: Actor): Promise<Outcome<ObservationRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return createAudited(db, {
    entityType: "rollout_observation",
    action: "rollout_observation.added",
    actor,
    insert: async (tx) => {
      await lockProduct(tx, product.id);
      if (await hasGoLives(tx, product.id)) throw new RuleBroken({ forcesLive: DERIVED_REFUSAL });
      // The schema checks the range too, but the API may be handed a stale total; the table is the authority.
      const total = await totalForces(tx);
      if (input.forcesLive > total) throw new RuleBroken({ forcesLive: `Forces live must be between 0 and ${total}` });
      // Two figures for one day would leave the count to chance: the figure is corrected by removing it first.
      const [sameDay] = await tx
        .select({ id: t.rolloutObservations.id })
        .from(t.rolloutObservations)
        .where(and(eq(t.rolloutObservations.productId, product.id), eq(t.rolloutObservations.observedOn, input.observedOn)));
      if (sameDay) throw new RuleBroken({ observedOn: `There is already a figure for ${formatDate(input.observedOn)}: remove it first to correct it` });
      const [row] = await tx
        .insert(t.rolloutObservations)
        .values({ productId: product.id, observedOn: input.observedOn, forcesLive: input.forcesLive, nationsCovered: input.nationsCovered, note: input.note })
        .returning();
      return toObservation(product, row!);
    },
  });
}

export async function removeObservation(db: Db, productSlug: string, id: number, version: number, actor: Actor): Promise<Outcome<ObservationRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "rollout_observation",
    id,
    expectedVersion: version,
    action: "rollout_observation.removed",
    actor,
    read: (tx) => readObservation(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx.delete(t.rolloutObservations).where(eq(t.rolloutObservations.id, id));
      return null;
    },
  });
}

export async function addTarget(db: Db, productSlug: string, input: TargetInput, actor: Actor): Promise<Outcome<TargetRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return createAudited(db, {
    entityType: "rollout_target",
    action: "rollout_target.added",
    actor,
    insert: async (tx) => {
      const total = await totalForces(tx);
      if (input.forcesCount > total) throw new RuleBroken({ forcesCount: `The target must be between 1 and ${total} forces` });
      const [row] = await tx
        .insert(t.rolloutTargets)
        .values({ productId: product.id, targetOn: input.target.on, targetPrecision: input.target.precision, forcesCount: input.forcesCount })
        .returning();
      return toTarget(product, row!);
    },
  });
}

export async function removeTarget(db: Db, productSlug: string, id: number, version: number, actor: Actor): Promise<Outcome<TargetRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "rollout_target",
    id,
    expectedVersion: version,
    action: "rollout_target.removed",
    actor,
    read: (tx) => readTarget(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx.delete(t.rolloutTargets).where(eq(t.rolloutTargets.id, id));
      return null;
    },
  });
}

/** A date is the day a force went live; one still to come is a plan, and the count is of forces live. */
function futureGoLive(forceName: string): string {
  return `The date ${forceName} went live must be today or in the past`;
}

type GoLivesAudit = { productId: number; goLives: GoLive[] };

function goLivesIn(record: Record<string, unknown> | null): GoLive[] {
  const list = record?.["goLives"];
  return Array.isArray(list) ? (list as GoLive[]) : [];
}

/**
 * The set saves recorded after the set someone read (known by its fingerprint), oldest first. Walks
 * back from the newest until a save that produced, or started from, what they read.
 */
async function goLivesChangesSince(db: Db, productId: number, fingerprint: string): Promise<RecordedChange[]> {
  const rows = await db
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "force_go_lives"), eq(t.auditEvents.entityId, String(productId))))
    .orderBy(desc(t.auditEvents.id))
    .limit(200);
  const changes: RecordedChange[] = [];
  for (const r of rows) {
    const before = r.before as Record<string, unknown> | null;
    const after = r.after as Record<string, unknown> | null;
    if (goLivesFingerprint(goLivesIn(after)) === fingerprint) break;
    changes.unshift({ actorLabel: r.actorLabel, occurredAt: r.occurredAt.toISOString(), action: r.action, before, after });
    if (goLivesFingerprint(goLivesIn(before)) === fingerprint) break;
  }
  return changes;
}

/**
 * Replaces the product's go-live dates with `input` (a force left out has not gone live), if the
 * set is still the one read (`expectedFingerprint`). Rows of forces whose date is unchanged are kept
 * as they are; one `force_go_lives.updated` event records the whole set before and after.
 */
export async function saveGoLives(
  db: Db,
  productSlug: string,
  input: GoLivesInput,
  expectedFingerprint: string,
  actor: Actor,
): Promise<Outcome<GoLivesSet>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  try {
    return await db.transaction(async (tx) => {
      await lockProduct(tx, product.id);
      const forces = await forcesWithGoLives(tx, product.id);
      const before = goLivesOf(forces);
      const current: GoLivesSet = { productId: product.id, productSlug: product.slug, goLives: before, fingerprint: goLivesFingerprint(before) };
      if (current.fingerprint !== expectedFingerprint) {
        return { kind: "conflict", current, changes: await goLivesChangesSince(tx, product.id, expectedFingerprint) };
      }
      const byName = new Map(forces.map((f) => [f.forceName, f]));
      const unknown = input.goLives.filter((g) => !byName.has(g.forceName));
      if (unknown.length) throw new RuleBroken({ goLives: `Not a territorial police force: ${unknown.map((g) => g.forceName).join(", ")}` });
      const future = input.goLives.filter((g) => g.liveOn > todayInLondon());
      if (future.length) throw new RuleBroken({ goLives: future.map((g) => futureGoLive(g.forceName)).join("; ") });
      const wanted = new Map(input.goLives.map((g) => [g.forceName, g.liveOn]));
      const after = goLivesOf(forces.map((f) => ({ ...f, liveOn: wanted.get(f.forceName) ?? null })));
      const fingerprint = goLivesFingerprint(after);
      if (fingerprint === current.fingerprint) return { kind: "saved", record: current };

      for (const force of forces) {
        const liveOn = wanted.get(force.forceName) ?? null;
        if (liveOn === force.liveOn) continue;
        const mine = and(eq(t.forceGoLives.productId, product.id), eq(t.forceGoLives.forceId, force.forceId));
        if (liveOn === null) await tx.delete(t.forceGoLives).where(mine);
        else if (force.liveOn === null) await tx.insert(t.forceGoLives).values({ productId: product.id, forceId: force.forceId, liveOn });
        else await tx.update(t.forceGoLives).set({ liveOn, version: sql`${t.forceGoLives.version} + 1` }).where(mine);
      }
      await recordAudit(tx, {
        actor,
        action: "force_go_lives.updated",
        entityType: "force_go_lives",
        entityId: product.id,
        before: { productId: product.id, goLives: before } satisfies GoLivesAudit,
        after: { productId: product.id, goLives: after } satisfies GoLivesAudit,
        correlationId: randomUUID(),
      });
      return { kind: "saved", record: { ...current, goLives: after, fingerprint } };
    });
  } catch (error) {
    if (error instanceof RuleBroken) return { kind: "invalid", errors: error.errors };
    throw error;
  }
}

/**
 * A recorded save of the set, force by force: the generic change view would only say how many
 * forces had a date, and someone whose save was refused needs to see which.
 */
export function viewGoLivesChange(change: RecordedChange): ChangeView {
  const before = new Map(goLivesIn(change.before).map((g) => [g.forceName, g.liveOn]));
  const after = new Map(goLivesIn(change.after).map((g) => [g.forceName, g.liveOn]));
  const names = [...new Set([...before.keys(), ...after.keys()])].filter((n) => before.get(n) !== after.get(n)).sort((a, b) => a.localeCompare(b, "en-GB"));
  const show = (on: string | undefined) => (on ? `live ${formatDate(on)}` : "not live");
  return {
    who: change.actorLabel,
    when: formatDateTime(change.occurredAt),
    what: "Force go-live dates changed",
    fields: names.map((n) => ({ field: n, label: n, before: show(before.get(n)), after: show(after.get(n)) })),
  };
}

/**
 * The go-live form: each force's boxes are `force-<id>-day|month|year` and its error key `force-<id>`
 * (the id of its day box, so the error summary lands on the force). Empty boxes: not live yet.
 * Every box is kept as typed, with the fingerprint the form was opened with.
 */
export function readGoLivesForm(
  form: FormData,
  forces: ReadonlyArray<{ id: number; name: string }>,
): { input: GoLivesInput | null; errors: Record<string, string>; values: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values: Record<string, string> = { fingerprint: String(form.get("fingerprint") ?? "") };
  const goLives: GoLive[] = [];
  const keyOf = new Map<string, string>();
  for (const force of forces) {
    const key = `force-${force.id}`;
    keyOf.set(force.name, key);
    for (const part of ["day", "month", "year"]) values[`${key}-${part}`] = String(form.get(`${key}-${part}`) ?? "");
    const parsed = readDateFields(form, key, `The date ${force.name} went live`);
    if (parsed.kind === "error") errors[key] = parsed.message;
    else if (parsed.kind === "date" && parsed.on > todayInLondon()) errors[key] = futureGoLive(force.name);
    else if (parsed.kind === "date") goLives.push({ forceName: force.name, liveOn: parsed.on });
  }
  if (Object.keys(errors).length) return { input: null, errors, values };
  const parsed = goLivesSchema.safeParse({ goLives });
  if (parsed.success) return { input: parsed.data, errors, values };
  for (const issue of parsed.error.issues) {
    const index = typeof issue.path[1] === "number" ? issue.path[1] : -1;
    const key = (index >= 0 && keyOf.get(goLives[index]!.forceName)) || "goLives";
    errors[key] ??= issue.message;
  }
  return { input: null, errors, values };
}
