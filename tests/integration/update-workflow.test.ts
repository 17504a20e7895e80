/**
 * The quarterly update cycle against a real database seeded with the October 2021 roadmap (2021 Q4
 * published): one draft at a time, each quarter published once and in order, versioned changes,
 * a preview exactly as it will publish, and publishing as one transaction: interrupted part way, it
 * leaves no snapshot, no audit event and the update still a draft, and can simply be repeated.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { Actor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { addMilestone } from "@/lib/editing/milestones";
import { milestoneSchema } from "@/lib/editing/schemas";
import { loadRoadmap } from "@/lib/roadmap/load";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { readSnapshot } from "@/lib/roadmap/snapshot";
import {
  changeDraftUpdate,
  changeUpdateSchema,
  discardDraftUpdate,
  draftPreview,
  previewRoadmapHash,
  publishDraftUpdate,
  readDraftUpdate,
  readUpdate,
  startUpdate,
  startUpdateSchema,
  suggestedNextQuarter,
} from "@/lib/updates/workflow";
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

const start = (year: number, quarter: number, title = `NLEDP product roadmap, ${year} Q${quarter}`) =>
  startUpdateSchema.parse({ year, quarter, title, coveringText: "This update covers the quarter." });

type AuditRow = { action: string; actor_label: string; entity_id: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** The update events of this test's people (not the seed's publication of 2021 Q4). */
async function updateEvents(): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`SELECT action, actor_label, entity_id, before, after FROM audit_events WHERE entity_type = 'quarterly_update' AND actor_user_id IS NOT NULL ORDER BY id`,
  );
}

async function snapshotCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM snapshots`);
  return row!.n;
}

describe("the schemas", () => {
  it("refuse unknown fields, quarters out of range and empty titles, with the field at fault", () => {
    const bad = startUpdateSchema.safeParse({ year: 1999, quarter: 5, title: "   ", extra: 1 });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join(".") || "(root)");
    expect(paths).toEqual(expect.arrayContaining(["year", "quarter", "title", "(root)"]));
    expect(bad.error!.issues.find((i) => i.path[0] === "title")?.message).toBe("Enter a title");
    expect(startUpdateSchema.parse({ year: 2022, quarter: 1, title: "  Title  " })).toEqual({ year: 2022, quarter: 1, title: "Title", coveringText: "" });
    expect(changeUpdateSchema.safeParse({ title: "x", coveringText: "y".repeat(20001) }).success).toBe(false);
    expect(changeUpdateSchema.safeParse({ title: "x", year: 2022 }).success).toBe(false);
  });
});

describe("starting an update", () => {
  it("suggests the quarter after the latest published one", async () => {
    expect(await suggestedNextQuarter(db)).toEqual({ year: 2022, quarter: 1 });
    expect(await readDraftUpdate(db)).toBeNull();
    expect(await draftPreview(db)).toBeNull();
  });

  it("refuses a quarter already published (2021 Q4) and one before the latest published", async () => {
    const again = await startUpdate(db, start(2021, 4), alice);
    expect(again).toMatchObject({ kind: "invalid", errors: { quarter: expect.stringContaining("2021 Q4 update has already been published") } });
    const earlier = await startUpdate(db, start(2021, 3), alice);
    expect(earlier).toMatchObject({ kind: "invalid", errors: { quarter: "The quarter must come after 2021 Q4, the latest published update" } });
    const muchEarlier = await startUpdate(db, start(2020, 1), alice);
    expect(muchEarlier.kind).toBe("invalid");
    expect(await readDraftUpdate(db)).toBeNull();
    expect(await updateEvents()).toEqual([]);
  });

  it("starts 2022 Q1 as a draft with its audit event", async () => {
    const outcome = await startUpdate(db, start(2022, 1, "NLEDP product roadmap, January 2022"), alice);
    expect(outcome).toMatchObject({
      kind: "saved",
      record: { slug: "2022-q1", year: 2022, quarter: 1, title: "NLEDP product roadmap, January 2022", state: "draft", version: 1, publishedOn: null, publishedByName: null },
    });
    expect(await readDraftUpdate(db)).toMatchObject({ slug: "2022-q1", state: "draft" });
    const events = await updateEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "update.started", actor_label: alice.label, before: null, after: { slug: "2022-q1", state: "draft", version: 1 } });
  });

  it("refuses a second draft", async () => {
    const second = await startUpdate(db, start(2022, 2), bob);
    expect(second).toMatchObject({ kind: "invalid", errors: { form: expect.stringContaining("There is already a draft update: 2022 Q1") } });
    const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM quarterly_updates WHERE state = 'draft'`);
    expect(row!.n).toBe(1);
  });
});

