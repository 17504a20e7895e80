import { formatPeriod, slippage } from "@/lib/dates/period";
import type { Milestone } from "@/lib/roadmap/types";

/** "Slipped 3 months from March 2022": said wherever a moved milestone appears; nothing when on its baseline. */
export function slippageNote(m: Pick<Milestone, "baseline" | "forecast">): string | null {
  if (!m.baseline) return null;
  const s = slippage(m.baseline, m.forecast);
  return s.amount === 0 ? null : `${s.text} from ${formatPeriod(m.baseline, { asTarget: true })}`;
}

export function SlippageNote({ milestone, className = "" }: { milestone: Pick<Milestone, "baseline" | "forecast">; className?: string }) {
  const note = slippageNote(milestone);
  return note ? <span className={`block font-bold text-govuk-red ${className}`}>{note}</span> : null;
}
