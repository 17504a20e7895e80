/** Each edit form's fields, by the name the schema (and the API) gives them. */
import type { FormSpec } from "./form-input";

export const MILESTONE_FORM = {
  title: { kind: "text" },
  phaseKey: { kind: "choice" },
  forecast: { kind: "period", label: "The target date" },
  status: { kind: "text" },
  actualOn: { kind: "date", label: "The actual date", optional: true },
  notes: { kind: "text" },
} satisfies FormSpec;

export const PRODUCT_FORM = {
  name: { kind: "text" },
  description: { kind: "text" },
  statusSummary: { kind: "text" },
  parentSlug: { kind: "choice" },
  currentPhaseKey: { kind: "text" },
  plannedFamilySize: { kind: "int", optional: true },
} satisfies FormSpec;

export const SPAN_FORM = {
  phaseKey: { kind: "text" },
  start: { kind: "period", label: "The start", optional: true },
  end: { kind: "period", label: "The end", optional: true },
  note: { kind: "text" },
} satisfies FormSpec;

export const OBSERVATION_FORM = {
  observedOn: { kind: "date", label: "The date" },
  forcesLive: { kind: "int" },
  nationsCovered: { kind: "list" },
  note: { kind: "text" },
} satisfies FormSpec;

export const TARGET_FORM = {
  target: { kind: "period", label: "The target date" },
  forcesCount: { kind: "int" },
} satisfies FormSpec;

/** `on` is one select's "kind:key" value ("product:vehicles", "factor:2"), turned into the schema's target by the action. */
export const DEPENDENCY_FORM = {
  on: { kind: "text" },
  status: { kind: "text" },
  owner: { kind: "text" },
  note: { kind: "text" },
} satisfies FormSpec;

export const FACTOR_FORM = {
  title: { kind: "text" },
  description: { kind: "text" },
  status: { kind: "text" },
  owner: { kind: "text" },
} satisfies FormSpec;

/** The order fields appear in, for the error summary. */
export function fieldOrder(spec: FormSpec): string[] {
  return Object.keys(spec);
}
