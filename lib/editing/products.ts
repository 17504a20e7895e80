/**
 * Products: add, change and remove, each with its audit event; a change names the version it read.
 * A product's slug is made once, from its first name, and kept on rename so links and published
 * history still find it. Families are one level deep: a product is part of at most one top-level product.
 */
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "@/lib/db/client";
import { violatesUnique } from "@/lib/db/errors";
import * as t from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { phaseMaps, productBySlug, programmeId, type ProductRef } from "./lookups";
import { readMilestone, type MilestoneRecord } from "./milestones";
import { slugify, type ProductInput } from "./schemas";
import { readSpan, type SpanRecord } from "./spans";
import { createAudited, RuleBroken, saveVersioned, type Outcome } from "./versioned";

/** A product as the audit trail and the API see it. */
export type ProductRecord = {
  id: number;
  slug: string;
  name: string;
  description: string;
  statusSummary: string;
  parentSlug: string | null;
  currentPhaseKey: string;
  plannedFamilySize: number | null;
  version: number;
};

const parents = alias(t.products, "parent");

async function read(db: Db, id: number, lock: boolean): Promise<ProductRecord | null> {
  const query = db
    .select({ product: t.products, parentSlug: parents.slug })
    .from(t.products)
    .leftJoin(parents, eq(parents.id, t.products.parentId))
    .where(and(eq(t.products.id, id), eq(t.products.programmeId, await programmeId(db))));
  // Locks only the product's row: the parent is locked separately when a save names it.
  const [row] = lock ? await query.for("update", { of: t.products }) : await query;
  if (!row) return null;
  const { keyOf } = await phaseMaps(db);
  const p = row.product;
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    statusSummary: p.statusSummary,
    parentSlug: row.parentSlug,
    currentPhaseKey: keyOf(p.currentPhaseId) ?? "",
    plannedFamilySize: p.plannedFamilySize,
    version: p.version,
  };
}

export async function readProduct(db: Db, slug: string): Promise<ProductRecord | null> {
  const product = await productBySlug(db, slug);
  return product ? read(db, product.id, false) : null;
}

/** Top-level products a product may join as a family (all of them but `exceptSlug`), in roadmap order. */
export async function parentChoices(db: Db, exceptSlug?: string): Promise<Array<{ slug: string; name: string }>> {
  const rows = await db
    .select({ slug: t.products.slug, name: t.products.name })
    .from(t.products)
    .where(and(eq(t.products.programmeId, await programmeId(db)), isNull(t.products.parentId)))
    .orderBy(asc(t.products.position));
  return rows.filter((r) => r.slug !== exceptSlug);
}

/** The products in a product's family, in roadmap order. */
export async function childrenOf(db: Db, id: number): Promise<Array<{ id: number; slug: string; name: string }>> {
  return db
    .select({ id: t.products.id, slug: t.products.slug, name: t.products.name })
    .from(t.products)
    .where(eq(t.products.parentId, id))
    .orderBy(asc(t.products.position));
}

const NAME_INDEX = "products_programme_name_key";
const nameTaken = (name: string) => new RuleBroken({ name: `There is already a product called ${name}` });

async function refuseTakenName(db: Db, programme: number, name: string, exceptId?: number): Promise<void> {
  const [clash] = await db
    .select({ name: t.products.name })
    .from(t.products)
    .where(and(eq(t.products.programmeId, programme), sql`lower(${t.products.name}) = lower(${name})`, exceptId === undefined ? undefined : ne(t.products.id, exceptId)));
  if (clash) throw nameTaken(clash.name);
}

/**
 * The parent's id, after checking the family rules. The parent's row is locked so that two saves
 * cannot between them make a family two levels deep (A joins B while B joins C).
 */
async function parentIdFor(db: Db, programme: number, input: ProductInput, self?: { id: number; name: string }): Promise<number | null> {
  if (input.parentSlug === null) return null;
  const [parent] = await db
    .select({ id: t.products.id, name: t.products.name, parentId: t.products.parentId })
    .from(t.products)
    .where(and(eq(t.products.programmeId, programme), eq(t.products.slug, input.parentSlug)))
    .for("update");
  if (!parent) throw new RuleBroken({ parentSlug: "Select a product from the list, or None" });
  if (self && parent.id === self.id) throw new RuleBroken({ parentSlug: "A product cannot be part of its own family: select another product, or None" });
  if (parent.parentId !== null) {
    const [grand] = await db.select({ name: t.products.name }).from(t.products).where(eq(t.products.id, parent.parentId));
    throw new RuleBroken({ parentSlug: `${parent.name} is itself part of ${grand?.name ?? "another product"}, and families are one level deep: select ${grand?.name ?? "that product"} or None` });
  }
  if (self) {
    const children = await childrenOf(db, self.id);
    if (children.length) {
      throw new RuleBroken({
        parentSlug: `${self.name} has products in its family (${children.map((c) => c.name).join(", ")}), so it cannot be part of another: select None, or move them first`,
      });
    }
  }
  return parent.id;
}

