/**
 * `npm start` on a bare machine runs on PGlite; DATABASE_URL runs on a PostgreSQL server. Both must hold
 * the same roadmap: the same seed gives byte-for-byte the same snapshot (and so the same hash) on each.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/client";
import { loadRoadmap } from "@/lib/roadmap/load";
import { canonicalJson, readSnapshot } from "@/lib/roadmap/snapshot";
import { migrateAndSeed, queryRows, scratchConnection } from "../setup/database";
import { refusal, RESTRICT_VIOLATION } from "../setup/errors";

let postgres: Connection;
let pglite: Connection;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchConnection();
  postgres = scratch.connection;
  dispose = scratch.dispose;
  pglite = await connect({ pgliteInMemory: true });
  // One after the other: two cores, and PGlite start-up is CPU-bound.
  expect(await migrateAndSeed(postgres)).toBe(true);
  expect(await migrateAndSeed(pglite)).toBe(true);
});
afterAll(async () => {
  await pglite?.close();
  await dispose?.();
});

it("runs on the two engines the test means", () => {
  expect([postgres.kind, pglite.kind]).toEqual(["postgres", "pglite"]);
});

it("gives the same snapshot on PGlite as on PostgreSQL, ids and timestamps included", async () => {
  const onPostgres = await readSnapshot(postgres.db, "nledp", "2021-q4");
  const onPglite = await readSnapshot(pglite.db, "nledp", "2021-q4");
  expect(onPostgres).not.toBeNull();
  expect(canonicalJson(onPglite!.content)).toBe(canonicalJson(onPostgres!.content));
  expect(onPglite!.contentHash).toBe(onPostgres!.contentHash);
});

it("loads the same live roadmap on both", async () => {
  expect(await loadRoadmap(pglite.db, "nledp")).toEqual(await loadRoadmap(postgres.db, "nledp"));
});

it("enforces the append-only triggers on PGlite too", async () => {
  expect(await refusal(() => pglite.db.execute(sql`DELETE FROM snapshots`))).toEqual({
    code: RESTRICT_VIOLATION,
    message: "snapshots is append-only: DELETE refused",
  });
  expect(await refusal(() => pglite.db.execute(sql`UPDATE audit_events SET actor_label = 'x'`))).toEqual({
    code: RESTRICT_VIOLATION,
    message: "audit_events is append-only: UPDATE refused",
  });
  expect(await queryRows(pglite.db, sql`SELECT count(*)::int AS n FROM snapshots`)).toEqual([{ n: 1 }]);
});
