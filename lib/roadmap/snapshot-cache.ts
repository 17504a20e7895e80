/**
 * Published snapshots never change (the database refuses it), nor do the files made from them, so
 * both are kept in memory once read: a page asks the database which snapshot it needs (a small row)
 * and gets the content from here, instead of fetching and parsing the whole roadmap again on every
 * request; a kept PDF is served without reading it from the database again.
 *
 * Kept per database handle (tests open several databases in one process; their snapshot ids
 * overlap) and on globalThis, so the proxy's bundle and the pages' share one cache. Each kind is
 * bounded by size, least recently used first out. Cached content is frozen: a caller that tried to
 * change it would be changing every later reader's copy.
 */
import type { Db } from "@/lib/db/client";
import type { SnapshotContent } from "./types";

/** Stored (compressed) bytes of snapshots kept at most; the parsed objects take a few times more. */
const LIMIT_BYTES = 64 * 1024 * 1024;
/** Bytes of exported files (PDFs) kept at most. */
const EXPORT_LIMIT_BYTES = 64 * 1024 * 1024;

type Sized<T> = { value: T; bytes: number };
type Lru<K, T> = { entries: Map<K, Sized<T>>; bytes: number; limit: number };
type Caches = { snapshots: Lru<number, SnapshotContent>; exports: Lru<string, StoredExport> };
export type StoredExport = { body: Buffer; contentType: string };

const holder = globalThis as unknown as { nledpSnapshotCache?: WeakMap<Db, Caches> };

function cachesFor(db: Db): Caches {
  holder.nledpSnapshotCache ??= new WeakMap();
  let caches = holder.nledpSnapshotCache.get(db);
  if (!caches) {
    caches = { snapshots: { entries: new Map(), bytes: 0, limit: LIMIT_BYTES }, exports: { entries: new Map(), bytes: 0, limit: EXPORT_LIMIT_BYTES } };
    holder.nledpSnapshotCache.set(db, caches);
  }
  return caches;
}

function lruGet<K, T>(lru: Lru<K, T>, key: K): T | undefined {
  const entry = lru.entries.get(key);
  if (!entry) return undefined;
  lru.entries.delete(key); // re-inserted last: the Map's order is the recency order
  lru.entries.set(key, entry);
  return entry.value;
}

function lruSet<K, T>(lru: Lru<K, T>, key: K, value: T, bytes: number): void {
  if (bytes > lru.limit) return;
  const old = lru.entries.get(key);
  if (old) lru.bytes -= old.bytes;
  lru.entries.set(key, { value, bytes });
  lru.bytes += bytes;
  for (const [oldest, entry] of lru.entries) {
    if (lru.bytes <= lru.limit) break;
    lru.entries.delete(oldest);
    lru.bytes -= entry.bytes;
  }
}

/** The snapshots already held, by id, for a query to leave their content out (their recency unchanged). */
export function cachedSnapshots(db: Db): Map<number, SnapshotContent> {
  return new Map([...cachesFor(db).snapshots.entries].map(([id, entry]) => [id, entry.value]));
}

export function cachedSnapshot(db: Db, id: number): SnapshotContent | undefined {
  return lruGet(cachesFor(db).snapshots, id);
}

/** Keeps a snapshot's content (frozen) and returns it. */
export function keepSnapshot(db: Db, id: number, content: SnapshotContent, bytes: number): SnapshotContent {
  const frozen = deepFreeze(content);
  lruSet(cachesFor(db).snapshots, id, frozen, bytes);
  return frozen;
}

/** A file made from a snapshot (a PDF), if this process has read it before. */
export function cachedExport(db: Db, snapshotId: number, kind: string): StoredExport | undefined {
  return lruGet(cachesFor(db).exports, `${snapshotId}:${kind}`);
}

export function keepExport(db: Db, snapshotId: number, kind: string, file: StoredExport): StoredExport {
  lruSet(cachesFor(db).exports, `${snapshotId}:${kind}`, file, file.body.length);
  return file;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
