/**
 * Snapshots: a quarterly update freezes the whole roadmap as JSON, with a hash of its canonical form.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { loadRoadmap, toUpdateSummary } from "./load";
import { cachedExport, cachedSnapshot, cachedSnapshots, keepExport, keepSnapshot, type StoredExport } from "./snapshot-cache";
import type { Roadmap, SnapshotContent, UpdateSummary } from "./types";

/** JSON with object keys sorted, so equal content always gives equal text and an equal hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 of a value's canonical JSON, in hex. */
function canonicalHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

export function contentHash(content: SnapshotContent): string {
  return canonicalHash(content);
}

/**
 * The fingerprint of a roadmap as a preview shows it (SHA-256 of its canonical JSON): the publish
 * confirmation carries it, so what is published is what the editor saw, or nothing.
 */
export function roadmapHash(roadmap: Roadmap): string {
  return canonicalHash(roadmap);
}

/** Thrown inside the publish transaction when the roadmap is no longer the one previewed: everything rolls back. */
export class RoadmapChanged extends Error {
  constructor(readonly roadmapHash: string) {
    super("The roadmap changed after it was previewed");
  }
}

/**
 * Publishes a draft update: milestones without a baseline take their current forecast as baseline,
 * the roadmap is frozen into a snapshot, the update is marked published, and an audit event is written.
 * Call it inside a transaction: either all of that happens or none of it. With `expectedRoadmapHash` (what
 * the editor previewed), a roadmap that has changed since throws RoadmapChanged before anything is kept.
 */
