import Link from "next/link";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import {
  NO_FILTERS, chartLayout, columnsFor, dayMark,
  type ChartLayout, type ChartRow, type Column, type DatePiece, type DateRange, type DependencyKind, type GutterPiece, type Lane, type TimelineFilters, type Zoom,
} from "@/lib/roadmap/timeline";
import { slippageNote } from "./Slippage";
import { describePeriod, formatDate, formatPeriod, type IsoDate, type QuarterStyle } from "@/lib/dates/period";
import type { Milestone, Product, Roadmap } from "@/lib/roadmap/types";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL, phaseByKey } from "@/lib/roadmap/view";
import { phaseBackground } from "./PhaseGrid";

const MARK_COLOUR = {
  not_assessed: "bg-[#505a5f]",
  not_started: "bg-[#505a5f]",
  on_track: "bg-[#00703c]",
  at_risk: "bg-[#f47738]",
  delayed: "bg-[#d4351c]",
  done: "bg-[#1d70b8]",
} as const;

/**
 * Each kind of dependency line has its own dash as well as its own colour, so the chart reads the
 * same printed in greyscale: solid to a product, dashed to a milestone, dotted to a programme factor.
 */
const LINE_STYLE: Record<DependencyKind, { stroke: string; dash?: string; words: string }> = {
  product: { stroke: "#0b0c0c", words: "solid line to a product" },
  milestone: { stroke: "#003078", dash: "7 4", words: "dashed line to a milestone" },
  factor: { stroke: "#4c2c92", dash: "2 3", words: "dotted line to a programme dependency" },
};
const KINDS = Object.keys(LINE_STYLE) as DependencyKind[];

const ZOOM_WORDS: Record<Zoom, string> = { month: "by month", quarter: "by quarter", year: "by year" };

const pct = (n: number) => `${n.toFixed(4)}%`;
const HEADER_HEIGHT = 52;
const NAME_WIDTH = "11rem";

/** "March 2022 (Not assessed; slipped 3 months from March 2022)": a marker's date and status, the line of its label that must always show. */
export function milestoneWhen(m: Milestone, quarters: QuarterStyle = "calendar"): string {
  const slipped = slippageNote(m, quarters);
  return `${formatPeriod(m.forecast, { asTarget: true, quarters })} (${MILESTONE_STATUS_LABEL[m.status]}${slipped ? `; ${lowerFirst(slipped)}` : ""})`;
}

