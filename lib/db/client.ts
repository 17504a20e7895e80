/**
 * Opens the database: node-postgres when DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled
 * to WebAssembly, in-process) in a folder under ./data. Same schema, same migrations, same queries.
 */
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Runs `work` while holding the one-at-a-time lock used for migrations and seeding. */
  exclusive<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * PGlite only: how many statements or transactions that may have written have ended. Only this
   * process can write to its folder (folder-lock.ts), so an unchanged count means unchanged data.
   * Null for PostgreSQL, which other servers may write to (read pg_current_snapshot() there).
   */
  writes(): number | null;
  close(): Promise<void>;
};

export type ConnectionOptions = { url: string } | { pgliteDir: string } | { pgliteInMemory: true };

/** Advisory lock key shared by every instance, so only one migrates and seeds at a time. */
const MIGRATION_LOCK = 7_021_007;

export async function connect(options: ConnectionOptions): Promise<Connection> {
  if ("url" in options) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // A server that accepts connections but never answers must not hang every request.
    const pool = new Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5_000, query_timeout: 30_000 });
    // A connection the server drops (restart, idle timeout) is logged and replaced, not fatal.
    pool.on("error", (error) => console.error("Database connection lost:", error.message));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      async exclusive(work) {
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
          return await work(drizzle(client, { schema }) as unknown as Db);
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      writes: () => null,
      close: () => pool.end(),
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let client: InstanceType<typeof PGlite>;
  if ("pgliteDir" in options) {
    const { lockFolder } = await import("./folder-lock");
    release = lockFolder(options.pgliteDir);
    try {
      client = new PGlite(options.pgliteDir);
      await client.waitReady;
    } catch (error) {
      release(); // a folder that cannot be opened must not stay locked by us
      throw error;
    }
  } else {
    client = new PGlite();
    await client.waitReady;
  }
  const writes = countWrites(client);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    writes,
    // One process, one connection: PGlite already runs one query at a time.
    exclusive: (work) => work(db),
    async close() {
      await client.close();
      release();
    },
  };
}

type Counted = { query: (...args: never[]) => Promise<unknown>; exec: (...args: never[]) => Promise<unknown>; transaction: (...args: never[]) => Promise<unknown> };

/**
 * Counts, on a PGlite client, every statement that is not a plain SELECT and every transaction (Drizzle
 * runs each write in one, or as a statement of its own), once it has ended, committed or not. The count
 * moves before the caller's code goes on, so a request made after a write sees the new count.
 */
function countWrites(client: Counted): () => number {
  let count = 0;
  const after = <T>(promise: Promise<T>): Promise<T> =>
    promise.then(
      (result) => {
        count++;
        return result;
      },
      (error) => {
        count++;
        throw error;
      },
    );
  const { query, exec, transaction } = client;
  client.query = ((...args: never[]) => {
    const result = query.apply(client, args);
    return /^\s*select\b/i.test(String(args[0])) ? result : after(result);
  }) as Counted["query"];
  client.exec = ((...args: never[]) => after(exec.apply(client, args))) as Counted["exec"];
  client.transaction = ((...args: never[]) => after(transaction.apply(client, args))) as Counted["transaction"];
  return () => count;
}

/** Rows of a raw SQL query; node-postgres and PGlite both answer with `rows`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
