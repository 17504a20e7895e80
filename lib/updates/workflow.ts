/**
 * The quarterly update cycle: an editor starts the next quarter's update (a draft), may change its title
 * and covering text, previews it, and publishes it, which freezes the whole roadmap into a snapshot, or
 * discards it. There is at most one draft; a quarter is published at most once, and in order; a
 * published update is never edited (the database refuses it too: a correction is a new update).
 * The browser's server actions and the JSON API both call these functions with the same zod schemas.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { mustRetry, violatesUnique } from "@/lib/db/errors";
import * as t from "@/lib/db/schema";
import type { Actor } from "@/lib/audit/record";
import { todayInLondon } from "@/lib/dates/period";
import { changesSince, createAudited, RuleBroken, saveVersioned, type Outcome, type RecordedChange } from "@/lib/editing/versioned";
import { loadRoadmap, toUpdateSummary } from "@/lib/roadmap/load";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { publishUpdate, RoadmapChanged, roadmapHash } from "@/lib/roadmap/snapshot";
import type { SnapshotContent } from "@/lib/roadmap/types";

const ENTITY = "quarterly_update";

const title = z
  .string({ error: "The title must be text" })
  .trim()
  .min(1, { error: "Enter a title" })
  .max(200, { error: "The title must be 200 characters or fewer" });

const coveringText = z
  .string({ error: "The covering text must be text" })
  .max(20000, { error: "The covering text must be 20,000 characters or fewer" })
  .default("");

export const startUpdateSchema = z
  .object({
    year: z
      .number({ error: "Enter the year as a number, for example 2022" })
      .int({ error: "Enter the year as a whole number, for example 2022" })
      .min(2000, { error: "The year must be 2000 or later" })
      .max(2100, { error: "The year must be 2100 or earlier" }),
    quarter: z
      .number({ error: "Select the quarter" })
      .int({ error: "Select the quarter" })
      .min(1, { error: "The quarter must be 1, 2, 3 or 4" })
      .max(4, { error: "The quarter must be 1, 2, 3 or 4" }),
    title,
    coveringText,
  })
  .strict();
export type StartUpdateInput = z.output<typeof startUpdateSchema>;

export const changeUpdateSchema = z.object({ title, coveringText }).strict();
export type ChangeUpdateInput = z.output<typeof changeUpdateSchema>;

/** An update as the audit trail, the forms and the API see it. */
export type UpdateRecord = {
  id: number;
  slug: string;
  year: number;
  quarter: number;
  title: string;
  coveringText: string;
  state: "draft" | "published";
  version: number;
  publishedOn: string | null;
  publishedByName: string | null;
};

/** "2022 Q1": how people name a quarter's update. */
export function quarterName(u: { year: number; quarter: number }): string {
  return `${u.year} Q${u.quarter}`;
}

export function updateSlug(year: number, quarter: number): string {
  return `${year}-q${quarter}`;
}

/** The quarter after this one: 2021 Q4 → 2022 Q1. */
export function nextQuarter(u: { year: number; quarter: number }): { year: number; quarter: number } {
  return u.quarter === 4 ? { year: u.year + 1, quarter: 1 } : { year: u.year, quarter: u.quarter + 1 };
}

const ordinal = (u: { year: number; quarter: number }) => u.year * 4 + u.quarter;

function toRecord(row: typeof t.quarterlyUpdates.$inferSelect): UpdateRecord {
  return {
    id: row.id,
    slug: row.slug,
    year: row.year,
    quarter: row.quarter,
    title: row.title,
    coveringText: row.coveringText,
    state: row.state,
    version: row.version,
    publishedOn: row.publishedOn,
    publishedByName: row.publishedByName,
  };
}

/** The programme's update rows matching `where`; the programme is part of every query (ownership). */
function updatesOfProgramme(db: Db, where: ReturnType<typeof and>) {
  return db
    .select({ update: t.quarterlyUpdates })
    .from(t.quarterlyUpdates)
    .innerJoin(t.programmes, eq(t.programmes.id, t.quarterlyUpdates.programmeId))
    .where(and(eq(t.programmes.slug, PROGRAMME_SLUG), where));
}

