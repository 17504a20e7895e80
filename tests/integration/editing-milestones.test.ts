/**
 * Editing milestones against a real database seeded with the October 2021 roadmap (whose 2021 Q4
 * update is published, so every seeded milestone has its baseline): saves raise the version and write
 * one audit event, a stale save is refused with what the other editor changed, an unchanged save
 * writes nothing, ownership is part of every query, and removals take their dependencies with them.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Actor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { slippage, type Period } from "@/lib/dates/period";
import { viewChange } from "@/lib/editing/changes";
import { readForm, type FormSpec } from "@/lib/editing/form-input";
import {
  addMilestone,
  milestoneRemovalEffects,
  readMilestone,
  removeMilestone,
  updateMilestone,
  type MilestoneRecord,
} from "@/lib/editing/milestones";
import { milestoneSchema, type MilestoneInput } from "@/lib/editing/schemas";
import { loadRoadmap } from "@/lib/roadmap/load";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { queryRows, seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
  const setUp: Actor = { userId: null, label: "Test set-up" };
  const a = await createUser(db, { name: "Alice Editor", email: "alice.editor@example.gov.uk", role: "editor", password: "alice long passphrase" }, setUp);
  const b = await createUser(db, { name: "Bob Editor", email: "bob.editor@example.gov.uk", role: "editor", password: "bob long passphrase" }, setUp);
  alice = { userId: a.id, label: a.email, sourceAddress: "198.51.100.20" };
  bob = { userId: b.id, label: b.email, sourceAddress: "198.51.100.21" };
});
afterAll(() => dispose?.());

const MARCH_2022: Period = { precision: "month", on: "2022-03-31" };
const JUNE_2022: Period = { precision: "month", on: "2022-06-30" };

/** The one seeded milestone of a product with this title, as the editing code reads it. */
async function seeded(productSlug: string, title: string): Promise<MilestoneRecord> {
  const [row] = await db
    .select({ id: t.milestones.id })
    .from(t.milestones)
    .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
    .where(and(eq(t.products.slug, productSlug), eq(t.milestones.title, title)));
  if (!row) throw new Error(`no milestone ${title} of ${productSlug}`);
  const record = await readMilestone(db, productSlug, row.id);
  if (!record) throw new Error("not readable");
  return record;
}

/** What an editor's form submits for a record, with some fields changed, through the schema. */
function inputFrom(record: MilestoneRecord, changes: Partial<Record<keyof MilestoneInput, unknown>> = {}): MilestoneInput {
  const { title, phaseKey, forecast, status, actualOn, notes } = record;
  return milestoneSchema.parse({ title, phaseKey, forecast, status, actualOn, notes, ...changes });
}

type AuditRow = {
  action: string;
  actor_user_id: number | null;
  actor_label: string;
  source_address: string | null;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlation_id: string;
};

async function auditOf(entityType: string, id: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`SELECT action, actor_user_id, actor_label, source_address, entity_type, entity_id, before, after, correlation_id
        FROM audit_events WHERE entity_type = ${entityType} AND entity_id = ${String(id)} ORDER BY id`,
  );
}

async function storedRow(id: number) {
  const [row] = await db.select().from(t.milestones).where(eq(t.milestones.id, id));
  return row ?? null;
}

