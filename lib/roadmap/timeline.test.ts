import { describe, expect, it } from "vitest";
import { addDays, dayPeriod, formatPeriod, monthPeriod, quarterPeriod, yearPeriod, type Period } from "@/lib/dates/period";
import {
  CHART_SIZES, NO_FILTERS, TIMELINE_PAGE_SIZE, ZOOMS, chartLayout, columnsFor, dayMark, filteredProducts, lookaheadRange, monthColumns, monthRange,
  periodMark, place, quarterColumns, rangeMonths, spanBar, timelinePages, visibleItems, yearColumns,
  type ChartRow, type DatePiece, type DateRange, type GutterPiece, type Zoom,
} from "./timeline";
import { parseMonth, parseTimelineOptions, timelineHref } from "./timeline-options";
import type { Milestone, PhaseSpan, Product, Roadmap } from "./types";

// Time zones: scripts/test.mjs runs this file twice, with TZ=Europe/London and TZ=America/Los_Angeles
// (TZ cannot be changed reliably inside a running Node process). Every expected position below is
// written from day counts by hand, never from a Date in the local zone, so the same numbers must come
// out in both runs; a position that moved with the zone or the clock change would fail one of them.
it("runs in the time zone the test runner asked for", () => {
  const asked = process.env.TZ;
  if (asked) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(asked);
});

/** The October 2021 update's range: 1 October 2021 to 31 December 2022. */
const RANGE: DateRange = { start: "2021-10-01", end: "2022-12-31" };
/** Days in RANGE: Q4 2021 (92) + 2022 (365). */
const DAYS = 457;
/** Percentage of RANGE's width taken by n whole days. */
const pct = (days: number) => (days / DAYS) * 100;

// Days from 1 October 2021 to the first day of each month in RANGE (Oct 31, Nov 30, Dec 31, Jan 31, Feb 28, Mar 31, ...).
const MONTH_OFFSET = {
  "2021-10": 0, "2021-11": 31, "2021-12": 61,
  "2022-01": 92, "2022-02": 123, "2022-03": 151, "2022-04": 182, "2022-05": 212, "2022-06": 243,
  "2022-07": 273, "2022-08": 304, "2022-09": 335, "2022-10": 365, "2022-11": 396, "2022-12": 426,
} as const;

const DIGITS = 10;

const span = (start: Period | null, end: Period | null): PhaseSpan => ({ id: 1, phaseKey: "alpha", start, end, note: "" });

/** A small roadmap with each kind of dependency: Person → Property, Drivers → Property's beta, Property and Person → factors. */
const milestone = (id: number, title: string, forecast: Period, status: Milestone["status"], phaseKey: string | null): Milestone => ({
  id, title, phaseKey, baseline: forecast, forecast, status, actualOn: null, notes: "",
});
const product = (slug: string, name: string, extra: Partial<Product>): Product => ({
  id: 0, slug, name, description: "", statusSummary: "", parentSlug: null, plannedFamilySize: null, currentPhaseKey: "alpha",
  position: 0, spans: [], milestones: [], rollout: null, dependencies: [], ...extra,
});
const ROADMAP: Roadmap = {
  programme: { slug: "p", name: "Programme", shortName: "P", department: "", description: "", lookaheadMonths: 12 },
  phases: [
    { key: "alpha", name: "Alpha", description: "", position: 1, columnLabel: "Alpha", subColumnLabel: null },
    { key: "beta", name: "Beta", description: "", position: 2, columnLabel: "Beta", subColumnLabel: null },
  ],
  factors: [{ id: 7, position: 1, title: "Replication pilot", description: "", status: "not_assessed", owner: null }],
  forces: [],
  products: [
    product("property", "Property", {
      spans: [
        { id: 11, phaseKey: "alpha", start: null, end: monthPeriod(2022, 2), note: "" },
        { id: 12, phaseKey: "beta", start: monthPeriod(2022, 3), end: null, note: "" },
      ],
      milestones: [milestone(21, "Beta release", monthPeriod(2022, 3), "not_assessed", "beta")],
      dependencies: [{ id: 3, on: { kind: "factor", id: 7, title: "Replication pilot" }, status: "not_assessed", owner: null, note: "" }],
    }),
    product("drivers", "Drivers", {
      spans: [{ id: 13, phaseKey: "beta", start: monthPeriod(2022, 3), end: null, note: "" }],
      dependencies: [{ id: 2, on: { kind: "milestone", id: 21, title: "Beta release", productSlug: "property" }, status: "on_track", owner: null, note: "" }],
    }),
    product("person", "Person", {
      spans: [{ id: 14, phaseKey: "alpha", start: null, end: quarterPeriod(2022, 1), note: "" }],
      dependencies: [
        { id: 1, on: { kind: "product", slug: "property", name: "Property" }, status: "at_risk", owner: null, note: "" },
        { id: 4, on: { kind: "factor", id: 7, title: "Replication pilot" }, status: "not_assessed", owner: null, note: "" },
      ],
    }),
    product("person-wanted", "Wanted persons", {
      parentSlug: "person",
      milestones: [milestone(22, "Alpha ends", quarterPeriod(2022, 2), "on_track", "alpha")],
    }),
  ],
};

