/**
 * Every start of every instance migrates and seeds. Starting again, or several instances starting at
 * once against one PostgreSQL server, must never duplicate the seed.
 */
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedIfEmpty } from "@/lib/db/seed";
import { createScratchDatabase, migrateAndSeed, queryRows, type ScratchDatabase } from "../setup/database";

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function open(scratch: ScratchDatabase): Promise<Connection> {
  const connection = await connect({ url: scratch.url });
  cleanup.push(() => connection.close());
  return connection;
}

async function scratch(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase();
  cleanup.push(() => database.drop());
  return database;
}

/** Row count of every table in the public schema, so a table added later is covered too. */
async function rowCounts(connection: Connection): Promise<Record<string, number>> {
  const tables = await queryRows<{ tablename: string }>(
    connection.db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await queryRows<{ n: number }>(connection.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(tablename)}`);
    counts[tablename] = row?.n ?? -1;
  }
  return counts;
}

it("seeds an empty database once; a second seed does nothing", async () => {
  const connection = await open(await scratch());
  await migrateDatabase(connection);

  expect(await connection.exclusive((db) => seedIfEmpty(db))).toBe(true);
  const afterFirst = await rowCounts(connection);
  expect(afterFirst).toMatchObject({ programmes: 1, phases: 5, products: 6, police_forces: 45, dependency_factors: 3, snapshots: 1 });

  expect(await connection.exclusive((db) => seedIfEmpty(db))).toBe(false);
  expect(await rowCounts(connection)).toEqual(afterFirst);
});

it("seeds exactly once when several instances start together on one database", async () => {
  const database = await scratch();
  const instances = await Promise.all([open(database), open(database), open(database)]);

  const seeded = await Promise.all(instances.map((connection) => migrateAndSeed(connection)));
  expect(seeded.filter(Boolean)).toHaveLength(1);

  const reference = await open(await scratch());
  await migrateAndSeed(reference);
  expect(await rowCounts(instances[0]!)).toEqual(await rowCounts(reference));
});
