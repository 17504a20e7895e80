/**
 * Published snapshots are read from the database once per process and then served from memory
 * (lib/roadmap/snapshot-cache.ts): the same content, frozen so no reader can change another's copy,
 * and never mixed up between two databases whose snapshot ids overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/db/client";
import { cachedSnapshot } from "@/lib/roadmap/snapshot-cache";
import { keepSnapshotExport, listPublishedUpdates, readSnapshot, readSnapshotContents, readSnapshotExport } from "@/lib/roadmap/snapshot";
import { sql } from "drizzle-orm";
import { migratedScratch, queryRows, sharedDatabase } from "../setup/database";

let connection: Connection;
beforeAll(async () => {
  connection = await sharedDatabase();
});
afterAll(() => connection?.close());

describe("the snapshot cache", () => {
  it("serves the 2021 Q4 snapshot from memory after the first read, frozen and equal to what the database holds", async () => {
    const first = await readSnapshot(connection.db, "nledp", "2021-q4");
    expect(first).not.toBeNull();
    expect(cachedSnapshot(connection.db, first!.id)).toBe(first!.content);

    const again = await readSnapshot(connection.db, "nledp");
    expect(again?.id).toBe(first!.id);
    expect(again?.content).toBe(first!.content);
    expect(Object.isFrozen(first!.content.roadmap.products[0]!.milestones)).toBe(true);
    expect(() => (first!.content.roadmap.products as unknown as unknown[]).push({})).toThrow(TypeError);

    const [row] = await queryRows<{ content: unknown }>(connection.db, sql`SELECT content FROM snapshots WHERE id = ${first!.id}`);
    expect(row?.content).toEqual(first!.content);
  });

  it("reads many snapshots in one go, from memory where it can", async () => {
    const updates = await listPublishedUpdates(connection.db, "nledp");
    const contents = await readSnapshotContents(connection.db, [...updates.map((u) => u.snapshotId), 999_999]);
    expect([...contents.keys()]).toEqual(updates.map((u) => u.snapshotId));
    expect(contents.get(updates[0]!.snapshotId)?.update.slug).toBe("2021-q4");
  });

  it("serves a kept file from memory after the first read, with the bytes the database holds", async () => {
    const snapshot = await readSnapshot(connection.db, "nledp");
    const kind = `test-${Date.now()}`;
    expect(await readSnapshotExport(connection.db, snapshot!.id, kind)).toBeNull();
    await keepSnapshotExport(connection.db, snapshot!.id, kind, "text/plain", Buffer.from("kept once"));
    const first = await readSnapshotExport(connection.db, snapshot!.id, kind);
    expect(first?.body.toString()).toBe("kept once");
    expect(first?.contentType).toBe("text/plain");
    expect(await readSnapshotExport(connection.db, snapshot!.id, kind)).toBe(first);
  });

  it("keeps each database's snapshots apart", async () => {
    const other = await migratedScratch();
    try {
      await readSnapshot(connection.db, "nledp");
      expect(await readSnapshot(other.db, "nledp")).toBeNull();
      expect(await readSnapshotContents(other.db, [1])).toEqual(new Map());
    } finally {
      await other.dispose();
    }
  });
});
