/**
 * Geometry of the timeline: where a period, a span or a day sits across a date range, as
 * percentages of its width. Whole calendar days only (see lib/dates/period.ts), so positions never
 * move with the time zone or the clock change.
 */
import {
  addDays, dayNumber, describePeriod, financialYearLabel, formatDate, formatPeriod, isoDate, parseIsoDate, periodContaining, periodStart,
  quarterLabel, MONTH_NAMES, type IsoDate, type Period, type QuarterStyle,
} from "@/lib/dates/period";
import type { Dependency, Factor, Milestone, MilestoneStatus, PhaseSpan, Product, Roadmap } from "./types";
import { productsInFamilyOrder, sortedMilestones } from "./view";

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
      columns.push({ key: month.on, label: `${MONTH_NAMES[m - 1]!.slice(0, 3)} ${year}`, title: `${MONTH_NAMES[m - 1]} ${year}`, left: placed.left, width: placed.width });
    }
    cursor = addDays(month.on, 1);
  }
  return columns;
}

/** How finely the axis is divided. A zoom changes the columns only: every item keeps its days. */
export const ZOOMS = ["month", "quarter", "year"] as const;
export type Zoom = (typeof ZOOMS)[number];

/** A calendar month, for the range's ends (`?from=2021-10&to=2022-12`). */
export type MonthValue = { year: number; month: number };

/** From the first day of `from` to the last day of `to`. */
export function monthRange(from: MonthValue, to: MonthValue): DateRange {
  return {
    start: isoDate(from.year, from.month, 1),
    end: periodContaining("month", isoDate(to.year, to.month, 1)).on,
  };
}

/** The months a range starts and ends in ("2021-10"), to write it back into the address. */
export function rangeMonths(range: DateRange): { from: string; to: string } {
  return { from: range.start.slice(0, 7), to: range.end.slice(0, 7) };
}

/** The calendar or UK financial year (1 April to 31 March) holding a day, as its first and last day and label. */
function yearHolding(day: IsoDate, style: QuarterStyle): { start: IsoDate; end: IsoDate; label: string; title: string } {
  const { year, month } = parseIsoDate(day);
  if (style === "financial") {
    const startYear = month >= 4 ? year : year - 1;
    return {
      start: isoDate(startYear, 4, 1),
      end: isoDate(startYear + 1, 3, 31),
      label: financialYearLabel(startYear),
      title: `Financial year 1 April ${startYear} to 31 March ${startYear + 1}`,
    };
  }
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), label: String(year), title: `January to December ${year}` };
}

export function yearColumns(range: DateRange, style: QuarterStyle = "calendar"): Column[] {
  const columns: Column[] = [];
  let cursor = range.start;
  while (cursor <= range.end) {
    const year = yearHolding(cursor, style);
    const placed = place(range, year.start, year.end);
    if (placed) columns.push({ key: year.end, label: year.label, title: year.title, left: placed.left, width: placed.width });
    cursor = addDays(year.end, 1);
  }
  return columns;
}

export function columnsFor(zoom: Zoom, range: DateRange, style: QuarterStyle = "calendar"): Column[] {
  if (zoom === "month") return monthColumns(range);
  if (zoom === "year") return yearColumns(range, style);
  return quarterColumns(range, style);
}

// ---------------------------------------------------------------------------------------------
// The chart's rows, lanes and dependency lines. Heights are fixed numbers of CSS pixels, so the
// server knows where every row and item is and can draw the dependency lines as SVG without any
// script: they appear in print and in the PDF exactly as on screen. Lines are drawn one piece per
// row, inside that row, so a page break (which only falls between rows) cuts them cleanly. Where
// several lines only pass through a row on the same track (many products depending on one factor),
// that row draws the track once for all of them, so the drawing grows with what is seen, not with
// lines times rows. A long roadmap is shown a page of rows at a time on screen (never split inside
// a family); the print layout and the PDF show every row.
// ---------------------------------------------------------------------------------------------

