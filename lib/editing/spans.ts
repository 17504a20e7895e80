/** Planned phase spans: add, change and remove, each with its audit event; a change names the version it read. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Period } from "@/lib/dates/period";
import type { Actor } from "@/lib/audit/record";
import { phaseMaps, productBySlug, type ProductRef } from "./lookups";
import type { SpanInput } from "./schemas";
import { createAudited, saveVersioned, type Outcome } from "./versioned";

/** A planned phase as the audit trail and the API see it. A null start is "already under way"; a null end, "ongoing". */
export type SpanRecord = {
  id: number;
  productId: number;
  productSlug: string;
  phaseKey: string;
  start: Period | null;
  end: Period | null;
  note: string;
  version: number;
};

async function read(db: Db, product: ProductRef, id: number, lock: boolean): Promise<SpanRecord | null> {
  const query = db.select().from(t.phaseSpans).where(and(eq(t.phaseSpans.id, id), eq(t.phaseSpans.productId, product.id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const { keyOf } = await phaseMaps(db);
  return {
    id: row.id,
    productId: product.id,
    productSlug: product.slug,
    phaseKey: keyOf(row.phaseId) ?? "",
    start: row.startOn && row.startPrecision ? { on: row.startOn, precision: row.startPrecision } : null,
    end: row.endOn && row.endPrecision ? { on: row.endOn, precision: row.endPrecision } : null,
    note: row.note,
    version: row.version,
  };
}

export async function readSpan(db: Db, productSlug: string, id: number): Promise<SpanRecord | null> {
  const product = await productBySlug(db, productSlug);
  return product ? read(db, product, id, false) : null;
}

async function columns(db: Db, input: SpanInput) {
  const { idOf } = await phaseMaps(db);
  return {
    phaseId: idOf(input.phaseKey, "phaseKey"),
    startOn: input.start?.on ?? null,
    startPrecision: input.start?.precision ?? null,
    endOn: input.end?.on ?? null,
    endPrecision: input.end?.precision ?? null,
    note: input.note,
  };
}

export async function addSpan(db: Db, productSlug: string, input: SpanInput, actor: Actor): Promise<Outcome<SpanRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return createAudited(db, {
    entityType: "phase_span",
    action: "phase_span.added",
    actor,
    insert: async (tx) => {
      const [row] = await tx.insert(t.phaseSpans).values({ productId: product.id, ...(await columns(tx, input)) }).returning({ id: t.phaseSpans.id });
      return (await read(tx, product, row!.id, false))!;
    },
  });
}

export async function updateSpan(db: Db, productSlug: string, id: number, version: number, input: SpanInput, actor: Actor): Promise<Outcome<SpanRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "phase_span",
    id,
    expectedVersion: version,
    action: "phase_span.updated",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx
        .update(t.phaseSpans)
        .set({ ...(await columns(tx, input)), version: sql`${t.phaseSpans.version} + 1`, updatedAt: new Date() })
        .where(eq(t.phaseSpans.id, id));
      return read(tx, product, id, false);
    },
  });
}

export async function removeSpan(db: Db, productSlug: string, id: number, version: number, actor: Actor): Promise<Outcome<SpanRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "phase_span",
    id,
    expectedVersion: version,
    action: "phase_span.removed",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx.delete(t.phaseSpans).where(eq(t.phaseSpans.id, id));
      return null;
    },
  });
}
