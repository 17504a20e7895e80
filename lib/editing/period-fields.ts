/**
 * A period typed into a form: the precision chosen ("A month", "A quarter"...) and the boxes that
 * precision needs, so "March 2022" is month 3, year 2022 and "Q1 2022" is quarter 1, year 2022.
 * Field names: `<name>-precision`, `<name>-day`, `<name>-month`, `<name>-quarter`, `<name>-half`, `<name>-year`.
 */
import {
  dayPeriod, halfPeriod, isRealDate, monthPeriod, MONTH_NAMES, parseIsoDate, PRECISIONS, quarterPeriod, yearPeriod,
  type Period, type Precision,
} from "@/lib/dates/period";

export const PERIOD_PARTS = ["precision", "day", "month", "quarter", "half", "year"] as const;
type Part = (typeof PERIOD_PARTS)[number];

export const PRECISION_CHOICES: Array<{ value: Precision; label: string; hint: string }> = [
  { value: "day", label: "A day", hint: "Day, month and year, for example 31 3 2022" },
  { value: "month", label: "A month", hint: "Month and year, for example 3 2022 for March 2022" },
  { value: "quarter", label: "A quarter", hint: "Quarter (1 to 4) and year, for example 1 2022 for Q1 2022" },
  { value: "half", label: "A half-year", hint: "Half (1 or 2) and year, for example 1 2022 for H1 2022" },
  { value: "year", label: "A year", hint: "Year only, for example 2022 for the end of 2022" },
];

export function periodFieldNames(name: string): string[] {
  return PERIOD_PARTS.map((part) => `${name}-${part}`);
}

/** The boxes as a form shows them for a stored period (for an edit form's first view). */
export function periodFieldValues(name: string, period: Period | null): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(periodFieldNames(name).map((n) => [n, ""]));
  if (!period) return values;
  const { year, month, day } = parseIsoDate(period.on);
  values[`${name}-precision`] = period.precision;
  values[`${name}-year`] = String(year);
  if (period.precision === "day") values[`${name}-day`] = String(day);
  if (period.precision === "day" || period.precision === "month") values[`${name}-month`] = String(month);
  if (period.precision === "quarter") values[`${name}-quarter`] = String(Math.ceil(month / 3));
  if (period.precision === "half") values[`${name}-half`] = String(month <= 6 ? 1 : 2);
  return values;
}

export type PeriodParse = { kind: "empty" } | { kind: "period"; period: Period } | { kind: "error"; message: string };

const WHOLE = /^\d{1,4}$/;

function monthNumber(text: string): number | null {
  if (WHOLE.test(text)) return Number(text);
  const index = MONTH_NAMES.findIndex((m) => m.toLowerCase() === text.toLowerCase() || m.slice(0, 3).toLowerCase() === text.toLowerCase());
  return index >= 0 ? index + 1 : null;
}

/**
 * Reads a period from the form. `label` names it in messages ("The forecast"). Every box left empty
 * (and no precision chosen) is "empty", for optional periods; boxes the precision does not use are ignored.
 */
export function readPeriodFields(form: FormData | Record<string, string>, name: string, label: string): PeriodParse {
  const get = (part: Part) => {
    const raw = form instanceof FormData ? form.get(`${name}-${part}`) : form[`${name}-${part}`];
    return typeof raw === "string" ? raw.trim() : "";
  };
  const precision = get("precision");
  const anyBox = (["day", "month", "quarter", "half", "year"] as const).some((p) => get(p) !== "");
  if (!precision && !anyBox) return { kind: "empty" };
  if (!(PRECISIONS as readonly string[]).includes(precision)) {
    return { kind: "error", message: `Select how precise ${label.toLowerCase()} is` };
  }
  const yearText = get("year");
  if (!yearText) return { kind: "error", message: `${label} must include a year` };
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2200) {
    return { kind: "error", message: `${label} must have a real year, for example 2022` };
  }
  const year = Number(yearText);
  switch (precision as Precision) {
    case "year":
      return { kind: "period", period: yearPeriod(year) };
    case "half": {
      const half = get("half");
      if (!half) return { kind: "error", message: `${label} must include a half (1 or 2)` };
      if (half !== "1" && half !== "2") return { kind: "error", message: `${label}'s half must be 1 or 2` };
      return { kind: "period", period: halfPeriod(year, Number(half) as 1 | 2) };
    }
    case "quarter": {
      const quarter = get("quarter");
      if (!quarter) return { kind: "error", message: `${label} must include a quarter (1 to 4)` };
      if (!/^[1-4]$/.test(quarter)) return { kind: "error", message: `${label}'s quarter must be 1, 2, 3 or 4` };
      return { kind: "period", period: quarterPeriod(year, Number(quarter) as 1 | 2 | 3 | 4) };
    }
    case "month": {
      const monthText = get("month");
      if (!monthText) return { kind: "error", message: `${label} must include a month` };
      const month = monthNumber(monthText);
      if (month === null || month < 1 || month > 12) return { kind: "error", message: `${label} must have a real month, from 1 to 12` };
      return { kind: "period", period: monthPeriod(year, month) };
    }
    case "day": {
      const dayText = get("day");
      const monthText = get("month");
      const missing = [dayText ? "" : "day", monthText ? "" : "month"].filter(Boolean);
      if (missing.length) return { kind: "error", message: `${label} must include a ${missing.join(" and ")}` };
      const month = monthNumber(monthText);
      const day = WHOLE.test(dayText) ? Number(dayText) : NaN;
      if (month === null || !isRealDate(year, month, day)) return { kind: "error", message: `${label} must be a real date` };
      return { kind: "period", period: dayPeriod(year, month, day) };
    }
  }
}

/** A plain calendar date from GOV.UK day/month/year boxes named `<name>-day` etc. */
export type DateParse = { kind: "empty" } | { kind: "date"; on: string } | { kind: "error"; message: string };

export function readDateFields(form: FormData | Record<string, string>, name: string, label: string): DateParse {
  const parsed = readPeriodFields(
    form instanceof FormData
      ? { [`${name}-precision`]: "day", [`${name}-day`]: String(form.get(`${name}-day`) ?? ""), [`${name}-month`]: String(form.get(`${name}-month`) ?? ""), [`${name}-year`]: String(form.get(`${name}-year`) ?? "") }
      : { ...form, [`${name}-precision`]: "day" },
    name,
    label,
  );
  const empty = ["day", "month", "year"].every((p) => String((form instanceof FormData ? form.get(`${name}-${p}`) : form[`${name}-${p}`]) ?? "").trim() === "");
  if (empty) return { kind: "empty" };
  if (parsed.kind === "period") return { kind: "date", on: parsed.period.on };
  if (parsed.kind === "error") return parsed;
  return { kind: "empty" };
}

export function dateFieldValues(name: string, on: string | null): Record<string, string> {
  if (!on) return { [`${name}-day`]: "", [`${name}-month`]: "", [`${name}-year`]: "" };
  const { year, month, day } = parseIsoDate(on);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
}
