import { describe, expect, it } from "vitest";
import { dayPeriod, monthPeriod, quarterPeriod, yearPeriod, type Period } from "@/lib/dates/period";
import { seedRoadmap } from "@/tests/support/seed-roadmap";
import type { Milestone, MilestoneStatus, Phase, PhaseSpan, Product, Roadmap, Rollout } from "./types";
import { nextMilestone, phaseNames, phasesOn, productsInFamilyOrder, productStatus, rolloutFigures, rolloutSteps } from "./view";

const phase = (key: string, name: string, position: number): Phase => ({
  key, name, description: `${name} phase`, position, columnLabel: name, subColumnLabel: null,
});
const DISCOVERY = phase("discovery", "Discovery", 1);
const ALPHA = phase("alpha", "Alpha", 2);
const BETA = phase("beta", "Beta", 3);
const LIVE = phase("live", "Live", 4);

let nextId = 1;
const spanOf = (phaseKey: string, start: Period | null, end: Period | null): PhaseSpan => ({ id: nextId++, phaseKey, start, end, note: "" });
const milestone = (id: number, forecast: Period, status: MilestoneStatus): Milestone => ({
  id, title: `Milestone ${id}`, phaseKey: null, baseline: null, forecast, status, actualOn: null, notes: "",
});

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: nextId++,
    slug: "product",
    name: "Product",
    description: "",
    statusSummary: "",
    parentSlug: null,
    plannedFamilySize: null,
    currentPhaseKey: "beta",
    position: 1,
    spans: [],
    milestones: [],
    rollout: null,
    dependencies: [],
    ...overrides,
  };
}

function roadmapOf(products: Product[]): Roadmap {
  return {
    programme: { slug: "nledp", name: "Programme", shortName: "P", department: "Home Office", description: "", lookaheadMonths: 12 },
    phases: [DISCOVERY, ALPHA, BETA, LIVE],
    products,
    factors: [],
    forces: [],
  };
}

describe("phasesOn", () => {
  // Discovery already under way, ending Q4 2021; Alpha from November 2021 to Q2 2022. Spans listed Alpha first.
  const spans = [spanOf("alpha", monthPeriod(2021, 11), quarterPeriod(2022, 2)), spanOf("discovery", null, quarterPeriod(2021, 4))];
  const inDiscovery = product({ currentPhaseKey: "discovery", spans });
  const inAlpha = product({ currentPhaseKey: "alpha", spans });
  const roadmap = roadmapOf([inDiscovery, inAlpha]);

  it("gives the phases running alongside the stated one, in phase order, on a date where spans overlap", () => {
    expect(phasesOn(roadmap, inDiscovery, "2021-11-15")).toEqual([DISCOVERY, ALPHA]);
    expect(phasesOn(roadmap, inAlpha, "2021-11-15")).toEqual([DISCOVERY, ALPHA]);
    // Both ends of a span count: Alpha's first day and Discovery's last day.
    expect(phasesOn(roadmap, inDiscovery, "2021-11-01")).toEqual([DISCOVERY, ALPHA]);
    expect(phasesOn(roadmap, inDiscovery, "2021-12-31")).toEqual([DISCOVERY, ALPHA]);
  });

  it("gives one phase where only one span covers the date, an open start covering any earlier date", () => {
    expect(phasesOn(roadmap, inDiscovery, "2021-10-07")).toEqual([DISCOVERY]);
    expect(phasesOn(roadmap, inDiscovery, "2019-01-01")).toEqual([DISCOVERY]);
    expect(phasesOn(roadmap, inAlpha, "2022-01-01")).toEqual([ALPHA]);
    expect(phasesOn(roadmap, inAlpha, "2022-06-30")).toEqual([ALPHA]);
  });

  it("keeps the stated phase when the plan says otherwise: a plan whose dates pass is not a move", () => {
    expect(phasesOn(roadmap, inDiscovery, "2022-01-01")).toEqual([DISCOVERY]);
    expect(phasesOn(roadmap, inAlpha, "2021-10-07")).toEqual([ALPHA]);
  });

  it("gives the stated phase when no span covers the date", () => {
    expect(phasesOn(roadmap, inAlpha, "2022-07-01")).toEqual([ALPHA]);
    expect(phasesOn(roadmap, product({ currentPhaseKey: "live" }), "2022-07-01")).toEqual([LIVE]);
  });

  it("runs an open-ended span on for ever", () => {
    const ongoing = product({ currentPhaseKey: "live", spans: [spanOf("live", yearPeriod(2022), null), spanOf("beta", null, yearPeriod(2021))] });
    expect(phasesOn(roadmap, ongoing, "2030-01-01")).toEqual([LIVE]);
  });
});

