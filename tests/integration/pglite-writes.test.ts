/**
 * On PGlite the readers' page cache trusts a count of writes (lib/db/client.ts) instead of asking the
 * database for its snapshot: the count must move with every write, through Drizzle's statements and
 * transactions alike, before the writer's code goes on, and must not move for a read.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { migrateAndSeed } from "../setup/database";

let pglite: Connection;

beforeAll(async () => {
  pglite = await connect({ pgliteInMemory: true });
  expect(await migrateAndSeed(pglite)).toBe(true);
});
afterAll(async () => {
  await pglite?.close();
});

it("counts every write, in a statement or a transaction, and no read", async () => {
  const { db } = pglite;
  const start = pglite.writes()!;
  expect(typeof start).toBe("number");

  await db.select().from(users);
  await db.execute(sql`SELECT pg_current_snapshot()`);
  expect(pglite.writes()).toBe(start);

  await db.insert(users).values({ email: "count@example.gov.uk", name: "Counted", role: "viewer", passwordHash: "x" });
  const afterInsert = pglite.writes()!;
  expect(afterInsert).toBeGreaterThan(start);

  await db.transaction(async (tx) => {
    await tx.update(users).set({ name: "Counted again" }).where(eq(users.email, "count@example.gov.uk"));
    expect(pglite.writes()).toBe(afterInsert); // not before it has committed
  });
  const afterTransaction = pglite.writes()!;
  expect(afterTransaction).toBeGreaterThan(afterInsert);

  await expect(db.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.email, "count@example.gov.uk"));
    throw new Error("changed my mind");
  })).rejects.toThrow("changed my mind");
  expect(pglite.writes()).toBeGreaterThan(afterTransaction); // a rollback counts too: better a render too many
});

it("has no count on PostgreSQL, where other servers may write", async () => {
  const { scratchConnection } = await import("../setup/database");
  const scratch = await scratchConnection();
  try {
    expect(scratch.connection.writes()).toBeNull();
  } finally {
    await scratch.dispose();
  }
});
