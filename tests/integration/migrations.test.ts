/**
 * The committed migrations build the whole schema on an empty PostgreSQL database, and applying them
 * again (every start of every instance does) changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/lib/db/migrate";
import { queryRows, scratchConnection } from "../setup/database";

type Journal = { entries: { idx: number; tag: string }[] };
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;

let connection: Connection;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ connection, dispose } = await scratchConnection());
});
afterAll(() => dispose?.());

const rows = <T = Record<string, unknown>>(query: SQL) => queryRows<T>(connection.db, query);

/** Everything a migration could change: tables, columns, constraints, indexes, triggers, enums, functions. */
async function schemaFingerprint() {
  return {
    columns: await rows(sql`
      SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`),
    constraints: await rows(sql`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await rows(sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    triggers: await rows(sql`
      SELECT tgrelid::regclass::text AS table_name, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
    enums: await rows(sql`
      SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`),
    functions: await rows(sql`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY proname`),
  };
}

async function appliedMigrations() {
  return rows<{ hash: string; created_at: string }>(sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id`);
}

describe("migrations", () => {
  it("start from a database with no tables", async () => {
    expect(await rows(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it("apply cleanly to an empty database and record every migration in the journal", async () => {
    await migrateDatabase(connection);
    expect(await appliedMigrations()).toHaveLength(journal.entries.length);

    const tables = (await rows<{ tablename: string }>(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r) => r.tablename,
    );
    expect(tables).toEqual([
      "api_tokens", "audit_events", "dependencies", "dependency_factors", "force_go_lives", "milestones", "phase_spans", "phases",
      "police_forces", "products", "programmes", "quarterly_updates", "rollout_observations", "rollout_targets",
      "sign_in_attempts", "snapshot_exports", "snapshots", "users",
    ]);

    // The append-only guarantees live in the database, so they must come with the migrations.
    const triggers = (await schemaFingerprint()).triggers;
    expect(triggers).toEqual(
      expect.arrayContaining([
        { table_name: "snapshots", tgname: "snapshots_append_only" },
        { table_name: "snapshots", tgname: "snapshots_no_truncate" },
        { table_name: "snapshot_exports", tgname: "snapshot_exports_append_only" },
        { table_name: "snapshot_exports", tgname: "snapshot_exports_no_truncate" },
        { table_name: "audit_events", tgname: "audit_events_append_only" },
        { table_name: "audit_events", tgname: "audit_events_no_truncate" },
        { table_name: "quarterly_updates", tgname: "quarterly_updates_published_frozen" },
      ]),
    );
  });

  it("are a no-op when applied a second time", async () => {
    const before = { schema: await schemaFingerprint(), applied: await appliedMigrations() };
    await migrateDatabase(connection);
    expect({ schema: await schemaFingerprint(), applied: await appliedMigrations() }).toEqual(before);
  });
});
