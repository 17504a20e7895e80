/**
 * The quarterly cycle against a real database seeded with the October 2021 roadmap: start 2022 Q1,
 * move Property's beta to June 2022, move Vehicles to Discovery, record Photographs at the Roadside
 * at 38 forces, publish. The comparison with 2021 Q4 shows exactly those three changes, a draft is
 * never compared, and the 2021 Q4 exports are the same bytes before and after.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { NLEDP_SLUG } from "@/lib/db/seed/nledp";
import type { Actor } from "@/lib/audit/record";
import { monthPeriod, yearPeriod } from "@/lib/dates/period";
import { hasChanges, loadComparison } from "@/lib/roadmap/compare";
import { comparisonCsv, milestonesCsv, snapshotJson } from "@/lib/roadmap/exports";
import { publishUpdate, readSnapshot } from "@/lib/roadmap/snapshot";
import { seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
const editor: Actor = { userId: null, label: "Test editor" };

/** The 2021 Q4 files as first made, to hold the later ones to. */
let before: { json: string; milestones: string; hash: string };

async function productId(slug: string): Promise<number> {
  const [row] = await db.select({ id: t.products.id }).from(t.products).where(eq(t.products.slug, slug));
  if (!row) throw new Error(`no product ${slug}`);
  return row.id;
}

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());

  const october = await readSnapshot(db, NLEDP_SLUG, "2021-q4");
  if (!october) throw new Error("seed published no 2021 Q4 update");
  before = { json: snapshotJson(october.content), milestones: milestonesCsv(october.content), hash: october.contentHash };

  // Start 2022 Q1 as a draft, then make the quarter's three changes to the live roadmap.
  const [programme] = await db.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, NLEDP_SLUG));
  await db.insert(t.quarterlyUpdates).values({ programmeId: programme!.id, slug: "2022-q1", year: 2022, quarter: 1, title: "NLEDP product roadmap, January 2022", coveringText: "The January update." });
  const june = monthPeriod(2022, 6);
  await db
    .update(t.milestones)
    .set({ forecastOn: june.on, forecastPrecision: june.precision })
    .where(and(eq(t.milestones.productId, await productId("property")), eq(t.milestones.title, "Beta release")));
  const [discovery] = await db.select({ id: t.phases.id }).from(t.phases).where(eq(t.phases.key, "discovery"));
  await db.update(t.products).set({ currentPhaseId: discovery!.id }).where(eq(t.products.slug, "vehicles"));
  await db.insert(t.rolloutObservations).values({
    productId: await productId("photographs-at-the-roadside"),
    observedOn: "2022-01-10",
    forcesLive: 38,
    nationsCovered: ["England", "Wales", "Scotland", "Northern Ireland"],
    note: "Reported for the January 2022 update.",
  });
});
afterAll(() => dispose?.());

describe("comparing quarterly updates", () => {
  it("never compares a draft: 2022 Q1 is not comparable until it is published", async () => {
    expect(await loadComparison(db, "2021-q4", "2022-q1")).toBeNull();
    expect(await loadComparison(db, "2022-q1", "2021-q4")).toBeNull();
    expect(await loadComparison(db, "2021-q4", "not-an-update")).toBeNull();
  });

  it("shows exactly the quarter's three changes once 2022 Q1 is published", async () => {
    await db.transaction((tx) =>
      publishUpdate(tx, {
        programmeSlug: NLEDP_SLUG,
        updateSlug: "2022-q1",
        publishedOn: "2022-01-13",
        publishedAt: new Date("2022-01-13T10:00:00Z"),
        publishedByName: "Test Editor",
        actor: editor,
      }),
    );
    const loaded = await loadComparison(db, "2021-q4", "2022-q1");
    expect(loaded).not.toBeNull();
    const c = loaded!.comparison;
    expect(hasChanges(c)).toBe(true);
    expect(c.phaseMoves).toEqual([{ productSlug: "vehicles", productName: "Vehicles", fromPhases: "Pre-Discovery", toPhases: "Discovery" }]);
    expect(c.milestoneMoves).toEqual([
      expect.objectContaining({ productSlug: "property", title: "Beta release", from: monthPeriod(2022, 3), to: monthPeriod(2022, 6), slippage: { amount: 3, unit: "month", text: "Slipped 3 months" } }),
    ]);
    expect(c.rollout).toEqual([
      { productSlug: "photographs-at-the-roadside", productName: "Photographs at the Roadside", fromLive: 22, toLive: 38, total: 45, target: { forcesCount: 38, target: yearPeriod(2021) } },
    ]);
    expect([c.milestonesAdded, c.milestonesRemoved, c.milestoneStatusChanges, c.productsAdded, c.productsRemoved, c.dependencyChanges]).toEqual([[], [], [], [], [], []]);

    expect(comparisonCsv(c).split("\r\n").slice(1, -1)).toEqual([
      '"Phase","Vehicles","Phase","Pre-Discovery","Discovery","Phase changed"',
      '"Milestone moved","Property","Beta release","March 2022","June 2022","Slipped 3 months"',
      '"Rollout","Photographs at the Roadside","Forces live","22","38","Up 16 forces: 22 to 38 of 45 forces (target 38 by end of 2021)"',
    ]);
  });

  it("keeps the baseline first published, so the 2022 Q1 milestones say how far Property's beta slipped", async () => {
    const january = await readSnapshot(db, NLEDP_SLUG, "2022-q1");
    expect(milestonesCsv(january!.content)).toContain('"Property","Beta release","Beta","March 2022","June 2022","month","2022-06-30","Slipped 3 months"');
  });

  it("gives the same 2021 Q4 JSON and milestones CSV, byte for byte, after 2022 Q1 is published", async () => {
    const october = await readSnapshot(db, NLEDP_SLUG, "2021-q4");
    expect(snapshotJson(october!.content)).toBe(before.json);
    expect(milestonesCsv(october!.content)).toBe(before.milestones);
    // The JSON download is the very text the snapshot's hash was taken of.
    expect(createHash("sha256").update(before.json).digest("hex")).toBe(before.hash);
    expect(before.json).toContain('"forcesLive":22');
    expect(before.json).not.toContain("2022-q1");
  });
});
