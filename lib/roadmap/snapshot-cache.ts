/**
 * Published snapshots never change (the database refuses it), so their parsed content is kept in
 * memory once read: a page asks the database which snapshot it needs (a small row) and gets the
 * content from here, instead of fetching and parsing the whole roadmap again on every request.
 *
 * Kept per database handle (tests open several databases in one process; their snapshot ids
 * overlap) and on globalThis, so the proxy's bundle and the pages' share one cache. Bounded by the
 * snapshots' stored size, least recently used first out. Cached content is frozen: a caller that
 * tried to change it would be changing every later reader's copy.
 */
import type { Db } from "@/lib/db/client";
import type { SnapshotContent } from "./types";

/** Stored (compressed) bytes kept at most; the parsed objects take a few times more. */
const LIMIT_BYTES = 64 * 1024 * 1024;

type Entry = { content: SnapshotContent; bytes: number };
type Cache = { entries: Map<number, Entry>; bytes: number };

const holder = globalThis as unknown as { nledpSnapshotCache?: WeakMap<Db, Cache> };

function cacheFor(db: Db): Cache {
  holder.nledpSnapshotCache ??= new WeakMap();
  let cache = holder.nledpSnapshotCache.get(db);
  if (!cache) holder.nledpSnapshotCache.set(db, (cache = { entries: new Map(), bytes: 0 }));
  return cache;
}

/** The ids of the snapshots already held, for a query to leave their content out. */
export function cachedSnapshotIds(db: Db): number[] {
  return [...cacheFor(db).entries.keys()];
}

export function cachedSnapshot(db: Db, id: number): SnapshotContent | undefined {
  const cache = cacheFor(db);
  const entry = cache.entries.get(id);
  if (!entry) return undefined;
  cache.entries.delete(id); // re-inserted last: the Map's order is the recency order
  cache.entries.set(id, entry);
  return entry.content;
}

/** Keeps a snapshot's content (frozen) and returns it. */
export function keepSnapshot(db: Db, id: number, content: SnapshotContent, bytes: number): SnapshotContent {
  const cache = cacheFor(db);
  const frozen = deepFreeze(content);
  if (bytes > LIMIT_BYTES) return frozen;
  const old = cache.entries.get(id);
  if (old) cache.bytes -= old.bytes;
  cache.entries.set(id, { content: frozen, bytes });
  cache.bytes += bytes;
  for (const [oldest, entry] of cache.entries) {
    if (cache.bytes <= LIMIT_BYTES) break;
    cache.entries.delete(oldest);
    cache.bytes -= entry.bytes;
  }
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