/** What a screen reader says on reaching a marker: "Beta release, Property: target June 2022 (…), slipped 3 months from March 2022, not assessed". */
export function milestoneAnnouncement(m: Milestone, product: Product, quarters: QuarterStyle = "calendar"): string {
  const target = formatPeriod(m.forecast, { asTarget: true, quarters });
  const span = m.forecast.precision === "day" || m.forecast.precision === "month" ? "" : ` (${describePeriod(m.forecast)})`;
  const slipped = slippageNote(m, quarters);
  const done = m.status === "done" && m.actualOn ? `, done on ${formatDate(m.actualOn)}` : "";
  return `${m.title}, ${product.name}: target ${target}${span}${slipped ? `, ${lowerFirst(slipped)}` : ""}, ${lowerFirst(MILESTONE_STATUS_LABEL[m.status])}${done}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Phase bars, milestone markers, today and the dependencies of each product across the range, at
 * the chosen zoom. Every bar names its phase and every marker its status in text, each can be reached
 * with the keyboard and says its product and dates; the same content follows as a table (TimelineTable).
 *
 * The chart is a layout table (role="presentation") so that print repeats its header on every page
 * (a <thead> is a table-header-group) and breaks only between rows. All geometry is in whole days and
 * fixed pixel heights, worked out on the server (lib/roadmap/timeline.ts), so nothing needs a script.
 */
export function TimelineChart({
  roadmap,
  range,
  today,
  id = "timeline-chart",
  linkProducts = true,
  quarters = "calendar",
  zoom = "quarter",
  filters = NO_FILTERS,
  layout = chartLayout(roadmap, range, { filters, quarters }),
}: {
  roadmap: Roadmap;
  range: DateRange;
  today: IsoDate | null;
  id?: string;
  linkProducts?: boolean;
  quarters?: QuarterStyle;
  zoom?: Zoom;
  filters?: TimelineFilters;
  /** Laid out already (one page of a long timeline, shared with its table); otherwise every row. */
  layout?: ChartLayout;
}) {
  const columns = columnsFor(zoom, range, quarters);
  const todayAt = today ? dayMark(range, today) : null;
  const minWidth = zoom === "month" ? Math.max(760, 176 + layout.gutterWidth + columns.length * 64) : 760;
  const usedKinds = KINDS.filter((kind) => layout.rows.some((r) => r.gutter.some((p) => p.kind === kind) || r.dates.some((p) => p.kind === kind)));
  const productRows = layout.rows.filter((r) => r.kind === "product").length;

  return (
    <figure id={id} aria-labelledby={`${id}-caption`} className="timeline-chart relative mb-8" data-zoom={zoom} data-quarters={quarters}>
      <figcaption id={`${id}-caption`} className="mb-2 text-xl font-bold">
        Timeline from {formatDate(range.start)} to {formatDate(range.end)}, {ZOOM_WORDS[zoom]}
        {quarters === "financial" ? " (UK financial-year quarters)" : ""}
      </figcaption>
      <LineMarkers id={id} />
      <ScrollRegion label="Timeline chart (scrolls sideways)" minWidth={`${minWidth}px`}>
        <table role="presentation" className="timeline-grid w-full table-fixed border-collapse text-sm">
          <colgroup>
            <col style={{ width: NAME_WIDTH }} />
            <col style={{ width: `${layout.gutterWidth}px` }} />
            <col />
          </colgroup>
          <thead className="timeline-header">
            <tr>
              <td className="p-0 align-bottom">
                <div className="flex items-end border-b-2 border-govuk-black py-1 font-bold" style={{ height: HEADER_HEIGHT }}>Product</div>
              </td>
              <td className="p-0 align-bottom">
                <div className="border-b-2 border-govuk-black" style={{ height: HEADER_HEIGHT }} />
              </td>
              <td className="p-0 align-bottom">
                <div className="relative border-b-2 border-govuk-black" style={{ height: HEADER_HEIGHT }}>
                  {columns.map((c) => (
                    <div
                      key={c.key}
                      className="timeline-column-label absolute bottom-0 overflow-hidden border-l border-govuk-border px-1 pb-1 leading-4 font-bold"
                      style={{ left: pct(c.left), width: pct(c.width) }}
                      title={c.title}
                    >
                      {c.label}
                    </div>
                  ))}
                  {todayAt !== null ? (
                    <span aria-hidden="true" className="absolute top-0 -translate-x-1/2 bg-white px-1 leading-4 font-bold text-govuk-red" style={{ left: pct(todayAt) }}>
                      Today
                    </span>
                  ) : null}
                </div>
              </td>
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row) => (
              <ChartRowView
                key={row.key}
                row={row}
                roadmap={roadmap}
                columns={columns}
                todayAt={todayAt}
                gutterWidth={layout.gutterWidth}
                chartId={id}
                linkProducts={linkProducts}
                quarters={quarters}
              />
            ))}
          </tbody>
        </table>
        {productRows === 0 ? <p className="py-4 font-bold">No products match these filters.</p> : null}
      </ScrollRegion>
      <div className="mt-2 max-w-[60em] text-sm text-govuk-secondary">
        <p>
          ‹ already under way before the range begins; › continues beyond it. A milestone&apos;s shaded band is its target period;
          the diamond marks the end of that period.
          {todayAt !== null && today ? ` The dashed red line is today, ${formatDate(today)}.` : " Today is outside this range."}
        </p>
        {layout.drawn.length + layout.cut.length > 0 ? (
          <p className="mt-1">
            Dependencies run from a dot at the product that depends to an arrow at what it depends on
            {usedKinds.length ? `: ${usedKinds.map((k) => LINE_STYLE[k].words).join("; ")}` : ""}. A line to something not shown here
            stops at the edge of the chart, labelled with where it goes. They are listed in the table below.
          </p>
        ) : null}
      </div>
    </figure>
  );
}

/** Arrowheads and start dots, defined once per chart and used by every line (SVG markers, so they print). */
function LineMarkers({ id }: { id: string }) {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute h-0 w-0 overflow-hidden">
      <defs>
        {KINDS.map((kind) => (
          <g key={kind}>
            <marker id={`${id}-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={LINE_STYLE[kind].stroke} />
            </marker>
            <marker id={`${id}-dot-${kind}`} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="4" markerHeight="4">
              <circle cx="5" cy="5" r="4" fill={LINE_STYLE[kind].stroke} stroke="#fff" strokeWidth="1.5" />
            </marker>
          </g>
        ))}
      </defs>
    </svg>
  );
}

function lineProps(chartId: string, piece: { kind: DependencyKind; start: boolean; end: boolean }) {
  const style = LINE_STYLE[piece.kind];
  return {
    fill: "none",
    stroke: style.stroke,
    strokeWidth: 2,
    strokeDasharray: style.dash,
    markerStart: piece.start ? `url(#${chartId}-dot-${piece.kind})` : undefined,
    markerEnd: piece.end ? `url(#${chartId}-arrow-${piece.kind})` : undefined,
  };
}

