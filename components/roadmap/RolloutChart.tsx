/**
 * Forces live over time against the target(s) and the total, as a server-rendered SVG (no
 * JavaScript). Each series differs by line style and marker as well as colour, and is labelled
 * where it is drawn, so it reads in greyscale and in print; the figure has an accessible name and
 * says the same in a sentence beneath it. Dates are placed by whole calendar days (lib/dates/period),
 * so nothing moves with the time zone or the clock change.
 */
import {
  dayNumber, formatDate, formatPeriod, isoDate, MONTH_NAMES, parseIsoDate, quarterLabel, financialYearLabel,
  type IsoDate, type Period, type QuarterStyle,
} from "@/lib/dates/period";
import { NATIONS, type Rollout } from "@/lib/roadmap/types";
import { rolloutFigures, rolloutSteps, type RolloutPoint as Point } from "@/lib/roadmap/view";

/** "the end of 2021", "March 2022", "Q1 2022": a target read after "by". */
export function byWhen(period: Period, quarters: QuarterStyle = "calendar"): string {
  return period.precision === "year" ? `the end of ${parseIsoDate(period.on).year}` : formatPeriod(period, { quarters });
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The chart in one sentence or three: "22 of 45 forces live on 7 October 2021; target 38 by the end of 2021." */
export function rolloutSentence(rollout: Rollout, asOf: IsoDate, quarters: QuarterStyle = "calendar"): string {
  const figures = rolloutFigures(rollout, asOf);
  const { actual, planned, derived } = rolloutSteps(rollout, asOf);
  const targets = [...rollout.targets].sort((a, b) => (a.target.on < b.target.on ? -1 : a.target.on > b.target.on ? 1 : 0));
  const parts: string[] = [];
  let first = figures.asOf
    ? `${figures.forcesLive} of ${figures.total} forces live on ${formatDate(figures.asOf)}`
    : `No forces recorded as live by ${formatDate(asOf)}, out of ${figures.total}`;
  if (targets.length) {
    const said = targets.map((t) => `${t.forcesCount} by ${byWhen(t.target, quarters)}`);
    first += `; ${targets.length === 1 ? "target" : "targets"} ${listInWords(said)}`;
  }
  parts.push(`${first}.`);
  const start = actual[0];
  if (start && actual.length > 1) {
    parts.push(`${derived ? "Counted from each force's go-live date: " : ""}${start.count} ${start.count === 1 ? "force" : "forces"} live on ${formatDate(start.on)}, the first date recorded.`);
  } else if (derived && start) {
    parts.push("Counted from each force's go-live date.");
  }
  const lastPlanned = planned.at(-1);
  if (lastPlanned) {
    const more = lastPlanned.count - figures.forcesLive;
    parts.push(`Go-live dates are planned for ${more} more ${more === 1 ? "force" : "forces"}, the last on ${formatDate(lastPlanned.on)}.`);
  }
  const nations = NATIONS.filter((n) => figures.nations.includes(n));
  if (nations.length) parts.push(`Live in ${listInWords(nations)}.`);
  return parts.join(" ");
}

// Drawing area, in SVG units (the figure scales to its container).
const W = 760;
const H = 300;
const M = { left: 52, right: 190, top: 24, bottom: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

const ACTUAL = "#00703c"; // GOV.UK green: dark enough to stay distinct from the grey total in greyscale
const TARGET = "#0b0c0c";
const TOTAL = "#505a5f";

type Tick = { from: IsoDate; to: IsoDate; label: string };

function monthStart(iso: IsoDate): { year: number; month: number } {
  const { year, month } = parseIsoDate(iso);
  return { year, month };
}

/** Axis periods between two dates: months for up to 15 months, quarters up to 4 years, then years. */
function axisTicks(from: IsoDate, to: IsoDate, quarters: QuarterStyle): Tick[] {
  const a = monthStart(from);
  const b = monthStart(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  const step = months <= 12 ? 1 : months <= 48 ? 3 : 12;
  const ticks: Tick[] = [];
  let index = a.year * 12 + a.month - 1;
  const end = b.year * 12 + b.month - 1;
  // Quarters and years start where the style says: calendar in January, financial in April.
  const yearStartMonth = quarters === "financial" ? 4 : 1;
  if (step === 3) index -= index % 3;
  if (step === 12) index -= (index - (yearStartMonth - 1) + 12) % 12;
  for (; index <= end; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const lastIndex = index + step - 1;
    const lastYear = Math.floor(lastIndex / 12);
    const lastMonth = (lastIndex % 12) + 1;
    const label =
      step === 1
        ? `${MONTH_NAMES[month - 1]!.slice(0, 3)}${month === 1 || ticks.length === 0 ? ` ${year}` : ""}`
        : step === 3
          ? quarterLabel(year, month, quarters)
          : quarters === "financial"
            ? financialYearLabel(year)
            : String(year);
    ticks.push({ from: isoDate(year, month, 1), to: isoDate(lastYear, lastMonth, new Date(Date.UTC(lastYear, lastMonth, 0)).getUTCDate()), label });
  }
  return ticks;
}

export function RolloutChart({
  rollout,
  asOf,
  name,
  id,
  quarters = "calendar",
}: {
  rollout: Rollout;
  /** The date the figures are read at: the update's publication date, or today for the draft. */
  asOf: IsoDate;
  /** The product's name, for the chart's accessible name. */
  name: string;
  /** Unique on the page: ids of the figure's parts are made from it. */
  id: string;
  quarters?: QuarterStyle;
}) {
  const { actual, planned } = rolloutSteps(rollout, asOf);
  const targets = [...rollout.targets].sort((a, b) => (a.target.on < b.target.on ? -1 : a.target.on > b.target.on ? 1 : 0));
  const total = rollout.totalForces;
  const sentence = rolloutSentence(rollout, asOf, quarters);
  const captionId = `${id}-caption`;

  // The range: whole months from the first date shown to the last, with at least three months.
  const dates = [...actual.map((p) => p.on), ...planned.map((p) => p.on), ...targets.map((t) => t.target.on), asOf].sort();
  const first = monthStart(dates[0]!);
  const last = monthStart(dates.at(-1)!);
  let startIndex = first.year * 12 + first.month - 1;
  const endIndex = last.year * 12 + last.month - 1;
  if (endIndex - startIndex < 2) startIndex = endIndex - 2;
  const endYear = Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  const ticks = axisTicks(
    isoDate(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1),
    isoDate(endYear, endMonth, new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate()),
    quarters,
  );
  // The axis covers whole periods (quarters or years), so no label sits on a cut-off period.
  const from = ticks[0]!.from;
  const to = ticks.at(-1)!.to;
  const day0 = dayNumber(from);
  const days = dayNumber(to) + 1 - day0; // to the end of the last day
  const x = (iso: IsoDate, endOfDay = false) => M.left + ((dayNumber(iso) - day0 + (endOfDay ? 1 : 0)) / days) * PLOT_W;
  const yMax = Math.max(total, ...targets.map((t) => t.forcesCount), ...actual.map((p) => p.count), ...planned.map((p) => p.count), 1);
  const y = (count: number) => M.top + PLOT_H - (count / yMax) * PLOT_H;
  const r = (n: number) => Math.round(n * 10) / 10;

  // A step line: the count holds until the next date it changed, then to the update's date.
  const stepPath = (points: Point[], startFrom: Point | null, until: IsoDate | null) => {
    const all = startFrom ? [startFrom, ...points] : points;
    if (all.length === 0) return "";
    let d = `M${r(x(all[0]!.on))},${r(y(all[0]!.count))}`;
    for (const p of all.slice(1)) d += ` H${r(x(p.on))} V${r(y(p.count))}`;
    if (until && until > all.at(-1)!.on) d += ` H${r(x(until, true))}`;
    return d;
  };
  const lastActual = actual.at(-1) ?? null;
  const current: Point = lastActual ?? { on: from, count: 0 };
  const actualPath = stepPath(actual, null, asOf);
  const plannedPath = planned.length ? stepPath(planned, { on: asOf, count: current.count }, null) : "";
  // The dashed target line runs from where rollout stands now to each target in turn.
  const targetLine = targets.filter((t) => t.target.on >= current.on);
  const targetPath = targetLine.length
    ? `M${r(x(current.on))},${r(y(current.count))} ` + targetLine.map((t) => `L${r(x(t.target.on, true))},${r(y(t.forcesCount))}`).join(" ")
    : "";
  // Label every k-th period when the labels would not fit side by side (about 7 units a character).
  const widest = Math.max(...ticks.map((t) => t.label.length)) * 7 + 8;
  const every = Math.max(1, Math.ceil(widest / (PLOT_W / ticks.length)));
  const yTicks = [0, 10, 20, 30, 40].filter((v) => v < total);
  const labelX = M.left + PLOT_W + 12;

  return (
    <figure className="avoid-break mb-6 max-w-[760px]" aria-labelledby={captionId}>
      {/* Scrolls sideways on a narrow screen rather than shrinking its text; focusable so keyboards can scroll it. */}
      <div role="region" aria-label={`Chart: ${name}, forces live over time`} tabIndex={0} className="overflow-x-auto print:overflow-visible">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${name}: forces live over time, against the target and all ${total} forces`}
        aria-describedby={captionId}
        className="h-auto w-full min-w-[480px] font-sans print:min-w-0"
        fontSize={13}
      >
        {/* Grid and axes */}
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={M.left + PLOT_W} y1={y(v)} y2={y(v)} stroke="#b1b4b6" strokeWidth={v === 0 ? 1.5 : 0.75} />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fill="#0b0c0c">{v}</text>
          </g>
        ))}
        <text x={14} y={M.top + PLOT_H / 2} textAnchor="middle" fill="#0b0c0c" transform={`rotate(-90 14 ${M.top + PLOT_H / 2})`}>
          Forces live
        </text>
        {ticks.map((t, i) => (
          <g key={t.from}>
            <line x1={x(t.from)} x2={x(t.from)} y1={M.top + PLOT_H} y2={M.top + PLOT_H + 6} stroke="#0b0c0c" />
            {/* A period is labelled across its own width, not at a single day. */}
            <text x={(Math.max(x(t.from), M.left) + Math.min(x(t.to, true), M.left + PLOT_W)) / 2} y={M.top + PLOT_H + 20} textAnchor="middle" fill="#0b0c0c">
              {i % every === 0 ? t.label : ""}
            </text>
          </g>
        ))}
        <line x1={M.left + PLOT_W} x2={M.left + PLOT_W} y1={M.top + PLOT_H} y2={M.top + PLOT_H + 6} stroke="#0b0c0c" />
        <text x={M.left + PLOT_W / 2} y={H - 8} textAnchor="middle" fill="#505a5f">
          {formatDate(from)} to {formatDate(to)}
        </text>

        {/* Total: every territorial force */}
        <line x1={M.left} x2={M.left + PLOT_W} y1={y(total)} y2={y(total)} stroke={TOTAL} strokeWidth={2} strokeDasharray="2 4" strokeLinecap="round" />
        <text x={labelX} y={y(total) + 4} fill={TOTAL} fontWeight={700}>All {total} forces</text>

        {/* Target(s): dashed, open diamonds */}
        {targetPath ? <path d={targetPath} fill="none" stroke={TARGET} strokeWidth={2} strokeDasharray="8 5" /> : null}
        {targets.map((t, i) => {
          const cx = x(t.target.on, true);
          const cy = y(t.forcesCount);
          const atRight = cx > M.left + PLOT_W - 4;
          // Keep the label clear of the total line (and its label) when the target is close to it.
          const nearTotal = Math.abs(cy - y(total)) < 30;
          const dy = nearTotal ? 18 : 4;
          const labelY = nearTotal ? cy + 22 : cy - 28;
          return (
            <g key={`t${i}`}>
              <path d={`M${r(cx)},${r(cy - 7)} L${r(cx + 7)},${r(cy)} L${r(cx)},${r(cy + 7)} L${r(cx - 7)},${r(cy)} Z`} fill="#fff" stroke={TARGET} strokeWidth={2} />
              <text x={atRight ? labelX : cx} y={atRight ? cy + dy : labelY} textAnchor={atRight ? "start" : "middle"} fill={TARGET} fontWeight={700}>
                Target {t.forcesCount}
                <tspan x={atRight ? labelX : cx} dy={15} fontWeight={400}>by {byWhen(t.target, quarters)}</tspan>
              </text>
            </g>
          );
        })}

        {/* Forces live: solid step line, filled circles where the count changed */}
        {planned.length ? <path d={plannedPath} fill="none" stroke={ACTUAL} strokeWidth={2} strokeDasharray="3 3" /> : null}
        {actualPath ? <path d={actualPath} fill="none" stroke={ACTUAL} strokeWidth={3.5} strokeLinejoin="round" /> : null}
        {actual.length > 40 ? null : actual.map((p) => <circle key={p.on} cx={r(x(p.on))} cy={r(y(p.count))} r={4} fill={ACTUAL} />)}
        {lastActual ? (
          <text
            x={Math.min(x(asOf, true), M.left + PLOT_W) - 6}
            y={y(lastActual.count) + (lastActual.count > yMax * 0.8 ? 20 : -10)}
            textAnchor="end"
            fill={ACTUAL}
            fontWeight={700}
          >
            {lastActual.count} live
          </text>
        ) : null}
        {planned.length ? (
          <text x={labelX} y={y(planned.at(-1)!.count) + 22} fill={ACTUAL}>Planned go-lives</text>
        ) : null}
      </svg>
      </div>
      <figcaption id={captionId} className="mt-2 max-w-[45em]">
        {sentence}{" "}
        <span className="mt-1 block text-govuk-secondary">
          Solid line and dots: forces live. Dashed line and diamonds: target. Dotted line: all {total} forces.
        </span>
      </figcaption>
    </figure>
  );
}
