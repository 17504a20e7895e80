/**
 * History cannot be rewritten, by the app or by anyone with a SQL prompt and the app's credentials:
 * the database itself refuses to change snapshots, their exports, the audit trail and published updates.
 * Raw SQL on purpose: the guarantee must not depend on the app's code paths.
 */
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/db/client";
import { keepSnapshotExport, readSnapshot, readSnapshotExport } from "@/lib/roadmap/snapshot";
import { migrateAndSeed, queryRows, scratchConnection } from "../setup/database";
import { refusal as refusalOf, RESTRICT_VIOLATION } from "../setup/errors";

let connection: Connection;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ connection, dispose } = await scratchConnection());
  await migrateAndSeed(connection);
});
afterAll(() => dispose?.());

const refusal = (query: SQL) => refusalOf(() => connection.db.execute(query));

const count = async (table: string) =>
  (await queryRows<{ n: number }>(connection.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n ?? -1;

describe("snapshots", () => {
  it("refuse UPDATE", async () => {
    const before = await readSnapshot(connection.db, "nledp", "2021-q4");
    expect(await refusal(sql`UPDATE snapshots SET content_hash = 'forged'`)).toEqual({
      code: RESTRICT_VIOLATION,
      message: "snapshots is append-only: UPDATE refused",
    });
    expect(await refusal(sql`UPDATE snapshots SET content = jsonb_set(content, '{update,title}', '"rewritten"')`)).toMatchObject({
      code: RESTRICT_VIOLATION,
    });
    expect(await readSnapshot(connection.db, "nledp", "2021-q4")).toEqual(before);
  });

  it("refuse DELETE", async () => {
    expect(await refusal(sql`DELETE FROM snapshots`)).toEqual({ code: RESTRICT_VIOLATION, message: "snapshots is append-only: DELETE refused" });
    expect(await count("snapshots")).toBe(1);
  });

  it("refuse TRUNCATE, even with CASCADE", async () => {
    expect(await refusal(sql`TRUNCATE snapshots CASCADE`)).toMatchObject({ code: RESTRICT_VIOLATION, message: expect.stringMatching(/append-only: TRUNCATE refused/) as unknown });
    expect(await count("snapshots")).toBe(1);
  });
});

describe("snapshot exports (the PDF, made once)", () => {
  it("can be added, and then neither changed nor removed", async () => {
    const snapshot = await readSnapshot(connection.db, "nledp", "2021-q4");
    await keepSnapshotExport(connection.db, snapshot!.id, "pdf", "application/pdf", Buffer.from("%PDF-1.7 first"));
    // A second instance making the same file later does not replace the first.
    await keepSnapshotExport(connection.db, snapshot!.id, "pdf", "application/pdf", Buffer.from("%PDF-1.7 second"));
    expect((await readSnapshotExport(connection.db, snapshot!.id, "pdf"))?.body.toString()).toBe("%PDF-1.7 first");

    expect(await refusal(sql`UPDATE snapshot_exports SET body = decode('00', 'hex')`)).toMatchObject({ code: RESTRICT_VIOLATION });
    expect(await refusal(sql`DELETE FROM snapshot_exports`)).toMatchObject({ code: RESTRICT_VIOLATION });
    expect(await refusal(sql`TRUNCATE snapshot_exports`)).toMatchObject({ code: RESTRICT_VIOLATION });
    expect((await readSnapshotExport(connection.db, snapshot!.id, "pdf"))?.body.toString()).toBe("%PDF-1.7 first");
  });
});

describe("the audit trail", () => {
  it("accepts new events", async () => {
    const before = await count("audit_events");
    await connection.db.execute(
      sql`INSERT INTO audit_events (actor_label, action, entity_type, correlation_id) VALUES ('test', 'test.event', 'test', 'c-1')`,
    );
    expect(await count("audit_events")).toBe(before + 1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const before = await count("audit_events");
    expect(await refusal(sql`UPDATE audit_events SET actor_label = 'someone else'`)).toEqual({
      code: RESTRICT_VIOLATION,
      message: "audit_events is append-only: UPDATE refused",
    });
    expect(await refusal(sql`DELETE FROM audit_events WHERE action = 'seed.loaded'`)).toEqual({
      code: RESTRICT_VIOLATION,
      message: "audit_events is append-only: DELETE refused",
    });
    expect(await refusal(sql`TRUNCATE audit_events`)).toEqual({ code: RESTRICT_VIOLATION, message: "audit_events is append-only: TRUNCATE refused" });
    expect(await count("audit_events")).toBe(before);
  });
});

describe("quarterly updates", () => {
  it("refuse UPDATE and DELETE once published", async () => {
    expect(await refusal(sql`UPDATE quarterly_updates SET title = 'rewritten' WHERE slug = '2021-q4'`)).toEqual({
      code: RESTRICT_VIOLATION,
      message: "quarterly update 2021-q4 is published: UPDATE refused",
    });
    // Not even back to draft, which would let it be edited.
    expect(await refusal(sql`UPDATE quarterly_updates SET state = 'draft' WHERE slug = '2021-q4'`)).toMatchObject({ code: RESTRICT_VIOLATION });
    expect(await refusal(sql`DELETE FROM quarterly_updates WHERE slug = '2021-q4'`)).toEqual({
      code: RESTRICT_VIOLATION,
      message: "quarterly update 2021-q4 is published: DELETE refused",
    });
  });

  it("can still be edited and deleted while a draft", async () => {
    await connection.db.execute(sql`
      INSERT INTO quarterly_updates (programme_id, slug, year, quarter, title)
      SELECT id, '2022-q1', 2022, 1, 'Draft' FROM programmes WHERE slug = 'nledp'`);
    await connection.db.execute(sql`UPDATE quarterly_updates SET title = 'January 2022' WHERE slug = '2022-q1'`);
    expect(await queryRows(connection.db, sql`SELECT title, state FROM quarterly_updates WHERE slug = '2022-q1'`)).toEqual([{ title: "January 2022", state: "draft" }]);
    await connection.db.execute(sql`DELETE FROM quarterly_updates WHERE slug = '2022-q1'`);
    expect(await count("quarterly_updates")).toBe(1);
  });
});