describe("phaseNames", () => {
  it("joins names as a sentence would", () => {
    expect(phaseNames([])).toBe("");
    expect(phaseNames([DISCOVERY])).toBe("Discovery");
    expect(phaseNames([DISCOVERY, ALPHA])).toBe("Discovery and Alpha");
    expect(phaseNames([DISCOVERY, ALPHA, BETA])).toBe("Discovery, Alpha and Beta");
  });
});

describe("nextMilestone", () => {
  it("is the open milestone whose forecast period ends first", () => {
    const p = product({
      milestones: [
        milestone(1, quarterPeriod(2022, 2), "on_track"),
        milestone(2, monthPeriod(2021, 11), "done"),
        milestone(3, dayPeriod(2022, 5, 15), "at_risk"),
        milestone(4, yearPeriod(2022), "not_started"),
      ],
    });
    expect(nextMilestone(p)?.id).toBe(3);
  });

  it("takes the finer period first when two end on the same day, then the lower id", () => {
    const p = product({
      milestones: [milestone(5, quarterPeriod(2022, 1), "on_track"), milestone(7, monthPeriod(2022, 3), "on_track"), milestone(6, monthPeriod(2022, 3), "on_track")],
    });
    expect(nextMilestone(p)?.id).toBe(6);
  });

  it("is undefined when every milestone is done, or there are none", () => {
    expect(nextMilestone(product({ milestones: [milestone(1, monthPeriod(2021, 11), "done")] }))).toBeUndefined();
    expect(nextMilestone(product())).toBeUndefined();
  });
});

describe("productStatus", () => {
  const withStatuses = (...statuses: MilestoneStatus[]) =>
    product({ milestones: statuses.map((s, i) => milestone(i + 1, monthPeriod(2022, i + 1), s)) });

  it("is the worst status among open milestones", () => {
    expect(productStatus(withStatuses("on_track", "delayed", "at_risk"))).toBe("delayed");
    expect(productStatus(withStatuses("on_track", "at_risk", "not_started"))).toBe("at_risk");
    expect(productStatus(withStatuses("not_started", "on_track"))).toBe("on_track");
    expect(productStatus(withStatuses("not_started"))).toBe("not_started");
  });

  it("ranks not assessed worse than on track: an unknown is not good news", () => {
    expect(productStatus(withStatuses("on_track", "not_assessed"))).toBe("not_assessed");
    expect(productStatus(withStatuses("not_assessed", "at_risk"))).toBe("at_risk");
  });

  it("ignores done milestones while any is open", () => {
    expect(productStatus(withStatuses("done", "on_track", "done"))).toBe("on_track");
  });

  it("is done when every milestone is done, and null when there are none", () => {
    expect(productStatus(withStatuses("done", "done"))).toBe("done");
    expect(productStatus(product())).toBeNull();
  });
});

