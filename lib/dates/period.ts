/**
 * Roadmap dates are periods, not instants: "March 2022", "Q1 2022", "end of 2021".
 * A period is stored as its precision and its last day (an ISO calendar date, no time, no zone),
 * because roadmaps promise delivery *by* a period, so periods sort and compare by their last day.
 * All arithmetic here is on calendar numbers or UTC days, so nothing moves with the time zone
 * or the clock change. See docs/decisions/0004-dates-with-precision.md.
 */

export const PRECISIONS = ["day", "month", "quarter", "half", "year"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A calendar date as "YYYY-MM-DD". */
export type IsoDate = string;

export type Period = { precision: Precision; on: IsoDate };

export type QuarterStyle = "calendar" | "financial";

export type CalendarDate = { year: number; month: number; day: number };

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1900 && year <= 2200 && month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

export function parseIsoDate(iso: IsoDate): CalendarDate {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not a calendar date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) throw new RangeError(`Not a calendar date: ${iso}`);
  return { year, month, day };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1 January 1970, counted in whole calendar days (used to place things on a timeline). */
export function dayNumber(iso: IsoDate): number {
  const { year, month, day } = parseIsoDate(iso);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromDayNumber(days: number): IsoDate {
  const d = new Date(days * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** First month (1-12) of the period of this precision that contains the given month. */
function firstMonthOf(precision: Precision, month: number): number {
  switch (precision) {
    case "day":
    case "month":
      return month;
    case "quarter":
      return month - ((month - 1) % 3);
    case "half":
      return month <= 6 ? 1 : 7;
    case "year":
      return 1;
  }
}

function monthsIn(precision: Precision): number {
  return { day: 0, month: 1, quarter: 3, half: 6, year: 12 }[precision];
}

/** The period of the given precision that contains the date. */
export function periodContaining(precision: Precision, iso: IsoDate): Period {
  const { year, month, day } = parseIsoDate(iso);
  if (precision === "day") return { precision, on: isoDate(year, month, day) };
  const lastMonth = firstMonthOf(precision, month) + monthsIn(precision) - 1;
  return { precision, on: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

export const dayPeriod = (year: number, month: number, day: number): Period => {
  if (!isRealDate(year, month, day)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return { precision: "day", on: isoDate(year, month, day) };
};
export const monthPeriod = (year: number, month: number): Period => periodContaining("month", isoDate(year, month, 1));
export const quarterPeriod = (year: number, quarter: 1 | 2 | 3 | 4): Period =>
  periodContaining("quarter", isoDate(year, quarter * 3, 1));
export const halfPeriod = (year: number, half: 1 | 2): Period => periodContaining("half", isoDate(year, half * 6, 1));
export const yearPeriod = (year: number): Period => periodContaining("year", isoDate(year, 12, 1));

/** True when `on` is the last day of a period of that precision (the only form we store). */
export function isPeriodEnd(period: Period): boolean {
  try {
    return periodContaining(period.precision, period.on).on === period.on;
  } catch {
    return false;
  }
}

/** First day of the period. */
export function periodStart(period: Period): IsoDate {
  const { year, month, day } = parseIsoDate(period.on);
  if (period.precision === "day") return isoDate(year, month, day);
  return isoDate(year, firstMonthOf(period.precision, month), 1);
}

export function comparePeriods(a: Period, b: Period): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  // Same last day: the finer period is the more precise promise, so it sorts first.
  return PRECISIONS.indexOf(a.precision) - PRECISIONS.indexOf(b.precision);
}

/** "7 October 2021" */
export function formatDate(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Calendar quarter (1-4) of a month. */
export function calendarQuarter(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/**
 * UK financial year (1 April to 31 March) of a month: the year it starts in and the quarter within it.
 * 1 April starts Q1; 31 March is in Q4 of the year that began the April before.
 */
export function financialQuarter(year: number, month: number): { startYear: number; quarter: 1 | 2 | 3 | 4 } {
  const startYear = month >= 4 ? year : year - 1;
  const monthsIntoYear = (month - 4 + 12) % 12;
  return { startYear, quarter: (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** "2021-22" */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** "Q1 2022" (calendar) or "2021-22 Q4" (financial) for the quarter containing the month. */
export function quarterLabel(year: number, month: number, style: QuarterStyle = "calendar"): string {
  if (style === "financial") {
    const fq = financialQuarter(year, month);
    return `${financialYearLabel(fq.startYear)} Q${fq.quarter}`;
  }
  return `Q${calendarQuarter(month)} ${year}`;
}

/**
 * A period at its own precision: "31 March 2022", "March 2022", "Q1 2022" (or "2021-22 Q4"),
 * "H1 2022", "2021". A year-precision period is a promise for the end of that year, so as a
 * target it reads "end of 2021" (`asTarget`).
 */
export function formatPeriod(
  period: Period,
  options: { quarters?: QuarterStyle; asTarget?: boolean } = {},
): string {
  const { year, month } = parseIsoDate(period.on);
  switch (period.precision) {
    case "day":
      return formatDate(period.on);
    case "month":
      return `${MONTH_NAMES[month - 1]} ${year}`;
    case "quarter":
      return quarterLabel(year, month, options.quarters);
    case "half":
      return `H${month <= 6 ? 1 : 2} ${year}`;
    case "year":
      return options.asTarget ? `end of ${year}` : String(year);
  }
}

/** The words a person would use for the span of months a period covers, for screen readers and tooltips. */
export function describePeriod(period: Period): string {
  const start = parseIsoDate(periodStart(period));
  const end = parseIsoDate(period.on);
  if (period.precision === "day") return formatDate(period.on);
  if (period.precision === "month") return `${MONTH_NAMES[end.month - 1]} ${end.year}`;
  return `${MONTH_NAMES[start.month - 1]} to ${MONTH_NAMES[end.month - 1]} ${end.year}`;
}

/**
 * `amount` counts whole periods of `unit`; `widenedMonths` is set when the forecast is less precise than
 * the baseline and its last possible day is later (March 2022 → "end of 2022": up to 9 months later),
 * which `amount` at the coarser precision cannot see.
 */
export type Slippage = { amount: number; unit: "month" | "quarter" | "half" | "year"; text: string; widenedMonths?: number };

/**
 * How far a forecast has moved from its baseline, counted at the coarser of the two precisions
 * (months for days and months): the number of such periods between the one holding the baseline and
 * the one holding the forecast. Positive is later, negative is brought forward.
 */
export function slippage(baseline: Period, forecast: Period): Slippage {
  const coarser = Math.max(PRECISIONS.indexOf(baseline.precision), PRECISIONS.indexOf(forecast.precision));
  const unit = (["month", "month", "quarter", "half", "year"] as const)[coarser] ?? "month";
  const size = { month: 1, quarter: 3, half: 6, year: 12 }[unit];
  const index = (iso: IsoDate) => {
    const { year, month } = parseIsoDate(iso);
    return Math.floor((year * 12 + month - 1) / size);
  };
  const amount = index(forecast.on) - index(baseline.on);
  const noun = { month: "month", quarter: "quarter", half: "half-year", year: "year" }[unit];
  const count = Math.abs(amount);
  if (amount === 0 && forecast.on > baseline.on) {
    // Same coarse period, but a later last day: never call a less precise promise "on baseline".
    const months = index12(forecast.on) - index12(baseline.on);
    return { amount, unit, widenedMonths: months, text: `Less precise than the baseline: up to ${months} month${months === 1 ? "" : "s"} later` };
  }
  const text =
    amount === 0
      ? "On baseline"
      : `${amount > 0 ? "Slipped" : "Brought forward"} ${count} ${noun}${count === 1 ? "" : "s"}`;
  return { amount, unit, text };
}

function index12(iso: IsoDate): number {
  const { year, month } = parseIsoDate(iso);
  return year * 12 + month - 1;
}

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in London, whatever the server's own time zone. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12", // not hour12: en-GB then uses h11 and shows midnight as "0:00am"
});

/** "7 October 2021 at 10:00am" in Europe/London. */
export function formatDateTime(instant: Date | string): string {
  const when = typeof instant === "string" ? new Date(instant) : instant;
  const time = LONDON_TIME.format(when).replace(/\s/g, "").toLowerCase();
  return `${formatDate(todayInLondon(when))} at ${time}`;
}
