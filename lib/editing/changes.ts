/**
 * Recorded changes in words: which fields changed, from what to what. Used where an editor is told
 * what someone else changed (a refused save) and in each product's and milestone's history.
 */
import { formatDate, formatDateTime, formatPeriod, type Period } from "@/lib/dates/period";
import { DEPENDENCY_STATUS_LABEL, MILESTONE_STATUS_LABEL } from "@/lib/roadmap/view";
import type { RecordedChange } from "./versioned";

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  title: "Title",
  description: "Description",
  statusSummary: "Where it stands",
  parentSlug: "Part of",
  currentPhaseKey: "Current phase",
  plannedFamilySize: "Planned family size",
  phaseKey: "Phase",
  start: "From",
  end: "To",
  note: "Note",
  notes: "Notes",
  baseline: "Baseline",
  forecast: "Forecast",
  status: "Status",
  actualOn: "Done on",
  observedOn: "Date",
  forcesLive: "Forces live",
  nationsCovered: "Nations covered",
  target: "Target date",
  forcesCount: "Target forces",
  goLives: "Go-live dates",
  on: "Depends on",
  owner: "Owner",
};

/** Bookkeeping, not content: never listed as a change. */
const HIDDEN = new Set(["id", "version", "productId", "productSlug", "createdAt", "updatedAt", "programmeId", "position", "onProductId", "onFactorId", "onMilestoneId", "reason"]);

const STATUS_LABEL: Record<string, string> = { ...DEPENDENCY_STATUS_LABEL, ...MILESTONE_STATUS_LABEL };

/** Phase keys are stable ("pre-discovery"): their names read the same ("Pre-Discovery"). */
function phaseName(key: string): string {
  return key.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("-");
}

function isPeriod(value: unknown): value is Period {
  return !!value && typeof value === "object" && "precision" in value && "on" in value;
}

export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "None";
  if ((field === "phaseKey" || field === "currentPhaseKey") && typeof value === "string") return phaseName(value);
  if (isPeriod(value)) return formatPeriod(value, { asTarget: field !== "start" });
  if (field === "status" && typeof value === "string") return STATUS_LABEL[value] ?? value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field === "on" && typeof value === "object") {
    const on = value as { kind: string; name?: string; title?: string; slug?: string };
    return on.kind === "product" ? `Product: ${on.name ?? on.slug}` : on.kind === "factor" ? `Programme dependency: ${on.title ?? ""}` : `Milestone: ${on.title ?? ""}`;
  }
  if (field === "goLives" && Array.isArray(value)) return `${value.length} force${value.length === 1 ? "" : "s"} with a go-live date`;
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "None";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type FieldChange = { field: string; label: string; before: string; after: string };

export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  return keys
    // "" and null both read "None": not a change worth listing.
    .filter((k) => JSON.stringify(before?.[k] || null) !== JSON.stringify(after?.[k] || null))
    .map((k) => ({
      field: k,
      label: FIELD_LABELS[k] ?? k,
      before: before ? describeValue(k, before[k]) : "",
      after: after ? describeValue(k, after[k]) : "",
    }));
}

/** A change ready to show: who, when (London time), what they did and the fields they changed. */
export type ChangeView = { who: string; when: string; what: string; fields: FieldChange[] };

const ACTION_WORDS: Record<string, string> = {
  created: "added", added: "added", updated: "changed", removed: "removed",
};

function nameOf(change: RecordedChange): string {
  const record = change.after ?? change.before ?? {};
  const name = record["title"] ?? record["name"];
  if (typeof name === "string") return name;
  return change.action.startsWith("phase_span.") && typeof record["phaseKey"] === "string" ? phaseName(record["phaseKey"]) : "";
}

export function viewChange(change: RecordedChange): ChangeView {
  const [entity = "", verb = ""] = change.action.split(".");
  const noun = entity.replace(/_/g, " ").replace("force go lives", "force go-live dates");
  return {
    who: change.actorLabel,
    when: formatDateTime(change.occurredAt),
    what: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${ACTION_WORDS[verb] ?? verb.replace(/_/g, " ")}${nameOf(change) ? `: ${nameOf(change)}` : ""}`,
    fields: describeChanges(change.before, change.after),
  };
}