describe("rolloutFigures", () => {
  const targets: Rollout["targets"] = [
    { id: 1, target: quarterPeriod(2022, 1), forcesCount: 25 },
    { id: 2, target: yearPeriod(2022), forcesCount: 43 },
    { id: 3, target: monthPeriod(2021, 12), forcesCount: 15 },
  ];
  const observations: Rollout["observations"] = [
    { id: 2, observedOn: "2022-01-15", forcesLive: 20, nationsCovered: ["England", "Wales", "Scotland"], note: "" },
    { id: 1, observedOn: "2021-09-30", forcesLive: 10, nationsCovered: ["England", "Wales"], note: "" },
  ];
  const reported: Rollout = { totalForces: 43, observations, targets, forceGoLives: [] };

  describe("from reported observations (no per-force dates)", () => {
    it("takes the latest observation on or before the date", () => {
      expect(rolloutFigures(reported, "2021-10-07")).toMatchObject({
        forcesLive: 10, asOf: "2021-09-30", total: 43, nations: ["England", "Wales"], derived: false,
      });
      expect(rolloutFigures(reported, "2022-01-15")).toMatchObject({ forcesLive: 20, asOf: "2022-01-15", nations: ["England", "Wales", "Scotland"] });
      expect(rolloutFigures(reported, "2022-01-14")).toMatchObject({ forcesLive: 10, asOf: "2021-09-30" });
    });

    it("reports none live before the first observation", () => {
      expect(rolloutFigures(reported, "2021-09-29")).toMatchObject({ forcesLive: 0, asOf: null, nations: [], derived: false });
    });
  });

  describe("from per-force go-live dates", () => {
    const perForce: Rollout = {
      ...reported,
      forceGoLives: [
        { forceName: "Force A", nation: "England", liveOn: "2021-06-01" },
        { forceName: "Force B", nation: "Wales", liveOn: "2021-09-15" },
        { forceName: "Force C", nation: "England", liveOn: "2021-10-07" },
        { forceName: "Force D", nation: "Northern Ireland", liveOn: "2022-02-01" },
      ],
    };

    it("counts forces live on or before the date and their nations, never the typed observation", () => {
      const figures = rolloutFigures(perForce, "2021-10-07");
      expect(figures).toMatchObject({ forcesLive: 3, asOf: "2021-10-07", total: 43, derived: true });
      expect([...figures.nations].sort()).toEqual(["England", "Wales"]);
      // The observation of 15 January 2022 says 20 forces and Scotland; the go-live dates say otherwise.
      const later = rolloutFigures(perForce, "2022-03-01");
      expect(later).toMatchObject({ forcesLive: 4, asOf: "2022-02-01", derived: true });
      expect([...later.nations].sort()).toEqual(["England", "Northern Ireland", "Wales"]);
    });

    it("reports none live before the first go-live, even with an observation before it", () => {
      const early: Rollout = { ...perForce, observations: [{ id: 9, observedOn: "2021-01-01", forcesLive: 5, nationsCovered: ["England"], note: "" }] };
      expect(rolloutFigures(early, "2021-05-31")).toMatchObject({ forcesLive: 0, asOf: null, nations: [], derived: true });
    });

    it("gives the same next target as the reported figures", () => {
      expect(rolloutFigures(perForce, "2021-10-07").nextTarget?.id).toBe(3);
    });
  });

  it("gives as next target the earliest target whose period does not end before the date", () => {
    expect(rolloutFigures(reported, "2021-10-07").nextTarget).toEqual(targets[2]);
    expect(rolloutFigures(reported, "2021-12-31").nextTarget?.id).toBe(3);
    expect(rolloutFigures(reported, "2022-01-01").nextTarget?.id).toBe(1);
    expect(rolloutFigures(reported, "2022-04-01").nextTarget?.id).toBe(2);
    expect(rolloutFigures(reported, "2023-01-01").nextTarget).toBeUndefined();
  });
});

describe("rolloutSteps: the points of the rollout chart", () => {
  const reported: Rollout = {
    totalForces: 45,
    targets: [],
    forceGoLives: [],
    observations: [
      { id: 3, observedOn: "2022-01-15", forcesLive: 30, nationsCovered: ["England"], note: "" },
      { id: 1, observedOn: "2021-07-01", forcesLive: 12, nationsCovered: ["England"], note: "" },
      { id: 2, observedOn: "2021-10-07", forcesLive: 22, nationsCovered: ["England"], note: "" },
    ],
  };

  it("from reported figures: one point per observation up to the date, in date order, nothing planned", () => {
    expect(rolloutSteps(reported, "2021-10-07")).toEqual({
      actual: [{ on: "2021-07-01", count: 12 }, { on: "2021-10-07", count: 22 }],
      planned: [],
      derived: false,
    });
    expect(rolloutSteps(reported, "2022-01-15").actual.at(-1)).toEqual({ on: "2022-01-15", count: 30 });
    expect(rolloutSteps(reported, "2021-06-30").actual).toEqual([]);
  });

  it("two figures on one day: the later record stands, as in rolloutFigures", () => {
    const twice: Rollout = { ...reported, observations: [...reported.observations, { id: 4, observedOn: "2021-10-07", forcesLive: 23, nationsCovered: ["England"], note: "" }] };
    const { actual } = rolloutSteps(twice, "2021-12-31");
    expect(actual).toEqual([{ on: "2021-07-01", count: 12 }, { on: "2021-10-07", count: 23 }]);
    expect(actual.at(-1)!.count).toBe(rolloutFigures(twice, "2021-12-31").forcesLive);
  });

  it("from per-force go-live dates: a running count per day, those after the date planned, the observations ignored", () => {
    const perForce: Rollout = {
      ...reported,
      forceGoLives: [
        { forceName: "Force C", nation: "England", liveOn: "2021-10-07" },
        { forceName: "Force A", nation: "England", liveOn: "2021-06-01" },
        { forceName: "Force B", nation: "Wales", liveOn: "2021-10-07" },
        { forceName: "Force D", nation: "Scotland", liveOn: "2022-02-01" },
        { forceName: "Force E", nation: "Scotland", liveOn: "2022-05-01" },
      ],
    };
    expect(rolloutSteps(perForce, "2021-12-31")).toEqual({
      actual: [{ on: "2021-06-01", count: 1 }, { on: "2021-10-07", count: 3 }],
      planned: [{ on: "2022-02-01", count: 4 }, { on: "2022-05-01", count: 5 }],
      derived: true,
    });
    // A go-live on the date itself is live, not planned.
    expect(rolloutSteps(perForce, "2022-02-01").actual.at(-1)).toEqual({ on: "2022-02-01", count: 4 });
    expect(rolloutSteps(perForce, "2022-02-01").actual.at(-1)!.count).toBe(rolloutFigures(perForce, "2022-02-01").forcesLive);
  });
});

