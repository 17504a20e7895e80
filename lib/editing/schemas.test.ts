import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, todayInLondon } from "@/lib/dates/period";
import {
  dependencySchema,
  factorSchema,
  milestoneSchema,
  observationSchema,
  periodSchema,
  productSchema,
  slugify,
  spanSchema,
  targetSchema,
} from "./schemas";

type Issue = { path: PropertyKey[]; message: string; code?: string };

/** The issues of a refused input, as [path, message] pairs. */
function refusal(result: { success: boolean; error?: { issues: Issue[] } }): Array<[string, string]> {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => [i.path.join("."), i.message]);
}

const MILESTONE = {
  title: "Beta release",
  phaseKey: "beta",
  forecast: { precision: "month", on: "2022-03-31" },
  status: "not_assessed",
  actualOn: null,
  notes: "",
};

afterEach(() => {
  vi.useRealTimers();
});

describe("periodSchema", () => {
  it("stores any date inside the period as the period's last day", () => {
    expect(periodSchema.parse({ precision: "month", on: "2022-03-01" })).toEqual({ precision: "month", on: "2022-03-31" });
    expect(periodSchema.parse({ precision: "quarter", on: "2023-02-14" })).toEqual({ precision: "quarter", on: "2023-03-31" });
    expect(periodSchema.parse({ precision: "half", on: "2022-07-01" })).toEqual({ precision: "half", on: "2022-12-31" });
    expect(periodSchema.parse({ precision: "year", on: "2022-01-01" })).toEqual({ precision: "year", on: "2022-12-31" });
    expect(periodSchema.parse({ precision: "day", on: "2024-02-29" })).toEqual({ precision: "day", on: "2024-02-29" });
  });

  it("refuses a date that does not exist, a date in another format, an unknown precision and extra keys", () => {
    expect(refusal(periodSchema.safeParse({ precision: "day", on: "2022-02-29" }))).toEqual([["on", "Enter a real date"]]);
    // The first message is the one shown beside the field (errorsByField keeps the first).
    expect(refusal(periodSchema.safeParse({ precision: "month", on: "31/03/2022" }))[0]).toEqual(["on", "Enter a date as YYYY-MM-DD"]);
    expect(refusal(periodSchema.safeParse({ precision: "week", on: "2022-03-31" }))).toEqual([["precision", "Choose day, month, quarter, half or year"]]);
    expect(periodSchema.safeParse({ precision: "month", on: "2022-03-31", label: "March" }).success).toBe(false);
  });
});

describe("milestoneSchema", () => {
  it("accepts a milestone and fills the optional fields", () => {
    expect(milestoneSchema.parse({ title: "Beta release", forecast: { precision: "quarter", on: "2023-01-01" }, status: "on_track" })).toEqual({
      title: "Beta release",
      phaseKey: null,
      forecast: { precision: "quarter", on: "2023-03-31" },
      status: "on_track",
      actualOn: null,
      notes: "",
    });
  });

  it("requires a title of at most 200 characters, trimmed and otherwise stored as typed", () => {
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, title: "" }))).toEqual([["title", "Enter the milestone's title"]]);
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, title: "   " }))).toEqual([["title", "Enter the milestone's title"]]);
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, title: "x".repeat(201) }))).toEqual([
      ["title", "The milestone's title must be 200 characters or fewer"],
    ]);
    expect(milestoneSchema.parse({ ...MILESTONE, title: "x".repeat(200) }).title).toHaveLength(200);
    expect(milestoneSchema.parse({ ...MILESTONE, title: "  <script>alert(1)</script>  " }).title).toBe("<script>alert(1)</script>");
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, title: 42 }))).toEqual([["title", "The milestone's title must be text"]]);
  });

  it("refuses keys it does not know (the API cannot set the baseline or version this way)", () => {
    const result = milestoneSchema.safeParse({ ...MILESTONE, baseline: { precision: "month", on: "2021-12-31" }, version: 7 });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["baseline", "version"] })]);
  });

  it("requires a forecast and a known status", () => {
    const { forecast: _forecast, ...noForecast } = MILESTONE;
    expect(refusal(milestoneSchema.safeParse(noForecast)).map(([path]) => path)).toEqual(["forecast"]);
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, status: "finished" }))).toEqual([["status", "Select a status"]]);
  });

  it("refuses an actual date unless the milestone is done", () => {
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, status: "on_track", actualOn: "2022-03-09" }))).toEqual([
      ["actualOn", "Only a milestone that is done has an actual date: leave it empty or choose Done"],
    ]);
  });

  it("requires an actual date when the milestone is done", () => {
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: null }))).toEqual([["actualOn", "Enter the date the milestone was done"]]);
    expect(milestoneSchema.parse({ ...MILESTONE, status: "done", actualOn: "2022-03-09" })).toMatchObject({ status: "done", actualOn: "2022-03-09" });
  });

  it("accepts today's date in London as the actual date and refuses tomorrow's", () => {
    const today = todayInLondon();
    expect(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: today }).success).toBe(true);
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: addDays(today, 1) }))).toEqual([
      ["actualOn", "The actual date must be today or in the past"],
    ]);
  });

  it("counts 'today' in London, not in the server's zone: just after midnight in London it is already the 1st", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // 00:30 on 1 July 2024 in London (BST); 16:30 on 30 June in Los Angeles.
    vi.setSystemTime(new Date("2024-06-30T23:30:00Z"));
    expect(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: "2024-07-01" }).success).toBe(true);
    expect(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: "2024-07-02" }).success).toBe(false);
    // 23:30 on 31 December 2024 in London (GMT): 1 January is still tomorrow.
    vi.setSystemTime(new Date("2024-12-31T23:30:00Z"));
    expect(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: "2024-12-31" }).success).toBe(true);
    expect(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: "2025-01-01" }).success).toBe(false);
  });

  it("refuses an actual date that does not exist", () => {
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, status: "done", actualOn: "2022-02-30" }))).toContainEqual(["actualOn", "Enter a real date"]);
  });

  it("refuses notes over 2000 characters", () => {
    expect(refusal(milestoneSchema.safeParse({ ...MILESTONE, notes: "n".repeat(2001) }))).toEqual([["notes", "The notes must be 2000 characters or fewer"]]);
  });
});

