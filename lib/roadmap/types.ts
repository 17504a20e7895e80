/**
 * The roadmap as the screens, the PDF and snapshots see it: plain JSON, no database types.
 * A published snapshot stores exactly this shape, so a page renders a snapshot and the live
 * roadmap with the same code. Change it only by adding fields (old snapshots never change).
 */
import type { IsoDate, Period, Precision } from "@/lib/dates/period";

export const NATIONS = ["England", "Wales", "Scotland", "Northern Ireland"] as const;
export type Nation = (typeof NATIONS)[number];

export const MILESTONE_STATUSES = ["not_assessed", "not_started", "on_track", "at_risk", "delayed", "done"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const DEPENDENCY_STATUSES = ["not_assessed", "on_track", "at_risk", "blocked", "met"] as const;
export type DependencyStatus = (typeof DEPENDENCY_STATUSES)[number];

export type { IsoDate, Period, Precision };

export type Phase = {
  key: string;
  name: string;
  description: string;
  position: number;
  columnLabel: string;
  subColumnLabel: string | null;
};

export type PhaseSpan = {
  id: number;
  phaseKey: string;
  /** null: already under way when the roadmap begins. */
  start: Period | null;
  /** null: ongoing, no end planned. */
  end: Period | null;
  note: string;
};

export type Milestone = {
  id: number;
  title: string;
  phaseKey: string | null;
  baseline: Period | null;
  forecast: Period;
  status: MilestoneStatus;
  actualOn: IsoDate | null;
  notes: string;
};

export type RolloutObservation = { id: number; observedOn: IsoDate; forcesLive: number; nationsCovered: Nation[]; note: string };
export type RolloutTarget = { id: number; target: Period; forcesCount: number };
export type ForceGoLive = { forceName: string; nation: Nation; liveOn: IsoDate };

export type Rollout = {
  totalForces: number;
  observations: RolloutObservation[];
  targets: RolloutTarget[];
  forceGoLives: ForceGoLive[];
};

export type Dependency = {
  id: number;
  on: { kind: "product"; slug: string; name: string } | { kind: "factor"; id: number; title: string } | { kind: "milestone"; id: number; title: string; productSlug: string };
  status: DependencyStatus;
  owner: string | null;
  note: string;
};

export type Product = {
  id: number;
  slug: string;
  name: string;
  description: string;
  statusSummary: string;
  parentSlug: string | null;
  plannedFamilySize: number | null;
  currentPhaseKey: string;
  position: number;
  spans: PhaseSpan[];
  milestones: Milestone[];
  rollout: Rollout | null;
  dependencies: Dependency[];
};

export type Factor = {
  id: number;
  position: number;
  title: string;
  description: string;
  status: DependencyStatus;
  owner: string | null;
};

export type PoliceForce = { name: string; nation: Nation };

export type Programme = {
  slug: string;
  name: string;
  shortName: string;
  department: string;
  description: string;
  lookaheadMonths: number;
};

export type Roadmap = {
  programme: Programme;
  phases: Phase[];
  products: Product[];
  factors: Factor[];
  forces: PoliceForce[];
};

export type UpdateSummary = {
  slug: string;
  year: number;
  quarter: number;
  title: string;
  coveringText: string;
  state: "draft" | "published";
  publishedOn: IsoDate | null;
  publishedAt: string | null;
  publishedByName: string | null;
};

/** What a snapshot holds: the update as published and the whole roadmap at that moment. */
export type SnapshotContent = {
  formatVersion: 1;
  update: UpdateSummary;
  roadmap: Roadmap;
};
