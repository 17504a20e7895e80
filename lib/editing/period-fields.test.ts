import { describe, expect, it } from "vitest";
import {
  dateFieldValues,
  periodFieldNames,
  periodFieldValues,
  readDateFields,
  readPeriodFields,
} from "./period-fields";

/** The boxes a person filled in, as the browser posts them. */
function boxes(name: string, parts: Partial<Record<"precision" | "day" | "month" | "quarter" | "half" | "year", string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(parts).map(([part, value]) => [`${name}-${part}`, value]));
}

function formData(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return form;
}

const read = (parts: Parameters<typeof boxes>[1]) => readPeriodFields(boxes("forecast", parts), "forecast", "The forecast");

describe("readPeriodFields: each precision gives the period's last day", () => {
  it("'A month' 3 2022 is March 2022, stored as 31 March 2022", () => {
    expect(read({ precision: "month", month: "3", year: "2022" })).toEqual({ kind: "period", period: { precision: "month", on: "2022-03-31" } });
  });

  it("'A month' in February knows leap years", () => {
    expect(read({ precision: "month", month: "2", year: "2024" })).toEqual({ kind: "period", period: { precision: "month", on: "2024-02-29" } });
    expect(read({ precision: "month", month: "2", year: "2023" })).toEqual({ kind: "period", period: { precision: "month", on: "2023-02-28" } });
  });

  it("'A quarter' 1 2022 is Q1 2022, stored as 31 March 2022; Q4 ends on 31 December", () => {
    expect(read({ precision: "quarter", quarter: "1", year: "2022" })).toEqual({ kind: "period", period: { precision: "quarter", on: "2022-03-31" } });
    expect(read({ precision: "quarter", quarter: "2", year: "2022" })).toEqual({ kind: "period", period: { precision: "quarter", on: "2022-06-30" } });
    expect(read({ precision: "quarter", quarter: "4", year: "2022" })).toEqual({ kind: "period", period: { precision: "quarter", on: "2022-12-31" } });
  });

  it("'A half-year' 1 and 2 end on 30 June and 31 December", () => {
    expect(read({ precision: "half", half: "1", year: "2022" })).toEqual({ kind: "period", period: { precision: "half", on: "2022-06-30" } });
    expect(read({ precision: "half", half: "2", year: "2022" })).toEqual({ kind: "period", period: { precision: "half", on: "2022-12-31" } });
  });

  it("'A year' 2022 ends on 31 December 2022", () => {
    expect(read({ precision: "year", year: "2022" })).toEqual({ kind: "period", period: { precision: "year", on: "2022-12-31" } });
  });

  it("'A day' is that day", () => {
    expect(read({ precision: "day", day: "7", month: "10", year: "2021" })).toEqual({ kind: "period", period: { precision: "day", on: "2021-10-07" } });
  });

  it("ignores boxes the chosen precision does not use (left over from another choice)", () => {
    expect(read({ precision: "quarter", quarter: "3", month: "11", day: "40", half: "9", year: "2023" })).toEqual({
      kind: "period",
      period: { precision: "quarter", on: "2023-09-30" },
    });
  });

  it("trims spaces around what was typed", () => {
    expect(read({ precision: " month ", month: " 03 ", year: " 2022 " })).toEqual({ kind: "period", period: { precision: "month", on: "2022-03-31" } });
  });

  it("reads from FormData as the browser posts it", () => {
    const form = formData(boxes("forecast", { precision: "month", month: "6", year: "2022" }));
    expect(readPeriodFields(form, "forecast", "The forecast")).toEqual({ kind: "period", period: { precision: "month", on: "2022-06-30" } });
  });
});

describe("readPeriodFields: month names", () => {
  it.each(["March", "march", "MARCH", "mar", "Mar", " Mar "])("accepts %j as March", (month) => {
    expect(read({ precision: "month", month, year: "2022" })).toEqual({ kind: "period", period: { precision: "month", on: "2022-03-31" } });
  });

  it("accepts a month name for a day too", () => {
    expect(read({ precision: "day", day: "29", month: "Feb", year: "2024" })).toEqual({ kind: "period", period: { precision: "day", on: "2024-02-29" } });
  });

  it.each(["Marchy", "Ma", "13", "0", "3.5", "-3"])("refuses %j as a month", (month) => {
    expect(read({ precision: "month", month, year: "2022" })).toEqual({ kind: "error", message: "The forecast must have a real month, from 1 to 12" });
  });
});