/** What the reader asked to see: empty lists mean "all". */
export type TimelineFilters = { products: string[]; phases: string[]; statuses: MilestoneStatus[] };
export const NO_FILTERS: TimelineFilters = { products: [], phases: [], statuses: [] };

export const CHART_SIZES = {
  /** Space above the first lane and below the last. */
  padY: 6,
  barLane: 28,
  /** Room for a milestone label of two lines. */
  milestoneLane: 40,
  noteLane: 24,
  factorLane: 36,
  /** A product's name wraps at about this many characters in its 11rem column... */
  nameChars: 20,
  /** ...in lines this tall, at most three of them. */
  nameLine: 18,
  groupRow: 40,
  /** Where a line leaves its product's row, and arrives at a product's row: level with the first lane. */
  anchorY: 20,
} as const;

export type DependencyKind = Dependency["on"]["kind"];

export type Lane =
  | { kind: "span"; key: string; top: number; height: number; span: PhaseSpan; bar: SpanBar }
  | { kind: "milestone"; key: string; top: number; height: number; milestone: Milestone; mark: Placement }
  | { kind: "cut"; key: string; top: number; height: number; cut: CutLine }
  | { kind: "factor"; key: string; top: number; height: number; factor: Factor };

/**
 * A piece of a line in the gutter beside the product names: points in pixels, within one row. A piece
 * that starts or ends a line belongs to one dependency; a piece that only passes through the row is
 * shared by every dependency on the same track there.
 */
export type GutterPiece = { dependencyIds: number[]; kind: DependencyKind; points: Array<[number, number]>; start: boolean; end: boolean; title: string };
/** A piece of a line across the dates (to a milestone's marker): x in percent of the width, y in pixels, within one row. */
export type DatePiece = { dependencyIds: number[]; kind: DependencyKind; x1: number; y1: number; x2: number; y2: number; start: boolean; end: boolean; title: string };
/** A dependency whose other end is not on the chart: drawn to the edge with a label saying where it goes. */
export type CutLine = {
  dependencyId: number;
  kind: DependencyKind;
  reason: "before-range" | "after-range" | "filtered-out" | "other-page";
  side: "left" | "right";
  label: string;
  title: string;
};

type RowBase = { key: string; height: number; gutter: GutterPiece[]; dates: DatePiece[] };
export type ChartRow =
  | (RowBase & { kind: "product"; product: Product; depth: number; lanes: Lane[]; outsideRange: number })
  | (RowBase & { kind: "group"; product: Product; depth: number })
  | (RowBase & { kind: "factors"; lanes: Lane[] });

export type ShownProduct = { product: Product; depth: number; matches: boolean };

/** Which page of rows a layout is: products are counted among those that match the filters. */
export type TimelinePage = { number: number; count: number; firstProduct: number; lastProduct: number; totalProducts: number };

export type ChartLayout = {
  rows: ChartRow[];
  /** The products on this page, in family order, with the headings of their families: what the table lists. */
  shown: ShownProduct[];
  page: TimelinePage;
  gutterWidth: number;
  /** Every dependency of a shown product, drawn whole or cut, by id: what the legend and tests count. */
  drawn: number[];
  cut: number[];
};

/** Rows on one page of the timeline on screen: enough for any real programme, few enough to stay quick. */
export const TIMELINE_PAGE_SIZE = 100;

/** The phase spans and milestones of a product that the filters let through. */
export function visibleItems(product: Product, filters: TimelineFilters): { spans: PhaseSpan[]; milestones: Milestone[] } {
  const phaseOk = (key: string | null) => filters.phases.length === 0 || (key !== null && filters.phases.includes(key));
  return {
    spans: product.spans.filter((s) => phaseOk(s.phaseKey)),
    milestones: sortedMilestones(product).filter(
      (m) => phaseOk(m.phaseKey) && (filters.statuses.length === 0 || filters.statuses.includes(m.status)),
    ),
  };
}