async function columns(db: Db, programme: number, input: ProductInput, self?: { id: number; name: string }) {
  const { idOf } = await phaseMaps(db);
  return {
    name: input.name,
    description: input.description,
    statusSummary: input.statusSummary,
    parentId: await parentIdFor(db, programme, input, self),
    currentPhaseId: idOf(input.currentPhaseKey, "currentPhaseKey"),
    plannedFamilySize: input.plannedFamilySize,
  };
}

/** Slugs already used by any published update, so a new product never takes over a removed one's history. */
async function publishedSlugs(db: Db, programme: number): Promise<Set<string>> {
  const rows = await rowsOf<{ slug: string }>(db, sql`
    SELECT DISTINCT p ->> 'slug' AS slug
      FROM ${t.snapshots} s
      JOIN ${t.quarterlyUpdates} u ON u.id = s.update_id
      CROSS JOIN LATERAL jsonb_array_elements(s.content -> 'roadmap' -> 'products') p
     WHERE u.programme_id = ${programme} AND u.state = 'published'`);
  return new Set(rows.map((r) => r.slug));
}

async function freeSlug(db: Db, programme: number, name: string): Promise<string> {
  const base = slugify(name);
  const live = await db.select({ slug: t.products.slug }).from(t.products).where(eq(t.products.programmeId, programme));
  const taken = new Set([...live.map((r) => r.slug), ...(await publishedSlugs(db, programme))]);
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

async function writeRefusingTakenName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Someone saved the same name between our check and our write.
    if (violatesUnique(error, NAME_INDEX)) throw nameTaken(name);
    throw error;
  }
}

export async function addProduct(db: Db, input: ProductInput, actor: Actor): Promise<Outcome<ProductRecord>> {
  return createAudited(db, {
    entityType: "product",
    action: "product.created",
    actor,
    insert: async (tx) => {
      const programme = await programmeId(tx);
      // One product added at a time per programme, so the slug and position chosen stay free.
      await tx.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.id, programme)).for("no key update");
      await refuseTakenName(tx, programme, input.name);
      const values = await columns(tx, programme, input);
      const [{ next } = { next: 1 }] = await tx
        .select({ next: sql<number>`coalesce(max(${t.products.position}), 0)::int + 1` })
        .from(t.products)
        .where(eq(t.products.programmeId, programme));
      const slug = await freeSlug(tx, programme, input.name);
      const [row] = await writeRefusingTakenName(input.name, () =>
        tx.insert(t.products).values({ programmeId: programme, slug, position: next, ...values }).returning({ id: t.products.id }),
      );
      return (await read(tx, row!.id, false))!;
    },
  });
}

export async function updateProduct(db: Db, slug: string, version: number, input: ProductInput, actor: Actor): Promise<Outcome<ProductRecord>> {
  const product = await productBySlug(db, slug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "product",
    id: product.id,
    expectedVersion: version,
    action: "product.updated",
    actor,
    read: (tx) => read(tx, product.id, true),
    write: async (tx, current) => {
      const programme = await programmeId(tx);
      await refuseTakenName(tx, programme, input.name, product.id);
      const values = await columns(tx, programme, input, { id: product.id, name: current.name });
      await writeRefusingTakenName(input.name, () =>
        tx.update(t.products).set({ ...values, version: sql`${t.products.version} + 1`, updatedAt: new Date() }).where(eq(t.products.id, product.id)),
      );
      return read(tx, product.id, false);
    },
  });
}

/** What removing a product also removes (or, with children, what stops it). */
export type ProductRemovalEffects = {
  children: Array<{ slug: string; name: string }>;
  milestones: Array<{ id: number; title: string }>;
  spans: Array<{ id: number; phaseName: string }>;
  rollout: { observations: number; targets: number; goLives: number };
  /** The product's own dependencies, described by what they are on. */
  dependencies: Array<{ id: number; on: string }>;
  /** Other products' dependencies on it or on its milestones. */
  dependents: Array<{ id: number; productName: string; on: string }>;
};

async function dependencyRowsGoingWith(db: Db, productId: number) {
  const milestoneIds = (await db.select({ id: t.milestones.id }).from(t.milestones).where(eq(t.milestones.productId, productId))).map((m) => m.id);
  return db
    .select()
    .from(t.dependencies)
    .where(
      or(
        eq(t.dependencies.productId, productId),
        eq(t.dependencies.onProductId, productId),
        milestoneIds.length ? inArray(t.dependencies.onMilestoneId, milestoneIds) : undefined,
      ),
    )
    .orderBy(asc(t.dependencies.id));
}

