import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dayPeriod, monthPeriod, quarterPeriod, yearPeriod } from "@/lib/dates/period";
import type { Comparison } from "./compare";
import { comparisonCsv, comparisonRows, exportFileStem, milestonesCsv, snapshotJson } from "./exports";
import { canonicalJson, contentHash } from "./snapshot";
import type { Milestone, Product, SnapshotContent, UpdateSummary } from "./types";

const update = (slug: string, year: number, quarter: number, publishedOn: string): UpdateSummary => ({
  slug, year, quarter, title: `Update ${slug}`, coveringText: "", state: "published", publishedOn, publishedAt: `${publishedOn}T09:00:00.000Z`, publishedByName: "A Person",
});

const milestone = (id: number, fields: Partial<Milestone>): Milestone => ({
  id, title: `Milestone ${id}`, phaseKey: null, baseline: null, forecast: monthPeriod(2022, 3), status: "not_assessed", actualOn: null, notes: "", ...fields,
});

const product = (slug: string, name: string, milestones: Milestone[]): Product => ({
  id: slug.length, slug, name, description: "", statusSummary: "", parentSlug: null, plannedFamilySize: null, currentPhaseKey: "alpha",
  position: 1, spans: [], milestones, rollout: null, dependencies: [],
});

function snapshot(products: Product[]): SnapshotContent {
  return {
    formatVersion: 1,
    update: update("2022-q1", 2022, 1, "2022-01-13"),
    roadmap: {
      programme: { slug: "nledp", name: "National Law Enforcement Data Programme", shortName: "NLEDP", department: "Home Office", description: "", lookaheadMonths: 12 },
      phases: [
        { key: "alpha", name: "Alpha", description: "", position: 3, columnLabel: "Alpha", subColumnLabel: null },
        { key: "beta", name: "Beta", description: "", position: 4, columnLabel: "Beta & Live", subColumnLabel: "Invite only" },
      ],
      products,
      factors: [],
      forces: [{ name: "Heddlu Dyfed-Powys", nation: "Wales" }],
    },
  };
}

const lines = (text: string) => text.split("\r\n");

describe("snapshotJson", () => {
  it("is the snapshot's canonical JSON, whose SHA-256 is its content hash, whatever the key order", () => {
    const content = snapshot([product("property", "Property", [milestone(1, { title: "Beta release" })])]);
    // As read back from JSONB, whose key order is not the order written.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(content) as SnapshotContent;
    expect(Object.keys(reordered)).toEqual(["roadmap", "update", "formatVersion"]);
    expect(snapshotJson(content)).toBe(canonicalJson(content));
    expect(snapshotJson(reordered)).toBe(snapshotJson(content));
    expect(createHash("sha256").update(snapshotJson(content)).digest("hex")).toBe(contentHash(content));
  });
});

describe("exportFileStem", () => {
  it("names every file of an update the same way as its PDF", () => {
    expect(exportFileStem("nledp", "2021-q4")).toBe("nledp-roadmap-2021-q4");
  });
});

describe("milestonesCsv", () => {
  const content = snapshot([
    product("property", "Property", [
      milestone(2, { title: "Live", phaseKey: "beta", baseline: quarterPeriod(2022, 3), forecast: quarterPeriod(2022, 4), status: "at_risk" }),
      milestone(1, { title: "Beta release", phaseKey: "beta", baseline: monthPeriod(2022, 3), forecast: monthPeriod(2022, 6), status: "delayed" }),
    ]),
    product("devon-cornwall", "Devon & Cornwall's \"pilot\"", [
      milestone(3, { title: "=HYPERLINK(\"http://example.com\")", baseline: yearPeriod(2021), forecast: yearPeriod(2021), status: "done", actualOn: "2021-12-20" }),
      milestone(4, { title: "-1 day pilot, Heddlu Dyfed-Powys", forecast: dayPeriod(2022, 3, 27) }),
    ]),
  ]);

  it("gives each milestone with its baseline, forecast at its precision, slippage, status and done date", () => {
    expect(lines(milestonesCsv(content))).toEqual([
      '"Product","Milestone","Phase","Baseline","Forecast","Forecast precision","Forecast by (last day)","Slippage from baseline","Status","Done on"',
      // Milestones by forecast within each product, products in roadmap order.
      '"Property","Beta release","Beta","March 2022","June 2022","month","2022-06-30","Slipped 3 months","Delayed",""',
      '"Property","Live","Beta","Q3 2022","Q4 2022","quarter","2022-12-31","Slipped 1 quarter","At risk",""',
      // Formulas are defused; quotes, ampersands, apostrophes and Welsh names survive.
      '"Devon & Cornwall\'s ""pilot""","\'=HYPERLINK(""http://example.com"")","","end of 2021","end of 2021","year","2021-12-31","On baseline","Done","20 December 2021"',
      '"Devon & Cornwall\'s ""pilot""","\'-1 day pilot, Heddlu Dyfed-Powys","","","27 March 2022","day","2022-03-27","","Not assessed",""',
      "",
    ]);
  });

  it("gives the same bytes every time", () => {
    expect(milestonesCsv(structuredClone(content))).toBe(milestonesCsv(content));
  });
});

