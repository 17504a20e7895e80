/**
 * A product's dependencies: on another product, on a programme-level factor, or on a milestone of
 * another product. Each change names the version it read and is recorded with the product's id, so
 * the product's history shows it. The target is checked in the same transaction as the write.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Actor } from "@/lib/audit/record";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import type { Dependency, DependencyStatus } from "@/lib/roadmap/types";
import { productBySlug, programmeId, type ProductRef } from "./lookups";
import type { DependencyInput } from "./schemas";
import { createAudited, RuleBroken, saveVersioned, type Outcome } from "./versioned";

export type DependencyTarget = Dependency["on"];

/** A dependency as the audit trail and the API see it: its target named, not just numbered. */
export type DependencyRecord = {
  id: number;
  productId: number;
  productSlug: string;
  on: DependencyTarget;
  status: DependencyStatus;
  owner: string | null;
  note: string;
  version: number;
};

type Row = typeof t.dependencies.$inferSelect;

/** The target a stored row points at, with its current name; a target gone meanwhile still reads. */
async function targetOf(db: Db, row: Pick<Row, "onProductId" | "onFactorId" | "onMilestoneId">): Promise<DependencyTarget> {
  if (row.onProductId !== null) {
    const [p] = await db.select({ slug: t.products.slug, name: t.products.name }).from(t.products).where(eq(t.products.id, row.onProductId));
    return { kind: "product", slug: p?.slug ?? "", name: p?.name ?? "(removed product)" };
  }
  if (row.onFactorId !== null) {
    const [f] = await db.select({ title: t.dependencyFactors.title }).from(t.dependencyFactors).where(eq(t.dependencyFactors.id, row.onFactorId));
    return { kind: "factor", id: row.onFactorId, title: f?.title ?? "(removed programme dependency)" };
  }
  const [m] = await db
    .select({ title: t.milestones.title, productSlug: t.products.slug })
    .from(t.milestones)
    .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
    .where(eq(t.milestones.id, row.onMilestoneId ?? -1));
  return { kind: "milestone", id: row.onMilestoneId ?? 0, title: m?.title ?? "(removed milestone)", productSlug: m?.productSlug ?? "" };
}

export async function recordOf(db: Db, product: ProductRef, row: Row): Promise<DependencyRecord> {
  return {
    id: row.id,
    productId: product.id,
    productSlug: product.slug,
    on: await targetOf(db, row),
    status: row.status,
    owner: row.owner,
    note: row.note,
    version: row.version,
  };
}

async function read(db: Db, product: ProductRef, id: number, lock: boolean): Promise<DependencyRecord | null> {
  const query = db.select().from(t.dependencies).where(and(eq(t.dependencies.id, id), eq(t.dependencies.productId, product.id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? recordOf(db, product, row) : null;
}

export async function readDependency(db: Db, productSlug: string, id: number): Promise<DependencyRecord | null> {
  const product = await productBySlug(db, productSlug);
  return product ? read(db, product, id, false) : null;
}

type TargetColumns = { onProductId: number | null; onFactorId: number | null; onMilestoneId: number | null };

/** How the refusal of a second dependency on the same target names that target. */
function describeTarget(on: DependencyTarget, productNameOf: (slug: string) => string): string {
  if (on.kind === "product") return on.name;
  if (on.kind === "factor") return `the programme dependency “${on.title}”`;
  return `the milestone “${on.title}” of ${productNameOf(on.productSlug)}`;
}

/**
 * The columns for a chosen target, refusing (as a field error on `on`) a target that is not in the
 * programme, the product itself or one of its own milestones, or a target the product already depends on.
 * Holds a per-product lock to the end of the transaction, so two saves cannot both add the same target.
 */
async function targetColumns(db: Db, product: ProductRef, on: DependencyInput["on"], exceptId: number | null): Promise<TargetColumns> {
  let columns: TargetColumns;
  let ownerName = "";
  if (on.kind === "product") {
    const target = await productBySlug(db, on.slug);
    if (!target) throw new RuleBroken({ on: "Select a product from the list" });
    if (target.id === product.id) throw new RuleBroken({ on: `${product.name} cannot depend on itself: select another product` });
    columns = { onProductId: target.id, onFactorId: null, onMilestoneId: null };
  } else if (on.kind === "factor") {
    const [factor] = await db
      .select({ id: t.dependencyFactors.id })
      .from(t.dependencyFactors)
      .where(and(eq(t.dependencyFactors.id, on.id), eq(t.dependencyFactors.programmeId, await programmeId(db))));
    if (!factor) throw new RuleBroken({ on: "Select a programme dependency from the list" });
    columns = { onProductId: null, onFactorId: factor.id, onMilestoneId: null };
  } else {
    const [milestone] = await db
      .select({ id: t.milestones.id, productId: t.milestones.productId, productName: t.products.name })
      .from(t.milestones)
      .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
      .innerJoin(t.programmes, eq(t.programmes.id, t.products.programmeId))
      .where(and(eq(t.milestones.id, on.id), eq(t.programmes.slug, PROGRAMME_SLUG)));
    if (!milestone) throw new RuleBroken({ on: "Select a milestone from the list" });
    if (milestone.productId === product.id) {
      throw new RuleBroken({ on: `A product cannot depend on one of its own milestones: select a milestone of another product` });
    }
    ownerName = milestone.productName;
    columns = { onProductId: null, onFactorId: null, onMilestoneId: milestone.id };
  }

  // There is no unique index for "one dependency per target" (three nullable columns), so saves for
  // one product take turns: the check below then sees every committed dependency of the product.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('dependency-targets'), ${product.id})`);
  const sameTarget =
    columns.onProductId !== null
      ? eq(t.dependencies.onProductId, columns.onProductId)
      : columns.onFactorId !== null
        ? eq(t.dependencies.onFactorId, columns.onFactorId)
        : eq(t.dependencies.onMilestoneId, columns.onMilestoneId!);
  const [existing] = await db
    .select()
    .from(t.dependencies)
    .where(and(eq(t.dependencies.productId, product.id), sameTarget, exceptId === null ? undefined : ne(t.dependencies.id, exceptId)));
  if (existing) {
    const target = await targetOf(db, existing);
    throw new RuleBroken({ on: `${product.name} already depends on ${describeTarget(target, () => ownerName)}` });
  }
  return columns;
}

export async function addDependency(db: Db, productSlug: string, input: DependencyInput, actor: Actor): Promise<Outcome<DependencyRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return createAudited(db, {
    entityType: "dependency",
    action: "dependency.added",
    actor,
    insert: async (tx) => {
      const columns = await targetColumns(tx, product, input.on, null);
      const [row] = await tx
        .insert(t.dependencies)
        .values({ productId: product.id, ...columns, status: input.status, owner: input.owner, note: input.note })
        .returning();
      return recordOf(tx, product, row!);
    },
  });
}

export async function updateDependency(
  db: Db,
  productSlug: string,
  id: number,
  version: number,
  input: DependencyInput,
  actor: Actor,
): Promise<Outcome<DependencyRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "dependency",
    id,
    expectedVersion: version,
    action: "dependency.updated",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      const columns = await targetColumns(tx, product, input.on, id);
      await tx
        .update(t.dependencies)
        .set({ ...columns, status: input.status, owner: input.owner, note: input.note, version: sql`${t.dependencies.version} + 1`, updatedAt: new Date() })
        .where(eq(t.dependencies.id, id));
      return read(tx, product, id, false);
    },
  });
}

