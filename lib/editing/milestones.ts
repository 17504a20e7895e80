/** Milestones: add, change and remove, each with its audit event; a change names the version it read. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Period } from "@/lib/dates/period";
import type { MilestoneStatus } from "@/lib/roadmap/types";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { phaseMaps, productBySlug, type ProductRef } from "./lookups";
import type { MilestoneInput } from "./schemas";
import { createAudited, saveVersioned, type Outcome } from "./versioned";

/** A milestone as the audit trail and the API see it. */
export type MilestoneRecord = {
  id: number;
  productId: number;
  productSlug: string;
  title: string;
  phaseKey: string | null;
  baseline: Period | null;
  forecast: Period;
  status: MilestoneStatus;
  actualOn: string | null;
  notes: string;
  version: number;
};

async function read(db: Db, product: ProductRef, id: number, lock: boolean): Promise<MilestoneRecord | null> {
  const query = db.select().from(t.milestones).where(and(eq(t.milestones.id, id), eq(t.milestones.productId, product.id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const { keyOf } = await phaseMaps(db);
  return {
    id: row.id,
    productId: product.id,
    productSlug: product.slug,
    title: row.title,
    phaseKey: keyOf(row.phaseId),
    baseline: row.baselineOn && row.baselinePrecision ? { on: row.baselineOn, precision: row.baselinePrecision } : null,
    forecast: { on: row.forecastOn, precision: row.forecastPrecision },
    status: row.status,
    actualOn: row.actualOn,
    notes: row.notes,
    version: row.version,
  };
}

export async function readMilestone(db: Db, productSlug: string, id: number): Promise<MilestoneRecord | null> {
  const product = await productBySlug(db, productSlug);
  return product ? read(db, product, id, false) : null;
}

async function columns(db: Db, input: MilestoneInput) {
  const { idOf } = await phaseMaps(db);
  return {
    title: input.title,
    phaseId: input.phaseKey === null ? null : idOf(input.phaseKey, "phaseKey"),
    forecastOn: input.forecast.on,
    forecastPrecision: input.forecast.precision,
    status: input.status,
    actualOn: input.actualOn,
    notes: input.notes,
  };
}

export async function addMilestone(db: Db, productSlug: string, input: MilestoneInput, actor: Actor): Promise<Outcome<MilestoneRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return createAudited(db, {
    entityType: "milestone",
    action: "milestone.added",
    actor,
    insert: async (tx) => {
      const [row] = await tx.insert(t.milestones).values({ productId: product.id, ...(await columns(tx, input)) }).returning({ id: t.milestones.id });
      return (await read(tx, product, row!.id, false))!;
    },
  });
}

export async function updateMilestone(db: Db, productSlug: string, id: number, version: number, input: MilestoneInput, actor: Actor): Promise<Outcome<MilestoneRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "milestone",
    id,
    expectedVersion: version,
    action: "milestone.updated",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx
        .update(t.milestones)
        .set({ ...(await columns(tx, input)), version: sql`${t.milestones.version} + 1`, updatedAt: new Date() })
        .where(eq(t.milestones.id, id));
      return read(tx, product, id, false);
    },
  });
}

/** What removing a milestone also removes: the dependencies on it. */
export async function milestoneRemovalEffects(db: Db, id: number): Promise<Array<{ id: number; productName: string }>> {
  return db
    .select({ id: t.dependencies.id, productName: t.products.name })
    .from(t.dependencies)
    .innerJoin(t.products, eq(t.products.id, t.dependencies.productId))
    .where(eq(t.dependencies.onMilestoneId, id));
}

export async function removeMilestone(db: Db, productSlug: string, id: number, version: number, actor: Actor): Promise<Outcome<MilestoneRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "milestone",
    id,
    expectedVersion: version,
    action: "milestone.removed",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx, _current, correlationId) => {
      const removed = await tx.delete(t.dependencies).where(eq(t.dependencies.onMilestoneId, id)).returning();
      for (const d of removed) {
        await recordAudit(tx, { actor, action: "dependency.removed", entityType: "dependency", entityId: d.id, before: { ...d, reason: "The milestone it depended on was removed" }, correlationId });
      }
      await tx.delete(t.milestones).where(eq(t.milestones.id, id));
      return null;
    },
  });
}