async function readRow(db: Db, slug: string, lock: boolean): Promise<UpdateRecord | null> {
  const query = updatesOfProgramme(db, eq(t.quarterlyUpdates.slug, slug));
  // FOR UPDATE OF the update row only: the programme row is not locked by an edit of one update.
  const [row] = lock ? await query.for("update", { of: t.quarterlyUpdates }) : await query;
  return row ? toRecord(row.update) : null;
}

export async function readUpdate(db: Db, slug: string): Promise<UpdateRecord | null> {
  return readRow(db, slug, false);
}

export async function readDraftUpdate(db: Db): Promise<UpdateRecord | null> {
  const [row] = await updatesOfProgramme(db, eq(t.quarterlyUpdates.state, "draft"));
  return row ? toRecord(row.update) : null;
}

/** The latest published update, or null before the first. */
export async function latestPublishedUpdate(db: Db): Promise<UpdateRecord | null> {
  const [row] = await updatesOfProgramme(db, eq(t.quarterlyUpdates.state, "published"))
    .orderBy(desc(t.quarterlyUpdates.year), desc(t.quarterlyUpdates.quarter))
    .limit(1);
  return row ? toRecord(row.update) : null;
}

/** What "Start the next quarterly update" offers: the quarter after the latest published one. */
export async function suggestedNextQuarter(db: Db, now: Date = new Date()): Promise<{ year: number; quarter: number }> {
  const latest = await latestPublishedUpdate(db);
  if (latest) return nextQuarter(latest);
  const today = todayInLondon(now);
  return { year: Number(today.slice(0, 4)), quarter: Math.ceil(Number(today.slice(5, 7)) / 3) };
}

/** Why a new update for this quarter cannot be started, or null when it can. Keys name the field at fault. */
async function startRefusal(db: Db, input: { year: number; quarter: number }): Promise<Record<string, string> | null> {
  const draft = await readDraftUpdate(db);
  if (draft) return { form: `There is already a draft update: ${quarterName(draft)}. Publish or discard it first.` };
  const [same] = await updatesOfProgramme(db, and(eq(t.quarterlyUpdates.year, input.year), eq(t.quarterlyUpdates.quarter, input.quarter)));
  if (same) return { quarter: `The ${quarterName(input)} update has already been published: a correction is a new update for a later quarter` };
  const latest = await latestPublishedUpdate(db);
  if (latest && ordinal(input) <= ordinal(latest)) {
    return { quarter: `The quarter must come after ${quarterName(latest)}, the latest published update` };
  }
  return null;
}

export async function startUpdate(db: Db, input: StartUpdateInput, actor: Actor): Promise<Outcome<UpdateRecord>> {
  return createAudited(db, {
    entityType: ENTITY,
    action: "update.started",
    actor,
    insert: async (tx) => {
      const [programme] = await tx.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, PROGRAMME_SLUG));
      if (!programme) throw new Error(`No programme ${PROGRAMME_SLUG}`);
      const refusal = await startRefusal(tx, input);
      if (refusal) throw new RuleBroken(refusal);
      try {
        const [row] = await tx
          .insert(t.quarterlyUpdates)
          .values({
            programmeId: programme.id,
            slug: updateSlug(input.year, input.quarter),
            year: input.year,
            quarter: input.quarter,
            title: input.title,
            coveringText: input.coveringText,
          })
          .returning();
        return toRecord(row!);
      } catch (error) {
        // Someone started one between our check and the insert: the unique indexes decide, and we say why.
        if (violatesUnique(error, "quarterly_updates_one_draft_key")) throw new RuleBroken({ form: "Someone else has just started a draft update. Open the working draft to see it." });
        if (violatesUnique(error, "quarterly_updates_programme_quarter_key") || violatesUnique(error, "quarterly_updates_programme_slug_key")) {
          throw new RuleBroken({ quarter: `There is already an update for ${quarterName(input)}` });
        }
        throw error;
      }
    },
  });
}