describe("lookaheadRange", () => {
  it("runs from the start of the publishing quarter to the end of the quarter 12 months on", () => {
    expect(lookaheadRange("2021-10-07", 12)).toEqual({ start: "2021-10-01", end: "2022-12-31" });
  });

  it("covers five calendar quarters, Q4 2021 to Q4 2022", () => {
    const columns = quarterColumns(lookaheadRange("2021-10-07", 12));
    expect(columns.map((c) => c.label)).toEqual(["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]);
    expect(columns.map((c) => c.key)).toEqual(["2021-12-31", "2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]);
    expect(columns[0]?.title).toBe("October to December 2021");
  });

  it("labels the same quarters by the UK financial year when asked", () => {
    expect(quarterColumns(lookaheadRange("2021-10-07", 12), "financial").map((c) => c.label)).toEqual([
      "2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3",
    ]);
  });

  it("works from any day of a quarter, including its last", () => {
    expect(lookaheadRange("2022-03-31", 12)).toEqual({ start: "2022-01-01", end: "2023-03-31" });
    expect(lookaheadRange("2022-01-01", 12)).toEqual({ start: "2022-01-01", end: "2023-03-31" });
    expect(lookaheadRange("2021-11-30", 0)).toEqual({ start: "2021-10-01", end: "2021-12-31" });
  });
});

describe("quarterColumns and monthColumns", () => {
  it("give each quarter its own number of days, side by side, filling the width", () => {
    const columns = quarterColumns(RANGE);
    const days = [92, 90, 91, 92, 92];
    let left = 0;
    columns.forEach((column, i) => {
      expect(column.left, column.label).toBeCloseTo(pct(left), DIGITS);
      expect(column.width, column.label).toBeCloseTo(pct(days[i]!), DIGITS);
      left += days[i]!;
    });
    expect(left).toBe(DAYS);
  });

  it("give each month its own number of days", () => {
    const columns = monthColumns(RANGE);
    expect(columns).toHaveLength(15);
    expect(columns.map((c) => c.label).slice(0, 6)).toEqual(["Oct 2021", "Nov 2021", "Dec 2021", "Jan 2022", "Feb 2022", "Mar 2022"]);
    const february = columns.find((c) => c.key === "2022-02-28");
    expect(february).toMatchObject({ title: "February 2022" });
    expect(february!.left).toBeCloseTo(pct(MONTH_OFFSET["2022-02"]), DIGITS);
    expect(february!.width).toBeCloseTo(pct(28), DIGITS);
    const last = columns.at(-1)!;
    expect(last.left + last.width).toBeCloseTo(100, DIGITS);
  });

  it("cut the first and last column at the range's edges", () => {
    const mid: DateRange = { start: "2021-11-15", end: "2022-02-10" };
    const quarters = quarterColumns(mid);
    expect(quarters.map((c) => c.label)).toEqual(["Q4 2021", "Q1 2022"]);
    // 15 November to 31 December is 47 days of the 88 in the range.
    expect(quarters[0]!.left).toBe(0);
    expect(quarters[0]!.width).toBeCloseTo((47 / 88) * 100, DIGITS);
    expect(quarters[1]!.left + quarters[1]!.width).toBeCloseTo(100, DIGITS);
  });
});

describe("place", () => {
  it("places inclusive days as a share of the range", () => {
    expect(place(RANGE, "2021-10-01", "2022-12-31")).toEqual({ left: 0, width: 100, cutStart: false, cutEnd: false });
    const one = place(RANGE, "2022-01-01", "2022-01-01")!;
    expect(one.left).toBeCloseTo(pct(92), DIGITS);
    expect(one.width).toBeCloseTo(pct(1), DIGITS);
  });

  it("cuts days that run past either edge and says so", () => {
    const before = place(RANGE, "2021-09-01", "2021-10-31")!;
    expect(before).toMatchObject({ left: 0, cutStart: true, cutEnd: false });
    expect(before.width).toBeCloseTo(pct(31), DIGITS);
    const after = place(RANGE, "2022-12-01", "2023-02-28")!;
    expect(after).toMatchObject({ cutStart: false, cutEnd: true });
    expect(after.left).toBeCloseTo(pct(MONTH_OFFSET["2022-12"]), DIGITS);
    expect(after.left + after.width).toBeCloseTo(100, DIGITS);
  });

  it("gives null for days wholly outside the range, and places days touching its edges", () => {
    expect(place(RANGE, "2021-07-01", "2021-09-30")).toBeNull();
    expect(place(RANGE, "2023-01-01", "2023-03-31")).toBeNull();
    expect(place(RANGE, "2021-07-01", "2021-10-01")).toMatchObject({ left: 0, cutStart: true });
    expect(place(RANGE, "2022-12-31", "2023-03-31")).toMatchObject({ cutEnd: true });
  });
});

describe("periodMark", () => {
  it("draws a month-precision period as the whole month", () => {
    for (const [month, days, key] of [[2, 28, "2022-02"], [3, 31, "2022-03"], [4, 30, "2022-04"]] as const) {
      const mark = periodMark(RANGE, monthPeriod(2022, month))!;
      expect(mark.left, key).toBeCloseTo(pct(MONTH_OFFSET[key]), DIGITS);
      expect(mark.width, key).toBeCloseTo(pct(days), DIGITS);
      expect(mark).toMatchObject({ cutStart: false, cutEnd: false });
    }
  });

  it("draws a quarter as the quarter, a year cut to the range, a day as one day", () => {
    const q2 = periodMark(RANGE, quarterPeriod(2022, 2))!;
    expect(q2.left).toBeCloseTo(pct(182), DIGITS);
    expect(q2.width).toBeCloseTo(pct(91), DIGITS);
    const year = periodMark(RANGE, yearPeriod(2021))!;
    expect(year).toMatchObject({ left: 0, cutStart: true, cutEnd: false });
    expect(year.width).toBeCloseTo(pct(92), DIGITS);
    expect(periodMark(RANGE, dayPeriod(2021, 10, 7))!.width).toBeCloseTo(pct(1), DIGITS);
  });

  it("gives null for a period wholly outside the range", () => {
    expect(periodMark(RANGE, quarterPeriod(2021, 3))).toBeNull();
    expect(periodMark(RANGE, monthPeriod(2023, 1))).toBeNull();
    expect(periodMark(RANGE, dayPeriod(2021, 9, 30))).toBeNull();
    expect(periodMark(RANGE, yearPeriod(2023))).toBeNull();
  });

  it("puts a day-precision 31 March 2022 inside March's column, at its right-hand end", () => {
    const march = monthColumns(RANGE).find((c) => c.key === "2022-03-31")!;
    const mark = periodMark(RANGE, dayPeriod(2022, 3, 31))!;
    expect(mark.left).toBeGreaterThanOrEqual(march.left);
    expect(mark.left + mark.width).toBeLessThanOrEqual(march.left + march.width + 1e-9);
    expect(mark.left + mark.width).toBeCloseTo(march.left + march.width, DIGITS);
    // Day 181 of the range (1 October is day 0).
    expect(mark.left).toBeCloseTo(pct(181), DIGITS);
    const day = dayMark(RANGE, "2022-03-31")!;
    expect(day).toBeGreaterThan(march.left);
    expect(day).toBeLessThan(march.left + march.width);
    const april = monthColumns(RANGE).find((c) => c.key === "2022-04-30")!;
    expect(day).toBeLessThan(april.left);
  });
});

describe("dayMark", () => {
  it("marks the middle of the day", () => {
    expect(dayMark(RANGE, "2021-10-01")).toBeCloseTo(pct(0.5), DIGITS);
    expect(dayMark(RANGE, "2021-10-07")).toBeCloseTo(pct(6.5), DIGITS);
    expect(dayMark(RANGE, "2022-12-31")).toBeCloseTo(pct(456.5), DIGITS);
  });

  it("gives null outside the range", () => {
    expect(dayMark(RANGE, "2021-09-30")).toBeNull();
    expect(dayMark(RANGE, "2023-01-01")).toBeNull();
  });

  // British Summer Time began on Sunday 27 March 2022 and ended on Sunday 31 October 2021: a local-time
  // day there is 23 or 25 hours long. Whole calendar days must still be one day's width apart.
  it("keeps days either side of the March 2022 clock change one day apart", () => {
    const marks = ["2022-03-26", "2022-03-27", "2022-03-28"].map((d) => dayMark(RANGE, d)!);
    expect(marks[0]).toBeCloseTo(pct(176.5), DIGITS);
    expect(marks[1]).toBeCloseTo(pct(177.5), DIGITS);
    expect(marks[2]).toBeCloseTo(pct(178.5), DIGITS);
    expect(marks[1]! - marks[0]!).toBeCloseTo(pct(1), DIGITS);
    expect(marks[2]! - marks[1]!).toBeCloseTo(pct(1), DIGITS);
  });

  it("keeps days either side of the October 2021 clock change one day apart", () => {
    const marks = ["2021-10-30", "2021-10-31", "2021-11-01"].map((d) => dayMark(RANGE, d)!);
    expect(marks[0]).toBeCloseTo(pct(29.5), DIGITS);
    expect(marks[1]).toBeCloseTo(pct(30.5), DIGITS);
    expect(marks[2]).toBeCloseTo(pct(31.5), DIGITS);
    expect(marks[1]! - marks[0]!).toBeCloseTo(pct(1), DIGITS);
    expect(marks[2]! - marks[1]!).toBeCloseTo(pct(1), DIGITS);
  });

  it("keeps a day's own period one day wide across the clock change", () => {
    for (const [y, m, d] of [[2022, 3, 27], [2021, 10, 31]] as const) {
      expect(periodMark(RANGE, dayPeriod(y, m, d))!.width).toBeCloseTo(pct(1), DIGITS);
    }
    // March 2022 holds the spring change and is still 31 days wide; October 2021 the autumn one.
    expect(periodMark(RANGE, monthPeriod(2022, 3))!.width).toBeCloseTo(pct(31), DIGITS);
    expect(periodMark(RANGE, monthPeriod(2021, 10))!.width).toBeCloseTo(pct(31), DIGITS);
  });
});

describe("spanBar", () => {
  it("runs a span with no start from the range's start, cut there", () => {
    const bar = spanBar(RANGE, span(null, quarterPeriod(2022, 2)))!;
    expect(bar).toMatchObject({ left: 0, cutStart: true, cutEnd: false, fromLabel: "already under way", toLabel: "Q2 2022" });
    expect(bar.width).toBeCloseTo(pct(92 + 90 + 91), DIGITS);
  });

  it("runs a span with no end to the range's end, cut there", () => {
    const bar = spanBar(RANGE, span(monthPeriod(2022, 7), null))!;
    expect(bar).toMatchObject({ cutStart: false, cutEnd: true, fromLabel: "July 2022", toLabel: "ongoing" });
    expect(bar.left).toBeCloseTo(pct(MONTH_OFFSET["2022-07"]), DIGITS);
    expect(bar.left + bar.width).toBeCloseTo(100, DIGITS);
  });

  it("runs a span open at both ends across the whole range", () => {
    expect(spanBar(RANGE, span(null, null))).toMatchObject({ left: 0, width: 100, cutStart: true, cutEnd: true });
  });

  it("cuts a span that starts before the range and labels its real edges", () => {
    const bar = spanBar(RANGE, span(quarterPeriod(2021, 3), monthPeriod(2021, 11)))!;
    expect(bar).toMatchObject({ left: 0, cutStart: true, cutEnd: false, fromLabel: "Q3 2021", toLabel: "November 2021" });
    expect(bar.width).toBeCloseTo(pct(61), DIGITS);
    expect(spanBar(RANGE, span(quarterPeriod(2021, 3), dayPeriod(2022, 3, 31)), "financial")).toMatchObject({
      fromLabel: "2021-22 Q2",
      toLabel: "31 March 2022",
    });
    expect(spanBar(RANGE, span(yearPeriod(2022), yearPeriod(2023)))).toMatchObject({ fromLabel: "2022", toLabel: "end of 2023", cutEnd: true });
  });

  it("gives null for a span wholly outside the range", () => {
    expect(spanBar(RANGE, span(null, quarterPeriod(2021, 3)))).toBeNull();
    expect(spanBar(RANGE, span(monthPeriod(2023, 1), null))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Zoom, financial years, the range in the address, and the chart's rows and dependency lines.
// ---------------------------------------------------------------------------------------------

describe("columnsFor: the columns at each zoom", () => {
  it("month zoom: one column a month, labelled like Oct 2021", () => {
    const labels = columnsFor("month", RANGE).map((c) => c.label);
    expect(labels).toHaveLength(15);
    expect(labels[0]).toBe("Oct 2021");
    expect(labels.at(-1)).toBe("Dec 2022");
    // Months have no financial form: the same labels either way.
    expect(columnsFor("month", RANGE, "financial").map((c) => c.label)).toEqual(labels);
  });

  it("quarter zoom: calendar quarters by default, financial ones when asked", () => {
    expect(columnsFor("quarter", RANGE).map((c) => c.label)).toEqual(["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]);
    expect(columnsFor("quarter", RANGE, "financial").map((c) => c.label)).toEqual(["2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3"]);
  });

  it("year zoom: calendar years, or financial years from 1 April to 31 March, cut at the range's edges", () => {
    const calendar = columnsFor("year", RANGE);
    expect(calendar.map((c) => c.label)).toEqual(["2021", "2022"]);
    expect(calendar[0]!.width).toBeCloseTo(pct(92), DIGITS);
    expect(calendar[1]!.width).toBeCloseTo(pct(365), DIGITS);
    const financial = columnsFor("year", RANGE, "financial");
    expect(financial.map((c) => c.label)).toEqual(["2021-22", "2022-23"]);
    // 1 October 2021 to 31 March 2022 is 182 days; 1 April to 31 December 2022 the other 275.
    expect(financial[0]).toMatchObject({ left: 0, key: "2022-03-31" });
    expect(financial[0]!.width).toBeCloseTo(pct(182), DIGITS);
    expect(financial[1]!.left).toBeCloseTo(pct(182), DIGITS);
    expect(financial[1]!.width).toBeCloseTo(pct(275), DIGITS);
    expect(financial[0]!.title).toBe("Financial year 1 April 2021 to 31 March 2022");
  });

  it("1 April starts a financial year's Q1 and 31 March ends its Q4", () => {
    const range: DateRange = { start: "2022-03-31", end: "2022-04-01" };
    const quarters = quarterColumns(range, "financial");
    expect(quarters.map((c) => c.label)).toEqual(["2021-22 Q4", "2022-23 Q1"]);
    expect(quarters[0]!.width).toBeCloseTo(50, DIGITS);
    expect(yearColumns(range, "financial").map((c) => c.label)).toEqual(["2021-22", "2022-23"]);
  });

  it("every zoom's columns fill the range exactly, side by side", () => {
    for (const zoom of ZOOMS) {
      for (const style of ["calendar", "financial"] as const) {
        const columns = columnsFor(zoom, RANGE, style);
        expect(columns[0]!.left, `${zoom} ${style}`).toBe(0);
        columns.slice(1).forEach((c, i) => expect(c.left).toBeCloseTo(columns[i]!.left + columns[i]!.width, DIGITS));
        expect(columns.at(-1)!.left + columns.at(-1)!.width).toBeCloseTo(100, DIGITS);
      }
    }
  });
});

describe("a month-precision milestone at every zoom", () => {
  // Property's "Beta release", March 2022: drawn as the whole of March whatever the columns are.
  const march = monthPeriod(2022, 3);

  it("spans its month, 1 to 31 March, at month, quarter and year zoom alike", () => {
    const mark = periodMark(RANGE, march)!;
    expect(mark.left).toBeCloseTo(pct(MONTH_OFFSET["2022-03"]), DIGITS);
    expect(mark.width).toBeCloseTo(pct(31), DIGITS);
    for (const zoom of ZOOMS) {
      for (const style of ["calendar", "financial"] as const) {
        const holding = columnsFor(zoom, RANGE, style).find((c) => c.left <= mark.left + 1e-9 && mark.left + mark.width <= c.left + c.width + 1e-9);
        expect(holding, `${zoom} ${style}`).toBeDefined();
      }
    }
    expect(columnsFor("month", RANGE).find((c) => c.key === "2022-03-31")).toMatchObject({ left: mark.left, width: mark.width });
  });

  it("keeps its label at every zoom: the layout does not depend on the columns at all", () => {
    // chartLayout takes no zoom: only the column lines change between zooms, never an item's place or words.
    const chart = (_zoom: Zoom) => chartLayout(ROADMAP, RANGE).rows.find((r) => r.key === "p-property")!;
    for (const zoom of ZOOMS) {
      const lane = (chart(zoom) as Extract<ChartRow, { kind: "product" }>).lanes.find((l) => l.kind === "milestone")!;
      expect(lane.kind === "milestone" && formatPeriod(lane.milestone.forecast, { asTarget: true })).toBe("March 2022");
      expect(lane.kind === "milestone" && lane.mark.width).toBeCloseTo(pct(31), DIGITS);
    }
  });

  it("a quarter is drawn as its quarter, a day as its day", () => {
    expect(periodMark(RANGE, quarterPeriod(2022, 1))!.width).toBeCloseTo(pct(90), DIGITS);
    expect(periodMark(RANGE, dayPeriod(2022, 3, 31))!.width).toBeCloseTo(pct(1), DIGITS);
  });
});

describe("the clock changes of 27 March 2022 and 30 October 2022", () => {
  // British Summer Time began on Sunday 27 March 2022 and ended on Sunday 30 October 2022.
  it.each([
    ["2022-03-25", "2022-03-26", "2022-03-27", "2022-03-28", "2022-03-29"],
    ["2022-10-28", "2022-10-29", "2022-10-30", "2022-10-31", "2022-11-01"],
  ])("days %s to %s are each one day wide, one day apart", (...days) => {
    const placed = days.map((d) => place(RANGE, d, d)!);
    for (const p of placed) expect(p.width).toBeCloseTo(pct(1), DIGITS);
    for (let i = 1; i < placed.length; i++) expect(placed[i]!.left - placed[i - 1]!.left).toBeCloseTo(pct(1), DIGITS);
    // A week straddling the change is seven days wide, as is one that does not.
    expect(place(RANGE, days[0]!, addDays(days[0]!, 6))!.width).toBeCloseTo(pct(7), DIGITS);
  });

  it("places 30 October 2022 at day 394 and 27 March 2022 at day 177 of the range", () => {
    expect(place(RANGE, "2022-10-30", "2022-10-30")!.left).toBeCloseTo(pct(394), DIGITS);
    expect(place(RANGE, "2022-03-27", "2022-03-27")!.left).toBeCloseTo(pct(177), DIGITS);
    // Spans ending either side of each change have widths differing by exactly one day.
    const before = place(RANGE, "2022-03-01", "2022-03-26")!;
    const after = place(RANGE, "2022-03-01", "2022-03-27")!;
    expect(after.width - before.width).toBeCloseTo(pct(1), DIGITS);
    const autumnBefore = place(RANGE, "2022-10-01", "2022-10-30")!;
    const autumnAfter = place(RANGE, "2022-10-01", "2022-10-31")!;
    expect(autumnAfter.width - autumnBefore.width).toBeCloseTo(pct(1), DIGITS);
  });
});

describe("the range and zoom in the address", () => {
  const context = { lookaheadFrom: "2021-10-07", lookaheadMonths: 12, productSlugs: ["property", "drivers", "person"], phaseKeys: ["alpha", "beta"] };

  it("defaults to quarters over the update's 12 months ahead", () => {
    const options = parseTimelineOptions({}, context);
    expect(options).toMatchObject({ zoom: "quarter", range: RANGE, errors: {}, quarters: null, filters: NO_FILTERS });
    expect(timelineHref(options)).toBe("/timeline");
  });

  it("reads ?zoom=month&from=2021-10&to=2022-06 and writes it back", () => {
    const options = parseTimelineOptions({ zoom: "month", from: "2021-10", to: "2022-06" }, context);
    expect(options.range).toEqual({ start: "2021-10-01", end: "2022-06-30" });
    expect(options.errors).toEqual({});
    expect(timelineHref(options)).toBe("/timeline?zoom=month&from=2021-10&to=2022-06");
    expect(monthRange({ year: 2022, month: 2 }, { year: 2024, month: 2 })).toEqual({ start: "2022-02-01", end: "2024-02-29" });
    expect(rangeMonths(options.range)).toEqual({ from: "2021-10", to: "2022-06" });
  });

  it("understands months as people write them", () => {
    for (const text of ["2022-03", "2022-3", "03/2022", "3 2022", "Mar 2022", "march 2022", " March  2022 "]) {
      expect(parseMonth(text), text).toEqual({ year: 2022, month: 3 });
    }
    for (const text of ["2022-13", "2022", "13/2022", "Smarch 2022", "2022-03-01", "", "1800-01"]) expect(parseMonth(text), text).toBeNull();
  });

  it("falls back to the default for a value it cannot use, with a message for that field", () => {
    const bad = parseTimelineOptions({ zoom: "fortnight", from: "October", to: "2022-13" }, context);
    expect(bad.zoom).toBe("quarter");
    expect(bad.range).toEqual(RANGE);
    expect(Object.keys(bad.errors).sort()).toEqual(["from", "to", "zoom"]);
    expect(bad.input).toEqual({ from: "October", to: "2022-13" });
    const backwards = parseTimelineOptions({ from: "2022-06", to: "2022-01" }, context);
    expect(backwards.range).toEqual(RANGE);
    expect(backwards.errors.to).toMatch(/same as or after the first month/);
    expect(parseTimelineOptions({ from: "2020-01", to: "2031-01" }, context).errors.to).toMatch(/at most 10 years/);
    // One good end is kept when only the other is missing.
    expect(parseTimelineOptions({ from: "2022-01" }, context).range).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });

  it("reads repeated filters, drops unknown values with a message, and keeps `quarters` only when it is a style", () => {
    const options = parseTimelineOptions({ product: ["property", "nope", "property"], phase: "beta", status: ["on_track", "bogus"], quarters: "financial" }, context);
    expect(options.filters).toEqual({ products: ["property"], phases: ["beta"], statuses: ["on_track"] });
    expect(options.errors.product).toMatch(/nope/);
    expect(options.errors.status).toMatch(/bogus/);
    expect(options.errors.phase).toBeUndefined();
    expect(options.quarters).toBe("financial");
    expect(parseTimelineOptions({ quarters: "lunar" }, context).quarters).toBeNull();
    expect(timelineHref(options, { view: "published" })).toBe("/timeline?view=published&product=property&phase=beta&status=on_track");
  });
  it("reads ?page=N as a page from 1, anything else as the first, and writes it back only past the first", () => {
    expect(parseTimelineOptions({ page: "3" }, context).page).toBe(3);
    for (const bad of ["0", "-1", "two", "1.5", "9999999", ""]) expect(parseTimelineOptions({ page: bad }, context).page, bad).toBe(1);
    const options = parseTimelineOptions({ zoom: "year", phase: "beta" }, context);
    expect(timelineHref(options, { page: 2 })).toBe("/timeline?zoom=year&phase=beta&page=2");
    expect(timelineHref(options, { page: 1 })).toBe("/timeline?zoom=year&phase=beta");
  });
});

describe("chartLayout: rows, lanes and dependency lines", () => {
  const layout = chartLayout(ROADMAP, RANGE);
  const row = (key: string) => layout.rows.find((r) => r.key === key)!;
  const pieces = (id: number) =>
    layout.rows.flatMap((r, i) => [...r.gutter, ...r.dates].filter((p) => p.dependencyIds.includes(id)).map((p) => ({ row: i, ...p })));

  it("has a row per product in family order, then the programme dependencies", () => {
    expect(layout.rows.map((r) => r.key)).toEqual(["p-property", "p-drivers", "p-person", "p-person-wanted", "factors"]);
    expect(row("p-person-wanted")).toMatchObject({ kind: "product", depth: 1 });
  });

  it("draws every dependency whose both ends are shown, and none twice", () => {
    expect([...layout.drawn].sort()).toEqual([1, 2, 3, 4]);
    expect(layout.cut).toEqual([]);
    for (const id of layout.drawn) {
      const all = pieces(id);
      expect(all.filter((p) => p.start), `start of ${id}`).toHaveLength(1);
      expect(all.filter((p) => p.end), `end of ${id}`).toHaveLength(1);
    }
  });

  it("runs a product-to-product line from the dependent row to the other, a piece in each row between", () => {
    // Person (row 2) depends on Property (row 0): up through Drivers.
    const all = pieces(1);
    expect(all.map((p) => [p.row, p.start, p.end])).toEqual([[0, false, true], [1, false, false], [2, true, false]]);
    const end = all[0]! as GutterPiece & { row: number };
    expect(end.points.at(-1)).toEqual([1, CHART_SIZES.anchorY]);
    // Each piece stays inside its own row, so a page break between rows cuts the line cleanly.
    for (const p of all) for (const [, y] of (p as GutterPiece).points) expect(y).toBeGreaterThanOrEqual(0), expect(y).toBeLessThanOrEqual(layout.rows[p.row]!.height);
  });

  it("runs a line to a milestone at the milestone's own date, ending at its marker", () => {
    const all = pieces(2) as Array<DatePiece & { row: number }>;
    const mark = periodMark(RANGE, monthPeriod(2022, 3))!;
    expect(all.map((p) => p.row)).toEqual([0, 1]);
    for (const p of all) expect(p.x1).toBeCloseTo(mark.left + mark.width, DIGITS);
    expect(all[0]).toMatchObject({ start: false, end: true });
  });

  it("runs a line to a programme factor into the programme dependencies row", () => {
    const all = pieces(3);
    expect(all.at(-1)).toMatchObject({ row: 4, end: true, kind: "factor" });
    expect(all[0]).toMatchObject({ row: 0, start: true });
  });

  it("cuts a line to a filtered-out product at the edge and says where it goes", () => {
    const filtered = chartLayout(ROADMAP, RANGE, { filters: { ...NO_FILTERS, products: ["person"] } });
    expect(filtered.rows.map((r) => r.key)).toEqual(["p-person", "factors"]);
    expect(filtered.cut).toEqual([1]);
    const lane = (filtered.rows[0] as Extract<ChartRow, { kind: "product" }>).lanes.find((l) => l.kind === "cut")!;
    expect(lane.kind === "cut" && lane.cut).toMatchObject({ reason: "filtered-out", side: "right", label: "Depends on Property (not shown: filtered out)" });
  });

  it("cuts a line to a milestone outside the range at that side", () => {
    const later = chartLayout(ROADMAP, { start: "2021-10-01", end: "2022-01-31" });
    const lane = (later.rows.find((r) => r.key === "p-drivers") as Extract<ChartRow, { kind: "product" }>).lanes.find((l) => l.kind === "cut")!;
    expect(lane.kind === "cut" && lane.cut).toMatchObject({ dependencyId: 2, reason: "after-range", side: "right" });
    expect(lane.kind === "cut" && lane.cut.label).toBe("Depends on Property: Beta release, March 2022 (after this range)");
  });

  it("keeps a filtered-out parent as the heading of its matching child", () => {
    const filtered = chartLayout(ROADMAP, RANGE, { filters: { ...NO_FILTERS, products: ["person-wanted"] } });
    expect(filtered.rows.map((r) => [r.key, r.kind])).toEqual([["g-person", "group"], ["p-person-wanted", "product"], ["factors", "factors"]]);
    expect(filteredProducts(ROADMAP, { ...NO_FILTERS, statuses: ["on_track"] }).map((p) => [p.product.slug, p.matches])).toEqual([
      ["person", false], ["person-wanted", true],
    ]);
  });

  it("filters by phase and status", () => {
    const beta = chartLayout(ROADMAP, RANGE, { filters: { ...NO_FILTERS, phases: ["beta"] } });
    expect(beta.rows.map((r) => r.key)).toEqual(["p-property", "p-drivers", "factors"]);
    // Property's alpha bar is left out; its beta bar and beta milestone stay.
    expect((beta.rows[0] as Extract<ChartRow, { kind: "product" }>).lanes.map((l) => l.key)).toEqual(["s12", "m21"]);
    expect(visibleItems(ROADMAP.products[0]!, { ...NO_FILTERS, statuses: ["done"] }).milestones).toEqual([]);
  });

  it("gives each row a fixed height made of its lanes", () => {
    const property = row("p-property") as Extract<ChartRow, { kind: "product" }>;
    const { padY, barLane, milestoneLane } = CHART_SIZES;
    expect(property.lanes.map((l) => l.top)).toEqual([padY, padY + barLane, padY + 2 * barLane]);
    expect(property.height).toBe(padY * 2 + 2 * barLane + milestoneLane);
  });
});

/**
 * A long programme: `families` families of a parent and two members, every product depending on the
 * programme factor (the lines all run down to the factors row) and each member on its parent's milestone.
 */
function longRoadmap(families: number): Roadmap {
  const products: Product[] = [];
  let id = 1000;
  for (let f = 0; f < families; f++) {
    const parent = `family-${f}`;
    const mark = id++;
    products.push(
      product(parent, `Family ${f}`, {
        milestones: [milestone(mark, `Family ${f} beta`, monthPeriod(2022, 1 + (f % 12)), "on_track", null)],
        dependencies: [{ id: id++, on: { kind: "factor", id: 7, title: "Replication pilot" }, status: "on_track", owner: null, note: "" }],
      }),
    );
    for (const m of [1, 2]) {
      products.push(
        product(`${parent}-${m}`, `Family ${f} member ${m}`, {
          parentSlug: parent,
          dependencies: [
            { id: id++, on: { kind: "factor", id: 7, title: "Replication pilot" }, status: "on_track", owner: null, note: "" },
            { id: id++, on: { kind: "milestone", id: mark, title: `Family ${f} beta`, productSlug: parent }, status: "on_track", owner: null, note: "" },
          ],
        }),
      );
    }
  }
  return { ...ROADMAP, products };
}

describe("chartLayout of a long roadmap", () => {
  const pieceCount = (families: number) => {
    const layout = chartLayout(longRoadmap(families), RANGE);
    return layout.rows.reduce((n, r) => n + r.gutter.length + r.dates.length, 0);
  };

  it("draws a track that many lines pass through once per row, for all of them, so the drawing grows with the rows", () => {
    const layout = chartLayout(longRoadmap(10), RANGE);
    const dependencies = longRoadmap(10).products.flatMap((p) => p.dependencies);
    // Every line still starts at one dot and ends in one arrow.
    for (const d of dependencies) {
      const own = layout.rows.flatMap((r) => [...r.gutter, ...r.dates]).filter((p) => p.dependencyIds.includes(d.id));
      expect(own.filter((p) => p.start), `start of ${d.id}`).toHaveLength(1);
      expect(own.filter((p) => p.end), `end of ${d.id}`).toHaveLength(1);
    }
    // The second row is passed by the first product's line to the factor: one piece, drawn once.
    const second = layout.rows[1]!;
    const passing = second.gutter.filter((p) => !p.start && !p.end);
    expect(passing).toHaveLength(1);
    expect(passing[0]!.dependencyIds).toEqual([1001]);
    // Near the bottom, every earlier line to the factor shares one piece, which says how many pass.
    const last = layout.rows.at(-2)!;
    const shared = last.gutter.filter((p) => !p.start && !p.end);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.dependencyIds).toHaveLength(29);
    expect(shared[0]!.title).toBe("29 dependencies on programme dependency 1: Replication pilot pass here");
    // Ten times the rows: about ten times the pieces (it was a hundred times when each line drew its own).
    expect(pieceCount(100) / pieceCount(10)).toBeLessThan(11);
  });

  it("pages a long roadmap without splitting a family, and cuts a line whose other end is on another page", () => {
    const roadmap = longRoadmap(40); // 120 products
    const pages = timelinePages(filteredProducts(roadmap, NO_FILTERS));
    expect(pages.map((p) => p.length)).toEqual([99, 21]);
    expect(TIMELINE_PAGE_SIZE).toBe(100);
    for (const page of pages) expect(page[0]!.depth, "a page starts with a family").toBe(0);

    const first = chartLayout(roadmap, RANGE, { page: 1 });
    expect(first.page).toEqual({ number: 1, count: 2, firstProduct: 1, lastProduct: 99, totalProducts: 120 });
    expect(first.shown.map((s) => s.product.slug)).toEqual(pages[0]!.map((s) => s.product.slug));
    expect(first.rows.at(-1)!.kind).toBe("factors");
    const second = chartLayout(roadmap, RANGE, { page: 2 });
    expect(second.page).toMatchObject({ number: 2, firstProduct: 100, lastProduct: 120 });
    expect(second.rows[0]!.key).toBe("p-family-33");
    // A page past the end shows the last page; every row without a page.
    expect(chartLayout(roadmap, RANGE, { page: 9 }).page.number).toBe(2);
    expect(chartLayout(roadmap, RANGE).rows).toHaveLength(121);

    // Person-style dependency on a product on another page: drawn to the edge, saying which page.
    const across: Roadmap = {
      ...roadmap,
      products: roadmap.products.map((p) =>
        p.slug === "family-39"
          ? { ...p, dependencies: [...p.dependencies, { id: 1, on: { kind: "product", slug: "family-0", name: "Family 0" }, status: "on_track", owner: null, note: "" }] }
          : p,
      ),
    };
    const last = chartLayout(across, RANGE, { page: 2 });
    expect(last.cut).toEqual([1]);
    const lane = (last.rows.find((r) => r.key === "p-family-39") as Extract<ChartRow, { kind: "product" }>).lanes.find((l) => l.kind === "cut")!;
    expect(lane.kind === "cut" && lane.cut).toMatchObject({ reason: "other-page", label: "Depends on Family 0 (on page 1 of this timeline)" });
    // On one page with both ends, it is drawn whole.
    expect(chartLayout(across, RANGE).drawn).toContain(1);
  });
});