/** Does the product pass the filters? A phase or status filter needs something of that phase or status to show. */
export function productMatches(product: Product, filters: TimelineFilters): boolean {
  if (filters.products.length > 0 && !filters.products.includes(product.slug)) return false;
  const { spans, milestones } = visibleItems(product, filters);
  if (filters.statuses.length > 0 && milestones.length === 0) return false;
  if (filters.phases.length > 0 && spans.length === 0 && milestones.length === 0) return false;
  return true;
}

/**
 * Products in family order, each either shown in full or, when it does not match but one of its
 * family below it does, as a heading for that family (so Person's products still sit under Person).
 */
export function filteredProducts(roadmap: Roadmap, filters: TimelineFilters): ShownProduct[] {
  const ordered = productsInFamilyOrder(roadmap.products);
  const matches = new Map(ordered.map(({ product }) => [product.slug, productMatches(product, filters)]));
  const children = new Map<string, Product[]>();
  for (const p of roadmap.products) if (p.parentSlug !== null) children.set(p.parentSlug, [...(children.get(p.parentSlug) ?? []), p]);
  const below = new Map<string, boolean>();
  const anyBelow = (slug: string): boolean => {
    let found = below.get(slug);
    if (found === undefined) below.set(slug, (found = (children.get(slug) ?? []).some((c) => matches.get(c.slug) || anyBelow(c.slug))));
    return found;
  };
  return ordered
    .map(({ product, depth }) => ({ product, depth, matches: matches.get(product.slug) ?? false }))
    .filter(({ product, matches: m }) => m || anyBelow(product.slug));
}

/**
 * The shown products cut into pages of at most `size` rows, each family (a product at the top level
 * with everything under it) whole on one page: a family longer than a page has a page of its own.
 */
export function timelinePages(shown: ShownProduct[], size = TIMELINE_PAGE_SIZE): ShownProduct[][] {
  const families: ShownProduct[][] = [];
  for (const entry of shown) {
    if (entry.depth === 0 || families.length === 0) families.push([entry]);
    else families.at(-1)!.push(entry);
  }
  const pages: ShownProduct[][] = [];
  for (const family of families) {
    const current = pages.at(-1);
    if (current && current.length + family.length <= size) current.push(...family);
    else pages.push([...family]);
  }
  return pages.length > 0 ? pages : [[]];
}

function productRowHeight(product: Product, depth: number, lanes: Lane[]): number {
  const { padY, nameChars, nameLine } = CHART_SIZES;
  const nameLines = Math.min(3, Math.ceil(product.name.length / Math.max(8, nameChars - depth * 2)));
  const lanesHeight = lanes.reduce((sum, lane) => sum + lane.height, 0);
  return Math.max(padY * 2 + lanesHeight, 8 + nameLines * nameLine + 8);
}

type Unplaced<T> = T extends unknown ? Omit<T, "top"> : never;

function stackLanes<T extends { height: number }>(lanes: T[]): Array<T & { top: number }> {
  let top = CHART_SIZES.padY;
  return lanes.map((lane) => {
    const placed = { ...lane, top };
    top += lane.height;
    return placed;
  });
}

/** The words for a dependency's far end, used in labels, titles and the table. */
export function dependencyTarget(dependency: Dependency, roadmap: Roadmap): string {
  const on = dependency.on;
  if (on.kind === "product") return on.name;
  if (on.kind === "factor") {
    const factor = roadmap.factors.find((f) => f.id === on.id);
    return factor ? `programme dependency ${factor.position}: ${on.title}` : `programme dependency: ${on.title}`;
  }
  const owner = roadmap.products.find((p) => p.slug === on.productSlug);
  return `${owner ? `${owner.name}: ` : ""}${on.title}`;
}

/**
 * Lays the chart out: which rows, how tall, which lanes, and every dependency line cut into one
 * piece per row it crosses. Pure, so the chart, the print layout and the tests agree. `page` (from 1)
 * lays out one page of rows (timelinePages); without it, every row.
 */