describe("readPeriodFields: days must be real dates", () => {
  it("refuses 31 February 2022 and 29 February 2023", () => {
    expect(read({ precision: "day", day: "31", month: "2", year: "2022" })).toEqual({ kind: "error", message: "The forecast must be a real date" });
    expect(read({ precision: "day", day: "29", month: "2", year: "2023" })).toEqual({ kind: "error", message: "The forecast must be a real date" });
  });

  it("accepts 29 February 2024 (a leap year)", () => {
    expect(read({ precision: "day", day: "29", month: "2", year: "2024" })).toEqual({ kind: "period", period: { precision: "day", on: "2024-02-29" } });
  });

  it.each(["0", "32", "1.5", "x"])("refuses day %j", (day) => {
    expect(read({ precision: "day", day, month: "1", year: "2022" })).toEqual({ kind: "error", message: "The forecast must be a real date" });
  });

  it("refuses 31 April and 31 in month 13", () => {
    expect(read({ precision: "day", day: "31", month: "4", year: "2022" })).toMatchObject({ kind: "error" });
    expect(read({ precision: "day", day: "1", month: "13", year: "2022" })).toEqual({ kind: "error", message: "The forecast must be a real date" });
  });
});

describe("readPeriodFields: what is missing or wrong, in words", () => {
  it("all boxes empty and no precision is 'empty' (for optional periods)", () => {
    expect(read({})).toEqual({ kind: "empty" });
    expect(read({ precision: "", day: "", month: " ", quarter: "", half: "", year: "" })).toEqual({ kind: "empty" });
  });

  it("boxes filled but no precision chosen asks how precise", () => {
    expect(read({ month: "3", year: "2022" })).toEqual({ kind: "error", message: "Select how precise the forecast is" });
    expect(read({ year: "2022" })).toEqual({ kind: "error", message: "Select how precise the forecast is" });
  });

  it("an unknown precision asks how precise", () => {
    expect(read({ precision: "fortnight", year: "2022" })).toEqual({ kind: "error", message: "Select how precise the forecast is" });
  });

  it("a precision with no year asks for the year", () => {
    for (const precision of ["day", "month", "quarter", "half", "year"]) {
      expect(read({ precision })).toEqual({ kind: "error", message: "The forecast must include a year" });
    }
    expect(read({ precision: "month", month: "3" })).toEqual({ kind: "error", message: "The forecast must include a year" });
  });

  it.each(["22", "20222", "1899", "2201", "two thousand"])("refuses year %j", (year) => {
    expect(read({ precision: "year", year })).toEqual({ kind: "error", message: "The forecast must have a real year, for example 2022" });
  });

  it("a month with no month asks for the month", () => {
    expect(read({ precision: "month", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a month" });
  });

  it("a quarter with no quarter asks for it; a quarter out of range says 1 to 4", () => {
    expect(read({ precision: "quarter", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a quarter (1 to 4)" });
    expect(read({ precision: "quarter", quarter: "5", year: "2022" })).toEqual({ kind: "error", message: "The forecast's quarter must be 1, 2, 3 or 4" });
    expect(read({ precision: "quarter", quarter: "0", year: "2022" })).toEqual({ kind: "error", message: "The forecast's quarter must be 1, 2, 3 or 4" });
    expect(read({ precision: "quarter", quarter: "Q1", year: "2022" })).toMatchObject({ kind: "error" });
  });

  it("a half with no half asks for it; a half other than 1 or 2 is refused", () => {
    expect(read({ precision: "half", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a half (1 or 2)" });
    expect(read({ precision: "half", half: "3", year: "2022" })).toEqual({ kind: "error", message: "The forecast's half must be 1 or 2" });
  });

  it("a day names the boxes left empty", () => {
    expect(read({ precision: "day", month: "3", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a day" });
    expect(read({ precision: "day", day: "3", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a month" });
    expect(read({ precision: "day", year: "2022" })).toEqual({ kind: "error", message: "The forecast must include a day and month" });
  });

  it("uses the label it is given", () => {
    expect(readPeriodFields(boxes("end", { month: "3", year: "2022" }), "end", "The end")).toEqual({ kind: "error", message: "Select how precise the end is" });
  });
});

describe("periodFieldValues: a stored period shown in the boxes reads back as the same period", () => {
  const periods = [
    { precision: "day", on: "2024-02-29" },
    { precision: "month", on: "2022-03-31" },
    { precision: "quarter", on: "2023-03-31" },
    { precision: "half", on: "2022-12-31" },
    { precision: "year", on: "2021-12-31" },
  ] as const;

  it.each(periods)("$precision $on", (period) => {
    const values = periodFieldValues("forecast", period);
    expect(Object.keys(values).sort()).toEqual(periodFieldNames("forecast").sort());
    expect(readPeriodFields(values, "forecast", "The forecast")).toEqual({ kind: "period", period });
  });

  it("fills the boxes a person would type", () => {
    expect(periodFieldValues("forecast", { precision: "quarter", on: "2023-03-31" })).toEqual(
      boxes("forecast", { precision: "quarter", day: "", month: "", quarter: "1", half: "", year: "2023" }),
    );
  });

  it("no period: every box empty, which reads as empty", () => {
    const values = periodFieldValues("start", null);
    expect(Object.values(values).every((v) => v === "")).toBe(true);
    expect(readPeriodFields(values, "start", "The start")).toEqual({ kind: "empty" });
  });
});

describe("readDateFields: plain dates from day, month and year boxes", () => {
  const readDate = (parts: { day?: string; month?: string; year?: string }) => readDateFields(boxes("actualOn", parts), "actualOn", "The date it was done");

  it("reads a real date", () => {
    expect(readDate({ day: "29", month: "2", year: "2024" })).toEqual({ kind: "date", on: "2024-02-29" });
    expect(readDate({ day: "7", month: "October", year: "2021" })).toEqual({ kind: "date", on: "2021-10-07" });
  });

  it("reads FormData", () => {
    expect(readDateFields(formData(boxes("observedOn", { day: "1", month: "12", year: "2021" })), "observedOn", "The date")).toEqual({ kind: "date", on: "2021-12-01" });
    expect(readDateFields(formData({}), "observedOn", "The date")).toEqual({ kind: "empty" });
  });

  it("refuses a date that does not exist", () => {
    expect(readDate({ day: "31", month: "2", year: "2022" })).toEqual({ kind: "error", message: "The date it was done must be a real date" });
  });

  it("all empty is empty; partly filled names what is missing", () => {
    expect(readDate({})).toEqual({ kind: "empty" });
    expect(readDate({ day: " ", month: "", year: "" })).toEqual({ kind: "empty" });
    expect(readDate({ day: "1", month: "2" })).toEqual({ kind: "error", message: "The date it was done must include a year" });
    expect(readDate({ year: "2022" })).toEqual({ kind: "error", message: "The date it was done must include a day and month" });
  });

  it("a precision box posted alongside cannot turn a date into a month", () => {
    const values = { ...boxes("actualOn", { day: "", month: "3", year: "2022" }), "actualOn-precision": "month" };
    expect(readDateFields(values, "actualOn", "The date")).toEqual({ kind: "error", message: "The date must include a day" });
  });

  it("dateFieldValues round-trips", () => {
    expect(dateFieldValues("actualOn", "2022-03-09")).toEqual(boxes("actualOn", { day: "9", month: "3", year: "2022" }));
    expect(readDateFields(dateFieldValues("actualOn", "2022-03-09"), "actualOn", "The date")).toEqual({ kind: "date", on: "2022-03-09" });
    expect(dateFieldValues("actualOn", null)).toEqual(boxes("actualOn", { day: "", month: "", year: "" }));
  });
});
