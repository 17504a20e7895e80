/**
 * Editing products and their planned phases against a real database seeded with the October 2021
 * roadmap: every accepted save writes exactly one audit event in the same transaction, a refused save
 * writes nothing, a stale save is refused with what changed, and removing a product accounts in the
 * audit trail for everything the database cascades away.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { monthPeriod, quarterPeriod } from "@/lib/dates/period";
import { addProduct, productRemovalEffects, readProduct, removeProduct, updateProduct, type ProductRecord } from "@/lib/editing/products";
import { productSchema, spanSchema, type ProductInput } from "@/lib/editing/schemas";
import { addSpan, readSpan, removeSpan, updateSpan } from "@/lib/editing/spans";
import { historyOf } from "@/lib/editing/versioned";
import { queryRows, seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
const alice: Actor = { userId: null, label: "alice.editor@example.gov.uk", sourceAddress: "198.51.100.7" };
const bob: Actor = { userId: null, label: "bob.editor@example.gov.uk", sourceAddress: "198.51.100.8" };

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
});
afterAll(() => dispose?.());

type AuditRow = { action: string; entity_type: string; entity_id: string; actor_label: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; correlation_id: string };

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_events`);
  return row!.n;
}
async function productCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM products`);
  return row!.n;
}
async function auditOf(entityType: string, id: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(db, sql`SELECT * FROM audit_events WHERE entity_type = ${entityType} AND entity_id = ${String(id)} ORDER BY id`);
}

function productInput(fields: Partial<Record<keyof ProductInput, unknown>>): ProductInput {
  return productSchema.parse({ description: "A product added in a test.", currentPhaseKey: "discovery", ...fields });
}
function inputOf(record: ProductRecord, changes: Partial<ProductInput> = {}): ProductInput {
  const { name, description, statusSummary, parentSlug, currentPhaseKey, plannedFamilySize } = record;
  return { name, description, statusSummary, parentSlug, currentPhaseKey, plannedFamilySize, ...changes };
}
async function current(slug: string): Promise<ProductRecord> {
  const record = await readProduct(db, slug);
  if (!record) throw new Error(`no product ${slug}`);
  return record;
}
function saved<T>(outcome: { kind: string; record?: T }): T {
  if (outcome.kind !== "saved") throw new Error(`expected saved, got ${JSON.stringify(outcome)}`);
  return outcome.record as T;
}

describe("adding a product", () => {
  it("makes a slug from the name, puts it last and records one audit event", async () => {
    const before = await auditCount();
    const record = saved(await addProduct(db, productInput({ name: "Crime & Justice", plannedFamilySize: 3 }), alice));
    expect(record).toMatchObject({ slug: "crime-and-justice", name: "Crime & Justice", parentSlug: null, currentPhaseKey: "discovery", plannedFamilySize: 3, version: 1 });
    const [row] = await queryRows<{ position: number; max: number }>(db, sql`SELECT position, (SELECT max(position) FROM products) AS max FROM products WHERE id = ${record.id}`);
    expect(row!.position).toBe(7);
    expect(row!.max).toBe(7);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await auditOf("product", record.id);
    expect(event).toMatchObject({ action: "product.created", actor_label: alice.label, before: null });
    expect(event!.after).toMatchObject({ slug: "crime-and-justice", name: "Crime & Justice", version: 1 });
  });

  it("refuses a name already used, in any case, writing nothing", async () => {
    const [products, events] = [await productCount(), await auditCount()];
    for (const name of ["Property", "PROPERTY", "  property  ", "crime & JUSTICE"]) {
      const outcome = await addProduct(db, productInput({ name }), alice);
      expect(outcome.kind).toBe("invalid");
      if (outcome.kind === "invalid") expect(outcome.errors.name).toMatch(/^There is already a product called (Property|Crime & Justice)$/);
    }
    expect(await productCount()).toBe(products);
    expect(await auditCount()).toBe(events);
  });

  it("lets only one of two simultaneous adds of the same name through", async () => {
    const outcomes = await Promise.all([addProduct(db, productInput({ name: "Twin" }), alice), addProduct(db, productInput({ name: "twin" }), bob)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["invalid", "saved"]);
  });

  it("stores text exactly as typed, HTML included", async () => {
    const name = `<script>alert("x")</script> Tracker`;
    const description = `<b>Bold</b> & "quoted" <img src=x onerror=alert(1)>`;
    const record = saved(await addProduct(db, productInput({ name, description, statusSummary: "<i>early</i>" }), alice));
    expect(record.slug).toBe("script-alert-x-script-tracker");
    const [row] = await queryRows<{ name: string; description: string; status_summary: string }>(db, sql`SELECT name, description, status_summary FROM products WHERE id = ${record.id}`);
    expect(row).toEqual({ name, description, status_summary: "<i>early</i>" });
  });

  it("refuses an unknown phase and an unknown parent", async () => {
    const events = await auditCount();
    const phase = await addProduct(db, productInput({ name: "Phaseless", currentPhaseKey: "gamma" }), alice);
    expect(phase).toEqual({ kind: "invalid", errors: { currentPhaseKey: "Select a phase from the list" } });
    const parent = await addProduct(db, productInput({ name: "Orphan", parentSlug: "no-such-product" }), alice);
    expect(parent.kind).toBe("invalid");
    if (parent.kind === "invalid") expect(Object.keys(parent.errors)).toEqual(["parentSlug"]);
    expect(await readProduct(db, "phaseless")).toBeNull();
    expect(await auditCount()).toBe(events);
  });
});

describe("changing a product", () => {
  it("keeps the slug on rename, and a new product with the old name gets a slug of its own", async () => {
    const audit = await current("audit");
    const renamed = saved(await updateProduct(db, "audit", audit.version, inputOf(audit, { name: "Audit and Assurance" }), alice));
    expect(renamed).toMatchObject({ slug: "audit", name: "Audit and Assurance", version: audit.version + 1 });
    const again = saved(await addProduct(db, productInput({ name: "Audit" }), alice));
    expect(again.slug).toBe("audit-2");
  });

  it("refuses renaming to another product's name in any case", async () => {
    const drivers = await current("drivers");
    const outcome = await updateProduct(db, "drivers", drivers.version, inputOf(drivers, { name: "vehicles" }), alice);
    expect(outcome).toEqual({ kind: "invalid", errors: { name: "There is already a product called Vehicles" } });
    expect((await current("drivers")).version).toBe(drivers.version);
  });

  it("keeps families one level deep", async () => {
    const events = await auditCount();
    const child = saved(await addProduct(db, productInput({ name: "Wanted Person", parentSlug: "person" }), alice));
    expect(child.parentSlug).toBe("person");

    const person = await current("person");
    const self = await updateProduct(db, "person", person.version, inputOf(person, { parentSlug: "person" }), alice);
    expect(self.kind === "invalid" && self.errors.parentSlug).toMatch(/cannot be part of its own family/);

    const withChildren = await updateProduct(db, "person", person.version, inputOf(person, { parentSlug: "property" }), alice);
    expect(withChildren.kind === "invalid" && withChildren.errors.parentSlug).toMatch(/Person has products in its family \(Wanted Person\)/);

    const drivers = await current("drivers");
    const grandchild = await updateProduct(db, "drivers", drivers.version, inputOf(drivers, { parentSlug: child.slug }), alice);
    expect(grandchild.kind === "invalid" && grandchild.errors.parentSlug).toMatch(/Wanted Person is itself part of Person/);

    const unknown = await updateProduct(db, "drivers", drivers.version, inputOf(drivers, { parentSlug: "nothing-here" }), alice);
    expect(unknown.kind).toBe("invalid");

    const phase = await updateProduct(db, "drivers", drivers.version, inputOf(drivers, { currentPhaseKey: "gamma" }), alice);
    expect(phase).toEqual({ kind: "invalid", errors: { currentPhaseKey: "Select a phase from the list" } });

    expect(await auditCount()).toBe(events + 1); // only the child's creation
    expect((await current("drivers")).version).toBe(drivers.version);
  });

  it("refuses a stale save with the change made since, and records one event per accepted save", async () => {
    const opened = await current("vehicles");
    const first = saved(await updateProduct(db, "vehicles", opened.version, inputOf(opened, { description: "Alice's description" }), alice));
    expect(first.version).toBe(opened.version + 1);

    const stale = await updateProduct(db, "vehicles", opened.version, inputOf(opened, { statusSummary: "Bob's summary" }), bob);
    expect(stale.kind).toBe("conflict");
    if (stale.kind !== "conflict") return;
    expect(stale.current).toMatchObject({ description: "Alice's description", version: first.version });
    expect(stale.changes).toHaveLength(1);
    expect(stale.changes[0]).toMatchObject({ actorLabel: alice.label, action: "product.updated" });
    expect(stale.changes[0]!.after).toMatchObject({ description: "Alice's description" });

    // Saving again on the version the conflict showed replaces Alice's change deliberately.
    const second = saved(await updateProduct(db, "vehicles", first.version, inputOf(first, { statusSummary: "Bob's summary" }), bob));
    expect(second).toMatchObject({ description: "Alice's description", statusSummary: "Bob's summary", version: opened.version + 2 });
    const updates = (await auditOf("product", opened.id)).filter((e) => e.action === "product.updated");
    expect(updates.map((e) => e.actor_label)).toEqual([alice.label, bob.label]);
  });

  it("writes nothing for a save that changes nothing", async () => {
    const property = await current("property");
    const events = await auditCount();
    const outcome = saved(await updateProduct(db, "property", property.version, inputOf(property), alice));
    expect(outcome.version).toBe(property.version);
    expect((await current("property")).version).toBe(property.version);
    expect(await auditCount()).toBe(events);
  });
});

describe("removing a product", () => {
  it("is refused while it has products in its family", async () => {
    const person = await current("person");
    const [products, events] = [await productCount(), await auditCount()];
    const outcome = await removeProduct(db, "person", person.version, alice);
    expect(outcome.kind === "invalid" && outcome.errors.children).toMatch(/Person has products in its family \(Wanted Person\)/);
    expect((await productRemovalEffects(db, person.id)).children.map((c) => c.name)).toEqual(["Wanted Person"]);
    expect(await productCount()).toBe(products);
    expect(await auditCount()).toBe(events);
  });

  it("takes its milestones, phases, rollout and dependencies with it, each recorded under one correlation id", async () => {
    const property = await current("property");
    const drivers = await current("drivers");
    const [milestone] = await queryRows<{ id: number }>(db, sql`SELECT id FROM milestones WHERE product_id = ${property.id}`);
    // Drivers depends on Property and on its beta release; Property depends on Drivers.
    await db.insert(t.dependencies).values([
      { productId: drivers.id, onProductId: property.id, note: "Needs the register" },
      { productId: drivers.id, onMilestoneId: milestone!.id },
      { productId: property.id, onProductId: drivers.id },
    ]);
    await db.insert(t.rolloutObservations).values({ productId: property.id, observedOn: "2021-10-07", forcesLive: 1 });

    const effects = await productRemovalEffects(db, property.id);
    expect(effects.children).toEqual([]);
    expect(effects.milestones.map((m) => m.title)).toEqual(["Beta release"]);
    expect(effects.spans.map((s) => s.phaseName)).toHaveLength(2);
    expect(effects.rollout).toEqual({ observations: 1, targets: 0, goLives: 0 });
    expect(effects.dependencies).toHaveLength(4); // the letter's three programme factors, and Drivers
    expect(effects.dependents.map((d) => d.productName)).toEqual(["Drivers", "Drivers"]);

    const goneDependencies = await queryRows<{ id: number }>(db, sql`SELECT id FROM dependencies WHERE product_id = ${property.id} OR on_product_id = ${property.id} OR on_milestone_id = ${milestone!.id}`);
    const events = await auditCount();
    saved(await removeProduct(db, "property", property.version, alice));
    expect(await readProduct(db, "property")).toBeNull();

    const recorded = await queryRows<AuditRow>(db, sql`SELECT * FROM audit_events ORDER BY id OFFSET ${events}`);
    expect(recorded).toHaveLength(1 + 1 + 2 + goneDependencies.length);
    expect(new Set(recorded.map((e) => e.correlation_id)).size).toBe(1);
    const byAction = (action: string) => recorded.filter((e) => e.action === action);
    expect(byAction("product.removed")).toHaveLength(1);
    expect(byAction("product.removed")[0]).toMatchObject({ entity_id: String(property.id), after: null });
    expect(byAction("milestone.removed").map((e) => e.entity_id)).toEqual([String(milestone!.id)]);
    expect(byAction("phase_span.removed")).toHaveLength(2);
    expect(byAction("dependency.removed").map((e) => Number(e.entity_id)).sort((a, b) => a - b)).toEqual(goneDependencies.map((d) => d.id).sort((a, b) => a - b));
    // Each record names the product it belonged to, so it shows in that product's history.
    for (const e of recorded.filter((r) => r.entity_type !== "product")) expect(e.before).toHaveProperty("productId");
    const driversHistory = await historyOf(db, { productId: drivers.id });
    expect(driversHistory.filter((c) => c.action === "dependency.removed")).toHaveLength(2);

    const [left] = await queryRows<{ n: number }>(db, sql`
      SELECT (SELECT count(*) FROM milestones WHERE product_id = ${property.id})
           + (SELECT count(*) FROM phase_spans WHERE product_id = ${property.id})
           + (SELECT count(*) FROM rollout_observations WHERE product_id = ${property.id})
           + (SELECT count(*) FROM dependencies WHERE id IN ${sql.raw(`(${goneDependencies.map((d) => d.id).join(",")})`)}) AS n`);
    expect(Number(left!.n)).toBe(0);
  });

  it("is refused on a stale version", async () => {
    const vehicles = await current("vehicles");
    const outcome = await removeProduct(db, "vehicles", vehicles.version - 1, bob);
    expect(outcome.kind).toBe("conflict");
    expect(await readProduct(db, "vehicles")).not.toBeNull();
  });
});

describe("planned phases", () => {
  it("refuses an end before the start (schema) and an unknown phase (database)", async () => {
    const parsed = spanSchema.safeParse({ phaseKey: "beta", start: { precision: "month", on: "2022-06-01" }, end: { precision: "month", on: "2022-03-01" } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["end", "The end must not be before the start"]]);
    const events = await auditCount();
    const outcome = await addSpan(db, "vehicles", spanSchema.parse({ phaseKey: "gamma" }), alice);
    expect(outcome).toEqual({ kind: "invalid", errors: { phaseKey: "Select a phase from the list" } });
    expect(await auditCount()).toBe(events);
  });

  it("adds, changes and removes a planned phase with versions, one audit event each", async () => {
    const vehicles = await current("vehicles");
    const added = saved(await addSpan(db, "vehicles", spanSchema.parse({ phaseKey: "discovery", start: { precision: "quarter", on: "2022-01-01" }, note: "<em>tbc</em>" }), alice));
    expect(added).toMatchObject({ productId: vehicles.id, productSlug: "vehicles", phaseKey: "discovery", start: quarterPeriod(2022, 1), end: null, note: "<em>tbc</em>", version: 1 });

    const changed = saved(await updateSpan(db, "vehicles", added.id, 1, spanSchema.parse({ phaseKey: "discovery", start: { precision: "quarter", on: "2022-01-01" }, end: { precision: "month", on: "2022-06-15" }, note: "" }), alice));
    expect(changed).toMatchObject({ end: monthPeriod(2022, 6), note: "", version: 2 });

    const unchanged = saved(await updateSpan(db, "vehicles", added.id, 2, spanSchema.parse({ phaseKey: "discovery", start: quarterPeriod(2022, 1), end: monthPeriod(2022, 6) }), alice));
    expect(unchanged.version).toBe(2);

    const stale = await updateSpan(db, "vehicles", added.id, 1, spanSchema.parse({ phaseKey: "alpha" }), bob);
    expect(stale.kind).toBe("conflict");
    if (stale.kind === "conflict") expect(stale.changes.map((c) => c.action)).toEqual(["phase_span.updated"]);

    expect((await removeSpan(db, "vehicles", added.id, 1, bob)).kind).toBe("conflict");
    saved(await removeSpan(db, "vehicles", added.id, 2, bob));
    expect(await readSpan(db, "vehicles", added.id)).toBeNull();
    expect(await updateSpan(db, "vehicles", added.id, 2, spanSchema.parse({ phaseKey: "alpha" }), alice)).toMatchObject({ kind: "conflict", current: null });

    const events = await auditOf("phase_span", added.id);
    expect(events.map((e) => e.action)).toEqual(["phase_span.added", "phase_span.updated", "phase_span.removed"]);
    expect(events.every((e) => (e.after ?? e.before)!.productId === vehicles.id)).toBe(true);
    const history = await historyOf(db, { productId: vehicles.id });
    expect(history.filter((c) => c.action.startsWith("phase_span.")).length).toBe(3);
  });

  it("does not reach another product's planned phase through the wrong product", async () => {
    const [span] = await queryRows<{ id: number }>(db, sql`SELECT s.id FROM phase_spans s JOIN products p ON p.id = s.product_id WHERE p.slug = 'drivers' LIMIT 1`);
    expect(await readSpan(db, "vehicles", span!.id)).toBeNull();
    expect(await removeSpan(db, "vehicles", span!.id, 1, alice)).toEqual({ kind: "not-found" });
  });
});