const HALO = { fill: "none", stroke: "#fff", strokeWidth: 5, strokeLinejoin: "round" as const };

function part(piece: { start: boolean; end: boolean }): string {
  return piece.start && piece.end ? "whole" : piece.start ? "start" : piece.end ? "end" : "through";
}

function GutterLines({ pieces, chartId }: { pieces: GutterPiece[]; chartId: string }) {
  if (pieces.length === 0) return null;
  return (
    <svg aria-hidden="true" focusable="false" className="dependency-lines pointer-events-none absolute inset-0 h-full w-full">
      {pieces.map((p, i) => {
        const points = p.points.map(([x, y]) => `${x},${y}`).join(" ");
        return (
          <g key={i}>
            <polyline points={points} {...HALO} />
            <polyline points={points} {...lineProps(chartId, p)} data-dependency-id={p.dependencyIds.join(" ")} data-dependency-kind={p.kind} data-dependency-part={part(p)}>
              <title>{p.title}</title>
            </polyline>
          </g>
        );
      })}
    </svg>
  );
}

function DateLines({ pieces, cuts, chartId }: { pieces: DatePiece[]; cuts: Array<Extract<Lane, { kind: "cut" }>>; chartId: string }) {
  if (pieces.length === 0 && cuts.length === 0) return null;
  return (
    <svg aria-hidden="true" focusable="false" className="dependency-lines pointer-events-none absolute inset-0 h-full w-full">
      {pieces.map((p, i) => (
        <g key={i}>
          <line x1={pct(p.x1)} y1={p.y1} x2={pct(p.x2)} y2={p.y2} {...HALO} />
          <line x1={pct(p.x1)} y1={p.y1} x2={pct(p.x2)} y2={p.y2} {...lineProps(chartId, p)} data-dependency-id={p.dependencyIds.join(" ")} data-dependency-kind={p.kind} data-dependency-part={part(p)}>
            <title>{p.title}</title>
          </line>
        </g>
      ))}
      {cuts.map(({ cut, top, height }) => {
        // A short line from inside the chart to its edge, ending in an arrow: the rest is off this chart.
        const y = top + height / 2;
        const [x1, x2] = cut.side === "right" ? [96, 99.6] : [4, 0.4];
        return (
          <line
            key={`cut-${cut.dependencyId}`}
            x1={pct(x1)} y1={y} x2={pct(x2)} y2={y}
            {...lineProps(chartId, { kind: cut.kind, start: true, end: true })}
            data-dependency-id={cut.dependencyId}
            data-dependency-kind={cut.kind}
            data-dependency-part="cut"
            data-cut-reason={cut.reason}
          >
            <title>{cut.title}</title>
          </line>
        );
      })}
    </svg>
  );
}

function ChartRowView({
  row, roadmap, columns, todayAt, gutterWidth, chartId, linkProducts, quarters,
}: {
  row: ChartRow; roadmap: Roadmap; columns: Column[]; todayAt: number | null; gutterWidth: number; chartId: string; linkProducts: boolean; quarters: QuarterStyle;
}) {
  const cell = "relative overflow-hidden border-b border-govuk-border";
  const height = { height: row.height };
  const name =
    row.kind === "factors" ? (
      <span className="font-bold">Programme dependencies</span>
    ) : linkProducts ? (
      <Link href={`/products/${row.product.slug}`}>{row.product.name}</Link>
    ) : (
      row.product.name
    );
  const lanes = row.kind === "group" ? [] : row.lanes;
  const cuts = lanes.filter((l): l is Extract<Lane, { kind: "cut" }> => l.kind === "cut");
  return (
    <tr className={`timeline-row avoid-break ${row.kind === "factors" ? "timeline-factors-row" : ""}`} data-row={row.key}>
      <td className="p-0 align-top">
        <div
          className={`${cell} py-2 pr-2 ${row.kind === "group" ? "" : "font-bold"}`}
          style={{ ...height, paddingLeft: row.kind === "factors" ? 0 : `${row.depth}rem` }}
        >
          {name}
          {row.kind === "group" ? <span className="block text-xs text-govuk-secondary">Group: does not match the filters</span> : null}
          {row.kind === "product" && row.outsideRange > 0 ? (
            <span className="block text-xs font-normal text-govuk-secondary">
              {row.outsideRange} {row.outsideRange === 1 ? "item" : "items"} outside this range
            </span>
          ) : null}
        </div>
      </td>
      <td className="p-0 align-top">
        <div className={cell} style={{ ...height, width: gutterWidth }}>
          <GutterLines pieces={row.gutter} chartId={chartId} />
        </div>
      </td>
      <td className="p-0 align-top">
        <div className={cell} style={height}>
          {columns.map((c) => (
            <div key={c.key} aria-hidden="true" className="absolute inset-y-0 border-l border-govuk-border" style={{ left: pct(c.left) }} />
          ))}
          {todayAt !== null ? (
            <div aria-hidden="true" className="timeline-today absolute inset-y-0 border-l-2 border-dashed border-govuk-red" style={{ left: pct(todayAt) }} />
          ) : null}
          {lanes.map((lane) => (
            <LaneView key={lane.key} lane={lane} roadmap={roadmap} product={row.kind === "product" ? row.product : null} quarters={quarters} />
          ))}
          <DateLines pieces={row.dates} cuts={cuts} chartId={chartId} />
        </div>
      </td>
    </tr>
  );
}

