import { FACTORS, PHASES, PRODUCTS, PROGRAMME } from "@/lib/db/seed/nledp";
import { POLICE_FORCES } from "@/lib/db/seed/police-forces";
import type { Product, Roadmap } from "@/lib/roadmap/types";

/**
 * The seed's roadmap (the letter of 7 October 2021) in the shape a snapshot stores, with ids given
 * the way the database would: one sequence per table.
 */
export function seedRoadmap(): Roadmap {
  const ids = { span: 0, milestone: 0, observation: 0, target: 0, dependency: 0 };
  const factors = FACTORS.map((f, i) => ({ id: i + 1, position: i + 1, title: f.title, description: f.description, status: f.status, owner: null }));
  const products: Product[] = PRODUCTS.map((p, i) => ({
    id: i + 1,
    slug: p.slug,
    name: p.name,
    description: p.description,
    statusSummary: p.statusSummary,
    parentSlug: null,
    plannedFamilySize: p.plannedFamilySize ?? null,
    currentPhaseKey: p.currentPhase,
    position: i + 1,
    spans: p.spans.map((s) => ({ id: ++ids.span, phaseKey: s.phase, start: s.start, end: s.end, note: s.note ?? "" })),
    milestones: p.milestones.map((m) => ({
      id: ++ids.milestone,
      title: m.title,
      phaseKey: m.phase,
      baseline: m.forecast,
      forecast: m.forecast,
      status: m.status,
      actualOn: null,
      notes: m.notes ?? "",
    })),
    rollout: p.rollout
      ? {
          totalForces: POLICE_FORCES.length,
          observations: p.rollout.observations.map((o) => ({ id: ++ids.observation, ...o })),
          targets: p.rollout.targets.map((t) => ({ id: ++ids.target, ...t })),
          forceGoLives: [],
        }
      : null,
    dependencies: factors.map((f) => ({ id: ++ids.dependency, on: { kind: "factor" as const, id: f.id, title: f.title }, status: "not_assessed" as const, owner: null, note: "" })),
  }));
  return {
    programme: { ...PROGRAMME },
    phases: PHASES.map((p, i) => ({ ...p, position: i + 1 })),
    products,
    factors,
    forces: POLICE_FORCES.map((f) => ({ name: f.name, nation: f.nation })),
  };
}

