/**
 * Dependencies and programme-level factors, edited as programme staff do: each accepted save writes
 * exactly one audit event (carrying the product's id, so the product's history shows it), a save based
 * on an old version is refused with who changed what, and a target the product may not depend on is
 * refused as a field error with nothing written.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Actor } from "@/lib/audit/record";
import {
  addDependency,
  dependencyTargetChoices,
  readDependency,
  removeDependency,
  targetFromValue,
  targetValue,
  updateDependency,
  type DependencyRecord,
} from "@/lib/editing/dependencies";
import { addFactor, factorRemovalEffects, readFactor, removeFactor, updateFactor, type FactorRecord } from "@/lib/editing/factors";
import { productBySlug } from "@/lib/editing/lookups";
import { dependencySchema, type DependencyInput } from "@/lib/editing/schemas";
import type { Outcome } from "@/lib/editing/versioned";
import { queryRows, seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
const ada: Actor = { userId: null, label: "ada.editor@example.gov.uk", sourceAddress: "198.51.100.7" };
const ben: Actor = { userId: null, label: "ben.editor@example.gov.uk", sourceAddress: "198.51.100.8" };

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
});
afterAll(() => dispose?.());

type AuditRow = { id: number; action: string; actor_label: string; entity_type: string; entity_id: string; before: any; after: any; correlation_id: string | null };

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_events`);
  return row!.n;
}

async function auditAfter(id: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`SELECT id, action, actor_label, entity_type, entity_id, before, after, correlation_id FROM audit_events WHERE id > ${id} ORDER BY id`,
  );
}

async function lastAuditId(): Promise<number> {
  const [row] = await queryRows<{ id: number | null }>(db, sql`SELECT max(id)::int AS id FROM audit_events`);
  return row!.id ?? 0;
}

function saved<T>(outcome: Outcome<T>): T {
  if (outcome.kind !== "saved") throw new Error(`expected saved, got ${JSON.stringify(outcome)}`);
  return outcome.record;
}

function input(on: DependencyInput["on"], extra: Partial<DependencyInput> = {}): DependencyInput {
  return { on, status: "not_assessed", owner: null, note: "", ...extra };
}

async function milestoneOf(slug: string): Promise<{ id: number; title: string }> {
  const product = (await productBySlug(db, slug))!;
  const [row] = await db.select({ id: t.milestones.id, title: t.milestones.title }).from(t.milestones).where(eq(t.milestones.productId, product.id));
  return row!;
}

async function newFactor(title: string): Promise<FactorRecord> {
  return saved(await addFactor(db, { title, description: `Why ${title} matters`, status: "not_assessed", owner: null }, ada));
}

describe("adding a dependency", () => {
  it("adds a product → product dependency, with one audit event naming the product", async () => {
    const mark = await lastAuditId();
    const property = (await productBySlug(db, "property"))!;
    const record = saved(await addDependency(db, "property", input({ kind: "product", slug: "audit" }, { status: "on_track", owner: "Audit team" }), ada));
    expect(record).toMatchObject({
      productId: property.id,
      productSlug: "property",
      on: { kind: "product", slug: "audit", name: "Audit" },
      status: "on_track",
      owner: "Audit team",
      version: 1,
    });
    const events = await auditAfter(mark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "dependency.added", actor_label: ada.label, entity_type: "dependency", entity_id: String(record.id), before: null });
    expect(events[0]!.after).toMatchObject({ productId: property.id, on: { kind: "product", slug: "audit" } });
  });

  it("adds a product → factor dependency", async () => {
    const factor = await newFactor("Data sharing agreements with DVLA");
    const mark = await lastAuditId();
    const record = saved(await addDependency(db, "drivers", input({ kind: "factor", id: factor.id }), ada));
    expect(record.on).toEqual({ kind: "factor", id: factor.id, title: "Data sharing agreements with DVLA" });
    const events = await auditAfter(mark);
    expect(events.map((e) => e.action)).toEqual(["dependency.added"]);
    expect(events[0]!.after.productId).toBe((await productBySlug(db, "drivers"))!.id);
  });

  it("adds a product → milestone dependency (a milestone of another product)", async () => {
    const beta = await milestoneOf("property");
    const mark = await lastAuditId();
    const record = saved(await addDependency(db, "person", input({ kind: "milestone", id: beta.id }, { note: "Needs the property register" }), ada));
    expect(record.on).toEqual({ kind: "milestone", id: beta.id, title: beta.title, productSlug: "property" });
    expect(record.note).toBe("Needs the property register");
    expect((await auditAfter(mark)).map((e) => e.action)).toEqual(["dependency.added"]);
  });

  it("refuses the product itself and its own milestones, writing nothing", async () => {
    const before = await auditCount();
    const self = await addDependency(db, "vehicles", input({ kind: "product", slug: "vehicles" }), ada);
    expect(self).toEqual({ kind: "invalid", errors: { on: expect.stringContaining("cannot depend on itself") } });
    const own = await milestoneOf("vehicles");
    const ownMilestone = await addDependency(db, "vehicles", input({ kind: "milestone", id: own.id }), ada);
    expect(ownMilestone).toEqual({ kind: "invalid", errors: { on: expect.stringContaining("its own milestones") } });
    expect(await auditCount()).toBe(before);
  });

  it("refuses a second dependency on the same target", async () => {
    saved(await addDependency(db, "property", input({ kind: "product", slug: "vehicles" }), ada));
    const before = await auditCount();
    expect(await addDependency(db, "property", input({ kind: "product", slug: "vehicles" }), ben)).toEqual({
      kind: "invalid",
      errors: { on: "Property already depends on Vehicles" },
    });
    // Every product depends on the three seeded factors already.
    const [seeded] = await db.select().from(t.dependencyFactors).orderBy(t.dependencyFactors.position).limit(1);
    const again = await addDependency(db, "property", input({ kind: "factor", id: seeded!.id }), ben);
    expect(again).toEqual({ kind: "invalid", errors: { on: `Property already depends on the programme dependency “${seeded!.title}”` } });
    expect(await auditCount()).toBe(before);
  });

  it("lets only one of two simultaneous saves add the same target", async () => {
    const outcomes = await Promise.all([
      addDependency(db, "vehicles", input({ kind: "product", slug: "person" }), ada),
      addDependency(db, "vehicles", input({ kind: "product", slug: "person" }), ben),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["invalid", "saved"]);
  });

  it("refuses unknown targets, and targets of another programme, as field errors", async () => {
    const [other] = await db.insert(t.programmes).values({ slug: "other", name: "Other programme", shortName: "OP", department: "Elsewhere", description: "Not this one" }).returning();
    const [otherFactor] = await db.insert(t.dependencyFactors).values({ programmeId: other!.id, position: 1, title: "Elsewhere", description: "" }).returning();
    const before = await auditCount();
    for (const [on, message] of [
      [{ kind: "product", slug: "no-such-product" }, "Select a product from the list"],
      [{ kind: "factor", id: 999_999 }, "Select a programme dependency from the list"],
      [{ kind: "factor", id: otherFactor!.id }, "Select a programme dependency from the list"],
      [{ kind: "milestone", id: 999_999 }, "Select a milestone from the list"],
    ] as const) {
      expect(await addDependency(db, "audit", input(on), ada)).toEqual({ kind: "invalid", errors: { on: message } });
    }
    expect(await addDependency(db, "no-such-product", input({ kind: "product", slug: "audit" }), ada)).toEqual({ kind: "not-found" });
    expect(await auditCount()).toBe(before);
  });

  it("stores owner text with HTML exactly as typed", async () => {
    const owner = `<script>alert("x")</script> Devon & Cornwall's <b>team</b>`;
    const parsed = dependencySchema.parse({ on: targetFromValue("product:person"), status: "at_risk", owner, note: "<i>kept</i>" });
    const record = saved(await addDependency(db, "audit", parsed, ada));
    expect(record.owner).toBe(owner);
    const [row] = await db.select().from(t.dependencies).where(eq(t.dependencies.id, record.id));
    expect(row).toMatchObject({ owner, note: "<i>kept</i>" });
  });
});

describe("the form's target values", () => {
  it("turns each choice into the schema's target and back", async () => {
    expect(targetFromValue("product:vehicles")).toEqual({ kind: "product", slug: "vehicles" });
    expect(targetFromValue("factor:2")).toEqual({ kind: "factor", id: 2 });
    expect(targetFromValue("milestone:14")).toEqual({ kind: "milestone", id: 14 });
    expect(targetFromValue("")).toBeUndefined();
    expect(targetFromValue("milestone:x")).toBeUndefined();
    expect(dependencySchema.safeParse({ on: targetFromValue(""), status: "met", owner: "", note: "" }).error?.issues[0]).toMatchObject({
      path: ["on"],
      message: "Select what the product depends on",
    });
    expect(targetValue({ kind: "milestone", id: 14, title: "x", productSlug: "y" })).toBe("milestone:14");
  });

  it("offers other products, the programme's factors and other products' milestones, never the product's own", async () => {
    const vehicles = (await productBySlug(db, "vehicles"))!;
    const choices = await dependencyTargetChoices(db, vehicles);
    expect(choices.products.map((c) => c.value)).not.toContain("product:vehicles");
    expect(choices.products.map((c) => c.value)).toContain("product:drivers");
    expect(choices.factors.length).toBeGreaterThanOrEqual(3);
    expect(choices.factors.map((c) => c.label)).not.toContain("Elsewhere");
    const own = await milestoneOf("vehicles");
    expect(choices.milestones.map((c) => c.value)).not.toContain(`milestone:${own.id}`);
    expect(choices.milestones.length).toBeGreaterThan(0);
  });
});

describe("changing a dependency", () => {
  let dependency: DependencyRecord;

  beforeAll(async () => {
    dependency = saved(await addDependency(db, "drivers", input({ kind: "product", slug: "photographs-at-the-roadside" }), ada));
  });

  it("changes status and owner, raising the version, with one audit event", async () => {
    const mark = await lastAuditId();
    const next = saved(await updateDependency(db, "drivers", dependency.id, 1, input({ kind: "product", slug: "photographs-at-the-roadside" }, { status: "at_risk", owner: "DVLA" }), ada));
    expect(next).toMatchObject({ status: "at_risk", owner: "DVLA", version: 2 });
    const events = await auditAfter(mark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "dependency.updated", entity_id: String(dependency.id) });
    expect(events[0]!.before).toMatchObject({ status: "not_assessed", owner: null, version: 1, productId: dependency.productId });
    expect(events[0]!.after).toMatchObject({ status: "at_risk", owner: "DVLA", version: 2, productId: dependency.productId });
  });

  it("writes nothing for a save that changes nothing", async () => {
    const before = await auditCount();
    const same = saved(await updateDependency(db, "drivers", dependency.id, 2, input({ kind: "product", slug: "photographs-at-the-roadside" }, { status: "at_risk", owner: "DVLA" }), ada));
    expect(same.version).toBe(2);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a save based on an old version, saying who changed what", async () => {
    const before = await auditCount();
    const stale = await updateDependency(db, "drivers", dependency.id, 1, input({ kind: "product", slug: "photographs-at-the-roadside" }, { status: "met" }), ben);
    expect(stale.kind).toBe("conflict");
    if (stale.kind !== "conflict") return;
    expect(stale.current).toMatchObject({ version: 2, status: "at_risk" });
    expect(stale.changes).toHaveLength(1);
    expect(stale.changes[0]).toMatchObject({ actorLabel: ada.label, action: "dependency.updated", after: { status: "at_risk", owner: "DVLA" } });
    expect(await auditCount()).toBe(before);
    expect((await readDependency(db, "drivers", dependency.id))!.status).toBe("at_risk");
  });

  it("may change the target, but not to one the product already depends on", async () => {
    saved(await addDependency(db, "drivers", input({ kind: "product", slug: "person" }), ada));
    const clash = await updateDependency(db, "drivers", dependency.id, 2, input({ kind: "product", slug: "person" }), ada);
    expect(clash).toEqual({ kind: "invalid", errors: { on: "Drivers already depends on Person" } });
    const moved = saved(await updateDependency(db, "drivers", dependency.id, 2, input({ kind: "product", slug: "audit" }, { status: "at_risk", owner: "DVLA" }), ada));
    expect(moved).toMatchObject({ on: { kind: "product", slug: "audit", name: "Audit" }, version: 3 });
  });

  it("is not found through another product's address", async () => {
    expect(await readDependency(db, "vehicles", dependency.id)).toBeNull();
    expect(await updateDependency(db, "vehicles", dependency.id, 3, input({ kind: "product", slug: "audit" }), ada)).toEqual({ kind: "not-found" });
  });

  it("removes it with one audit event keeping the product's id; a second removal finds it gone", async () => {
    const mark = await lastAuditId();
    saved(await removeDependency(db, "drivers", dependency.id, 3, ben));
    const events = await auditAfter(mark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "dependency.removed", actor_label: ben.label, after: null });
    expect(events[0]!.before).toMatchObject({ productId: dependency.productId, version: 3 });
    const again = await removeDependency(db, "drivers", dependency.id, 3, ada);
    expect(again.kind).toBe("conflict");
    if (again.kind === "conflict") expect(again.current).toBeNull();
    // Through another product's address the removed dependency is simply not there: its history is not shown.
    expect(await removeDependency(db, "vehicles", dependency.id, 3, ada)).toEqual({ kind: "not-found" });
  });
});

describe("programme-level factors", () => {
  it("adds a factor at the end, changes it with one audit event each, and refuses a stale save", async () => {
    const [{ max }] = (await queryRows<{ max: number }>(db, sql`SELECT max(position)::int AS max FROM dependency_factors WHERE programme_id = (SELECT id FROM programmes WHERE slug = 'nledp')`)) as [{ max: number }];
    const mark = await lastAuditId();
    const factor = await newFactor("Funding for 2022-23");
    const [row] = await db.select().from(t.dependencyFactors).where(eq(t.dependencyFactors.id, factor.id));
    expect(row!.position).toBe(max + 1);
    const changed = saved(await updateFactor(db, factor.id, 1, { title: "Funding for 2022-23", description: "Spending review settlement", status: "on_track", owner: "<b>Finance</b>" }, ada));
    expect(changed).toMatchObject({ version: 2, status: "on_track", owner: "<b>Finance</b>" });
    expect((await auditAfter(mark)).map((e) => e.action)).toEqual(["factor.added", "factor.updated"]);

    const before = await auditCount();
    const stale = await updateFactor(db, factor.id, 1, { title: "Funding", description: "x", status: "blocked", owner: null }, ben);
    expect(stale.kind).toBe("conflict");
    if (stale.kind === "conflict") expect(stale.changes.map((c) => [c.actorLabel, c.action])).toEqual([[ada.label, "factor.updated"]]);
    expect(await auditCount()).toBe(before);
  });

  it("removes a factor and the products' dependencies on it, each recorded under one correlation id", async () => {
    const factor = await newFactor("A shared identity service");
    const onIt = [
      saved(await addDependency(db, "property", input({ kind: "factor", id: factor.id }), ada)),
      saved(await addDependency(db, "vehicles", input({ kind: "factor", id: factor.id }), ada)),
    ];
    expect((await factorRemovalEffects(db, factor.id)).map((e) => e.productSlug).sort()).toEqual(["property", "vehicles"]);

    const mark = await lastAuditId();
    saved(await removeFactor(db, factor.id, 1, ben));
    const events = await auditAfter(mark);
    expect(events.map((e) => e.action)).toEqual(["dependency.removed", "dependency.removed", "factor.removed"]);
    expect(new Set(events.map((e) => e.correlation_id)).size).toBe(1);
    expect(events[0]!.correlation_id).toBeTruthy();
    for (const [i, d] of onIt.entries()) {
      expect(events[i]).toMatchObject({ entity_id: String(d.id), after: null });
      expect(events[i]!.before).toMatchObject({ productId: d.productId, on: { kind: "factor", id: factor.id, title: "A shared identity service" } });
    }
    expect(await readFactor(db, factor.id)).toBeNull();
    expect(await db.select().from(t.dependencies).where(and(eq(t.dependencies.onFactorId, factor.id)))).toEqual([]);
  });

  it("refuses a stale removal and leaves the factor and its dependencies", async () => {
    const factor = await newFactor("Commercial arrangements");
    saved(await addDependency(db, "audit", input({ kind: "factor", id: factor.id }), ada));
    saved(await updateFactor(db, factor.id, 1, { title: "Commercial arrangements", description: "Contracts", status: "at_risk", owner: null }, ada));
    const before = await auditCount();
    const stale = await removeFactor(db, factor.id, 1, ben);
    expect(stale.kind).toBe("conflict");
    expect(await auditCount()).toBe(before);
    expect(await factorRemovalEffects(db, factor.id)).toHaveLength(1);
  });

  it("does not read or change another programme's factor", async () => {
    const [other] = await db.select().from(t.dependencyFactors).where(eq(t.dependencyFactors.title, "Elsewhere"));
    expect(await readFactor(db, other!.id)).toBeNull();
    expect(await updateFactor(db, other!.id, 1, { title: "Taken over", description: "", status: "met", owner: null }, ada)).toEqual({ kind: "not-found" });
  });
});