export async function productRemovalEffects(db: Db, productId: number): Promise<ProductRemovalEffects> {
  const count = async (table: typeof t.rolloutObservations | typeof t.rolloutTargets | typeof t.forceGoLives) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.productId, productId)))[0]?.n ?? 0;
  const onProduct = alias(t.products, "on_product");
  const owner = alias(t.products, "owner");
  const deps = await db
    .select({
      id: t.dependencies.id,
      productId: t.dependencies.productId,
      productName: owner.name,
      onProductName: onProduct.name,
      onFactorTitle: t.dependencyFactors.title,
      onMilestoneTitle: t.milestones.title,
      onMilestoneProductId: t.milestones.productId,
    })
    .from(t.dependencies)
    .innerJoin(owner, eq(owner.id, t.dependencies.productId))
    .leftJoin(onProduct, eq(onProduct.id, t.dependencies.onProductId))
    .leftJoin(t.dependencyFactors, eq(t.dependencyFactors.id, t.dependencies.onFactorId))
    .leftJoin(t.milestones, eq(t.milestones.id, t.dependencies.onMilestoneId))
    .where(or(eq(t.dependencies.productId, productId), eq(t.dependencies.onProductId, productId), eq(t.milestones.productId, productId)))
    .orderBy(asc(t.dependencies.id));
  const describe = (d: (typeof deps)[number]) =>
    d.onProductName !== null ? `the product ${d.onProductName}` : d.onFactorTitle !== null ? `the programme dependency “${d.onFactorTitle}”` : `the milestone “${d.onMilestoneTitle ?? ""}”`;
  return {
    children: (await childrenOf(db, productId)).map(({ slug, name }) => ({ slug, name })),
    milestones: await db.select({ id: t.milestones.id, title: t.milestones.title }).from(t.milestones).where(eq(t.milestones.productId, productId)).orderBy(asc(t.milestones.forecastOn), asc(t.milestones.id)),
    spans: await db
      .select({ id: t.phaseSpans.id, phaseName: t.phases.name })
      .from(t.phaseSpans)
      .innerJoin(t.phases, eq(t.phases.id, t.phaseSpans.phaseId))
      .where(eq(t.phaseSpans.productId, productId))
      .orderBy(asc(t.phases.position), asc(t.phaseSpans.id)),
    rollout: { observations: await count(t.rolloutObservations), targets: await count(t.rolloutTargets), goLives: await count(t.forceGoLives) },
    dependencies: deps.filter((d) => d.productId === productId).map((d) => ({ id: d.id, on: describe(d) })),
    dependents: deps.filter((d) => d.productId !== productId).map((d) => ({ id: d.id, productName: d.productName, on: describe(d) })),
  };
}

/**
 * Removes a product. The database cascades to its milestones, planned phases, rollout records and
 * dependencies (its own and others' on it), so what goes is read first and each milestone, planned
 * phase and dependency gets its own audit event, sharing the product's correlation id.
 */
export async function removeProduct(db: Db, slug: string, version: number, actor: Actor): Promise<Outcome<ProductRecord>> {
  const product = await productBySlug(db, slug);
  if (!product) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: "product",
    id: product.id,
    expectedVersion: version,
    action: "product.removed",
    actor,
    read: (tx) => read(tx, product.id, true),
    write: async (tx, current, correlationId) => {
      // Locked so no product joins the family while it is being removed.
      const children = await tx.select({ name: t.products.name }).from(t.products).where(eq(t.products.parentId, product.id)).for("update");
      if (children.length) {
        throw new RuleBroken({
          children: `${current.name} has products in its family (${children.map((c) => c.name).join(", ")}): remove them, or move them out of the family, first`,
        });
      }
      const ref: ProductRef = { id: product.id, slug: current.slug, name: current.name };
      const dependencies = await dependencyRowsGoingWith(tx, product.id);
      const milestones = await cascaded<MilestoneRecord>(tx, t.milestones, product.id, (id) => readMilestone(tx, ref.slug, id));
      const spans = await cascaded<SpanRecord>(tx, t.phaseSpans, product.id, (id) => readSpan(tx, ref.slug, id));
      await tx.delete(t.products).where(eq(t.products.id, product.id));
      const reason = `The product ${current.name} was removed`;
      for (const d of dependencies) {
        await recordAudit(tx, { actor, action: "dependency.removed", entityType: "dependency", entityId: d.id, before: { ...d, reason }, correlationId });
      }
      for (const m of milestones) {
        await recordAudit(tx, { actor, action: "milestone.removed", entityType: "milestone", entityId: m.id, before: { ...m, reason }, correlationId });
      }
      for (const s of spans) {
        await recordAudit(tx, { actor, action: "phase_span.removed", entityType: "phase_span", entityId: s.id, before: { ...s, reason }, correlationId });
      }
      return null;
    },
  });
}

async function cascaded<R>(tx: Db, table: typeof t.milestones | typeof t.phaseSpans, productId: number, readOne: (id: number) => Promise<R | null>): Promise<R[]> {
  const rows = await tx.select({ id: table.id }).from(table).where(eq(table.productId, productId)).orderBy(asc(table.id));
  const records: R[] = [];
  for (const { id } of rows) {
    const record = await readOne(id);
    if (record) records.push(record);
  }
  return records;
}
