import { describe, expect, it } from "vitest";
import { dayPeriod, monthPeriod, quarterPeriod, yearPeriod, type Period } from "@/lib/dates/period";
import { dayMark, lookaheadRange, monthColumns, periodMark, place, quarterColumns, spanBar, type DateRange } from "./timeline";
import type { PhaseSpan } from "./types";

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
    expect(columns.map((c) => c.label).slice(0, 6)).toEqual(["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
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
