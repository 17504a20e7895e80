/**
 * What the timeline's address asks for: `?zoom=month|quarter|year&from=2021-10&to=2022-12` and the
 * filters `product=…&phase=…&status=…` (each may repeat), plus `quarters=financial|calendar` to see
 * the other kind of quarter without changing the saved preference. It is a plain GET form, so the
 * page works without JavaScript and any view can be bookmarked or sent to someone.
 *
 * A value that cannot be used is never an error page: the timeline falls back to the default for
 * that field and says so beside the field, keeping what was typed so it can be corrected.
 */
import { MONTH_NAMES, isRealDate, type QuarterStyle } from "@/lib/dates/period";
import {
  ZOOMS, lookaheadRange, monthRange, rangeMonths, type DateRange, type MonthValue, type TimelineFilters, type Zoom,
} from "./timeline";
import { MILESTONE_STATUSES, type MilestoneStatus } from "./types";

export type SearchParams = Record<string, string | string[] | undefined>;

export type TimelineField = "zoom" | "from" | "to" | "product" | "phase" | "status";

export type TimelineOptions = {
  zoom: Zoom;
  range: DateRange;
  filters: TimelineFilters;
  /** From the address (`?quarters=`), when given; otherwise the reader's saved preference applies. */
  quarters: QuarterStyle | null;
  /** What the fields show: as typed, so a mistake can be corrected. */
  input: { from: string; to: string };
  errors: Partial<Record<TimelineField, string>>;
  /** The range the timeline shows when none is asked for. */
  defaultRange: DateRange;
  /** Which page of a long timeline (from 1; a page past the end shows the last). */
  page: number;
};

export const DEFAULT_ZOOM: Zoom = "quarter";
/** Ten years: longer than any roadmap looks ahead, short enough that a month column is still a column. */
export const MAX_RANGE_MONTHS = 120;

const all = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter((v) => v !== "");
const one = (value: string | string[] | undefined): string | undefined => all(value)[0];

const MONTH_WORDS = new Map<string, number>(
  MONTH_NAMES.flatMap((name, i) => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]] as Array<[string, number]>),
);

/**
 * A month as people write it: "2021-10" (what the form sends back), "10/2021", "10 2021",
 * "Oct 2021" or "October 2021". Null when it is not a real month between 1900 and 2200.
 */
export function parseMonth(text: string): MonthValue | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ");
  let year: number | undefined;
  let month: number | undefined;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(value);
  const numeric = /^(\d{1,2})[/ .-](\d{4})$/.exec(value);
  const words = /^([a-z]+)\.? (\d{4})$/.exec(value);
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (numeric) [month, year] = [Number(numeric[1]), Number(numeric[2])];
  else if (words) [month, year] = [MONTH_WORDS.get(words[1]!), Number(words[2])];
  if (year === undefined || month === undefined || !isRealDate(year, month, 1)) return null;
  return { year, month };
}

/** The same two styles lib/auth/preferences.ts keeps; read here without it, so this stays free of the database. */
function parseQuarters(value: string | undefined): QuarterStyle | null {
  return value === "calendar" || value === "financial" ? value : null;
}

const monthWords = (m: MonthValue) => `${MONTH_NAMES[m.month - 1]} ${m.year}`;
const monthIndex = (m: MonthValue) => m.year * 12 + m.month - 1;
const toMonth = (iso: string): MonthValue => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });

