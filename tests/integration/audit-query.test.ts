/**
 * The admin audit page's filters (lib/audit/query.ts) against a real database: by person (part of the
 * email or the name, any case, or the user number; LIKE's wildcards are only characters), by entity,
 * by London calendar day on both sides of the clock change, all at once, newest first, a page at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { listAuditEvents, parseAuditFilter, type AuditFilter } from "@/lib/audit/query";
import { migratedScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
let quentin: number;
let rosa: number;

/** Each event's correlation id names it, so a test reads which events came back. */
async function event(name: string, values: { at: string; userId: number | null; label: string; entityType?: string }) {
  await db.insert(t.auditEvents).values({
    occurredAt: new Date(values.at),
    actorUserId: values.userId,
    actorLabel: values.label,
    action: "product.updated",
    entityType: values.entityType ?? "product",
    entityId: "1",
    correlationId: name,
  });
}

beforeAll(async () => {
  ({ db, dispose } = await migratedScratch());
  // Emails that do not contain the names, so a match on the name cannot come from the email.
  const [q, r] = await db
    .insert(t.users)
    .values([
      { name: "Quentin Blake", email: "qb@example.gov.uk", role: "editor" },
      { name: "Rosa Parks", email: "rp_ops@example.gov.uk", role: "admin" },
    ])
    .returning({ id: t.users.id });
  quentin = q!.id;
  rosa = r!.id;
  // Summer (BST, UTC+1): 1 July 2026 in London runs from 30 June 23:00 to 1 July 23:00 UTC.
  await event("june-30-late", { at: "2026-06-30T22:59:59Z", userId: quentin, label: "qb@example.gov.uk" });
  await event("july-1-first", { at: "2026-06-30T23:00:00Z", userId: quentin, label: "qb@example.gov.uk" });
  await event("july-1-last", { at: "2026-07-01T22:59:59Z", userId: rosa, label: "rp_ops@example.gov.uk", entityType: "milestone" });
  await event("july-2-first", { at: "2026-07-01T23:00:00Z", userId: rosa, label: "rp_ops@example.gov.uk" });
  // Winter (GMT): 1 December 2026 in London is 1 December UTC.
  await event("nov-30-last", { at: "2026-11-30T23:59:59Z", userId: null, label: "System", entityType: "seed" });
  await event("dec-1-first", { at: "2026-12-01T00:00:00Z", userId: quentin, label: "qb@example.gov.uk", entityType: "milestone" });
});
afterAll(() => dispose?.());

function filter(params: Record<string, string>): AuditFilter {
  const parsed = parseAuditFilter(params);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function names(params: Record<string, string>, limit?: number): Promise<string[]> {
  return (await listAuditEvents(db, filter(params), limit)).rows.map((r) => r.correlationId);
}

const day = (prefix: "from" | "to", d: string, m: string, y: string) => ({ [`${prefix}-day`]: d, [`${prefix}-month`]: m, [`${prefix}-year`]: y });

describe("listAuditEvents", () => {
  it("lists every event newest first without filters", async () => {
    expect(await names({})).toEqual(["dec-1-first", "nov-30-last", "july-2-first", "july-1-last", "july-1-first", "june-30-late"]);
  });

  it("finds a person by part of their email in any case, by their name, or by their user number", async () => {
    expect(await names({ person: "QB@EXAMPLE" })).toEqual(["dec-1-first", "july-1-first", "june-30-late"]);
    expect(await names({ person: "blake" })).toEqual(["dec-1-first", "july-1-first", "june-30-late"]);
    expect(await names({ person: "Rosa Parks" })).toEqual(["july-2-first", "july-1-last"]);
    expect(await names({ person: String(rosa) })).toEqual(["july-2-first", "july-1-last"]);
    expect(await names({ person: "system" })).toEqual(["nov-30-last"]);
    expect(await names({ person: "nobody@example.gov.uk" })).toEqual([]);
  });

  it("treats % and _ in the person as themselves, not as wildcards", async () => {
    expect(await names({ person: "_" })).toEqual(["july-2-first", "july-1-last"]);
    expect(await names({ person: "%" })).toEqual([]);
    expect(await names({ person: "q%@" })).toEqual([]);
  });

  it("filters by entity exactly", async () => {
    expect(await names({ entity: "milestone" })).toEqual(["dec-1-first", "july-1-last"]);
    expect(await names({ entity: "mile" })).toEqual([]);
  });

  it("takes dates as London calendar days, in summer time and in winter", async () => {
    const july1 = { ...day("from", "1", "7", "2026"), ...day("to", "1", "7", "2026") };
    expect(await names(july1)).toEqual(["july-1-last", "july-1-first"]);
    expect(await names(day("from", "2", "7", "2026"))).toEqual(["dec-1-first", "nov-30-last", "july-2-first"]);
    expect(await names(day("to", "30", "6", "2026"))).toEqual(["june-30-late"]);
    expect(await names(day("from", "1", "12", "2026"))).toEqual(["dec-1-first"]);
    expect(await names(day("to", "30", "11", "2026"))).toEqual(["nov-30-last", "july-2-first", "july-1-last", "july-1-first", "june-30-late"]);
  });

  it("applies every filter at once", async () => {
    expect(await names({ person: "qb@", entity: "product", ...day("from", "1", "7", "2026") })).toEqual(["july-1-first"]);
    expect(await names({ person: "rp_ops", entity: "milestone", ...day("from", "2", "7", "2026") })).toEqual([]);
  });

  it("pages through the events, saying whether there are more", async () => {
    expect(await listAuditEvents(db, filter({}), 4)).toMatchObject({ hasMore: true, rows: [{}, {}, {}, {}] });
    const second = await listAuditEvents(db, filter({ page: "2" }), 4);
    expect(second.hasMore).toBe(false);
    expect(second.rows.map((r) => r.correlationId)).toEqual(["july-1-first", "june-30-late"]);
    expect((await listAuditEvents(db, filter({ page: "3" }), 4)).rows).toEqual([]);
  });
});

describe("parseAuditFilter", () => {
  it("refuses a date that does not exist, and a to date before the from date, at the field", () => {
    const unreal = parseAuditFilter(day("from", "31", "2", "2026"));
    expect(unreal.success).toBe(false);
    expect(unreal.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["from", "The from date must be a real date, like 7 10 2021"]]);
    const backwards = parseAuditFilter({ ...day("from", "2", "7", "2026"), ...day("to", "1", "7", "2026") });
    expect(backwards.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["to", "The to date must be the same as or after the from date"]]);
    const partial = parseAuditFilter({ "to-day": "1", "to-month": "7", "to-year": "" });
    expect(partial.error?.issues.map((i) => i.path[0])).toEqual(["to"]);
  });
});