describe("changing a milestone", () => {
  it("moves Property's beta release from March to June 2022: one version up, one audit event, slippage of 3 months", async () => {
    const before = await seeded("property", "Beta release");
    expect(before).toMatchObject({ productSlug: "property", baseline: MARCH_2022, forecast: MARCH_2022, version: 1 });
    expect(await auditOf("milestone", before.id)).toEqual([]);

    const outcome = await updateMilestone(db, "property", before.id, before.version, inputFrom(before, { forecast: { precision: "month", on: "2022-06-01" } }), alice);
    expect(outcome.kind).toBe("saved");
    if (outcome.kind !== "saved") return;
    expect(outcome.record).toEqual({ ...before, forecast: JUNE_2022, version: before.version + 1 });

    const row = await storedRow(before.id);
    expect(row).toMatchObject({ forecastOn: "2022-06-30", forecastPrecision: "month", baselineOn: "2022-03-31", baselinePrecision: "month", version: 2 });

    const events = await auditOf("milestone", before.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "milestone.updated",
      actor_user_id: alice.userId,
      actor_label: "alice.editor@example.gov.uk",
      source_address: "198.51.100.20",
      before: { ...before },
      after: { ...before, forecast: JUNE_2022, version: 2 },
    });
    expect(viewChange({ actorLabel: events[0]!.actor_label, occurredAt: new Date().toISOString(), action: events[0]!.action, before: events[0]!.before, after: events[0]!.after }).fields).toEqual([
      { field: "forecast", label: "Forecast", before: "March 2022", after: "June 2022" },
    ]);

    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    const milestone = roadmap?.products.find((p) => p.slug === "property")?.milestones.find((m) => m.id === before.id);
    expect(milestone).toMatchObject({ title: "Beta release", forecast: JUNE_2022, baseline: MARCH_2022 });
    expect(slippage(milestone!.baseline!, milestone!.forecast)).toEqual({ amount: 3, unit: "month", text: "Slipped 3 months" });
  });

  it("refuses the second of two editors who read the same version, telling them who changed what", async () => {
    const read = await seeded("drivers", "Beta release");
    const version = read.version;

    const first = await updateMilestone(db, "drivers", read.id, version, inputFrom(read, { forecast: JUNE_2022 }), alice);
    expect(first).toMatchObject({ kind: "saved", record: { forecast: JUNE_2022, version: version + 1 } });

    const second = await updateMilestone(db, "drivers", read.id, version, inputFrom(read, { status: "at_risk", notes: "Supplier late" }), bob);
    expect(second.kind).toBe("conflict");
    if (second.kind !== "conflict") return;
    expect(second.current).toMatchObject({ id: read.id, forecast: JUNE_2022, status: read.status, notes: read.notes, version: version + 1 });
    expect(second.changes).toHaveLength(1);
    const shown = viewChange(second.changes[0]!);
    expect(shown.who).toBe("alice.editor@example.gov.uk");
    expect(shown.what).toBe("Milestone changed: Beta release");
    expect(shown.fields).toEqual([{ field: "forecast", label: "Forecast", before: "March 2022", after: "June 2022" }]);

    // The row keeps the first editor's change and none of the second's.
    expect(await storedRow(read.id)).toMatchObject({ forecastOn: "2022-06-30", status: read.status, notes: read.notes, version: version + 1 });
    expect((await auditOf("milestone", read.id)).map((e) => [e.action, e.actor_label])).toEqual([["milestone.updated", "alice.editor@example.gov.uk"]]);

    // Having seen the change, the second editor saves on top of it.
    const again = await updateMilestone(db, "drivers", read.id, second.current!.version, inputFrom(second.current!, { status: "at_risk", notes: "Supplier late" }), bob);
    expect(again).toMatchObject({ kind: "saved", record: { forecast: JUNE_2022, status: "at_risk", notes: "Supplier late", version: version + 2 } });
    expect((await auditOf("milestone", read.id)).map((e) => [e.action, e.actor_label])).toEqual([
      ["milestone.updated", "alice.editor@example.gov.uk"],
      ["milestone.updated", "bob.editor@example.gov.uk"],
    ]);
  });

  it("lets exactly one of two saves made at the same moment from the same version through", async () => {
    const added = await addMilestone(db, "vehicles", inputFrom({ title: "Discovery concludes", phaseKey: "discovery", forecast: { precision: "half", on: "2022-06-30" }, status: "not_started", actualOn: null, notes: "" } as MilestoneRecord), alice);
    if (added.kind !== "saved") throw new Error(added.kind);
    const read = added.record;
    const outcomes = await Promise.all([
      updateMilestone(db, "vehicles", read.id, read.version, inputFrom(read, { status: "on_track" }), alice),
      updateMilestone(db, "vehicles", read.id, read.version, inputFrom(read, { status: "delayed" }), bob),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["conflict", "saved"]);
    const winner = outcomes.find((o) => o.kind === "saved") as Extract<(typeof outcomes)[number], { kind: "saved" }>;
    expect(await storedRow(read.id)).toMatchObject({ status: winner.record.status, version: read.version + 1 });
    expect((await auditOf("milestone", read.id)).map((e) => e.action)).toEqual(["milestone.added", "milestone.updated"]);
  });

  it("writes nothing for a save that changes nothing: same version, no audit event", async () => {
    const read = await seeded("person", await firstTitle("person"));
    const rowBefore = await storedRow(read.id);
    const eventsBefore = await auditOf("milestone", read.id);

    const outcome = await updateMilestone(db, "person", read.id, read.version, inputFrom(read, { title: `  ${read.title}  ` }), alice);
    expect(outcome).toEqual({ kind: "saved", record: read });
    expect(await storedRow(read.id)).toEqual(rowBefore);
    expect(await auditOf("milestone", read.id)).toEqual(eventsBefore);
  });

  it("treats a milestone of another product as not found, even after it has been changed, and changes nothing", async () => {
    const other = await seeded("photographs-at-the-roadside", await firstTitle("photographs-at-the-roadside"));
    const tryAsProperty = () => updateMilestone(db, "property", other.id, other.version, inputFrom(other, { title: "Hijacked" }), bob);

    expect(await tryAsProperty()).toEqual({ kind: "not-found" });

    // Once the milestone has history, a save naming an older version must still not find it through another product.
    const changed = await updateMilestone(db, "photographs-at-the-roadside", other.id, other.version, inputFrom(other, { notes: "Moved on" }), alice);
    expect(changed.kind).toBe("saved");
    expect(await tryAsProperty()).toEqual({ kind: "not-found" });
    expect(await removeMilestone(db, "property", other.id, other.version, bob)).toEqual({ kind: "not-found" });

    expect(await storedRow(other.id)).toMatchObject({ title: other.title, notes: "Moved on", version: other.version + 1 });
    expect((await auditOf("milestone", other.id)).map((e) => e.actor_label)).toEqual(["alice.editor@example.gov.uk"]);
    expect(await readMilestone(db, "property", other.id)).toBeNull();
    expect(await updateMilestone(db, "no-such-product", other.id, other.version, inputFrom(other), bob)).toEqual({ kind: "not-found" });
  });

  it("does not report another product's removed milestone as a conflict either", async () => {
    const added = await addMilestone(db, "audit", milestoneSchema.parse({ title: "Audit discovery", forecast: JUNE_2022, status: "not_started" }), alice);
    if (added.kind !== "saved") throw new Error(added.kind);
    const read = added.record;
    expect((await removeMilestone(db, "audit", read.id, read.version, alice)).kind).toBe("saved");
    expect(await updateMilestone(db, "property", read.id, read.version, inputFrom(read), bob)).toEqual({ kind: "not-found" });
    expect(await removeMilestone(db, "property", read.id, read.version, bob)).toEqual({ kind: "not-found" });
    // Through its own product, the same stale save is told of the removal.
    expect(await updateMilestone(db, "audit", read.id, read.version, inputFrom(read), bob)).toMatchObject({ kind: "conflict", current: null });
  });

  it("refuses a phase that does not exist, and changes nothing", async () => {
    const read = await seeded("vehicles", "Pre-discovery concludes");
    const outcome = await updateMilestone(db, "vehicles", read.id, read.version, { ...inputFrom(read), phaseKey: "gamma" }, alice);
    expect(outcome).toEqual({ kind: "invalid", errors: { phaseKey: "Select a phase from the list" } });
    expect(await readMilestone(db, "vehicles", read.id)).toEqual(read);
    expect(await auditOf("milestone", read.id)).toEqual([]);
  });
});