export function parseTimelineOptions(
  params: SearchParams,
  context: {
    lookaheadFrom: string;
    lookaheadMonths: number;
    productSlugs: string[];
    phaseKeys: string[];
  },
): TimelineOptions {
  const errors: TimelineOptions["errors"] = {};
  const defaultRange = lookaheadRange(context.lookaheadFrom, context.lookaheadMonths);
  const defaults = { from: toMonth(defaultRange.start), to: toMonth(defaultRange.end) };

  const zoomText = one(params.zoom);
  let zoom = DEFAULT_ZOOM;
  if (zoomText !== undefined) {
    if ((ZOOMS as readonly string[]).includes(zoomText)) zoom = zoomText as Zoom;
    else errors.zoom = "Choose months, quarters or years. Showing quarters.";
  }

  const input = { from: one(params.from) ?? "", to: one(params.to) ?? "" };
  let from = defaults.from;
  let to = defaults.to;
  if (input.from) {
    const parsed = parseMonth(input.from);
    if (parsed) from = parsed;
    else errors.from = `Enter the first month as a year and month, like 2021-10. Showing from ${monthWords(defaults.from)}.`;
  }
  if (input.to) {
    const parsed = parseMonth(input.to);
    if (parsed) to = parsed;
    else errors.to = `Enter the last month as a year and month, like 2022-12. Showing to ${monthWords(defaults.to)}.`;
  }
  if (monthIndex(to) < monthIndex(from)) {
    // Said at the last month, the one to correct; the whole default range is shown meanwhile.
    errors.to = `The last month must be the same as or after the first month (${monthWords(from)}). Showing ${monthWords(defaults.from)} to ${monthWords(defaults.to)}.`;
    [from, to] = [defaults.from, defaults.to];
  } else if (monthIndex(to) - monthIndex(from) + 1 > MAX_RANGE_MONTHS) {
    errors.to = `The timeline can show at most ${MAX_RANGE_MONTHS / 12} years. Showing ${monthWords(defaults.from)} to ${monthWords(defaults.to)}.`;
    [from, to] = [defaults.from, defaults.to];
  }

  const pick = <T extends string>(field: TimelineField, values: string[], known: readonly T[], noun: string): T[] => {
    const unknown = values.filter((v) => !known.includes(v as T));
    if (unknown.length > 0) errors[field] = `There is no ${noun} “${unknown.join("”, “")}”: ${unknown.length === 1 ? "it was" : "they were"} left out.`;
    return [...new Set(values.filter((v): v is T => known.includes(v as T)))];
  };
  const filters: TimelineFilters = {
    products: pick("product", all(params.product), context.productSlugs, "product"),
    phases: pick("phase", all(params.phase), context.phaseKeys, "phase"),
    statuses: pick<MilestoneStatus>("status", all(params.status), MILESTONE_STATUSES, "milestone status"),
  };

  // A page that is not a whole number from 1 is the first page: paging is navigation, not input to correct.
  const pageText = one(params.page);
  const page = pageText !== undefined && /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;

  return { zoom, range: monthRange(from, to), filters, quarters: parseQuarters(one(params.quarters)), input, errors, defaultRange, page };
}

/**
 * The address of a timeline view, keeping only what differs from the defaults, so a plain
 * "/timeline" stays plain. `view` (editors' draft or published) is kept as it was.
 */
export function timelineHref(
  options: Pick<TimelineOptions, "zoom" | "range" | "filters" | "defaultRange">,
  extra: { view?: string; quarters?: QuarterStyle | null; page?: number } = {},
): string {
  const query = new URLSearchParams();
  if (extra.view) query.set("view", extra.view);
  if (options.zoom !== DEFAULT_ZOOM) query.set("zoom", options.zoom);
  const months = rangeMonths(options.range);
  const defaults = rangeMonths(options.defaultRange);
  if (months.from !== defaults.from || months.to !== defaults.to) {
    query.set("from", months.from);
    query.set("to", months.to);
  }
  for (const slug of options.filters.products) query.append("product", slug);
  for (const key of options.filters.phases) query.append("phase", key);
  for (const status of options.filters.statuses) query.append("status", status);
  if (extra.quarters) query.set("quarters", extra.quarters);
  if (extra.page !== undefined && extra.page > 1) query.set("page", String(extra.page));
  const text = query.toString();
  return text ? `/timeline?${text}` : "/timeline";
}
