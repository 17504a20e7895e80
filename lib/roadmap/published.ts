/**
 * What the read-only pages show: published snapshots only, never a draft. Memoised per request.
 */
import { cache } from "react";
import { getDb } from "@/lib/db";
import { NLEDP_SLUG } from "@/lib/db/seed/nledp";
import { listPublishedUpdates, readSnapshot } from "./snapshot";

/** The programme the app shows. The schema holds many; the screens show NLEDP's. */
export const PROGRAMME_SLUG = NLEDP_SLUG;

export const latestSnapshot = cache(async () => readSnapshot(await getDb(), PROGRAMME_SLUG));

export const snapshotOf = cache(async (updateSlug: string) => readSnapshot(await getDb(), PROGRAMME_SLUG, updateSlug));

export const publishedUpdates = cache(async () => listPublishedUpdates(await getDb(), PROGRAMME_SLUG));

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
