import type { Roadmap } from "@/lib/roadmap/types";

export function PhaseDefinitions({ roadmap }: { roadmap: Roadmap }) {
  return (
    <dl className="mb-8 max-w-[50em]">
      {roadmap.phases.map((phase) => (
        <div key={phase.key} className="avoid-break mb-3">
          <dt className="font-bold">
            {phase.name}
            {phase.subColumnLabel ? ` (${phase.columnLabel}: ${phase.subColumnLabel.toLowerCase()})` : ""}
          </dt>
          <dd>{phase.description}</dd>
        </div>
      ))}
    </dl>
  );
}