describe("comparisonCsv", () => {
  const comparison: Comparison = {
    from: update("2021-q4", 2021, 4, "2021-10-07"),
    to: update("2022-q1", 2022, 1, "2022-01-13"),
    phaseMoves: [{ productSlug: "vehicles", productName: "Vehicles", fromPhases: "Pre-Discovery", toPhases: "Discovery" }],
    milestoneMoves: [
      { id: 2, productSlug: "property", productName: "Property", title: "Beta release", from: monthPeriod(2022, 3), to: monthPeriod(2022, 6), slippage: { amount: 3, unit: "month", text: "Slipped 3 months" } },
    ],
    milestonesAdded: [{ id: 9, productSlug: "audit", productName: "Audit", title: "Alpha ends", forecast: quarterPeriod(2022, 2) }],
    milestonesRemoved: [{ id: 5, productSlug: "person", productName: "Person", title: "Discovery ends", forecast: quarterPeriod(2022, 1) }],
    milestoneStatusChanges: [{ id: 2, productName: "Property", title: "Beta release", from: "not_assessed", to: "delayed" }],
    productsAdded: [{ slug: "firearms", name: "Firearms" }],
    productsRemoved: [{ slug: "old", name: "Old product" }],
    rollout: [{ productSlug: "photographs-at-the-roadside", productName: "Photographs at the Roadside", fromLive: 22, toLive: 38, total: 45, target: { forcesCount: 38, target: yearPeriod(2021) } }],
    dependencyChanges: [
      { kind: "factor", id: 1, label: "Two-way replication pilot", from: "not_assessed", to: "at_risk" },
      { kind: "product", id: 7, label: "Drivers", productName: "Property", from: null, to: "on_track" },
      { kind: "product", id: 8, label: "Platform", productName: "Property", from: "met", to: null },
    ],
  };

  it("gives one row per change: kind, product, item, from, to, change", () => {
    expect(lines(comparisonCsv(comparison))).toEqual([
      '"Kind","Product","Item","From (2021 Q4)","To (2022 Q1)","Change"',
      '"Product added","Firearms","","","","Added"',
      '"Product removed","Old product","","","","Removed"',
      '"Phase","Vehicles","Phase","Pre-Discovery","Discovery","Phase changed"',
      '"Milestone moved","Property","Beta release","March 2022","June 2022","Slipped 3 months"',
      '"Milestone added","Audit","Alpha ends","","Q2 2022","Added"',
      '"Milestone removed","Person","Discovery ends","Q1 2022","","Removed"',
      '"Milestone status","Property","Beta release","Not assessed","Delayed","Status changed"',
      '"Rollout","Photographs at the Roadside","Forces live","22","38","Up 16 forces: 22 to 38 of 45 forces (target 38 by end of 2021)"',
      '"Programme dependency","All products","Two-way replication pilot","Not assessed","At risk","Status changed"',
      '"Dependency","Property","Drivers","Not in the 2021 Q4 update","On track","Added"',
      '"Dependency","Property","Platform","Met","Not in the 2022 Q1 update","Removed"',
      "",
    ]);
  });

  it("has only a header when nothing changed", () => {
    const none = { ...comparison, phaseMoves: [], milestoneMoves: [], milestonesAdded: [], milestonesRemoved: [], milestoneStatusChanges: [], productsAdded: [], productsRemoved: [], rollout: [], dependencyChanges: [] };
    expect(comparisonRows(none)).toEqual([]);
    expect(lines(comparisonCsv(none))).toHaveLength(2);
  });
});
