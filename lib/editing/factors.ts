/**
 * Programme-level factors (the letter's three "main factors" every product depends on): add, change
 * and remove, each with its audit event. Removing one also removes the products' dependencies on it,
 * each recorded (with its product, for the product's history) under the removal's correlation id.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { DependencyStatus } from "@/lib/roadmap/types";
import { recordOf } from "./dependencies";
import { programmeId } from "./lookups";
import type { FactorInput } from "./schemas";
import { createAudited, saveVersioned, type Outcome } from "./versioned";

export type FactorRecord = {
  id: number;
  title: string;
  description: string;
  status: DependencyStatus;
  owner: string | null;
  version: number;
};

async function read(db: Db, id: number, lock: boolean): Promise<FactorRecord | null> {
  const query = db
    .select()
    .from(t.dependencyFactors)
    .where(and(eq(t.dependencyFactors.id, id), eq(t.dependencyFactors.programmeId, await programmeId(db))));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  return { id: row.id, title: row.title, description: row.description, status: row.status, owner: row.owner, version: row.version };
}

export async function readFactor(db: Db, id: number): Promise<FactorRecord | null> {
  return read(db, id, false);
}

export async function addFactor(db: Db, input: FactorInput, actor: Actor): Promise<Outcome<FactorRecord>> {
  return createAudited(db, {
    entityType: "factor",
    action: "factor.added",
    actor,
    insert: async (tx) => {
      const programme = await programmeId(tx);
      // Two factors added at once would otherwise both take the same next position.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('factor-positions'), ${programme})`);
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${t.dependencyFactors.position}), 0)::int` })
        .from(t.dependencyFactors)
        .where(eq(t.dependencyFactors.programmeId, programme));
      const [row] = await tx
        .insert(t.dependencyFactors)
        .values({ programmeId: programme, position: (last?.position ?? 0) + 1, ...input })
        .returning({ id: t.dependencyFactors.id });
      return (await read(tx, row!.id, false))!;
    },
  });
}

export async function updateFactor(db: Db, id: number, version: number, input: FactorInput, actor: Actor): Promise<Outcome<FactorRecord>> {
  return saveVersioned(db, {
    entityType: "factor",
    id,
    expectedVersion: version,
    action: "factor.updated",
    actor,
    read: (tx) => read(tx, id, true),
    write: async (tx) => {
      await tx
        .update(t.dependencyFactors)
        .set({ ...input, version: sql`${t.dependencyFactors.version} + 1`, updatedAt: new Date() })
        .where(eq(t.dependencyFactors.id, id));
      return read(tx, id, false);
    },
  });
}

/** What removing a factor also removes: the products' dependencies on it. */
export async function factorRemovalEffects(db: Db, id: number): Promise<Array<{ id: number; productName: string; productSlug: string }>> {
  return db
    .select({ id: t.dependencies.id, productName: t.products.name, productSlug: t.products.slug })
    .from(t.dependencies)
    .innerJoin(t.products, eq(t.products.id, t.dependencies.productId))
    .where(eq(t.dependencies.onFactorId, id))
    .orderBy(asc(t.products.position), asc(t.products.name));
}

export async function removeFactor(db: Db, id: number, version: number, actor: Actor): Promise<Outcome<FactorRecord>> {
  return saveVersioned(db, {
    entityType: "factor",
    id,
    expectedVersion: version,
    action: "factor.removed",
    actor,
    read: (tx) => read(tx, id, true),
    write: async (tx, _current, correlationId) => {
      // Read as records before the factor goes, so each removal names the factor and its product.
      const rows = await tx
        .select({ dependency: t.dependencies, product: { id: t.products.id, slug: t.products.slug, name: t.products.name } })
        .from(t.dependencies)
        .innerJoin(t.products, eq(t.products.id, t.dependencies.productId))
        .where(eq(t.dependencies.onFactorId, id))
        .orderBy(asc(t.dependencies.id))
        .for("update", { of: t.dependencies });
      for (const { dependency, product } of rows) {
        const before = await recordOf(tx, product, dependency);
        await tx.delete(t.dependencies).where(eq(t.dependencies.id, dependency.id));
        await recordAudit(tx, {
          actor,
          action: "dependency.removed",
          entityType: "dependency",
          entityId: dependency.id,
          before: { ...before, reason: "The programme dependency it depended on was removed" },
          correlationId,
        });
      }
      await tx.delete(t.dependencyFactors).where(eq(t.dependencyFactors.id, id));
      return null;
    },
  });
}
