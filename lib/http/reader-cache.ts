/**
 * The readers' page cache. A signed-in reader's read-only pages (overview, timeline, product and
 * milestone pages, the published updates, their comparison and their files) are kept whole once
 * rendered, and sent again without rendering while nothing they show can have changed. server.mjs asks
 * it before Next.js sees a request: a kept page is sent at once; otherwise Next.js renders it as usual
 * and the response is kept on its way out.
 *
 * Why a kept page is still right:
 * - it is kept per reader (their name, role and quarter style are on it), per address with its query,
 *   and per day in London (the timeline's today line);
 * - and per database snapshot: `pg_current_snapshot()` changes whenever a transaction that wrote
 *   ends, on this server or any other sharing the database server (on PGlite, which only this process
 *   can open, the count of writes made through it stands in for it: lib/db/client.ts). It is read
 *   before the page is rendered, so a write that lands while the page renders moves it on, and the page
 *   is kept under a snapshot no later request will see (and not kept at all once a later one is seen).
 * - Every request still checks the session as the proxy does (the token, the account active, the
 *   session version), in the same database round trip that reads the snapshot. A role change is a
 *   write, so the page is rendered again and the proxy decides.
 * - Each copy sent gets a fresh CSP nonce (page-store.ts).
 * A request with Cache-Control: no-cache (a hard reload; the bench, to time rendering) is rendered
 * afresh, and what it gets is kept. Only plain GETs are kept: not Next.js's client navigations (RSC),
 * conditional or range requests, API-token requests, or anything answered other than 200 or with a cookie.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { honoursSession, readSession, sessionCookieName } from "@/lib/auth/session";
import { todayInLondon } from "@/lib/dates/period";
import { rowsOf } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { PageStore, type StoredHeaders } from "./page-store";

const READ_PAGES = [
  /^\/$/,
  /^\/roadmap$/,
  /^\/timeline$/,
  /^\/products\/(?!new$)[^/]+$/,
  /^\/products\/[^/]+\/milestones\/\d+$/,
  /^\/updates$/,
  /^\/updates\/[^/]+$/,
  /^\/updates\/[^/]+\/(pdf|json|milestones-csv)$/,
  /^\/updates\/compare\/csv$/,
];

/** Request headers that make a response other than the plain page: Next.js's own fetches, conditions, tokens. */
const NOT_PLAIN = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "authorization", "if-none-match", "if-modified-since", "if-range", "range"];

/** Response headers the server writes for each response itself. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json))/;

const gzipAsync = promisify(gzip);

type ReaderRow = { snapshot: string; active: boolean; sessionVersion: number };

const MAX_READERS = 10_000;

/** fresh: the reader asked for a fresh copy (a hard reload's Cache-Control: no-cache); it is kept all the same. */
export type Consulted = { key: string; snapshot: string; acceptsGzip: boolean; fresh: boolean };

/**
 * The session cookie, when the request has exactly one. With two (one planted by someone else, say),
 * which of them Next.js reads is its parser's business: the page could be rendered for one reader and
 * kept for the other, so such a request is left to Next.js alone.
 */
export function soleCookieValue(header: string | undefined, name: string): string | undefined {
  const found: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) found.push(part.slice(at + 1).trim());
  }
  return found.length === 1 && (header ?? "").split(`${name}=`).length === 2 ? found[0] : undefined;
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return String(header ?? "")
    .split(",")
    .some((part) => {
      const [coding, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith("q="));
      return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
    });
}

/**
 * Whether snapshot `a` ("xmin:xmax:xip,…") is later than `b`: a higher xmax, or the same xmax with
 * fewer transactions still in progress. Answers from the pool's connections come back in any order.
 */
export function isLaterSnapshot(a: string, b: string | null): boolean {
  if (b === null) return true;
  const [, xmaxA, xipA = ""] = a.split(":");
  const [, xmaxB, xipB = ""] = b.split(":");
  const [ma, mb] = [BigInt(xmaxA ?? "0"), BigInt(xmaxB ?? "0")];
  if (ma !== mb) return ma > mb;
  const count = (xip: string) => (xip ? xip.split(",").length : 0);
  return count(xipA) < count(xipB);
}

/** A request the cache may answer: a plain GET of a read-only page with a session cookie. */
export function isCacheable(method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"]): boolean {
  if (method !== "GET" || !url) return false;
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  if (!READ_PAGES.some((p) => p.test(pathname))) return false;
  if (query !== -1 && /[?&]_rsc=/.test(url)) return false;
  return !NOT_PLAIN.some((h) => headers[h] !== undefined);
}