const PUBLISHED_IS_FROZEN = (u: UpdateRecord) => ({
  form: `The ${quarterName(u)} update is published and can never be changed: a correction is a new update`,
});

export async function changeDraftUpdate(db: Db, slug: string, version: number, input: ChangeUpdateInput, actor: Actor): Promise<Outcome<UpdateRecord>> {
  const found = await readRow(db, slug, false);
  if (!found) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: ENTITY,
    id: found.id,
    expectedVersion: version,
    action: "update.changed",
    actor,
    // By id and slug: a draft discarded and started again under the same slug is another record.
    read: async (tx) => {
      const current = await readRow(tx, slug, true);
      return current && current.id === found.id ? current : null;
    },
    write: async (tx, current) => {
      if (current.state !== "draft") throw new RuleBroken(PUBLISHED_IS_FROZEN(current));
      await tx
        .update(t.quarterlyUpdates)
        .set({ title: input.title, coveringText: input.coveringText, version: sql`${t.quarterlyUpdates.version} + 1`, updatedAt: new Date() })
        .where(and(eq(t.quarterlyUpdates.id, current.id), eq(t.quarterlyUpdates.state, "draft")));
      return readRow(tx, slug, false);
    },
  });
}

export async function discardDraftUpdate(db: Db, slug: string, version: number, actor: Actor): Promise<Outcome<UpdateRecord>> {
  const found = await readRow(db, slug, false);
  if (!found) return { kind: "not-found" };
  return saveVersioned(db, {
    entityType: ENTITY,
    id: found.id,
    expectedVersion: version,
    action: "update.discarded",
    actor,
    read: async (tx) => {
      const current = await readRow(tx, slug, true);
      return current && current.id === found.id ? current : null;
    },
    write: async (tx, current) => {
      if (current.state !== "draft") throw new RuleBroken(PUBLISHED_IS_FROZEN(current));
      await tx.delete(t.quarterlyUpdates).where(and(eq(t.quarterlyUpdates.id, current.id), eq(t.quarterlyUpdates.state, "draft")));
      return null;
    },
  });
}

/**
 * What was done to an update after the version someone read: the edits (by id) and its publication
 * (publishUpdate records it against the slug, without a version), so a refused publish says who published.
 */
async function updateChangesSince(db: Db, record: UpdateRecord, version: number): Promise<RecordedChange[]> {
  const edits = await changesSince(db, ENTITY, record.id, version);
  const published = await db
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, ENTITY), eq(t.auditEvents.entityId, record.slug), eq(t.auditEvents.action, "update.published")))
    .orderBy(asc(t.auditEvents.id));
  const publications = record.state === "published" ? published.slice(-1) : [];
  return [
    ...edits,
    ...publications.map((r) => ({
      actorLabel: r.actorLabel,
      occurredAt: r.occurredAt.toISOString(),
      action: r.action,
      before: r.before as Record<string, unknown> | null,
      after: r.after as Record<string, unknown> | null,
    })),
  ];
}

/**
 * What publishing can answer: as any versioned change, or that the roadmap is no longer the one the
 * editor previewed (their `roadmapHash`), with the draft as it is and the roadmap's fingerprint now.
 */
export type PublishOutcome = Outcome<UpdateRecord> | { kind: "roadmap-changed"; current: UpdateRecord; roadmapHash: string };

/** How many times a publish the database gave up (another transaction changed what it read) is repeated. */
const PUBLISH_ATTEMPTS = 3;

/**
 * Publishes the draft update `slug` at `version`: in one transaction the update row is locked, its version
 * and state checked, and publishUpdate sets missing baselines, writes the snapshot, marks it published and
 * records the audit event. Any failure rolls all of it back: no snapshot, no event, still a draft.
 *
 * The version covers the update's title and covering text; `roadmapHash` (what the confirmation showed,
 * see previewRoadmapHash) covers the roadmap itself, so an edit made after the editor opened the preview
 * is refused rather than published unseen. The transaction is REPEATABLE READ: the roadmap frozen is one
 * consistent state, not products read before an edit and milestones after it. If another transaction
 * changes a row this one then writes or locks, the database refuses it and the whole publish is repeated
 * (seeing the newer state, so a stale version or fingerprint is then refused).
 */