export async function publishUpdate(
  tx: Db,
  input: {
    programmeSlug: string;
    updateSlug: string;
    publishedOn: string;
    publishedAt: Date;
    publishedByName: string;
    actor: Actor;
    expectedRoadmapHash?: string;
  },
): Promise<SnapshotContent> {
  const [row] = await tx
    .select({ update: t.quarterlyUpdates, programmeId: t.programmes.id })
    .from(t.quarterlyUpdates)
    .innerJoin(t.programmes, eq(t.programmes.id, t.quarterlyUpdates.programmeId))
    .where(and(eq(t.programmes.slug, input.programmeSlug), eq(t.quarterlyUpdates.slug, input.updateSlug)))
    .for("update");
  if (!row) throw new Error(`No update ${input.updateSlug} in ${input.programmeSlug}`);
  if (row.update.state !== "draft") throw new Error(`Update ${input.updateSlug} is already published`);

  await tx.execute(sql`
    UPDATE ${t.milestones} SET baseline_on = forecast_on, baseline_precision = forecast_precision
    FROM ${t.products}
    WHERE ${t.products.id} = ${t.milestones.productId} AND ${t.products.programmeId} = ${row.programmeId}
      AND ${t.milestones.baselineOn} IS NULL`);

  const roadmap = await loadRoadmap(tx, input.programmeSlug);
  if (!roadmap) throw new Error(`No programme ${input.programmeSlug}`);
  // Compared after the baselines are set, as the preview shows them (lib/updates/workflow.ts draftPreview).
  if (input.expectedRoadmapHash !== undefined) {
    const found = roadmapHash(roadmap);
    if (found !== input.expectedRoadmapHash) throw new RoadmapChanged(found);
  }
  const update: UpdateSummary = {
    ...toUpdateSummary(row.update),
    state: "published",
    publishedOn: input.publishedOn,
    publishedAt: input.publishedAt.toISOString(),
    publishedByName: input.publishedByName,
  };
  const content: SnapshotContent = { formatVersion: 1, update, roadmap };
  const hash = contentHash(content);

  const [snapshot] = await tx
    .insert(t.snapshots)
    .values({ updateId: row.update.id, content, contentHash: hash })
    .returning({ id: t.snapshots.id });
  await tx
    .update(t.quarterlyUpdates)
    .set({
      state: "published",
      publishedOn: input.publishedOn,
      publishedAt: input.publishedAt,
      publishedByName: input.publishedByName,
      publishedByUserId: input.actor.userId,
      version: sql`${t.quarterlyUpdates.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(t.quarterlyUpdates.id, row.update.id));
  await recordAudit(tx, {
    actor: input.actor,
    action: "update.published",
    entityType: "quarterly_update",
    entityId: row.update.slug,
    before: { state: "draft" },
    after: { state: "published", snapshotId: snapshot?.id, contentHash: hash },
  });
  return content;
}

export type PublishedUpdate = UpdateSummary & { snapshotId: number; contentHash: string };

/** Published updates of a programme, newest first. */
export async function listPublishedUpdates(db: Db, programmeSlug: string): Promise<PublishedUpdate[]> {
  const rows = await db
    .select({ update: t.quarterlyUpdates, snapshotId: t.snapshots.id, contentHash: t.snapshots.contentHash })
    .from(t.quarterlyUpdates)
    .innerJoin(t.programmes, eq(t.programmes.id, t.quarterlyUpdates.programmeId))
    .innerJoin(t.snapshots, eq(t.snapshots.updateId, t.quarterlyUpdates.id))
    .where(and(eq(t.programmes.slug, programmeSlug), eq(t.quarterlyUpdates.state, "published")))
    .orderBy(desc(t.quarterlyUpdates.year), desc(t.quarterlyUpdates.quarter));
  return rows.map((r) => ({ ...toUpdateSummary(r.update), snapshotId: r.snapshotId, contentHash: r.contentHash }));
}

export type StoredSnapshot = { id: number; contentHash: string; content: SnapshotContent };

/** A snapshot's stored (compressed) size, which bounds the cache. */
const storedBytes = sql<number>`pg_column_size(${t.snapshots.content})`.mapWith(Number);

/**
 * The content column of a snapshot query, left out (NULL) for snapshots already held in memory
 * (lib/roadmap/snapshot-cache.ts): one round trip either way, and a cached roadmap is not sent again.
 * `held` keeps the cached contents as they were when the query was made, so a snapshot that leaves the
 * cache meanwhile (another request filled it) is still there for this one.
 */
function contentUnlessCached(db: Db) {
  const held = cachedSnapshots(db);
  const column = (held.size ? sql`CASE WHEN ${inArray(t.snapshots.id, [...held.keys()])} THEN NULL ELSE ${t.snapshots.content} END` : sql`${t.snapshots.content}`).mapWith(
    t.snapshots.content,
  );
  const contentOf = (row: { id: number; content: unknown; bytes: number }): SnapshotContent => {
    const kept = held.get(row.id);
    if (!kept) return keepSnapshot(db, row.id, row.content as SnapshotContent, row.bytes);
    cachedSnapshot(db, row.id); // marks it recently used
    return kept;
  };
  return { column, contentOf };
}

/** A published update's snapshot; `updateSlug` omitted means the latest published one. Its content is frozen. */
export async function readSnapshot(db: Db, programmeSlug: string, updateSlug?: string): Promise<StoredSnapshot | null> {
  const { column, contentOf } = contentUnlessCached(db);
  const [row] = await db
    .select({ id: t.snapshots.id, contentHash: t.snapshots.contentHash, bytes: storedBytes, content: column })
    .from(t.snapshots)
    .innerJoin(t.quarterlyUpdates, eq(t.quarterlyUpdates.id, t.snapshots.updateId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.quarterlyUpdates.programmeId))
    .where(
      and(
        eq(t.programmes.slug, programmeSlug),
        eq(t.quarterlyUpdates.state, "published"),
        updateSlug === undefined ? undefined : eq(t.quarterlyUpdates.slug, updateSlug),
      ),
    )
    .orderBy(desc(t.quarterlyUpdates.year), desc(t.quarterlyUpdates.quarter))
    .limit(1);
  return row ? { id: row.id, contentHash: row.contentHash, content: contentOf(row) } : null;
}

/** The content of several snapshots by id, in one round trip at most (none when all are held). */
export async function readSnapshotContents(db: Db, ids: number[]): Promise<Map<number, SnapshotContent>> {
  const found = new Map<number, SnapshotContent>();
  const missing = ids.filter((id) => {
    const cached = cachedSnapshot(db, id);
    if (cached) found.set(id, cached);
    return !cached;
  });
  if (missing.length) {
    const rows = await db
      .select({ id: t.snapshots.id, bytes: storedBytes, content: t.snapshots.content })
      .from(t.snapshots)
      .where(inArray(t.snapshots.id, missing));
    for (const row of rows) found.set(row.id, keepSnapshot(db, row.id, row.content as SnapshotContent, row.bytes));
  }
  return found;
}

/** A file made from a snapshot, if it has been made before: from memory once this process has read it. */
export async function readSnapshotExport(db: Db, snapshotId: number, kind: string): Promise<StoredExport | null> {
  const cached = cachedExport(db, snapshotId, kind);
  if (cached) return cached;
  const [row] = await db
    .select({ body: t.snapshotExports.body, contentType: t.snapshotExports.contentType })
    .from(t.snapshotExports)
    .where(and(eq(t.snapshotExports.snapshotId, snapshotId), eq(t.snapshotExports.kind, kind)));
  return row ? keepExport(db, snapshotId, kind, row) : null;
}

/** Keeps a file made from a snapshot. If another instance kept one first, theirs stands. */
export async function keepSnapshotExport(db: Db, snapshotId: number, kind: string, contentType: string, body: Buffer) {
  await db.insert(t.snapshotExports).values({ snapshotId, kind, contentType, body }).onConflictDoNothing();
}


/**
 * Whether the latest published snapshot has a product with this slug, asked of the database (a JSONB
 * containment test) rather than by loading the snapshot: the proxy asks it before every product page.
 */
export async function publishedProductExists(db: Db, programmeSlug: string, productSlug: string, milestoneId?: number): Promise<boolean> {
  const probe = milestoneId === undefined ? [{ slug: productSlug }] : [{ slug: productSlug, milestones: [{ id: milestoneId }] }];
  const rows = await rowsOf<{ found: boolean }>(
    db,
    sql`SELECT s.content -> 'roadmap' -> 'products' @> ${JSON.stringify(probe)}::jsonb AS found
        FROM ${t.snapshots} s
        JOIN ${t.quarterlyUpdates} u ON u.id = s.update_id
        JOIN ${t.programmes} p ON p.id = u.programme_id
        WHERE p.slug = ${programmeSlug} AND u.state = 'published'
        ORDER BY u.year DESC, u.quarter DESC LIMIT 1`,
  );
  return rows[0]?.found === true;
}

/** Whether an update with this slug is published (without loading its snapshot). */
export async function publishedUpdateExists(db: Db, programmeSlug: string, updateSlug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: t.quarterlyUpdates.id })
    .from(t.quarterlyUpdates)
    .innerJoin(t.programmes, eq(t.programmes.id, t.quarterlyUpdates.programmeId))
    .where(and(eq(t.programmes.slug, programmeSlug), eq(t.quarterlyUpdates.slug, updateSlug), eq(t.quarterlyUpdates.state, "published")));
  return row !== undefined;
}