export async function removeDependency(db: Db, productSlug: string, id: number, version: number, actor: Actor): Promise<Outcome<DependencyRecord>> {
  const product = await productBySlug(db, productSlug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "dependency",
    id,
    expectedVersion: version,
    action: "dependency.removed",
    actor,
    read: (tx) => read(tx, product, id, true),
    owns: (record) => record["productId"] === product.id,
    write: async (tx) => {
      await tx.delete(t.dependencies).where(eq(t.dependencies.id, id));
      return null;
    },
  });
}

export type TargetChoice = { value: string; label: string };

/** What a product may depend on, for the form's grouped list: other products, the factors, other products' milestones. */
export async function dependencyTargetChoices(
  db: Db,
  product: ProductRef,
): Promise<{ products: TargetChoice[]; factors: TargetChoice[]; milestones: TargetChoice[] }> {
  const programme = await programmeId(db);
  const products = await db
    .select({ slug: t.products.slug, name: t.products.name })
    .from(t.products)
    .where(and(eq(t.products.programmeId, programme), ne(t.products.id, product.id)))
    .orderBy(asc(t.products.position), asc(t.products.name));
  const factors = await db
    .select({ id: t.dependencyFactors.id, title: t.dependencyFactors.title })
    .from(t.dependencyFactors)
    .where(eq(t.dependencyFactors.programmeId, programme))
    .orderBy(asc(t.dependencyFactors.position), asc(t.dependencyFactors.id));
  const milestones = await db
    .select({ id: t.milestones.id, title: t.milestones.title, productName: t.products.name })
    .from(t.milestones)
    .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
    .where(and(eq(t.products.programmeId, programme), ne(t.products.id, product.id)))
    .orderBy(asc(t.products.position), asc(t.milestones.forecastOn), asc(t.milestones.id));
  return {
    products: products.map((p) => ({ value: `product:${p.slug}`, label: p.name })),
    factors: factors.map((f) => ({ value: `factor:${f.id}`, label: f.title })),
    milestones: milestones.map((m) => ({ value: `milestone:${m.id}`, label: `${m.productName}: ${m.title}` })),
  };
}

/** The form's value for a target ("product:vehicles", "factor:2", "milestone:14"). */
export function targetValue(on: DependencyTarget): string {
  return on.kind === "product" ? `product:${on.slug}` : `${on.kind}:${on.id}`;
}

/** A form's target value as the schema's input; anything else is left for the schema to refuse. */
export function targetFromValue(value: string): unknown {
  const match = /^(product|factor|milestone):(.+)$/.exec(value.trim());
  if (!match) return undefined;
  const [, kind, rest] = match;
  if (kind === "product") return { kind, slug: rest };
  return /^\d{1,9}$/.test(rest!) ? { kind, id: Number(rest) } : undefined;
}