describe("changing the draft update", () => {
  it("saves a new title and covering text, and refuses a change made from a stale version", async () => {
    const draft = (await readDraftUpdate(db))!;
    const first = await changeDraftUpdate(db, draft.slug, draft.version, changeUpdateSchema.parse({ title: "NLEDP product roadmap, March 2022", coveringText: "Covering letter." }), alice);
    expect(first).toMatchObject({ kind: "saved", record: { title: "NLEDP product roadmap, March 2022", coveringText: "Covering letter.", version: draft.version + 1 } });

    const stale = await changeDraftUpdate(db, draft.slug, draft.version, changeUpdateSchema.parse({ title: "Bob's title" }), bob);
    expect(stale.kind).toBe("conflict");
    if (stale.kind !== "conflict") return;
    expect(stale.current).toMatchObject({ title: "NLEDP product roadmap, March 2022", version: draft.version + 1 });
    expect(stale.changes).toHaveLength(1);
    expect(stale.changes[0]).toMatchObject({ actorLabel: alice.label, action: "update.changed" });
    expect((await readUpdate(db, draft.slug))?.title).toBe("NLEDP product roadmap, March 2022");
  });

  it("answers not found for an update that does not exist", async () => {
    expect(await changeDraftUpdate(db, "2030-q1", 1, changeUpdateSchema.parse({ title: "x" }), alice)).toEqual({ kind: "not-found" });
    expect(await discardDraftUpdate(db, "2030-q1", 1, alice)).toEqual({ kind: "not-found" });
    expect(await publishDraftUpdate(db, "2030-q1", 1, alice, "Alice Editor")).toEqual({ kind: "not-found" });
  });
});

