/**
 * Force rollout edits against a real database: figures within 0..45 and never in the future, targets,
 * removals naming the version read, and per-force go-live dates saved as one set whose count is derived
 * (so a typed count is refused). Every accepted save writes exactly one audit event carrying productId.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { addDays, todayInLondon } from "@/lib/dates/period";
import {
  addObservation, addTarget, DERIVED_REFUSAL, goLivesFingerprint, policeForceList, readGoLivesForm, readRollout, removeObservation, removeTarget, saveGoLives, viewGoLivesChange,
} from "@/lib/editing/rollout";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { OBSERVATION_FORM } from "@/lib/editing/form-specs";
import { goLivesSchema, observationSchema, targetSchema } from "@/lib/editing/schemas";
import { loadRoadmap } from "@/lib/roadmap/load";
import { rolloutFigures } from "@/lib/roadmap/view";
import { queryRows, seededScratch } from "../setup/database";

const PHOTOS = "photographs-at-the-roadside";
const PROPERTY = "property";
const ALL_NATIONS = ["England", "Wales", "Scotland", "Northern Ireland"];

let db: Db;
let dispose: () => Promise<void>;
const editor: Actor = { userId: null, label: "editor.one@example.gov.uk", sourceAddress: "198.51.100.9" };
const other: Actor = { userId: null, label: "editor.two@example.gov.uk", sourceAddress: "198.51.100.10" };

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
});
afterAll(() => dispose?.());

type AuditRow = { action: string; entity_type: string; entity_id: string; actor_label: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

async function rolloutAudit(): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`SELECT action, entity_type, entity_id, actor_label, before, after FROM audit_events
        WHERE action LIKE 'rollout_%' OR action = 'force_go_lives.updated' ORDER BY id`,
  );
}

async function figuresOf(slug: string, on = todayInLondon()) {
  const roadmap = await loadRoadmap(db, "nledp");
  const product = roadmap!.products.find((p) => p.slug === slug)!;
  return rolloutFigures(product.rollout ?? { totalForces: roadmap!.forces.length, observations: [], targets: [], forceGoLives: [] }, on);
}

function observation(fields: Record<string, unknown>) {
  return observationSchema(45).safeParse({ observedOn: todayInLondon(), forcesLive: 38, nationsCovered: ALL_NATIONS, note: "", ...fields });
}

describe("observations", () => {
  it("refuses a second figure for the same day, which would leave the count to chance", async () => {
    const day = addDays(todayInLondon(), -40);
    expect((await addObservation(db, PHOTOS, observation({ forcesLive: 25, observedOn: day }).data!, editor)).kind).toBe("saved");
    const before = await rolloutAudit();
    const second = await addObservation(db, PHOTOS, observation({ forcesLive: 26, observedOn: day }).data!, editor);
    expect(second).toMatchObject({ kind: "invalid", errors: { observedOn: expect.stringContaining("There is already a figure for") } });
    expect(await rolloutAudit()).toHaveLength(before.length);
    expect((await figuresOf(PHOTOS, day)).forcesLive).toBe(25);
  });

  it("records Photographs at the Roadside at 38 forces, read back by the roadmap as 38, with one audit event", async () => {
    const before = await rolloutAudit();
    const parsed = observation({ note: "Reported by the programme" });
    expect(parsed.success).toBe(true);
    const outcome = await addObservation(db, PHOTOS, parsed.data!, editor);
    expect(outcome.kind).toBe("saved");

    const figures = await figuresOf(PHOTOS);
    expect(figures).toMatchObject({ forcesLive: 38, total: 45, derived: false, asOf: todayInLondon() });
    expect(figures.nations).toEqual(ALL_NATIONS);

    const after = await rolloutAudit();
    expect(after).toHaveLength(before.length + 1);
    const event = after.at(-1)!;
    expect(event).toMatchObject({ action: "rollout_observation.added", entity_type: "rollout_observation", actor_label: editor.label, before: null });
    const rollout = await readRollout(db, PHOTOS);
    expect(event.after).toMatchObject({ productId: rollout!.product.id, forcesLive: 38, version: 1 });
  });

  it("refuses 46 and -1 forces, and a count beyond the table's total even past the schema", async () => {
    for (const forcesLive of [46, -1]) {
      const parsed = observation({ forcesLive });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ path: ["forcesLive"], message: "Forces live must be between 0 and 45" });
    }
    const before = await rolloutAudit();
    const outcome = await addObservation(db, PHOTOS, { observedOn: todayInLondon(), forcesLive: 46, nationsCovered: [], note: "" }, editor);
    expect(outcome).toEqual({ kind: "invalid", errors: { forcesLive: "Forces live must be between 0 and 45" } });
    expect(await rolloutAudit()).toHaveLength(before.length);
  });

  it("accepts 0 and 45, and refuses a date after today and a nation not on the list", () => {
    expect(observation({ forcesLive: 0 }).success).toBe(true);
    expect(observation({ forcesLive: 45 }).success).toBe(true);
    const future = observation({ observedOn: addDays(todayInLondon(), 1) });
    expect(future.success).toBe(false);
    expect(future.error!.issues[0]).toMatchObject({ path: ["observedOn"], message: "The date must be today or in the past" });
    const nation = observation({ nationsCovered: ["England", "Cornwall"] });
    expect(nation.success).toBe(false);
    expect(nation.error!.issues[0]!.path[0]).toBe("nationsCovered");
  });

  it("removes an observation only at the version read and only through its own product", async () => {
    const added = await addObservation(db, PHOTOS, observation({ forcesLive: 30, observedOn: addDays(todayInLondon(), -10) }).data!, editor);
    if (added.kind !== "saved") throw new Error("not added");
    const id = added.record.id;
    const before = await rolloutAudit();

    expect((await removeObservation(db, PHOTOS, id, 2, editor)).kind).toBe("conflict");
    expect((await removeObservation(db, PROPERTY, id, 1, editor)).kind).toBe("not-found");
    expect(await rolloutAudit()).toHaveLength(before.length);
    expect((await readRollout(db, PHOTOS))!.observations.some((o) => o.id === id)).toBe(true);

    expect((await removeObservation(db, PHOTOS, id, 1, editor)).kind).toBe("saved");
    const again = await removeObservation(db, PHOTOS, id, 1, other);
    expect(again.kind).toBe("conflict");
    if (again.kind === "conflict") {
      expect(again.current).toBeNull();
      expect(again.changes).toHaveLength(1);
      expect(again.changes[0]).toMatchObject({ actorLabel: editor.label, action: "rollout_observation.removed" });
    }
    // Through another product, even its removal is not shown: it was never that product's to see.
    expect((await removeObservation(db, PROPERTY, id, 1, other)).kind).toBe("not-found");
    const after = await rolloutAudit();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ action: "rollout_observation.removed", after: null, before: { id, productId: added.record.productId } });
  });
});

describe("targets", () => {
  it("adds a target as a period with a count from 1 to 45, and removes it at its version", async () => {
    expect(targetSchema(45).safeParse({ target: { precision: "month", on: "2022-03-01" }, forcesCount: 0 }).success).toBe(false);
    expect(targetSchema(45).safeParse({ target: { precision: "month", on: "2022-03-01" }, forcesCount: 46 }).success).toBe(false);
    const parsed = targetSchema(45).safeParse({ target: { precision: "quarter", on: "2022-02-10" }, forcesCount: 43 });
    expect(parsed.success).toBe(true);
    const before = await rolloutAudit();
    const added = await addTarget(db, PHOTOS, parsed.data!, editor);
    if (added.kind !== "saved") throw new Error("not added");
    expect(added.record).toMatchObject({ target: { precision: "quarter", on: "2022-03-31" }, forcesCount: 43, version: 1 });
    expect((await rolloutAudit()).at(-1)).toMatchObject({ action: "rollout_target.added", after: { productId: added.record.productId, forcesCount: 43 } });

    expect((await removeTarget(db, PHOTOS, added.record.id, 7, editor)).kind).toBe("conflict");
    expect((await removeTarget(db, PHOTOS, added.record.id, 1, editor)).kind).toBe("saved");
    expect(await rolloutAudit()).toHaveLength(before.length + 2);
  });
});

describe("force go-live dates", () => {
  const goLives = [
    { forceName: "Devon & Cornwall Police", liveOn: "2021-06-01" },
    { forceName: "Dyfed-Powys Police (Heddlu Dyfed-Powys)", liveOn: "2021-07-15" },
    { forceName: "Police Scotland (Poileas Alba)", liveOn: "2021-09-30" },
  ];

  it("saves the set in one event, and the count and nations are derived from it", async () => {
    const read = (await readRollout(db, PROPERTY))!;
    expect(read.derived).toBe(false);
    expect(read.forces).toHaveLength(45);
    expect(read.fingerprint).toBe(goLivesFingerprint([]));
    const before = await rolloutAudit();

    const outcome = await saveGoLives(db, PROPERTY, goLivesSchema.parse({ goLives }), read.fingerprint, editor);
    expect(outcome.kind).toBe("saved");

    const figures = await figuresOf(PROPERTY);
    expect(figures).toMatchObject({ forcesLive: 3, derived: true, asOf: "2021-09-30" });
    expect([...figures.nations].sort()).toEqual(["England", "Scotland", "Wales"]);
    expect((await figuresOf(PROPERTY, "2021-07-31")).forcesLive).toBe(2);

    const after = await rolloutAudit();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      action: "force_go_lives.updated",
      entity_type: "force_go_lives",
      entity_id: String(read.product.id),
      before: { productId: read.product.id, goLives: [] },
      after: { productId: read.product.id },
    });
    expect((after.at(-1)!.after!["goLives"] as unknown[]).length).toBe(3);

    const reread = (await readRollout(db, PROPERTY))!;
    expect(reread.derived).toBe(true);
    expect(reread.forces.find((f) => f.forceName === "Devon & Cornwall Police")?.liveOn).toBe("2021-06-01");
  });

  it("writes nothing for a save that changes nothing", async () => {
    const read = (await readRollout(db, PROPERTY))!;
    const before = await rolloutAudit();
    const outcome = await saveGoLives(db, PROPERTY, goLivesSchema.parse({ goLives: [...goLives].reverse() }), read.fingerprint, editor);
    expect(outcome.kind).toBe("saved");
    expect(await rolloutAudit()).toHaveLength(before.length);
  });

  it("refuses a save from a stale set, saying who changed which forces and when", async () => {
    const stale = goLivesFingerprint([]);
    const before = await rolloutAudit();
    const outcome = await saveGoLives(db, PROPERTY, { goLives: [{ forceName: "Kent Police", liveOn: "2021-05-05" }] }, stale, other);
    expect(outcome.kind).toBe("conflict");
    if (outcome.kind !== "conflict") return;
    expect(outcome.current?.goLives).toHaveLength(3);
    expect(outcome.changes).toHaveLength(1);
    expect(outcome.changes[0]!.actorLabel).toBe(editor.label);
    const view = viewGoLivesChange(outcome.changes[0]!);
    expect(view.who).toBe(editor.label);
    expect(view.fields.map((f) => f.label)).toEqual(["Devon & Cornwall Police", "Dyfed-Powys Police (Heddlu Dyfed-Powys)", "Police Scotland (Poileas Alba)"]);
    expect(view.fields[0]).toMatchObject({ before: "not live", after: "live 1 June 2021" });
    expect(await rolloutAudit()).toHaveLength(before.length);
    expect((await figuresOf(PROPERTY)).forcesLive).toBe(3);
  });

  it("refuses a typed count while go-live dates are recorded", async () => {
    const before = await rolloutAudit();
    const outcome = await addObservation(db, PROPERTY, observation({ forcesLive: 10 }).data!, editor);
    expect(outcome).toEqual({ kind: "invalid", errors: { forcesLive: DERIVED_REFUSAL } });
    expect(await rolloutAudit()).toHaveLength(before.length);
  });

  it("refuses a force that is not a territorial force, a force given twice and a date after today", async () => {
    const read = (await readRollout(db, PROPERTY))!;
    const unknown = await saveGoLives(db, PROPERTY, { goLives: [{ forceName: "Atlantis Constabulary", liveOn: "2021-01-01" }] }, read.fingerprint, editor);
    expect(unknown.kind).toBe("invalid");
    expect(goLivesSchema.safeParse({ goLives: [goLives[0], goLives[0]] }).success).toBe(false);
    const future = await saveGoLives(db, PROPERTY, { goLives: [{ forceName: "Kent Police", liveOn: addDays(todayInLondon(), 1) }] }, read.fingerprint, editor);
    expect(future).toEqual({ kind: "invalid", errors: { goLives: "The date Kent Police went live must be today or in the past" } });
  });

  it("changes and clears the set, one event each, and the reported figures count again once cleared", async () => {
    let read = (await readRollout(db, PROPERTY))!;
    const before = await rolloutAudit();
    const changed = await saveGoLives(
      db, PROPERTY,
      { goLives: [{ forceName: "Devon & Cornwall Police", liveOn: "2021-06-02" }, { forceName: "Kent Police", liveOn: "2021-08-01" }] },
      read.fingerprint, other,
    );
    expect(changed.kind).toBe("saved");
    expect((await figuresOf(PROPERTY)).forcesLive).toBe(2);
    read = (await readRollout(db, PROPERTY))!;
    expect(read.forces.filter((f) => f.liveOn).map((f) => f.forceName).sort()).toEqual(["Devon & Cornwall Police", "Kent Police"]);

    expect((await saveGoLives(db, PROPERTY, { goLives: [] }, read.fingerprint, other)).kind).toBe("saved");
    expect(await figuresOf(PROPERTY)).toMatchObject({ forcesLive: 0, derived: false });
    expect(await rolloutAudit()).toHaveLength(before.length + 2);
    expect((await addObservation(db, PROPERTY, observation({ forcesLive: 1 }).data!, editor)).kind).toBe("saved");
  });
});

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form;
}

describe("the rollout page's forms", () => {
  it("reads the figure form as posted: date boxes, count, nation checkboxes", () => {
    const [year, month, day] = todayInLondon().split("-");
    const read = readForm(formData({ "observedOn-day": day!, "observedOn-month": month!, "observedOn-year": year!, forcesLive: "38", nationsCovered: ALL_NATIONS, note: "" }), OBSERVATION_FORM);
    expect(read.errors).toEqual({});
    const parsed = observationSchema(45).safeParse(read.input);
    expect(parsed.success && parsed.data).toMatchObject({ observedOn: todayInLondon(), forcesLive: 38, nationsCovered: ALL_NATIONS });

    const bad = readForm(formData({ "observedOn-day": "31", "observedOn-month": "2", "observedOn-year": "2021", forcesLive: "46" }), OBSERVATION_FORM);
    const result = observationSchema(45).safeParse(bad.input);
    const errors = errorsByField(result.success ? [] : result.error.issues, bad.errors);
    expect(Object.keys(errors).sort()).toEqual(["forcesLive", "observedOn"]);
    expect(bad.values).toMatchObject({ "observedOn-day": "31", forcesLive: "46" });
  });

  it("reads the go-live form by force, keying each error to the force's day box", async () => {
    const forces = await policeForceList(db);
    expect(forces).toHaveLength(45);
    const devon = forces.find((f) => f.name === "Devon & Cornwall Police")!;
    const dyfed = forces.find((f) => f.name === "Dyfed-Powys Police (Heddlu Dyfed-Powys)")!;
    const kent = forces.find((f) => f.name === "Kent Police")!;
    const ok = readGoLivesForm(
      formData({ fingerprint: "abc", [`force-${devon.id}-day`]: "1", [`force-${devon.id}-month`]: "6", [`force-${devon.id}-year`]: "2021" }),
      forces,
    );
    expect(ok).toMatchObject({ input: { goLives: [{ forceName: "Devon & Cornwall Police", liveOn: "2021-06-01" }] }, errors: {}, values: { fingerprint: "abc" } });

    const tomorrow = addDays(todayInLondon(), 1).split("-");
    const bad = readGoLivesForm(
      formData({
        [`force-${dyfed.id}-day`]: "30", [`force-${dyfed.id}-month`]: "2", [`force-${dyfed.id}-year`]: "2021",
        [`force-${kent.id}-day`]: tomorrow[2]!, [`force-${kent.id}-month`]: tomorrow[1]!, [`force-${kent.id}-year`]: tomorrow[0]!,
      }),
      forces,
    );
    expect(bad.input).toBeNull();
    expect(Object.keys(bad.errors).sort()).toEqual([`force-${dyfed.id}`, `force-${kent.id}`].sort());
    expect(bad.errors[`force-${kent.id}`]).toBe("The date Kent Police went live must be today or in the past");
    expect(bad.errors[`force-${dyfed.id}`]).toContain("Heddlu Dyfed-Powys");
    expect(bad.values[`force-${kent.id}-year`]).toBe(tomorrow[0]);

    const future = readGoLivesForm(formData({ [`force-${kent.id}-day`]: tomorrow[2]!, [`force-${kent.id}-month`]: tomorrow[1]!, [`force-${kent.id}-year`]: tomorrow[0]! }), forces);
    expect(Object.keys(future.errors)).toEqual([`force-${kent.id}`]);
  });
});
