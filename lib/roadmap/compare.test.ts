import { afterEach, describe, expect, it, vi } from "vitest";
import { monthPeriod, quarterPeriod, yearPeriod } from "@/lib/dates/period";
import { FACTORS, FIRST_UPDATE } from "@/lib/db/seed/nledp";
import { seedRoadmap } from "@/tests/support/seed-roadmap";
import { compareSnapshots, hasChanges, movementText, rolloutChangeText, type Comparison } from "./compare";
import type { Roadmap, SnapshotContent, UpdateSummary } from "./types";

function update(slug: string, publishedOn: string | null): UpdateSummary {
  const [year, quarter] = slug.split("-q").map(Number) as [number, number];
  return {
    slug,
    year,
    quarter,
    title: `Update ${slug}`,
    coveringText: "",
    state: publishedOn ? "published" : "draft",
    publishedOn,
    publishedAt: publishedOn ? `${publishedOn}T09:00:00.000Z` : null,
    publishedByName: publishedOn ? FIRST_UPDATE.publishedByName : null,
  };
}

const october2021 = (): SnapshotContent => ({ formatVersion: 1, update: update("2021-q4", FIRST_UPDATE.publishedOn), roadmap: seedRoadmap() });

/** The next quarter: the same roadmap, published in January 2022, changed by `edit`. */
function january2022(edit: (roadmap: Roadmap) => void = () => {}, publishedOn: string | null = "2022-01-13"): SnapshotContent {
  const roadmap = structuredClone(seedRoadmap());
  edit(roadmap);
  return { formatVersion: 1, update: update("2022-q1", publishedOn), roadmap };
}

const product = (roadmap: Roadmap, slug: string) => {
  const found = roadmap.products.find((p) => p.slug === slug);
  if (!found) throw new Error(`no product ${slug}`);
  return found;
};

const NOTHING: Omit<Comparison, "from" | "to"> = {
  phaseMoves: [],
  milestoneMoves: [],
  milestonesAdded: [],
  milestonesRemoved: [],
  milestoneStatusChanges: [],
  productsAdded: [],
  productsRemoved: [],
  rollout: [],
  dependencyChanges: [],
};

/** The issue's quarter: Property's beta to June 2022, Vehicles into Discovery, Photographs at the Roadside at 38 forces. */
function theIssuesQuarter(roadmap: Roadmap) {
  product(roadmap, "property").milestones[0]!.forecast = monthPeriod(2022, 6);
  const vehicles = product(roadmap, "vehicles");
  vehicles.currentPhaseKey = "discovery";
  vehicles.spans.push({ id: 100, phaseKey: "discovery", start: monthPeriod(2022, 1), end: null, note: "" });
  product(roadmap, "photographs-at-the-roadside").rollout!.observations.push({
    id: 100,
    observedOn: "2022-01-10",
    forcesLive: 38,
    nationsCovered: ["England", "Wales", "Scotland", "Northern Ireland"],
    note: "",
  });
}