describe("spanSchema", () => {
  const march = { precision: "month", on: "2022-03-31" };
  const q1 = { precision: "quarter", on: "2022-03-31" };
  const feb = { precision: "month", on: "2022-02-28" };

  it("refuses an end before the start, with the error on the end", () => {
    expect(refusal(spanSchema.safeParse({ phaseKey: "alpha", start: march, end: feb }))).toEqual([["end", "The end must not be before the start"]]);
  });

  it("accepts an end on the start's last day (periods compare by their last day), and open ends", () => {
    expect(spanSchema.safeParse({ phaseKey: "alpha", start: march, end: q1 }).success).toBe(true);
    expect(spanSchema.parse({ phaseKey: "alpha", end: feb })).toEqual({ phaseKey: "alpha", start: null, end: { precision: "month", on: "2022-02-28" }, note: "" });
    expect(spanSchema.parse({ phaseKey: "alpha", start: march, end: null })).toMatchObject({ start: march, end: null });
  });

  it("requires a phase", () => {
    expect(refusal(spanSchema.safeParse({ phaseKey: "" }))).toEqual([["phaseKey", "Select a phase"]]);
  });
});

describe("observationSchema (45 forces)", () => {
  const schema = observationSchema(45);
  const observation = { observedOn: "2022-01-10", forcesLive: 12, nationsCovered: ["England"], note: "" };

  it("accepts 0 to 45 forces live", () => {
    expect(schema.safeParse({ ...observation, forcesLive: 0 }).success).toBe(true);
    expect(schema.parse({ ...observation, forcesLive: 45 }).forcesLive).toBe(45);
  });

  it("refuses 46 and -1", () => {
    expect(refusal(schema.safeParse({ ...observation, forcesLive: 46 }))).toEqual([["forcesLive", "Forces live must be between 0 and 45"]]);
    expect(refusal(schema.safeParse({ ...observation, forcesLive: -1 }))).toEqual([["forcesLive", "Forces live must be between 0 and 45"]]);
  });

  it("refuses a fraction or text", () => {
    expect(refusal(schema.safeParse({ ...observation, forcesLive: 3.5 }))).toEqual([["forcesLive", "Enter the number of forces live as a whole number"]]);
    expect(refusal(schema.safeParse({ ...observation, forcesLive: "3.5" }))).toEqual([["forcesLive", "Enter the number of forces live as a whole number"]]);
  });

  it("uses the total it is given", () => {
    expect(observationSchema(43).safeParse({ ...observation, forcesLive: 44 }).success).toBe(false);
  });

  it("refuses an unknown nation, a nation twice and a date in the future (London)", () => {
    expect(refusal(schema.safeParse({ ...observation, nationsCovered: ["Mercia"] }))).toEqual([["nationsCovered.0", "Select nations from the list"]]);
    expect(refusal(schema.safeParse({ ...observation, nationsCovered: ["Wales", "Wales"] }))).toEqual([["nationsCovered", "Select each nation once"]]);
    expect(refusal(schema.safeParse({ ...observation, observedOn: addDays(todayInLondon(), 1) }))).toEqual([
      ["observedOn", "The date must be today or in the past"],
    ]);
    expect(schema.safeParse({ ...observation, observedOn: todayInLondon() }).success).toBe(true);
  });
});

