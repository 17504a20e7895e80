/**
 * Databases for integration tests. `sharedDatabase()` is the run's database from the global setup,
 * migrated and seeded (the app's own start-up path, safe to run from several test files at once);
 * tests on it may read, and may try writes the database must refuse, but must leave it as they found it.
 * A test that changes data or needs an empty database makes its own with `createScratchDatabase()`.
 */
import type { SQL } from "drizzle-orm";
import { inject } from "vitest";
import { connect, type Connection, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedIfEmpty } from "@/lib/db/seed";
import { createDatabase, dropDatabase, scratchDatabaseName } from "./test-databases.mjs";

export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> };

/** A new empty database on the test server; `drop()` removes it (the global teardown does too). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = inject("testAdminUrl");
  const name = scratchDatabaseName(inject("testDatabaseName"));
  const url = await createDatabase(adminUrl, name);
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}

/** Migrates and seeds, as the app does when it starts. Returns whether this call seeded. */
export async function migrateAndSeed(connection: Connection): Promise<boolean> {
  await migrateDatabase(connection);
  return connection.exclusive((db) => seedIfEmpty(db));
}

/** A connection to the run's shared database, migrated and seeded with the October 2021 roadmap. */
export async function sharedDatabase(): Promise<Connection> {
  const connection = await connect({ url: inject("testDatabaseUrl") });
  try {
    await migrateAndSeed(connection);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}

/** A scratch database and a connection to it; `dispose()` closes the connection and drops the database. */
export async function scratchConnection(): Promise<{ connection: Connection; url: string; dispose: () => Promise<void> }> {
  const scratch = await createScratchDatabase();
  const connection = await connect({ url: scratch.url });
  return {
    connection,
    url: scratch.url,
    async dispose() {
      await connection.close();
      await scratch.drop();
    },
  };
}

/** A migrated (not seeded) scratch database for a test file: call in beforeAll, dispose in afterAll. */
export async function migratedScratch(): Promise<{ db: Db; url: string; dispose: () => Promise<void> }> {
  const scratch = await scratchConnection();
  await migrateDatabase(scratch.connection);
  return { db: scratch.connection.db, url: scratch.url, dispose: scratch.dispose };
}

/** A scratch database migrated and seeded with the October 2021 roadmap, for a test file that changes it. */
export async function seededScratch(): Promise<{ db: Db; url: string; dispose: () => Promise<void> }> {
  const scratch = await scratchConnection();
  await migrateAndSeed(scratch.connection);
  return { db: scratch.connection.db, url: scratch.url, dispose: scratch.dispose };
}

/**
 * Rows of a raw SQL query. `Db` is typed for both drivers, so `execute` returns `unknown`; node-postgres
 * and PGlite both answer with `{ rows }`.
 */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
