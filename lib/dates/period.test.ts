import { describe, expect, it } from "vitest";
import {
  addDays,
  comparePeriods,
  dayNumber,
  dayPeriod,
  describePeriod,
  financialQuarter,
  financialYearLabel,
  formatDate,
  formatDateTime,
  formatPeriod,
  fromDayNumber,
  halfPeriod,
  isPeriodEnd,
  monthPeriod,
  parseIsoDate,
  periodContaining,
  periodStart,
  quarterLabel,
  quarterPeriod,
  slippage,
  todayInLondon,
  yearPeriod,
  type Period,
} from "./period";

// scripts/test.mjs runs this file twice, with TZ=Europe/London and TZ=America/Los_Angeles: nothing below
// may depend on the machine's zone. This check makes sure the zone asked for is the one in force.
it("runs in the time zone the test runner asked for", () => {
  const asked = process.env.TZ;
  if (asked) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(asked);
});

describe("formatDate", () => {
  it("writes the day without a leading zero, the month in full", () => {
    expect(formatDate("2021-10-07")).toBe("7 October 2021");
    expect(formatDate("2022-03-31")).toBe("31 March 2022");
    expect(formatDate("2024-02-29")).toBe("29 February 2024");
  });

  it("refuses strings that are not real calendar dates", () => {
    for (const bad of ["2022-02-29", "2022-13-01", "2022-3-1", "2022-04-31", "7 October 2021", ""]) {
      expect(() => formatDate(bad), bad).toThrow(RangeError);
    }
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe("formatPeriod at each precision", () => {
  it("shows a period at its own precision", () => {
    expect(formatPeriod(dayPeriod(2022, 3, 31))).toBe("31 March 2022");
    expect(formatPeriod(monthPeriod(2022, 3))).toBe("March 2022");
    expect(formatPeriod(quarterPeriod(2022, 1))).toBe("Q1 2022");
    expect(formatPeriod(halfPeriod(2022, 1))).toBe("H1 2022");
    expect(formatPeriod(halfPeriod(2022, 2))).toBe("H2 2022");
    expect(formatPeriod(yearPeriod(2021))).toBe("2021");
  });

  it("reads a year as a target as 'end of' the year, the letter's wording", () => {
    expect(formatPeriod(yearPeriod(2021), { asTarget: true })).toBe("end of 2021");
    // Only years change as targets: "by March 2022" is still "March 2022".
    expect(formatPeriod(monthPeriod(2022, 3), { asTarget: true })).toBe("March 2022");
  });

  it("describes the span of months for screen readers", () => {
    expect(describePeriod(quarterPeriod(2022, 1))).toBe("January to March 2022");
    expect(describePeriod(halfPeriod(2022, 2))).toBe("July to December 2022");
    expect(describePeriod(monthPeriod(2022, 3))).toBe("March 2022");
  });
});

describe("UK financial-year quarters", () => {
  it("starts Q1 on 1 April and ends Q4 on 31 March", () => {
    expect(financialQuarter(2022, 4)).toEqual({ startYear: 2022, quarter: 1 });
    expect(financialQuarter(2022, 3)).toEqual({ startYear: 2021, quarter: 4 });
    expect(financialQuarter(2021, 12)).toEqual({ startYear: 2021, quarter: 3 });
    expect(financialQuarter(2022, 1)).toEqual({ startYear: 2021, quarter: 4 });
    expect(financialQuarter(2021, 10)).toEqual({ startYear: 2021, quarter: 3 });
  });

  it("labels the year as '2021-22', across the century too", () => {
    expect(financialYearLabel(2021)).toBe("2021-22");
    expect(financialYearLabel(2099)).toBe("2099-00");
  });

  it("labels quarters in either style", () => {
    // 1 April 2022 is the first day of 2022-23; 31 March 2022 the last of 2021-22.
    expect(quarterLabel(2022, 4, "financial")).toBe("2022-23 Q1");
    expect(quarterLabel(2022, 3, "financial")).toBe("2021-22 Q4");
    expect(quarterLabel(2022, 3)).toBe("Q1 2022");
    expect(formatPeriod(quarterPeriod(2022, 1), { quarters: "financial" })).toBe("2021-22 Q4");
    expect(formatPeriod(quarterPeriod(2022, 2), { quarters: "financial" })).toBe("2022-23 Q1");
    expect(formatPeriod(quarterPeriod(2022, 1), { quarters: "calendar" })).toBe("Q1 2022");
  });
});

describe("periods are stored as their last day", () => {
  it("finds the period of each precision that contains a date", () => {
    expect(periodContaining("day", "2022-02-14")).toEqual({ precision: "day", on: "2022-02-14" });
    expect(periodContaining("month", "2024-02-01")).toEqual({ precision: "month", on: "2024-02-29" });
    expect(periodContaining("month", "2023-02-10")).toEqual({ precision: "month", on: "2023-02-28" });
    expect(periodContaining("quarter", "2022-02-14")).toEqual({ precision: "quarter", on: "2022-03-31" });
    expect(periodContaining("quarter", "2021-10-07")).toEqual({ precision: "quarter", on: "2021-12-31" });
    expect(periodContaining("half", "2022-08-01")).toEqual({ precision: "half", on: "2022-12-31" });
    expect(periodContaining("half", "2022-06-30")).toEqual({ precision: "half", on: "2022-06-30" });
    expect(periodContaining("year", "2021-10-07")).toEqual({ precision: "year", on: "2021-12-31" });
  });

  it("gives the first day of a period", () => {
    expect(periodStart(quarterPeriod(2022, 1))).toBe("2022-01-01");
    expect(periodStart(quarterPeriod(2021, 4))).toBe("2021-10-01");
    expect(periodStart(halfPeriod(2022, 2))).toBe("2022-07-01");
    expect(periodStart(monthPeriod(2022, 3))).toBe("2022-03-01");
    expect(periodStart(yearPeriod(2021))).toBe("2021-01-01");
    expect(periodStart(dayPeriod(2022, 3, 15))).toBe("2022-03-15");
  });

  it("accepts only the last day of the period as its stored form", () => {
    expect(isPeriodEnd({ precision: "month", on: "2022-03-31" })).toBe(true);
    expect(isPeriodEnd({ precision: "month", on: "2022-03-30" })).toBe(false);
    expect(isPeriodEnd({ precision: "quarter", on: "2022-02-28" })).toBe(false);
    expect(isPeriodEnd({ precision: "quarter", on: "2022-03-31" })).toBe(true);
    expect(isPeriodEnd({ precision: "half", on: "2022-06-30" })).toBe(true);
    expect(isPeriodEnd({ precision: "year", on: "2021-06-30" })).toBe(false);
    expect(isPeriodEnd({ precision: "day", on: "2022-03-15" })).toBe(true);
    expect(isPeriodEnd({ precision: "day", on: "2022-02-30" })).toBe(false);
  });

  it("sorts by last day, the finer promise first when they end together", () => {
    const q1: Period = quarterPeriod(2022, 1);
    const march: Period = monthPeriod(2022, 3);
    const h1: Period = halfPeriod(2022, 1);
    const end2021: Period = yearPeriod(2021);
    const midJanuary: Period = dayPeriod(2022, 1, 15);
    const lastDayOfMarch: Period = dayPeriod(2022, 3, 31);
    const sorted = [h1, q1, end2021, march, lastDayOfMarch, midJanuary].sort(comparePeriods);
    expect(sorted).toEqual([end2021, midJanuary, lastDayOfMarch, march, q1, h1]);
    expect(comparePeriods(march, { ...march })).toBe(0);
  });
});

describe("slippage between baseline and forecast", () => {
  it("counts months at month precision", () => {
    expect(slippage(monthPeriod(2022, 3), monthPeriod(2022, 6))).toEqual({ amount: 3, unit: "month", text: "Slipped 3 months" });
    expect(slippage(monthPeriod(2022, 3), monthPeriod(2022, 4)).text).toBe("Slipped 1 month");
    // Across a year end.
    expect(slippage(monthPeriod(2021, 11), monthPeriod(2022, 2)).text).toBe("Slipped 3 months");
  });

  it("is negative when brought forward, and says so", () => {
    expect(slippage(monthPeriod(2022, 6), monthPeriod(2022, 3))).toEqual({ amount: -3, unit: "month", text: "Brought forward 3 months" });
  });

  it("is zero on the baseline", () => {
    expect(slippage(monthPeriod(2022, 3), monthPeriod(2022, 3))).toEqual({ amount: 0, unit: "month", text: "On baseline" });
  });

  it("counts in quarters, half-years and years at those precisions", () => {
    expect(slippage(quarterPeriod(2022, 1), quarterPeriod(2022, 2))).toEqual({ amount: 1, unit: "quarter", text: "Slipped 1 quarter" });
    expect(slippage(quarterPeriod(2022, 1), quarterPeriod(2022, 3)).text).toBe("Slipped 2 quarters");
    expect(slippage(quarterPeriod(2022, 3), quarterPeriod(2022, 1)).text).toBe("Brought forward 2 quarters");
    expect(slippage(halfPeriod(2022, 1), halfPeriod(2022, 2)).text).toBe("Slipped 1 half-year");
    expect(slippage(yearPeriod(2021), yearPeriod(2022)).text).toBe("Slipped 1 year");
  });

  it("counts at the coarser precision when baseline and forecast differ", () => {
    // "March 2022" re-forecast as "Q2 2022": one quarter later.
    expect(slippage(monthPeriod(2022, 3), quarterPeriod(2022, 2))).toEqual({ amount: 1, unit: "quarter", text: "Slipped 1 quarter" });
    // A day forecast against a month baseline counts months.
    expect(slippage(monthPeriod(2022, 3), dayPeriod(2022, 5, 15)).text).toBe("Slipped 2 months");
  });

  it("compares the periods holding each date, but says when a less precise forecast could be later", () => {
    expect(slippage(monthPeriod(2022, 1), quarterPeriod(2022, 1)).text).toBe("Less precise than the baseline: up to 2 months later");
    expect(slippage(monthPeriod(2022, 2), quarterPeriod(2022, 1)).text).toBe("Less precise than the baseline: up to 1 month later");
    expect(slippage(monthPeriod(2022, 3), quarterPeriod(2022, 1)).text).toBe("On baseline");
    expect(slippage(monthPeriod(2022, 3), yearPeriod(2022)).text).toBe("Less precise than the baseline: up to 9 months later");
    expect(slippage(monthPeriod(2022, 12), quarterPeriod(2023, 1)).text).toBe("Slipped 1 quarter");
  });
});

describe("calendar arithmetic does not depend on the time zone", () => {
  it("numbers days from 1 January 1970 in whole days", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2021-10-07")).toBe(18_907);
    expect(fromDayNumber(18_907)).toBe("2021-10-07");
  });

  it("counts a clock-change day as one day", () => {
    // BST began on 27 March 2022 and ended on 31 October 2021 in London; in Los Angeles on other dates.
    expect(dayNumber("2022-03-27") - dayNumber("2022-03-26")).toBe(1);
    expect(dayNumber("2022-03-28") - dayNumber("2022-03-27")).toBe(1);
    expect(dayNumber("2021-10-31") - dayNumber("2021-10-30")).toBe(1);
    expect(dayNumber("2022-03-13") - dayNumber("2022-03-12")).toBe(1);
    expect(addDays("2022-03-26", 1)).toBe("2022-03-27");
    expect(addDays("2022-03-26", 2)).toBe("2022-03-28");
    expect(addDays("2021-10-30", 2)).toBe("2021-11-01");
    expect(addDays("2022-03-01", -1)).toBe("2022-02-28");
  });

  it("round-trips every day of a year through its day number", () => {
    const first = dayNumber("2021-01-01");
    for (let n = first; n < first + 366; n++) expect(dayNumber(fromDayNumber(n))).toBe(n);
  });
});

describe("todayInLondon", () => {
  it("is the London date in GMT, just before midnight", () => {
    // Saturday 26 March 2022, 23:30 GMT: clocks go forward at 01:00 UTC on the 27th.
    expect(todayInLondon(new Date("2022-03-26T23:30:00Z"))).toBe("2022-03-26");
    expect(todayInLondon(new Date("2022-03-27T00:30:00Z"))).toBe("2022-03-27");
  });

  it("is the next day in London during BST when UTC is still the day before", () => {
    // 23:30 UTC on 30 October 2021 is 00:30 BST on 31 October (BST ended at 01:00 UTC that day).
    expect(todayInLondon(new Date("2021-10-30T23:30:00Z"))).toBe("2021-10-31");
    expect(todayInLondon(new Date("2022-03-27T23:30:00Z"))).toBe("2022-03-28");
    // After the clocks went back, 23:30 UTC is 23:30 in London.
    expect(todayInLondon(new Date("2021-10-31T23:30:00Z"))).toBe("2021-10-31");
  });

  it("writes date and time in London, with a 12-hour clock", () => {
    // The seed's publication moment: midnight in London on 7 October 2021.
    expect(formatDateTime("2021-10-06T23:00:00Z")).toBe("7 October 2021 at 12:00am");
    expect(formatDateTime(new Date("2022-07-01T11:30:00Z"))).toBe("1 July 2022 at 12:30pm");
    expect(formatDateTime("2022-01-15T14:05:00Z")).toBe("15 January 2022 at 2:05pm");
  });
});

describe("slippage when the forecast becomes less precise", () => {
  it("never says 'On baseline' when the last possible day moved later", async () => {
    const { slippage, monthPeriod, yearPeriod, quarterPeriod } = await import("./period");
    const s = slippage(monthPeriod(2022, 3), yearPeriod(2022));
    expect(s.text).toBe("Less precise than the baseline: up to 9 months later");
    expect(s.widenedMonths).toBe(9);
    // A quarter that ends on the baseline's own last day is still on baseline.
    expect(slippage(monthPeriod(2022, 3), quarterPeriod(2022, 1)).text).toBe("On baseline");
    // More precise and inside the baseline's quarter: on baseline.
    expect(slippage(quarterPeriod(2022, 1), monthPeriod(2022, 2)).text).toBe("On baseline");
  });
});