export async function publishDraftUpdate(
  db: Db,
  slug: string,
  version: number,
  actor: Actor,
  publishedByName: string,
  options: { now?: Date; roadmapHash?: string } = {},
): Promise<PublishOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, slug, version, actor, publishedByName, options.now ?? new Date(), options.roadmapHash);
    } catch (error) {
      if (!mustRetry(error) || attempt >= PUBLISH_ATTEMPTS) throw error;
    }
  }
}

async function publishOnce(db: Db, slug: string, version: number, actor: Actor, publishedByName: string, now: Date, expectedRoadmapHash: string | undefined): Promise<PublishOutcome> {
  // The draft as locked, for the refusal when the roadmap has changed (thrown, so the transaction rolls back).
  let locked: UpdateRecord | null = null;
  try {
    return await db.transaction(
      async (tx): Promise<PublishOutcome> => {
        const current = (locked = await readRow(tx, slug, true));
        if (!current) {
          // Discarded since it was read? Then say so, as a conflict with no current record.
          const found = await tx
            .select()
            .from(t.auditEvents)
            .where(and(eq(t.auditEvents.entityType, ENTITY), eq(t.auditEvents.action, "update.discarded"), sql`${t.auditEvents.before} ->> 'slug' = ${slug}`))
            .orderBy(desc(t.auditEvents.id))
            .limit(1);
          const discarded = found[0];
          if (!discarded || ((discarded.before as { version?: number } | null)?.version ?? 0) < version) return { kind: "not-found" };
          return {
            kind: "conflict",
            current: null,
            changes: [{ actorLabel: discarded.actorLabel, occurredAt: discarded.occurredAt.toISOString(), action: discarded.action, before: discarded.before as Record<string, unknown>, after: null }],
          };
        }
        if (current.version !== version) return { kind: "conflict", current, changes: await updateChangesSince(tx, current, version) };
        if (current.state !== "draft") throw new RuleBroken({ form: `The ${quarterName(current)} update is already published` });
        const name = publishedByName.trim();
        if (!name) throw new RuleBroken({ publishedByName: "Give the name of the person publishing the update" });
        await publishUpdate(tx, {
          programmeSlug: PROGRAMME_SLUG,
          updateSlug: slug,
          publishedOn: todayInLondon(now),
          publishedAt: now,
          publishedByName: name,
          actor,
          expectedRoadmapHash,
        });
        return { kind: "saved", record: (await readRow(tx, slug, false))! };
      },
      { isolationLevel: "repeatable read" },
    );
  } catch (error) {
    if (error instanceof RuleBroken) return { kind: "invalid", errors: error.errors };
    // The baselines publishUpdate set before it found the change are rolled back with the rest.
    if (error instanceof RoadmapChanged && locked) return { kind: "roadmap-changed", current: locked, roadmapHash: error.roadmapHash };
    throw error;
  }
}

/** The fingerprint of the roadmap a preview shows: give it back when publishing (see publishDraftUpdate). */
export function previewRoadmapHash(preview: SnapshotContent): string {
  return roadmapHash(preview.roadmap);
}

/**
 * The draft exactly as it will publish: the live roadmap with each milestone lacking a baseline given its
 * forecast as baseline (as publishUpdate will), and the draft update's summary dated today in London.
 * Null when there is no draft update.
 */
export async function draftPreview(db: Db, now: Date = new Date()): Promise<SnapshotContent | null> {
  const draft = await updatesOfProgramme(db, eq(t.quarterlyUpdates.state, "draft"));
  const row = draft[0]?.update;
  if (!row) return null;
  const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
  if (!roadmap) return null;
  return {
    formatVersion: 1,
    update: { ...toUpdateSummary(row), publishedOn: todayInLondon(now), publishedAt: null, publishedByName: null },
    roadmap: {
      ...roadmap,
      products: roadmap.products.map((p) => ({
        ...p,
        milestones: p.milestones.map((m) => (m.baseline ? m : { ...m, baseline: { ...m.forecast } })),
      })),
    },
  };
}