describe("targetSchema (45 forces)", () => {
  it("takes 1 to 45 forces by a period", () => {
    const schema = targetSchema(45);
    expect(schema.parse({ target: { precision: "quarter", on: "2023-01-01" }, forcesCount: 45 })).toEqual({
      target: { precision: "quarter", on: "2023-03-31" },
      forcesCount: 45,
    });
    expect(refusal(schema.safeParse({ target: { precision: "year", on: "2023-12-31" }, forcesCount: 0 }))).toEqual([
      ["forcesCount", "The target must be between 1 and 45 forces"],
    ]);
    expect(refusal(schema.safeParse({ target: { precision: "year", on: "2023-12-31" }, forcesCount: 46 }))).toEqual([
      ["forcesCount", "The target must be between 1 and 45 forces"],
    ]);
  });
});

describe("dependencySchema", () => {
  it("depends on a product, a programme factor or a milestone; an empty owner is none", () => {
    expect(dependencySchema.parse({ on: { kind: "product", slug: "person" }, status: "at_risk", owner: "  " })).toEqual({
      on: { kind: "product", slug: "person" },
      status: "at_risk",
      owner: null,
      note: "",
    });
    expect(dependencySchema.parse({ on: { kind: "milestone", id: 3 }, status: "met", owner: " Home Office " }).owner).toBe("Home Office");
    expect(dependencySchema.safeParse({ on: { kind: "factor", id: 1 }, status: "blocked" }).success).toBe(true);
  });

  it("refuses an unknown kind of target and a target of the wrong shape", () => {
    expect(refusal(dependencySchema.safeParse({ on: { kind: "team", id: 1 }, status: "met" }))).toEqual([["on.kind", "Select what the product depends on"]]);
    expect(dependencySchema.safeParse({ on: { kind: "milestone", slug: "property" }, status: "met" }).success).toBe(false);
    expect(dependencySchema.safeParse({ on: { kind: "factor", id: 0 }, status: "met" }).success).toBe(false);
    expect(refusal(dependencySchema.safeParse({ on: { kind: "factor", id: 1 }, status: "done" }))).toEqual([["status", "Select a status"]]);
  });
});

describe("factorSchema", () => {
  it("requires a title and a description", () => {
    expect(refusal(factorSchema.safeParse({ title: "", description: "", status: "on_track" })).map(([p]) => p)).toEqual(["title", "description"]);
    expect(factorSchema.parse({ title: "Funding", description: "Spending review", status: "on_track", owner: "" }).owner).toBeNull();
  });
});

describe("productSchema and slugify", () => {
  const product = { name: "Property", description: "An improved register of stolen property.", currentPhaseKey: "beta" };

  it("fills the optional fields", () => {
    expect(productSchema.parse(product)).toEqual({ ...product, statusSummary: "", parentSlug: null, plannedFamilySize: null });
  });

  it("refuses a name with no letters or numbers, or one that would take the 'new' page", () => {
    expect(refusal(productSchema.safeParse({ ...product, name: "!!!" }))).toEqual([["name", "The product's name must include letters or numbers"]]);
    expect(refusal(productSchema.safeParse({ ...product, name: "New" }))).toEqual([["name", "The product's name must include letters or numbers"]]);
  });

  it("refuses a planned family of fewer than 2, or a fraction", () => {
    expect(refusal(productSchema.safeParse({ ...product, plannedFamilySize: 1 }))).toEqual([["plannedFamilySize", "A planned family has at least 2 products"]]);
    expect(refusal(productSchema.safeParse({ ...product, plannedFamilySize: 2.5 }))).toEqual([["plannedFamilySize", "The planned family size must be a whole number"]]);
  });

  it("makes slugs from names", () => {
    expect(slugify("Photographs at the Roadside")).toBe("photographs-at-the-roadside");
    expect(slugify("  R&D: Café Data!  ")).toBe("r-and-d-cafe-data");
    expect(slugify("x".repeat(80))).toHaveLength(60);
    expect(slugify("—")).toBe("");
  });
});
