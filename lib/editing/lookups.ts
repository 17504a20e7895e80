/** The lookups every edit needs, scoped to the programme the app shows (ownership goes in the query). */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { RuleBroken } from "./versioned";

export async function programmeId(db: Db): Promise<number> {
  const [row] = await db.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, PROGRAMME_SLUG));
  if (!row) throw new Error(`No programme ${PROGRAMME_SLUG}`);
  return row.id;
}

export type ProductRef = { id: number; slug: string; name: string };

/** A product of the programme by slug, or null. */
export async function productBySlug(db: Db, slug: string): Promise<ProductRef | null> {
  const [row] = await db
    .select({ id: t.products.id, slug: t.products.slug, name: t.products.name })
    .from(t.products)
    .innerJoin(t.programmes, eq(t.programmes.id, t.products.programmeId))
    .where(and(eq(t.programmes.slug, PROGRAMME_SLUG), eq(t.products.slug, slug)));
  return row ?? null;
}

export async function phaseMaps(db: Db): Promise<{ idOf: (key: string, field: string) => number; keyOf: (id: number | null) => string | null }> {
  const rows = await db.select({ id: t.phases.id, key: t.phases.key }).from(t.phases);
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  const byId = new Map(rows.map((r) => [r.id, r.key]));
  return {
    idOf: (key, field) => {
      const id = byKey.get(key);
      if (id === undefined) throw new RuleBroken({ [field]: "Select a phase from the list" });
      return id;
    },
    keyOf: (id) => (id === null ? null : (byId.get(id) ?? null)),
  };
}

export async function totalForces(db: Db): Promise<number> {
  const rows = await db.select({ id: t.policeForces.id }).from(t.policeForces);
  return rows.length;
}

const CHILD_TABLES = {
  milestones: t.milestones,
  spans: t.phaseSpans,
  dependencies: t.dependencies,
} as const;
export type ChildKind = keyof typeof CHILD_TABLES;

/** Whether the live roadmap has this product (and, given a kind and id, that record of it). */
export async function liveRecordExists(db: Db, productSlug: string, child?: { kind: ChildKind; id: number }): Promise<boolean> {
  const product = await productBySlug(db, productSlug);
  if (!product || !child) return product !== null;
  const table = CHILD_TABLES[child.kind];
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, child.id), eq(table.productId, product.id)));
  return row !== undefined;
}

export async function liveFactorExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: t.dependencyFactors.id })
    .from(t.dependencyFactors)
    .where(and(eq(t.dependencyFactors.id, id), eq(t.dependencyFactors.programmeId, await programmeId(db))));
  return row !== undefined;
}