describe("compareSnapshots", () => {
  afterEach(() => vi.useRealTimers());

  it("finds exactly the quarter's three changes, and nothing else", () => {
    const from = october2021();
    const to = january2022(theIssuesQuarter);
    const propertyBeta = product(from.roadmap, "property").milestones[0]!;
    expect(compareSnapshots(from, to)).toEqual({
      ...NOTHING,
      from: from.update,
      to: to.update,
      phaseMoves: [{ productSlug: "vehicles", productName: "Vehicles", fromPhases: "Pre-Discovery", toPhases: "Discovery" }],
      milestoneMoves: [
        {
          id: propertyBeta.id,
          productSlug: "property",
          productName: "Property",
          title: "Beta release",
          from: monthPeriod(2022, 3),
          to: monthPeriod(2022, 6),
          slippage: { amount: 3, unit: "month", text: "Slipped 3 months" },
        },
      ],
      rollout: [
        {
          productSlug: "photographs-at-the-roadside",
          productName: "Photographs at the Roadside",
          fromLive: 22,
          toLive: 38,
          total: 45,
          // Judged against what the October update promised.
          target: { forcesCount: 38, target: yearPeriod(2021) },
        },
      ],
    });
  });

  it("says the rollout change the way the committee reads it", () => {
    const [change] = compareSnapshots(october2021(), january2022(theIssuesQuarter)).rollout;
    expect(rolloutChangeText(change!)).toBe("22 → 38 of 45 forces (target 38 by end of 2021)");
  });

  it("finds no change between an update and an unchanged roadmap a quarter later", () => {
    const c = compareSnapshots(october2021(), january2022());
    expect(c).toEqual({ ...NOTHING, from: c.from, to: c.to });
    expect(hasChanges(c)).toBe(false);
    expect(hasChanges(compareSnapshots(october2021(), january2022(theIssuesQuarter)))).toBe(true);
  });

  it("reports products added and removed once each, not everything they hold", () => {
    const to = january2022((roadmap) => {
      const vehicles = product(roadmap, "vehicles");
      roadmap.products = roadmap.products.filter((p) => p.slug !== "vehicles");
      roadmap.products.push({ ...vehicles, id: 99, slug: "firearms", name: "Firearms", milestones: [{ ...vehicles.milestones[0]!, id: 99 }] });
    });
    const c = compareSnapshots(october2021(), to);
    expect(c).toEqual({ ...NOTHING, from: c.from, to: c.to, productsAdded: [{ slug: "firearms", name: "Firearms" }], productsRemoved: [{ slug: "vehicles", name: "Vehicles" }] });
  });

  it("finds milestones added, removed, brought forward and with a new status, by id (not title)", () => {
    const from = october2021();
    const drivers = product(from.roadmap, "drivers").milestones[0]!;
    const person = product(from.roadmap, "person").milestones[0]!;
    const to = january2022((roadmap) => {
      const d = product(roadmap, "drivers");
      d.milestones[0]!.forecast = monthPeriod(2022, 2);
      d.milestones[0]!.status = "on_track";
      product(roadmap, "person").milestones = [];
      // Same title as Property's beta, different id: a new milestone, not a move.
      product(roadmap, "audit").milestones.push({ id: 50, title: "Beta release", phaseKey: "beta", baseline: null, forecast: quarterPeriod(2022, 3), status: "not_started", actualOn: null, notes: "" });
    });
    const c = compareSnapshots(from, to);
    expect(c.milestoneMoves).toEqual([
      { id: drivers.id, productSlug: "drivers", productName: "Drivers", title: "Beta release", from: monthPeriod(2022, 3), to: monthPeriod(2022, 2), slippage: { amount: -1, unit: "month", text: "Brought forward 1 month" } },
    ]);
    expect(c.milestoneStatusChanges).toEqual([{ id: drivers.id, productName: "Drivers", title: "Beta release", from: "not_assessed", to: "on_track" }]);
    expect(c.milestonesRemoved).toEqual([{ id: person.id, productSlug: "person", productName: "Person", title: person.title, forecast: quarterPeriod(2022, 1) }]);
    expect(c.milestonesAdded).toEqual([{ id: 50, productSlug: "audit", productName: "Audit", title: "Beta release", forecast: quarterPeriod(2022, 3) }]);
    expect(c.phaseMoves).toEqual([]);
  });

  it("counts slippage at the coarser precision, and says when only the precision changed", () => {
    const to = january2022((roadmap) => {
      product(roadmap, "person").milestones[0]!.forecast = monthPeriod(2022, 3); // Q1 2022 → March 2022
      product(roadmap, "vehicles").milestones[0]!.forecast = quarterPeriod(2022, 2); // end of 2021 → Q2 2022
    });
    const [person, vehicles] = compareSnapshots(october2021(), to).milestoneMoves;
    expect(person!.slippage).toEqual({ amount: 0, unit: "quarter", text: "On baseline" });
    expect(movementText(person!)).toBe("Same quarter, stated differently");
    expect(vehicles!.slippage).toEqual({ amount: 1, unit: "year", text: "Slipped 1 year" });
  });

  it("finds dependency status changes, added and removed, for factors and for products", () => {
    const from = october2021();
    const [replication] = from.roadmap.factors;
    const propertyDeps = product(from.roadmap, "property").dependencies;
    const to = january2022((roadmap) => {
      roadmap.factors[0]!.status = "at_risk";
      roadmap.factors.push({ id: 4, position: 4, title: "Funding", description: "", status: "on_track", owner: null });
      const property = product(roadmap, "property");
      property.dependencies[1]!.status = "blocked";
      property.dependencies = property.dependencies.filter((d) => d.id !== propertyDeps[2]!.id);
      property.dependencies.push({ id: 77, on: { kind: "product", slug: "drivers", name: "Drivers" }, status: "on_track", owner: "Drivers team", note: "" });
    });
    expect(compareSnapshots(from, to).dependencyChanges).toEqual([
      { kind: "factor", id: replication!.id, label: replication!.title, from: "not_assessed", to: "at_risk" },
      { kind: "factor", id: 4, label: "Funding", from: null, to: "on_track" },
      { kind: "product", id: propertyDeps[1]!.id, label: FACTORS[1]!.title, productName: "Property", from: "not_assessed", to: "blocked" },
      { kind: "product", id: 77, label: "Drivers", productName: "Property", from: null, to: "on_track" },
      { kind: "product", id: propertyDeps[2]!.id, label: FACTORS[2]!.title, productName: "Property", from: "not_assessed", to: null },
    ]);
  });

  it("moves a phase only when the stated phase changes, and reads a draft as at today's date in London", () => {
    // 23:30 UTC on 30 June 2022 is already 1 July in London (BST).
    vi.useFakeTimers({ now: new Date("2022-06-30T23:30:00Z"), toFake: ["Date"] });
    const draft = january2022((roadmap) => {
      const vehicles = product(roadmap, "vehicles");
      vehicles.spans = [{ id: 100, phaseKey: "discovery", start: monthPeriod(2022, 1), end: monthPeriod(2022, 6), note: "" }];
      vehicles.currentPhaseKey = "alpha";
      // A figure dated 1 July counts only if the draft is read as at London's date.
      product(roadmap, "photographs-at-the-roadside").rollout!.observations.push({ id: 900, observedOn: "2022-07-01", forcesLive: 40, nationsCovered: [], note: "" });
    }, null);
    const comparison = compareSnapshots(october2021(), draft);
    // Planned spans whose dates have passed (Property's and Drivers' beta) are not moves: only the stated phase is.
    expect(comparison.phaseMoves).toEqual([{ productSlug: "vehicles", productName: "Vehicles", fromPhases: "Pre-Discovery", toPhases: "Alpha" }]);
    expect(comparison.rollout.map((r) => r.toLive)).toEqual([40]);
  });
});