describe("discarding the draft update", () => {
  it("refuses a stale version, then removes the draft with its audit event, and a new one can be started", async () => {
    const draft = (await readDraftUpdate(db))!;
    expect((await discardDraftUpdate(db, draft.slug, draft.version - 1, bob)).kind).toBe("conflict");
    expect(await discardDraftUpdate(db, draft.slug, draft.version, bob)).toMatchObject({ kind: "saved", record: { slug: "2022-q1" } });
    expect(await readDraftUpdate(db)).toBeNull();
    expect((await updateEvents()).at(-1)).toMatchObject({ action: "update.discarded", actor_label: bob.label, after: null, before: { slug: "2022-q1", version: draft.version } });
    // Publishing what was discarded says someone discarded it.
    expect(await publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor")).toMatchObject({ kind: "conflict", current: null });

    expect(await startUpdate(db, start(2022, 1, "NLEDP product roadmap, March 2022"), alice)).toMatchObject({ kind: "saved", record: { slug: "2022-q1", version: 1 } });
  });
});

describe("previewing and publishing", () => {
  let newMilestoneId: number;

  it("previews the draft exactly as it will publish: a new milestone takes its forecast as baseline", async () => {
    const added = await addMilestone(
      db,
      "vehicles",
      milestoneSchema.parse({ title: "Discovery concludes", forecast: { precision: "quarter", on: "2022-06-30" }, status: "on_track" }),
      alice,
    );
    expect(added.kind).toBe("saved");
    if (added.kind !== "saved") return;
    newMilestoneId = added.record.id;

    const preview = await draftPreview(db, new Date("2022-03-31T23:30:00Z"));
    expect(preview?.update).toMatchObject({ slug: "2022-q1", state: "draft", publishedOn: "2022-04-01", publishedByName: null });
    const milestone = preview?.roadmap.products.find((p) => p.slug === "vehicles")?.milestones.find((m) => m.id === newMilestoneId);
    expect(milestone).toMatchObject({ baseline: { precision: "quarter", on: "2022-06-30" }, forecast: { precision: "quarter", on: "2022-06-30" } });
    expect(preview?.roadmap.products.every((p) => p.milestones.every((m) => m.baseline !== null))).toBe(true);

    // The preview writes nothing: the live milestone still has no baseline.
    const [row] = await db.select().from(t.milestones).where(eq(t.milestones.id, newMilestoneId));
    expect(row?.baselineOn).toBeNull();
  });

  it("refuses to publish a roadmap changed since the preview was read, writing nothing, and says what it is now", async () => {
    const draft = (await readDraftUpdate(db))!;
    const seen = previewRoadmapHash((await draftPreview(db))!);
    // The fingerprint is of the roadmap alone: read twice with nothing changed, it is the same.
    expect(previewRoadmapHash((await draftPreview(db))!)).toBe(seen);
    const snapshotsBefore = await snapshotCount();
    const allEvents = async () => (await queryRows<{ action: string; actor_label: string }>(db, sql`SELECT action, actor_label FROM audit_events ORDER BY id`));
    const eventsBefore = (await allEvents()).length;

    // Bob edits the roadmap after Alice opened the confirmation; her update row's version has not moved.
    const added = await addMilestone(
      db,
      "vehicles",
      milestoneSchema.parse({ title: "Options appraisal", forecast: { precision: "month", on: "2022-09-30" }, status: "not_started" }),
      bob,
    );
    expect(added.kind).toBe("saved");
    if (added.kind !== "saved") return;
    expect((await readDraftUpdate(db))?.version).toBe(draft.version);

    const refused = await publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor", { roadmapHash: seen });
    const now = previewRoadmapHash((await draftPreview(db))!);
    expect(now).not.toBe(seen);
    expect(refused).toEqual({ kind: "roadmap-changed", current: draft, roadmapHash: now });

    // Nothing written: no snapshot, no event, still a draft, and the baselines publishing sets rolled back.
    expect(await snapshotCount()).toBe(snapshotsBefore);
    const events = await allEvents();
    expect(events).toHaveLength(eventsBefore + 1); // Bob's milestone only
    expect(events.at(-1)).toEqual({ action: "milestone.added", actor_label: bob.label });
    expect(await readUpdate(db, draft.slug)).toEqual(draft);
    const [milestone] = await db.select().from(t.milestones).where(eq(t.milestones.id, added.record.id));
    expect(milestone?.baselineOn).toBeNull();
    expect((await readSnapshot(db, PROGRAMME_SLUG))?.content.update.slug).toBe("2021-q4");
  });

  it("interrupted part way (the audit event refused), leaves no snapshot, no event, the draft as it was; then publishes", async () => {
    const draft = (await readDraftUpdate(db))!;
    const snapshotsBefore = await snapshotCount();
    const eventsBefore = (await updateEvents()).length;

    await db.execute(sql.raw(`
      CREATE FUNCTION test_interrupt_publish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'update.published' THEN RAISE EXCEPTION 'interrupted for the test'; END IF;
        RETURN NEW;
      END;
      $$`));
    await db.execute(sql.raw(`CREATE TRIGGER test_interrupt_publish BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_interrupt_publish()`));
    try {
      await expect(publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor")).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`DROP TRIGGER test_interrupt_publish ON audit_events`));
      await db.execute(sql.raw(`DROP FUNCTION test_interrupt_publish()`));
    }

    expect(await snapshotCount()).toBe(snapshotsBefore);
    expect((await updateEvents()).length).toBe(eventsBefore);
    expect(await readUpdate(db, draft.slug)).toEqual(draft);
    const [row] = await db.select().from(t.milestones).where(eq(t.milestones.id, newMilestoneId));
    expect(row?.baselineOn).toBeNull();
    expect((await readSnapshot(db, PROGRAMME_SLUG))?.content.update.slug).toBe("2021-q4");

    // Interrupted at the snapshot instead: the same, nothing kept.
    await db.execute(sql.raw(`
      CREATE FUNCTION test_interrupt_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'interrupted for the test'; END;
      $$`));
    await db.execute(sql.raw(`CREATE TRIGGER test_interrupt_snapshot BEFORE INSERT ON snapshots FOR EACH ROW EXECUTE FUNCTION test_interrupt_snapshot()`));
    try {
      await expect(publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor")).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`DROP TRIGGER test_interrupt_snapshot ON snapshots`));
      await db.execute(sql.raw(`DROP FUNCTION test_interrupt_snapshot()`));
    }
    expect(await snapshotCount()).toBe(snapshotsBefore);
    expect(await readUpdate(db, draft.slug)).toEqual(draft);

    // Repeated with nothing in the way, it publishes; what it froze is what the preview showed.
    const now = new Date("2022-03-31T23:30:00Z");
    const preview = (await draftPreview(db, now))!;
    const outcome = await publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor", { now, roadmapHash: previewRoadmapHash(preview) });
    expect(outcome).toMatchObject({ kind: "saved", record: { slug: "2022-q1", state: "published", publishedOn: "2022-04-01", publishedByName: "Alice Editor" } });

    const snapshot = await readSnapshot(db, PROGRAMME_SLUG);
    expect(snapshot?.content.update).toMatchObject({ slug: "2022-q1", state: "published", publishedOn: "2022-04-01", publishedAt: now.toISOString(), publishedByName: "Alice Editor" });
    expect(snapshot?.content.roadmap).toEqual(preview.roadmap);
    expect(await snapshotCount()).toBe(snapshotsBefore + 1);

    const published = (await updateEvents()).filter((e) => e.action === "update.published" && e.entity_id === "2022-q1");
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ actor_label: alice.label, after: { state: "published", snapshotId: snapshot?.id } });

    const [baselined] = await db.select().from(t.milestones).where(eq(t.milestones.id, newMilestoneId));
    expect(baselined).toMatchObject({ baselineOn: "2022-06-30", baselinePrecision: "quarter" });
    expect(await readDraftUpdate(db)).toBeNull();
  });

  it("refuses to publish again from the version read before publishing, saying who published", async () => {
    const again = await publishDraftUpdate(db, "2022-q1", 1, bob, "Bob Editor");
    expect(again.kind).toBe("conflict");
    if (again.kind !== "conflict") return;
    expect(again.current).toMatchObject({ state: "published" });
    expect(again.changes.at(-1)).toMatchObject({ action: "update.published", actorLabel: alice.label });
    expect(await snapshotCount()).toBe(2);
  });

  it("never changes or discards a published update, in the app or in the database", async () => {
    const published = (await readUpdate(db, "2022-q1"))!;
    expect(published.state).toBe("published");
    const change = await changeDraftUpdate(db, published.slug, published.version, changeUpdateSchema.parse({ title: "Rewritten history" }), bob);
    expect(change).toMatchObject({ kind: "invalid", errors: { form: expect.stringContaining("can never be changed") } });
    const discard = await discardDraftUpdate(db, published.slug, published.version, bob);
    expect(discard).toMatchObject({ kind: "invalid", errors: { form: expect.stringContaining("can never be changed") } });
    const publish = await publishDraftUpdate(db, published.slug, published.version, bob, "Bob Editor");
    expect(publish.kind).toBe("invalid");
    await expect(db.update(t.quarterlyUpdates).set({ title: "Rewritten" }).where(eq(t.quarterlyUpdates.slug, "2022-q1"))).rejects.toThrow();
    await expect(db.delete(t.quarterlyUpdates).where(and(eq(t.quarterlyUpdates.slug, "2022-q1")))).rejects.toThrow();
    expect(await readUpdate(db, "2022-q1")).toEqual(published);
  });

  it("then the next quarter: 2022 Q1 cannot be started again, 2022 Q2 can", async () => {
    expect(await suggestedNextQuarter(db)).toEqual({ year: 2022, quarter: 2 });
    expect((await startUpdate(db, start(2022, 1), alice)).kind).toBe("invalid");
    expect(await startUpdate(db, start(2022, 2), alice)).toMatchObject({ kind: "saved", record: { slug: "2022-q2", state: "draft" } });
    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    expect(roadmap).not.toBeNull();
  });

  it("two people publishing 2022 Q2 at the same moment: one publishes it, the other is told who did, and nothing fails", async () => {
    const draft = (await readDraftUpdate(db))!;
    const roadmapHash = previewRoadmapHash((await draftPreview(db))!);
    // Both read the same snapshot of the database; the one that waits for the other's lock is refused by
    // REPEATABLE READ, repeats, and then finds the update published.
    const outcomes = await Promise.all([
      publishDraftUpdate(db, draft.slug, draft.version, alice, "Alice Editor", { roadmapHash }),
      publishDraftUpdate(db, draft.slug, draft.version, bob, "Bob Editor", { roadmapHash }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["conflict", "saved"]);
    const refused = outcomes.find((o) => o.kind === "conflict");
    const winner = outcomes.findIndex((o) => o.kind === "saved") === 0 ? alice : bob;
    expect(refused).toMatchObject({ current: { slug: "2022-q2", state: "published" } });
    if (refused?.kind === "conflict") expect(refused.changes.at(-1)).toMatchObject({ action: "update.published", actorLabel: winner.label });
    const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM snapshots s JOIN quarterly_updates u ON u.id = s.update_id WHERE u.slug = '2022-q2'`);
    expect(row!.n).toBe(1);
  });
});