async function firstTitle(productSlug: string): Promise<string> {
  const [row] = await db
    .select({ title: t.milestones.title })
    .from(t.milestones)
    .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
    .where(eq(t.products.slug, productSlug))
    .orderBy(t.milestones.id)
    .limit(1);
  return row!.title;
}

const MILESTONE_FORM: FormSpec = {
  title: { kind: "text" },
  phaseKey: { kind: "choice" },
  forecast: { kind: "period", label: "The forecast" },
  status: { kind: "choice" },
  actualOn: { kind: "date", label: "The date it was done", optional: true },
  notes: { kind: "text" },
};

function submitted(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return form;
}

describe("adding a milestone", () => {
  it("adds 'A quarter' 1 2023 as Q1 2023, stored as 31 March 2023 with no baseline until the next update is published", async () => {
    const { input, errors } = readForm(
      submitted({ title: "Live for all forces", phaseKey: "live", "forecast-precision": "quarter", "forecast-quarter": "1", "forecast-year": "2023", status: "not_started", notes: "" }),
      MILESTONE_FORM,
    );
    expect(errors).toEqual({});
    const outcome = await addMilestone(db, "property", milestoneSchema.parse(input), alice);
    expect(outcome.kind).toBe("saved");
    if (outcome.kind !== "saved") return;
    expect(outcome.record).toMatchObject({
      productSlug: "property",
      title: "Live for all forces",
      phaseKey: "live",
      forecast: { precision: "quarter", on: "2023-03-31" },
      baseline: null,
      status: "not_started",
      actualOn: null,
      version: 1,
    });
    expect(await storedRow(outcome.record.id)).toMatchObject({ forecastOn: "2023-03-31", forecastPrecision: "quarter", baselineOn: null, baselinePrecision: null });

    const events = await auditOf("milestone", outcome.record.id);
    expect(events).toEqual([expect.objectContaining({ action: "milestone.added", actor_user_id: alice.userId, before: null, after: { ...outcome.record } })]);

    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    expect(roadmap?.products.find((p) => p.slug === "property")?.milestones.find((m) => m.id === outcome.record.id)).toMatchObject({
      forecast: { precision: "quarter", on: "2023-03-31" },
      baseline: null,
    });
  });

  it("adds nothing to a product that does not exist", async () => {
    const [{ n: before }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM milestones`)) as [{ n: number }];
    const input = milestoneSchema.parse({ title: "Orphan", forecast: JUNE_2022, status: "not_started" });
    expect(await addMilestone(db, "no-such-product", input, alice)).toEqual({ kind: "not-found" });
    const [{ n: after }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM milestones`)) as [{ n: number }];
    expect(after).toBe(before);
  });
});

