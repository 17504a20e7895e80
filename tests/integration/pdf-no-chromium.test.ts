/**
 * A server without Chromium: asking for a published update's PDF fails with NoChromiumError (the route
 * turns that into a page saying how to install it) and keeps nothing; a PDF kept earlier is still served,
 * without looking for Chromium at all. Runs on a scratch database: snapshot_exports is append-only, so
 * the kept export this file adds could never be taken out of the shared one.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/db/client";
import { NoChromiumError, PDF_KIND, snapshotPdf } from "@/lib/pdf/snapshot-pdf";
import { keepSnapshotExport, readSnapshot, readSnapshotExport, type StoredSnapshot } from "@/lib/roadmap/snapshot";
import { migrateAndSeed, queryRows, scratchConnection } from "../setup/database";

const PRINT_URL = "http://127.0.0.1:1/updates/2021-q4/print";

let connection: Connection;
let dispose: () => Promise<void>;
let snapshot: StoredSnapshot;

beforeAll(async () => {
  ({ connection, dispose } = await scratchConnection());
  await migrateAndSeed(connection);
  const stored = await readSnapshot(connection.db, "nledp", "2021-q4");
  if (!stored) throw new Error("The seed has no published 2021-q4 snapshot");
  snapshot = stored;
});
afterAll(() => dispose?.());

const exportRows = async () =>
  (await queryRows<{ n: number }>(connection.db, sql`SELECT count(*)::int AS n FROM snapshot_exports`))[0]?.n ?? -1;

// In order: the first test needs no export kept yet, the second keeps one.
describe("the PDF of a published update", () => {
  it("throws NoChromiumError and keeps nothing when there is no Chromium", async () => {
    expect(await exportRows()).toBe(0);
    let looked = 0;
    const noChromium = async () => {
      looked++;
      return null;
    };
    await expect(snapshotPdf(connection.db, snapshot, PRINT_URL, noChromium)).rejects.toBeInstanceOf(NoChromiumError);
    expect(looked).toBe(1);
    expect(await exportRows()).toBe(0);
    expect(await readSnapshotExport(connection.db, snapshot.id, PDF_KIND)).toBeNull();

    // A failed render is not remembered: the next request looks for Chromium again.
    await expect(snapshotPdf(connection.db, snapshot, PRINT_URL, noChromium)).rejects.toBeInstanceOf(NoChromiumError);
    expect(looked).toBe(2);
  });

  it("serves a kept PDF without looking for Chromium", async () => {
    const kept = Buffer.from("%PDF-1.7 kept before Chromium went away");
    await keepSnapshotExport(connection.db, snapshot.id, PDF_KIND, "application/pdf", kept);
    const mustNotLook = async (): Promise<never> => {
      throw new Error("findChromium was called although a PDF is kept");
    };
    const body = await snapshotPdf(connection.db, snapshot, PRINT_URL, mustNotLook);
    expect(Buffer.compare(body, kept)).toBe(0);
    expect(await exportRows()).toBe(1);
  });
});
