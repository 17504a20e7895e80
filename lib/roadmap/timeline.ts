/**
 * Geometry of the timeline: where a period, a span or a day sits across a date range, as
 * percentages of its width. Whole calendar days only (see lib/dates/period.ts), so positions never
 * move with the time zone or the clock change.
 */
import {
  addDays, dayNumber, describePeriod, formatDate, isoDate, parseIsoDate, periodContaining, periodStart,
  quarterLabel, MONTH_NAMES, type IsoDate, type Period, type QuarterStyle,
} from "@/lib/dates/period";
import type { PhaseSpan } from "./types";

/** Inclusive range of calendar days. */
export type DateRange = { start: IsoDate; end: IsoDate };

/** From the first day of the quarter an update is published in, to the end of the quarter `months` later. */
export function lookaheadRange(asOf: IsoDate, months: number): DateRange {
  const { year, month } = parseIsoDate(asOf);
  const start = periodStart(periodContaining("quarter", asOf));
  const later = year * 12 + (month - 1) + months;
  const end = periodContaining("quarter", isoDate(Math.floor(later / 12), (later % 12) + 1, 1)).on;
  return { start, end };
}

function rangeDays(range: DateRange): number {
  return dayNumber(range.end) - dayNumber(range.start) + 1;
}

/** Left edge of a day, as a percentage of the range. */
function offset(range: DateRange, day: IsoDate): number {
  return ((dayNumber(day) - dayNumber(range.start)) / rangeDays(range)) * 100;
}

export type Placement = { left: number; width: number; cutStart: boolean; cutEnd: boolean };

/** Places the days `from`..`to` (inclusive) on the range, cut at its edges; null when wholly outside. */
export function place(range: DateRange, from: IsoDate, to: IsoDate): Placement | null {
  if (to < range.start || from > range.end) return null;
  const cutStart = from < range.start;
  const cutEnd = to > range.end;
  const left = offset(range, cutStart ? range.start : from);
  const right = offset(range, addDays(cutEnd ? range.end : to, 1));
  return { left, width: right - left, cutStart, cutEnd };
}

export type SpanBar = Placement & { fromLabel: string; toLabel: string };

/** A phase span's bar: an open start runs from the range's start, an open end to its end. */
export function spanBar(range: DateRange, span: PhaseSpan, quarters: QuarterStyle = "calendar"): SpanBar | null {
  const from = span.start ? periodStart(span.start) : range.start;
  const to = span.end ? span.end.on : range.end;
  const placed = place(range, from, to);
  if (!placed) return null;
  return {
    ...placed,
    cutStart: placed.cutStart || span.start === null,
    cutEnd: placed.cutEnd || span.end === null,
    fromLabel: span.start ? describeEdge(span.start, quarters, "from") : "already under way",
    toLabel: span.end ? describeEdge(span.end, quarters, "to") : "ongoing",
  };
}

function describeEdge(period: Period, quarters: QuarterStyle, edge: "from" | "to"): string {
  if (period.precision === "day") return formatDate(period.on);
  if (period.precision === "quarter") {
    const { year, month } = parseIsoDate(period.on);
    return quarterLabel(year, month, quarters);
  }
  if (period.precision === "year") return edge === "to" ? `end of ${period.on.slice(0, 4)}` : period.on.slice(0, 4);
  return describePeriod(period);
}

/** A milestone drawn as its whole period (a month is a month wide), or a day. */
export function periodMark(range: DateRange, period: Period): Placement | null {
  return place(range, periodStart(period), period.on);
}

export function dayMark(range: DateRange, day: IsoDate): number | null {
  return day < range.start || day > range.end ? null : offset(range, day) + 50 / rangeDays(range);
}

export type Column = { key: string; label: string; title: string; left: number; width: number };

export function quarterColumns(range: DateRange, style: QuarterStyle = "calendar"): Column[] {
  const columns: Column[] = [];
  let cursor = range.start;
  while (cursor <= range.end) {
    const quarter = periodContaining("quarter", cursor);
    const { year, month } = parseIsoDate(quarter.on);
    const placed = place(range, periodStart(quarter), quarter.on);
    if (placed) {
      columns.push({
        key: quarter.on,
        label: quarterLabel(year, month, style),
        title: describePeriod(quarter),
        left: placed.left,
        width: placed.width,
      });
    }
    cursor = addDays(quarter.on, 1);
  }
  return columns;
}

export function monthColumns(range: DateRange): Column[] {
  const columns: Column[] = [];
  let cursor = range.start;
  while (cursor <= range.end) {
    const month = periodContaining("month", cursor);
    const { year, month: m } = parseIsoDate(month.on);
    const placed = place(range, periodStart(month), month.on);
    if (placed) {
      columns.push({ key: month.on, label: MONTH_NAMES[m - 1]!.slice(0, 3), title: `${MONTH_NAMES[m - 1]} ${year}`, left: placed.left, width: placed.width });
    }
    cursor = addDays(month.on, 1);
  }
  return columns;
}
