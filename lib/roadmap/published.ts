/**
 * What the read-only pages show: published snapshots only, never a draft. Memoised per request.
 */
import { cache } from "react";
import { getDb } from "@/lib/db";
import { NLEDP_SLUG } from "@/lib/db/seed/nledp";
import { listPublishedUpdates, readSnapshot, readSnapshotContents, type PublishedUpdate } from "./snapshot";
import type { SnapshotContent } from "./types";

/** The programme the app shows. The schema holds many; the screens show NLEDP's. */
export const PROGRAMME_SLUG = NLEDP_SLUG;

export const latestSnapshot = cache(async () => readSnapshot(await getDb(), PROGRAMME_SLUG));

export const snapshotOf = cache(async (updateSlug: string) => readSnapshot(await getDb(), PROGRAMME_SLUG, updateSlug));

export const publishedUpdates = cache(async () => listPublishedUpdates(await getDb(), PROGRAMME_SLUG));

/**
 * The published updates with their snapshots, newest first (the latest `limit` of them, or all), for
 * the history tables: two round trips at most however many updates there are, one once their
 * snapshots are held in memory.
 */
export const publishedHistory = cache(async (limit: number = Infinity): Promise<{ update: PublishedUpdate; content: SnapshotContent | null }[]> => {
  const updates = (await publishedUpdates()).slice(0, limit);
  const contents = await readSnapshotContents(await getDb(), updates.map((u) => u.snapshotId));
  return updates.map((update) => ({ update, content: contents.get(update.snapshotId) ?? null }));
});

/** Update slugs are "2021-q4": anything else cannot name one, so it is a 404 before any query. */
export function isUpdateSlug(slug: string): boolean {
  return /^\d{4}-q[1-4]$/.test(slug);
}

/** A published update by slug with the slug of the one before it, or null (for a 404) when there is none. */
export const publishedUpdateWithPrevious = cache(async (slug: string) => {
  if (!isUpdateSlug(slug)) return null;
  const snapshot = await snapshotOf(slug);
  if (!snapshot) return null;
  const updates = await publishedUpdates();
  const previousSlug = updates[updates.findIndex((u) => u.slug === slug) + 1]?.slug ?? null;
  return { snapshot, previousSlug };
});
