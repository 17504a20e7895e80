/**
 * Whole responses kept in memory, at most `maxBytes` of them, the least recently sent going first.
 * Each is kept with the CSP nonce it was rendered with, and every copy sent gets a fresh one in its
 * body and headers: a nonce is only worth anything if no two responses share it.
 */
export type StoredHeaders = Record<string, string | string[]>;

/** body: the page in pieces (the kept bytes around each fresh nonce), to be written without joining them. */
export type KeptPage = { headers: StoredHeaders; body: Buffer[]; length: number };

type Entry = { headers: StoredHeaders; body: Buffer; nonce: string | null; nonceAt: number[]; bytes: number };

/** The nonce in a Content-Security-Policy header (`'nonce-…'`), if it has one. */
export function nonceOf(csp: string | string[] | undefined): string | null {
  const match = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(String(csp ?? ""));
  return match?.[1] ?? null;
}

function offsetsOf(body: Buffer, needle: string): number[] {
  const offsets: number[] = [];
  const bytes = Buffer.from(needle);
  for (let at = body.indexOf(bytes); at !== -1; at = body.indexOf(bytes, at + bytes.length)) offsets.push(at);
  return offsets;
}

function restamp(entry: Entry, nonce: string): KeptPage {
  const length = entry.body.length + entry.nonceAt.length * (nonce.length - (entry.nonce?.length ?? 0));
  if (entry.nonce === null) return { headers: entry.headers, body: [entry.body], length };
  const old = entry.nonce;
  const headers: StoredHeaders = {};
  for (const [name, value] of Object.entries(entry.headers)) {
    headers[name] = Array.isArray(value) ? value.map((v) => v.split(old).join(nonce)) : value.split(old).join(nonce);
  }
  // A file (a PDF) has its nonce in its headers only: its body is sent as kept.
  if (entry.nonceAt.length === 0) return { headers, body: [entry.body], length };
  const fresh = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (const at of entry.nonceAt) {
    parts.push(entry.body.subarray(from, at), fresh);
    from = at + old.length;
  }
  parts.push(entry.body.subarray(from));
  return { headers, body: parts, length };
}

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number = Math.floor(maxBytes / 8),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** Keeps a page (the cache keeps 200s only); false when it is too big to keep. */
  keep(key: string, headers: StoredHeaders, body: Buffer): boolean {
    const nonce = nonceOf(headers["content-security-policy"]);
    const bytes = body.length + key.length + JSON.stringify(headers).length;
    if (bytes > this.maxEntryBytes) return false;
    this.forget(key);
    this.entries.set(key, { headers, body, nonce, nonceAt: nonce ? offsetsOf(body, nonce) : [], bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return true;
  }

  /** The page kept under `key`, stamped with `nonce` where it had its own, or null. */
  take(key: string, nonce: string): KeptPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    this.entries.set(key, entry); // now the most recently used
    return restamp(entry, nonce);
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
