import { formatPeriod, slippage, type QuarterStyle } from "@/lib/dates/period";
import type { Milestone } from "@/lib/roadmap/types";

/** "Slipped 3 months from March 2022": said wherever a moved milestone appears; nothing when on its baseline. */
export function slippageNote(m: Pick<Milestone, "baseline" | "forecast">, quarters?: QuarterStyle): string | null {
  if (!m.baseline) return null;
  const s = slippage(m.baseline, m.forecast);
  return s.amount === 0 && !s.widenedMonths ? null : `${s.text} from ${formatPeriod(m.baseline, { asTarget: true, quarters })}`;
}

export function SlippageNote({ milestone, className = "", quarters }: { milestone: Pick<Milestone, "baseline" | "forecast">; className?: string; quarters?: QuarterStyle }) {
  const note = slippageNote(milestone, quarters);
  return note ? <span className={`block font-bold text-govuk-red ${className}`}>{note}</span> : null;
}