describe("productsInFamilyOrder", () => {
  it("puts each family's members right after their parent, one level in", () => {
    const order = productsInFamilyOrder([
      product({ slug: "a" }),
      product({ slug: "b" }),
      product({ slug: "a-child", parentSlug: "a" }),
      product({ slug: "b-child", parentSlug: "b" }),
      product({ slug: "a-second", parentSlug: "a" }),
      product({ slug: "orphan", parentSlug: "not-on-this-roadmap" }),
    ]);
    expect(order.map(({ product: p, depth }) => [p.slug, depth])).toEqual([
      ["a", 0],
      ["a-child", 1],
      ["a-second", 1],
      ["b", 0],
      ["b-child", 1],
      ["orphan", 0],
    ]);
  });

  it("keeps the given order when there are no families", () => {
    const order = productsInFamilyOrder([product({ slug: "x" }), product({ slug: "y" })]);
    expect(order.map((o) => [o.product.slug, o.depth])).toEqual([["x", 0], ["y", 0]]);
  });
});

describe("the phase a product is in", () => {
  it("is the stated phase; planned spans only add the phases running alongside it", async () => {
    const { phasesOn, phaseNames } = await import("./view");
    const roadmap = seedRoadmap();
    const property = roadmap.products.find((p) => p.slug === "property")!;
    // Its plan says Beta from March 2022, but the programme still states Alpha: Alpha it is.
    expect(phaseNames(phasesOn(roadmap, property, "2022-06-01"))).toBe("Alpha");
    property.currentPhaseKey = "beta";
    expect(phaseNames(phasesOn(roadmap, property, "2022-06-01"))).toBe("Beta");
    const person = roadmap.products.find((p) => p.slug === "person")!;
    expect(phaseNames(phasesOn(roadmap, person, "2021-10-07"))).toBe("Discovery and Alpha");
    // Once its spans have ended, what is stated remains.
    expect(phaseNames(phasesOn(roadmap, person, "2022-06-01"))).toBe("Discovery");
  });

  it("reads an update's phases within its own quarter, however late it is published", async () => {
    const { phaseDateOf } = await import("./view");
    expect(phaseDateOf({ year: 2021, quarter: 4, publishedOn: "2021-10-07" }, "2026-12-03")).toBe("2021-10-07");
    expect(phaseDateOf({ year: 2022, quarter: 1, publishedOn: "2026-12-03" }, "2026-12-03")).toBe("2022-03-31");
    expect(phaseDateOf({ year: 2022, quarter: 2, publishedOn: null }, "2026-12-03")).toBe("2022-06-30");
    expect(phaseDateOf({ year: 2022, quarter: 3, publishedOn: "2022-06-20" }, "2026-12-03")).toBe("2022-07-01");
    expect(phaseDateOf({ year: 2022, quarter: 4, publishedOn: null }, "2022-11-15")).toBe("2022-11-15");
  });
});