function LaneView({ lane, roadmap, product, quarters }: { lane: Lane; roadmap: Roadmap; product: Product | null; quarters: QuarterStyle }) {
  const box = { top: lane.top, height: lane.height };
  switch (lane.kind) {
    case "span": {
      const { bar, span } = lane;
      const phase = phaseByKey(roadmap, span.phaseKey);
      const phaseName = phase?.name ?? span.phaseKey;
      const label = `${product?.name ?? ""}, ${phaseName} phase, ${bar.fromLabel} to ${bar.toLabel}`;
      return (
        <div className="absolute inset-x-0" style={box}>
          <span
            role="img"
            tabIndex={0}
            aria-label={label}
            title={label}
            data-timeline-item={`span-${span.id}`}
            className={`timeline-bar absolute inset-y-0.5 overflow-hidden whitespace-nowrap px-1 leading-6 font-bold text-white ${phaseBackground(phase?.key ?? "")} ${bar.cutStart ? "" : "rounded-l"} ${bar.cutEnd ? "" : "rounded-r"}`}
            style={{ left: pct(bar.left), width: pct(bar.width) }}
          >
            {bar.cutStart ? "‹ " : ""}
            {phaseName}
            {bar.cutEnd ? <span className="absolute right-1">›</span> : null}
          </span>
        </div>
      );
    }
    case "milestone": {
      const { milestone: m, mark } = lane;
      const at = mark.left + mark.width;
      // A label past the middle is drawn to the left of its marker, and never wider than the space on
      // its side (it wraps to a second line instead), so nothing runs past the chart's edge.
      const onLeft = at > 55;
      const label = product ? milestoneAnnouncement(m, product, quarters) : m.title;
      return (
        <div className="absolute inset-x-0" style={box}>
          <span aria-hidden="true" className="absolute top-1 h-4 bg-govuk-black/15" style={{ left: pct(mark.left), width: pct(mark.width) }} />
          <span
            role="img"
            tabIndex={0}
            aria-label={label}
            title={label}
            data-timeline-item={`milestone-${m.id}`}
            data-status={m.status}
            className={`timeline-marker absolute top-0 block min-h-6 ${onLeft ? "pr-3 text-right" : "pl-3"}`}
            style={onLeft ? { right: pct(100 - at), maxWidth: `calc(${pct(at)} - 4px)` } : { left: pct(at), maxWidth: `calc(${pct(100 - at)} - 4px)` }}
          >
            <span
              aria-hidden="true"
              className={`absolute top-1 h-4 w-4 rotate-45 border-2 border-white ${MARK_COLOUR[m.status]}`}
              style={onLeft ? { right: -8 } : { left: -8 }}
            />
            {/* Title and date on lines of their own: a long title (up to 200 characters) is cut short with an
                ellipsis on its line, never the date and status below it; the full text is the marker's name and title. */}
            <span className="block pt-0.5 text-[13px] leading-4">
              <span className="timeline-marker-title block truncate">{m.title}:</span>{" "}
              <span className="timeline-marker-when block truncate">{milestoneWhen(m, quarters)}</span>
            </span>
          </span>
        </div>
      );
    }
    case "cut": {
      const { cut } = lane;
      return (
        <div className="absolute inset-x-0" style={box}>
          <span
            className={`timeline-cut absolute top-0 block truncate text-xs leading-6 text-govuk-black ${cut.side === "right" ? "right-[4.5%] text-right" : "left-[4.5%]"}`}
            style={{ maxWidth: "90%" }}
            data-cut-for={cut.dependencyId}
          >
            {cut.side === "right" ? `${cut.label} →` : `← ${cut.label}`}
          </span>
        </div>
      );
    }
    case "factor": {
      const { factor } = lane;
      return (
        <div className="absolute inset-x-0 px-1 py-0.5" style={box}>
          <span className="line-clamp-2 block text-[13px] leading-4">
            <span className="font-bold">{factor.position}.</span> {factor.title} <span className="text-govuk-secondary">({DEPENDENCY_STATUS_LABEL[factor.status]})</span>
          </span>
        </div>
      );
    }
  }
}
