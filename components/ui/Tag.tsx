import type { DependencyStatus, MilestoneStatus } from "@/lib/roadmap/types";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL } from "@/lib/roadmap/view";

/** GOV.UK tag colours: every colour pairs with its label, so nothing is said by colour alone. */
const TONES = {
  grey: "bg-[#e5e6e7] text-[#282d30]",
  green: "bg-[#cce2d8] text-[#005a30]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
} as const;

export type Tone = keyof typeof TONES;

export function Tag({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <strong className={`inline-block whitespace-nowrap px-2 py-0.5 text-base font-normal leading-snug ${TONES[tone]}`}>
      {children}
    </strong>
  );
}

const MILESTONE_TONE: Record<MilestoneStatus, Tone> = {
  not_assessed: "grey",
  not_started: "grey",
  on_track: "green",
  at_risk: "orange",
  delayed: "red",
  done: "blue",
};

const DEPENDENCY_TONE: Record<DependencyStatus, Tone> = {
  not_assessed: "grey",
  on_track: "green",
  at_risk: "orange",
  blocked: "red",
  met: "blue",
};

export function MilestoneStatusTag({ status }: { status: MilestoneStatus }) {
  return <Tag tone={MILESTONE_TONE[status]}>{MILESTONE_STATUS_LABEL[status]}</Tag>;
}

export function DependencyStatusTag({ status }: { status: DependencyStatus }) {
  return <Tag tone={DEPENDENCY_TONE[status]}>{DEPENDENCY_STATUS_LABEL[status]}</Tag>;
}