export function chartLayout(
  roadmap: Roadmap,
  range: DateRange,
  options: { filters?: TimelineFilters; quarters?: QuarterStyle; page?: number } = {},
): ChartLayout {
  const filters = options.filters ?? NO_FILTERS;
  const quarters = options.quarters ?? "calendar";
  const S = CHART_SIZES;
  const everything = filteredProducts(roadmap, filters);
  const pages = options.page === undefined ? [everything] : timelinePages(everything);
  const pageNumber = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pages.length);
  const shown = pages[pageNumber - 1]!;
  const pageOf = new Map<string, number>();
  pages.forEach((entries, i) => entries.forEach((e) => e.matches && pageOf.set(e.product.slug, i + 1)));
  const shownSlugs = new Set(shown.filter((s) => s.matches).map((s) => s.product.slug));
  const matchingBefore = pages.slice(0, pageNumber - 1).reduce((n, entries) => n + entries.filter((e) => e.matches).length, 0);
  const page: TimelinePage = {
    number: pageNumber,
    count: pages.length,
    firstProduct: matchingBefore + 1,
    lastProduct: matchingBefore + shownSlugs.size,
    totalProducts: pageOf.size,
  };

  // Which milestones are drawn (in a product that matches, let through by the filters, inside the
  // range), wherever they are; those on another page than this are not on this chart.
  const milestoneMark = new Map<number, { slug: string; mark: Placement }>();
  const milestoneFiltered = new Set<number>();
  for (const { product, matches } of everything) {
    if (!matches) continue;
    const visible = new Set(visibleItems(product, filters).milestones.map((m) => m.id));
    for (const m of product.milestones) {
      if (!visible.has(m.id)) {
        milestoneFiltered.add(m.id);
        continue;
      }
      const mark = periodMark(range, m.forecast);
      if (mark) milestoneMark.set(m.id, { slug: product.slug, mark });
    }
  }
  const allMilestones = new Map(roadmap.products.flatMap((p) => p.milestones.map((m) => [m.id, { m, product: p }] as const)));
  const factorIds = new Set(roadmap.factors.map((f) => f.id));

  type Pending = { dependency: Dependency; from: string; title: string };
  const pending: Pending[] = [];
  const cutsBySlug = new Map<string, CutLine[]>();
  const drawn: number[] = [];
  const cut: number[] = [];

  for (const { product, matches } of shown) {
    if (!matches) continue;
    for (const dependency of product.dependencies) {
      const on = dependency.on;
      const where = dependencyTarget(dependency, roadmap);
      const title = `${product.name} depends on ${where}`;
      let reason: CutLine["reason"] | null = null;
      let side: CutLine["side"] = "right";
      let label = "";
      const otherPage = (slug: string) => `Depends on ${where} (on page ${pageOf.get(slug)} of this timeline)`;
      if (on.kind === "product" && !shownSlugs.has(on.slug)) {
        reason = pageOf.has(on.slug) ? "other-page" : "filtered-out";
        label = pageOf.has(on.slug) ? otherPage(on.slug) : `Depends on ${where} (not shown: filtered out)`;
      } else if (on.kind === "milestone" && !(milestoneMark.has(on.id) && shownSlugs.has(on.productSlug))) {
        const target = allMilestones.get(on.id);
        if (!pageOf.has(on.productSlug) || milestoneFiltered.has(on.id) || !target) {
          reason = "filtered-out";
          label = `Depends on ${where} (not shown: filtered out)`;
        } else if (milestoneMark.has(on.id)) {
          reason = "other-page";
          label = otherPage(on.productSlug);
        } else {
          const before = target.m.forecast.on < range.start;
          reason = before ? "before-range" : "after-range";
          side = before ? "left" : "right";
          label = `Depends on ${where}, ${formatPeriod(target.m.forecast, { asTarget: true, quarters })} (${before ? "before" : "after"} this range)`;
        }
      } else if (on.kind === "factor" && !factorIds.has(on.id)) {
        reason = "filtered-out";
        label = `Depends on ${where} (not shown)`;
      }
      if (reason) {
        const list = cutsBySlug.get(product.slug) ?? [];
        list.push({ dependencyId: dependency.id, kind: on.kind, reason, side, label, title });
        cutsBySlug.set(product.slug, list);
        cut.push(dependency.id);
      } else {
        pending.push({ dependency, from: product.slug, title });
        drawn.push(dependency.id);
      }
    }
  }

  // Rows, with their lanes stacked from the top.
  const rows: ChartRow[] = shown.map(({ product, depth, matches }) => {
    if (!matches) return { kind: "group", key: `g-${product.slug}`, product, depth, height: S.groupRow, gutter: [], dates: [] };
    const { spans, milestones } = visibleItems(product, filters);
    let outsideRange = 0;
    const lanes: Array<Unplaced<Lane>> = [];
    for (const span of spans) {
      const bar = spanBar(range, span, quarters);
      if (bar) lanes.push({ kind: "span", key: `s${span.id}`, height: S.barLane, span, bar });
      else outsideRange++;
    }
    for (const milestone of milestones) {
      const mark = periodMark(range, milestone.forecast);
      if (mark) lanes.push({ kind: "milestone", key: `m${milestone.id}`, height: S.milestoneLane, milestone, mark });
      else outsideRange++;
    }
    for (const c of cutsBySlug.get(product.slug) ?? []) lanes.push({ kind: "cut", key: `c${c.dependencyId}`, height: S.noteLane, cut: c });
    const stacked = stackLanes(lanes) as Lane[];
    return { kind: "product", key: `p-${product.slug}`, product, depth, lanes: stacked, outsideRange, height: productRowHeight(product, depth, stacked), gutter: [], dates: [] };
  });
  if (roadmap.factors.length > 0) {
    const factors = [...roadmap.factors].sort((a, b) => a.position - b.position);
    const lanes = stackLanes(factors.map((factor) => ({ kind: "factor" as const, key: `f${factor.id}`, height: S.factorLane, factor })));
    rows.push({ kind: "factors", key: "factors", lanes, height: S.padY * 2 + lanes.reduce((n, l) => n + l.height, 0), gutter: [], dates: [] });
  }

  const tops: number[] = [];
  rows.reduce((top, row) => (tops.push(top), top + row.height), 0);
  const productRow = new Map<string, number>();
  rows.forEach((row, i) => row.kind === "product" && productRow.set(row.product.slug, i));
  const factorsRow = rows.findIndex((r) => r.kind === "factors");

  // One vertical channel in the gutter per product or factor that something depends on.
  // Products' channels on the left (their arrows point left, at the product's name); factors' on the
  // right, the first factor rightmost, so a line turning into its factor never crosses another's channel.
  const productChannels = new Set<string>();
  const factorChannels = new Set<number>();
  for (const { dependency } of pending) {
    if (dependency.on.kind === "product") productChannels.add(`p:${dependency.on.slug}`);
    if (dependency.on.kind === "factor") factorChannels.add(dependency.on.id);
  }
  const factorOrder = [...roadmap.factors].sort((a, b) => b.position - a.position).filter((f) => factorChannels.has(f.id));
  const channelKeys = [...productChannels, ...factorOrder.map((f) => `f:${f.id}`)];
  const channelIndex = new Map(channelKeys.map((key, i) => [key, i]));
  const gutterWidth = Math.min(120, Math.max(16, 16 + channelKeys.length * 8));
  const spacing = channelKeys.length > 1 ? Math.min(8, (gutterWidth - 16) / (channelKeys.length - 1)) : 0;
  const channelX = (key: string) => 8 + channelIndex.get(key)! * spacing;

  // Pieces that only pass through a row, by row and track: one piece for every line on that track.
  type Through = { ids: number[]; kind: DependencyKind; targets: Set<string>; x: number; firstTitle: string };
  const through = new Map<number, Map<string, Through>>();
  const passThrough = (r: number, track: string, kind: DependencyKind, x: number, pend: Pending) => {
    const inRow = through.get(r) ?? new Map<string, Through>();
    through.set(r, inRow);
    const piece = inRow.get(track) ?? { ids: [], kind, targets: new Set<string>(), x, firstTitle: pend.title };
    inRow.set(track, piece);
    piece.ids.push(pend.dependency.id);
    piece.targets.add(dependencyTarget(pend.dependency, roadmap));
  };
  const rowLookup = (j: number) => rows[j] as { lanes: Lane[] };

  for (const pend of pending) {
    const { dependency, from, title } = pend;
    const on = dependency.on;
    const i = productRow.get(from)!;
    const fromY = tops[i]! + S.anchorY;
    if (on.kind === "milestone") {
      const target = milestoneMark.get(on.id)!;
      const j = productRow.get(target.slug)!;
      const lane = rowLookup(j).lanes.find((l) => l.kind === "milestone" && l.milestone.id === on.id)!;
      const x = target.mark.left + target.mark.width;
      let startY = fromY;
      const diamondTop = tops[j]! + lane.top + 3;
      const diamondBottom = tops[j]! + lane.top + 21;
      if (i === j && diamondTop <= startY + 4) startY = tops[i]! + 1;
      const down = diamondTop > startY;
      const toY = down ? diamondTop : diamondBottom;
      for (let r = Math.min(i, j); r <= Math.max(i, j); r++) {
        if (r !== i && r !== j) {
          passThrough(r, `x:${x}`, on.kind, x, pend);
          continue;
        }
        const [y1, y2] = [r === i ? startY - tops[r]! : down ? 0 : rows[r]!.height, r === j ? toY - tops[r]! : down ? rows[r]!.height : 0];
        rows[r]!.dates.push({ dependencyIds: [dependency.id], kind: on.kind, x1: x, y1, x2: x, y2, start: r === i, end: r === j, title });
      }
      continue;
    }
    const j = on.kind === "product" ? productRow.get(on.slug)! : factorsRow;
    const toY =
      on.kind === "product"
        ? tops[j]! + S.anchorY
        : (() => {
            const lane = rowLookup(j).lanes.find((l) => l.kind === "factor" && l.factor.id === on.id)!;
            return tops[j]! + lane.top + lane.height / 2;
          })();
    const track = on.kind === "product" ? `p:${on.slug}` : `f:${on.id}`;
    const cx = channelX(track);
    const endX = on.kind === "product" ? 1 : gutterWidth - 1;
    const down = j > i;
    for (let r = Math.min(i, j); r <= Math.max(i, j); r++) {
      const h = rows[r]!.height;
      const edgeIn = down ? 0 : h;
      const edgeOut = down ? h : 0;
      let points: Array<[number, number]>;
      if (r === i) points = [[1, fromY - tops[r]!], [cx, fromY - tops[r]!], [cx, edgeOut]];
      else if (r === j) points = [[cx, edgeIn], [cx, toY - tops[r]!], [endX, toY - tops[r]!]];
      else {
        passThrough(r, track, on.kind, cx, pend);
        continue;
      }
      rows[r]!.gutter.push({ dependencyIds: [dependency.id], kind: on.kind, points, start: r === i, end: r === j, title });
    }
  }

  for (const [r, inRow] of through) {
    const row = rows[r]!;
    for (const [track, piece] of inRow) {
      const title =
        piece.ids.length === 1
          ? piece.firstTitle
          : piece.targets.size === 1
            ? `${piece.ids.length} dependencies on ${[...piece.targets][0]} pass here`
            : `${piece.ids.length} dependency lines pass here`;
      const shared = { dependencyIds: piece.ids, kind: piece.kind, start: false, end: false, title };
      if (track.startsWith("x:")) row.dates.push({ ...shared, x1: piece.x, y1: 0, x2: piece.x, y2: row.height });
      else row.gutter.push({ ...shared, points: [[piece.x, 0], [piece.x, row.height]] });
    }
  }

  return { rows, shown, page, gutterWidth, drawn, cut };
}
