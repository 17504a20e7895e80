/**
 * Quarter style, remembered per person: calendar until they choose otherwise, saved with an audit
 * event naming the value before and after, and nothing but the two styles accepted, by the app and
 * by the database's own check.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { parseQuarterStyle, quarterStyleOf, setQuarterStyle } from "@/lib/auth/preferences";
import { NoChromiumError, PDF_FINANCIAL_KIND, PDF_KIND, pdfFileName, pdfKind, printUrlFor, snapshotPdf } from "@/lib/pdf/snapshot-pdf";
import { keepSnapshotExport, readSnapshot } from "@/lib/roadmap/snapshot";
import { migrateAndSeed, migratedScratch, queryRows, scratchConnection } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
let clerk: { id: number; email: string; name: string; role: "viewer" };
let actor: Actor;

beforeAll(async () => {
  ({ db, dispose } = await migratedScratch());
  const row = await createUser(db, { name: "Committee Clerk", email: "clerk@example.gov.uk", role: "viewer", password: "marble kettle orbit" }, { userId: null, label: "Test set-up" });
  clerk = { id: row.id, email: row.email, name: row.name, role: "viewer" };
  actor = { userId: row.id, label: row.email, sourceAddress: "198.51.100.7" };
});
afterAll(() => dispose?.());

const preferenceEvents = () =>
  queryRows<{ actor_user_id: number | null; actor_label: string; source_address: string | null; entity_type: string; entity_id: string; before: unknown; after: unknown }>(
    db,
    sql`SELECT actor_user_id, actor_label, source_address, entity_type, entity_id, before, after FROM audit_events WHERE action = 'user.preference_changed' ORDER BY id`,
  );

describe("quarter style", () => {
  it("is calendar for a new account, for the PDF renderer and for nobody", async () => {
    expect(await quarterStyleOf(clerk, db)).toBe("calendar");
    expect(await quarterStyleOf("renderer", db)).toBe("calendar");
    expect(await quarterStyleOf(null, db)).toBe("calendar");
    const [row] = await queryRows<{ quarter_style: string }>(db, sql`SELECT quarter_style FROM users WHERE id = ${clerk.id}`);
    expect(row?.quarter_style).toBe("calendar");
  });

  it("is saved as financial, with an audit event naming the value before and after", async () => {
    expect(await setQuarterStyle(db, clerk.id, "financial", actor)).toBe(true);
    expect(await quarterStyleOf(clerk, db)).toBe("financial");
    expect(await preferenceEvents()).toEqual([
      {
        actor_user_id: clerk.id,
        actor_label: "clerk@example.gov.uk",
        source_address: "198.51.100.7",
        entity_type: "user",
        entity_id: String(clerk.id),
        before: { quarterStyle: "calendar" },
        after: { quarterStyle: "financial" },
      },
    ]);
  });

  it("records nothing when the same choice is saved again, and goes back to calendar when asked", async () => {
    expect(await setQuarterStyle(db, clerk.id, "financial", actor)).toBe(false);
    expect(await preferenceEvents()).toHaveLength(1);
    expect(await setQuarterStyle(db, clerk.id, "calendar", actor)).toBe(true);
    expect(await quarterStyleOf(clerk, db)).toBe("calendar");
    expect((await preferenceEvents()).at(-1)).toMatchObject({ before: { quarterStyle: "financial" }, after: { quarterStyle: "calendar" } });
  });

  it("refuses any other value, in the app and in the database", async () => {
    for (const bad of ["fiscal", "Financial", "", "calendar; DROP TABLE users"]) {
      await expect(setQuarterStyle(db, clerk.id, bad as never, actor)).rejects.toThrow();
    }
    expect(await quarterStyleOf(clerk, db)).toBe("calendar");
    expect(await preferenceEvents()).toHaveLength(2);
    // A write that goes round the app meets the check constraint.
    await expect(db.execute(sql`UPDATE users SET quarter_style = 'fiscal' WHERE id = ${clerk.id}`)).rejects.toThrow();
    await expect(setQuarterStyle(db, 999_999, "financial", actor)).rejects.toThrow(/No user/);
  });

  it("reads ?quarters= values strictly: one of the two styles or nothing", () => {
    expect(parseQuarterStyle("financial")).toBe("financial");
    expect(parseQuarterStyle("calendar")).toBe("calendar");
    expect(parseQuarterStyle(["financial", "calendar"])).toBe("financial");
    for (const bad of [undefined, null, "", "FY", "Financial", ["nope"]]) expect(parseQuarterStyle(bad)).toBeNull();
  });
});

describe("the PDF in the chosen quarter style", () => {
  it("keeps calendar PDFs under the original kind and financial ones apart, each served only for its style", async () => {
    const scratch = await scratchConnection();
    try {
      await migrateAndSeed(scratch.connection);
      const pdfDb = scratch.connection.db;
      const snapshot = await readSnapshot(pdfDb, "nledp", "2021-q4");
      if (!snapshot) throw new Error("no 2021-q4 snapshot");
      expect([pdfKind("calendar"), pdfKind("financial")]).toEqual([PDF_KIND, PDF_FINANCIAL_KIND]);
      expect(PDF_KIND).toBe("pdf");
      const printUrl = "http://127.0.0.1:1/updates/2021-q4/print";
      expect(printUrlFor(printUrl, "calendar")).toBe(printUrl);
      expect(printUrlFor(printUrl, "financial")).toBe(`${printUrl}?quarters=financial`);
      expect(pdfFileName("nledp", "2021-q4")).toBe("nledp-roadmap-2021-q4.pdf");
      expect(pdfFileName("nledp", "2021-q4", "financial")).toBe("nledp-roadmap-2021-q4-financial-year.pdf");

      const calendarPdf = Buffer.from("%PDF-1.7 calendar quarters");
      await keepSnapshotExport(pdfDb, snapshot.id, PDF_KIND, "application/pdf", calendarPdf);
      const noChromium = async () => null;
      // A kept calendar PDF is not handed out for financial quarters: that one still has to be made.
      await expect(snapshotPdf(pdfDb, snapshot, printUrl, noChromium, "financial")).rejects.toBeInstanceOf(NoChromiumError);
      expect((await snapshotPdf(pdfDb, snapshot, printUrl, noChromium, "calendar")).equals(calendarPdf)).toBe(true);
      expect((await snapshotPdf(pdfDb, snapshot, printUrl, noChromium)).equals(calendarPdf)).toBe(true);

      const financialPdf = Buffer.from("%PDF-1.7 financial-year quarters");
      await keepSnapshotExport(pdfDb, snapshot.id, PDF_FINANCIAL_KIND, "application/pdf", financialPdf);
      expect((await snapshotPdf(pdfDb, snapshot, printUrl, noChromium, "financial")).equals(financialPdf)).toBe(true);
      expect((await snapshotPdf(pdfDb, snapshot, printUrl, noChromium, "calendar")).equals(calendarPdf)).toBe(true);
    } finally {
      await scratch.dispose();
    }
  });
});