function storedHeaders(response: ServerResponse, written: OutgoingHttpHeaders | undefined): StoredHeaders | null {
  const all = { ...response.getHeaders(), ...(written ?? {}) };
  const headers: StoredHeaders = {};
  for (const [name, value] of Object.entries(all)) {
    const lower = name.toLowerCase();
    if (value === undefined || PER_RESPONSE.has(lower)) continue;
    if (lower === "set-cookie" || lower === "content-encoding") return null;
    headers[lower] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return headers;
}

export class ReaderCache {
  readonly store: PageStore;
  private snapshot: string | null = null;
  /** Bytes held by responses still being captured: together, no more than the store may hold. */
  private capturing = 0;
  /** PGlite: each reader's account as last read, with the count of writes it was read at. */
  private readonly readers = new Map<number, ReaderRow>();

  constructor(maxBytes: number) {
    this.store = new PageStore(maxBytes);
  }

  /**
   * For a request the cache may answer: its key, once the session is checked and the database's
   * snapshot read. Null for any other request (Next.js answers it, and its proxy decides).
   */
  async consult(request: IncomingMessage): Promise<Consulted | null> {
    if (!isCacheable(request.method, request.url, request.headers)) return null;
    const session = await readSession(soleCookieValue(request.headers.cookie, sessionCookieName()));
    if (!session) return null;
    const { userId } = session;
    const row = await this.readerAndSnapshot(userId);
    if (!honoursSession(row, session)) return null;
    if (row.snapshot !== this.snapshot && isLaterSnapshot(row.snapshot, this.snapshot)) {
      // Everything kept was kept under an older snapshot, which no request will read again.
      this.store.clear();
      this.snapshot = row.snapshot;
    }
    const fresh = /\bno-(cache|store)\b/.test(`${request.headers["cache-control"] ?? ""} ${request.headers.pragma ?? ""}`);
    return {
      key: [userId, todayInLondon(), row.snapshot, request.url].join("\n"),
      snapshot: row.snapshot,
      acceptsGzip: acceptsGzip(request.headers["accept-encoding"]),
      fresh,
    };
  }

  /**
   * The reader's account and the database's snapshot. On PostgreSQL, one query. On PGlite, which only
   * this process writes, the snapshot is the count of writes (client.ts), and the account is read again
   * only when that count has moved: a page sent from the cache then needs no query at all.
   */
  private async readerAndSnapshot(userId: number): Promise<ReaderRow | null> {
    const connection = await openAppDatabase();
    const writes = connection.writes();
    if (writes === null) {
      const [row] = await rowsOf<ReaderRow>(
        connection.db,
        sql`SELECT pg_current_snapshot()::text AS snapshot, ${users.active} AS active, ${users.sessionVersion} AS "sessionVersion" FROM ${users} WHERE ${users.id} = ${userId}`,
      );
      return row ?? null;
    }
    // In the snapshot's own form (xmin:xmax:in-progress), so one ordering serves both databases.
    const snapshot = `0:${writes}:`;
    const known = this.readers.get(userId);
    if (known?.snapshot === snapshot) return known;
    const [row] = await rowsOf<Omit<ReaderRow, "snapshot">>(
      connection.db,
      sql`SELECT ${users.active} AS active, ${users.sessionVersion} AS "sessionVersion" FROM ${users} WHERE ${users.id} = ${userId}`,
    );
    if (!row) return null;
    if (this.readers.size >= MAX_READERS) this.readers.clear();
    // Kept under the count read before the query: a write since then makes the next request read it again.
    this.readers.set(userId, { ...row, snapshot });
    return { ...row, snapshot };
  }

  /** Sends the page kept under the key, if there is one. */
  async answer(consulted: Consulted, response: ServerResponse): Promise<boolean> {
    if (consulted.fresh) return false;
    const page = this.store.take(consulted.key, Buffer.from(randomUUID()).toString("base64"));
    if (!page) return false;
    let body = page.body;
    let length = page.length;
    const headers: OutgoingHttpHeaders = { ...page.headers, "x-reader-cache": "hit" };
    if (consulted.acceptsGzip && length > 1024 && COMPRESSIBLE.test(String(page.headers["content-type"] ?? ""))) {
      const zipped = await gzipAsync(Buffer.concat(body, length), { level: 1 });
      body = [zipped];
      length = zipped.length;
      headers["content-encoding"] = "gzip";
      const vary = String(page.headers.vary ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) headers.vary = [vary, "Accept-Encoding"].filter(Boolean).join(", ");
    }
    headers["content-length"] = String(length);
    response.writeHead(200, headers);
    // One write of all the pieces (writev) rather than a copy of the page joined up.
    response.cork();
    for (const piece of body) response.write(piece);
    response.uncork();
    response.end();
    return true;
  }

  /**
   * Keeps the response Next.js is about to write, once it is whole. Next.js is asked for it
   * uncompressed (the cache compresses each copy it sends instead).
   */
  capture(consulted: Consulted, request: IncomingMessage, response: ServerResponse): void {
    delete request.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    let bytes = 0;
    let keepable = true;
    let written: OutgoingHttpHeaders | undefined;
    const release = () => {
      this.capturing -= bytes;
      bytes = 0;
      chunks.length = 0;
    };
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!keepable || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      if (bytes + buffer.length > this.store.maxEntryBytes || this.capturing + buffer.length > this.store.maxBytes) {
        keepable = false;
        release();
        return;
      }
      bytes += buffer.length;
      this.capturing += buffer.length;
      chunks.push(buffer);
    };
    const { writeHead, write, end } = response;
    response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = args.find((a) => a !== null && typeof a === "object");
      if (Array.isArray(headers)) keepable = false;
      else if (headers) written = headers as OutgoingHttpHeaders;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["writeHead"];
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
    } as ServerResponse["write"];
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];
    response.setHeader("x-reader-cache", "miss");
    // "close" comes after "finish" for a whole response, and alone for one cut short (never kept).
    response.once("finish", () => {
      // Kept only while its snapshot is the latest seen: an older one's key will not be asked for again.
      if (!keepable || response.statusCode !== 200 || consulted.snapshot !== this.snapshot) return;
      const headers = storedHeaders(response, written);
      if (headers) this.store.keep(consulted.key, headers, Buffer.concat(chunks));
    });
    response.once("close", release);
  }
}

const READER_CACHE = Symbol.for("nledp.readerCache");

/** Puts the cache where server.mjs finds it (none when READER_CACHE_MB is 0). */
export function installReaderCache(): void {
  const megabytes = env().READER_CACHE_MB;
  const holder = globalThis as unknown as Record<symbol, ReaderCache | undefined>;
  if (megabytes > 0) holder[READER_CACHE] ??= new ReaderCache(megabytes * 1024 * 1024);
}