describe("removing a milestone", () => {
  async function newMilestone(productSlug: string, title: string): Promise<MilestoneRecord> {
    const outcome = await addMilestone(db, productSlug, milestoneSchema.parse({ title, forecast: JUNE_2022, status: "on_track" }), alice);
    if (outcome.kind !== "saved") throw new Error(outcome.kind);
    return outcome.record;
  }

  it("removes the dependencies of other products on it too, recording each with one correlation id", async () => {
    const target = await newMilestone("property", "Data migration complete");
    const drivers = (await db.select({ id: t.products.id }).from(t.products).where(eq(t.products.slug, "drivers")))[0]!;
    const [dependency] = await db.insert(t.dependencies).values({ productId: drivers.id, onMilestoneId: target.id, note: "Needs the migrated data" }).returning();

    expect(await milestoneRemovalEffects(db, target.id)).toEqual([{ id: dependency!.id, productName: "Drivers" }]);

    const outcome = await removeMilestone(db, "property", target.id, target.version, bob);
    expect(outcome).toEqual({ kind: "saved", record: target });
    expect(await storedRow(target.id)).toBeNull();
    expect(await db.select().from(t.dependencies).where(eq(t.dependencies.id, dependency!.id))).toEqual([]);
    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    expect(roadmap?.products.find((p) => p.slug === "drivers")?.dependencies.some((d) => d.id === dependency!.id)).toBe(false);

    const [removal] = (await auditOf("milestone", target.id)).filter((e) => e.action === "milestone.removed");
    expect(removal).toMatchObject({ actor_user_id: bob.userId, before: { ...target }, after: null });
    const dependencyEvents = await auditOf("dependency", dependency!.id);
    expect(dependencyEvents).toEqual([
      expect.objectContaining({
        action: "dependency.removed",
        actor_user_id: bob.userId,
        after: null,
        before: expect.objectContaining({ id: dependency!.id, productId: drivers.id, onMilestoneId: target.id, reason: "The milestone it depended on was removed" }),
      }),
    ]);
    expect(dependencyEvents[0]!.correlation_id).toBe(removal!.correlation_id);
    const together = await queryRows<{ action: string }>(db, sql`SELECT action FROM audit_events WHERE correlation_id = ${removal!.correlation_id} ORDER BY action`);
    expect(together.map((r) => r.action)).toEqual(["dependency.removed", "milestone.removed"]);
  });

  it("refuses a removal based on an old version, and keeps the milestone", async () => {
    const read = await newMilestone("person", "Alpha assessment");
    const changed = await updateMilestone(db, "person", read.id, read.version, inputFrom(read, { forecast: { precision: "month", on: "2022-09-30" } }), alice);
    expect(changed.kind).toBe("saved");

    const stale = await removeMilestone(db, "person", read.id, read.version, bob);
    expect(stale.kind).toBe("conflict");
    if (stale.kind !== "conflict") return;
    expect(stale.current).toMatchObject({ id: read.id, version: read.version + 1 });
    expect(stale.changes.map((c) => viewChange(c).fields)).toEqual([[{ field: "forecast", label: "Forecast", before: "June 2022", after: "September 2022" }]]);
    expect(await storedRow(read.id)).toMatchObject({ forecastOn: "2022-09-30", version: read.version + 1 });
    expect((await auditOf("milestone", read.id)).map((e) => e.action)).toEqual(["milestone.added", "milestone.updated"]);
  });

  it("tells an editor saving a milestone someone else removed that it was removed, and by whom", async () => {
    const read = await newMilestone("vehicles", "Private beta");
    expect((await removeMilestone(db, "vehicles", read.id, read.version, alice)).kind).toBe("saved");

    const late = await updateMilestone(db, "vehicles", read.id, read.version, inputFrom(read, { status: "at_risk" }), bob);
    expect(late.kind).toBe("conflict");
    if (late.kind !== "conflict") return;
    expect(late.current).toBeNull();
    expect(late.changes.map((c) => [c.action, c.actorLabel])).toEqual([["milestone.removed", "alice.editor@example.gov.uk"]]);
    expect(viewChange(late.changes[0]!).what).toBe("Milestone removed: Private beta");
    expect(await storedRow(read.id)).toBeNull();
    expect((await auditOf("milestone", read.id)).map((e) => e.action)).toEqual(["milestone.added", "milestone.removed"]);
  });
});
