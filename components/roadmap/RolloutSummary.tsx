import { formatDate, formatPeriod, type IsoDate, type QuarterStyle } from "@/lib/dates/period";
import type { PoliceForce, Product } from "@/lib/roadmap/types";
import { rolloutFigures } from "@/lib/roadmap/view";
import { NATIONS } from "@/lib/roadmap/types";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { RolloutChart } from "./RolloutChart";

/**
 * Forces live against the target and the total, with the nations covered: the figures, a chart over
 * time, the reported figures and targets as a table, and the forces counted against.
 */
export function RolloutSummary({
  product,
  forces,
  asOf,
  headingLevel = 3,
  quarters = "calendar",
  showForces = true,
}: {
  product: Product;
  forces: PoliceForce[];
  asOf: IsoDate;
  headingLevel?: 2 | 3;
  quarters?: QuarterStyle;
  /** The list of forces; the report leaves it out where it would only repeat the same 45 names without dates. */
  showForces?: boolean;
}) {
  const rollout = product.rollout;
  if (!rollout) return null;
  const figures = rolloutFigures(rollout, asOf);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const share = figures.total ? Math.round((figures.forcesLive / figures.total) * 100) : 0;
  const allNations = NATIONS.every((n) => figures.nations.includes(n));
  return (
    // Not kept on one page as a whole (with the force list it can be taller than a page, which would
    // leave a near-blank page before it): its parts keep themselves together instead.
    <section aria-labelledby={`rollout-${product.slug}`} className="mb-8">
      {/* The figures and their chart stay on one page together (about half an A4 landscape page). */}
      <div className="avoid-break">
      <Heading id={`rollout-${product.slug}`} className="mb-3 text-xl font-bold">
        {product.name}: rollout to police forces
      </Heading>
      <p className="mb-2 text-lg">
        <strong className="text-3xl">{figures.forcesLive}</strong> of {figures.total} police forces live
        {figures.asOf ? ` on ${formatDate(figures.asOf)}` : ""} ({share}%)
        {figures.derived ? ", counted from each force's go-live date" : ""}.
      </p>
      {figures.nextTarget ? (
        <p className="mb-2">
          Target: <strong>{figures.nextTarget.forcesCount}</strong> forces by{" "}
          <strong>{formatPeriod(figures.nextTarget.target, { asTarget: true, quarters })}</strong>.
        </p>
      ) : null}
      <p className="mb-4">
        Nations covered: {figures.nations.length ? figures.nations.join(", ") : "none recorded"}
        {allNations ? " (all four nations of the United Kingdom)" : ""}.
      </p>
      <RolloutChart rollout={rollout} asOf={asOf} name={product.name} id={`rollout-chart-${product.slug}`} quarters={quarters} />
      </div>
      {rollout.observations.length + rollout.targets.length > 0 ? (
        // Kept on one page with its caption where it fits (a few rows a quarter, usually).
        <div className="avoid-break">
        <ScrollRegion label={`Reported figures and targets for ${product.name}`}>
<table className={`${table.table} max-w-2xl`}>
          <caption className="mb-2 text-left font-bold">Reported figures and targets</caption>
          <TableHead columns={["Date", "Forces live", "Note"]} />
          <tbody>
            {rollout.observations.map((o) => (
              <tr key={`o${o.id}`}>
                <td className={table.td}>{formatDate(o.observedOn)}</td>
                <td className={table.td}>{o.forcesLive} of {rollout.totalForces}</td>
                <td className={table.td}>{o.note}</td>
              </tr>
            ))}
            {rollout.targets.map((t) => (
              <tr key={`t${t.id}`}>
                <td className={table.td}>By {formatPeriod(t.target, { asTarget: true, quarters })}</td>
                <td className={table.td}>{t.forcesCount} of {rollout.totalForces} (target)</td>
                <td className={table.td}>Target</td>
              </tr>
            ))}
          </tbody>
        </table>
</ScrollRegion>
        </div>
      ) : null}
      {showForces ? <ForceList forces={forces} rollout={rollout} productName={product.name} headingLevel={headingLevel === 2 ? 3 : 4} /> : null}
    </section>
  );
}

/**
 * The forces rollout is counted against, by nation, with each one's go-live date where recorded.
 * Laid out in newspaper columns (England's 39 flow on from one column to the next) rather than one
 * column per nation, so the whole list is a quarter of the height and fits on one printed page,
 * where it is kept whole.
 */
export function ForceList({
  forces,
  rollout,
  productName,
  headingLevel,
}: {
  forces: PoliceForce[];
  /** Null: the list on its own, with no product's dates. */
  rollout: NonNullable<Product["rollout"]> | null;
  productName: string | null;
  headingLevel: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const goLives = rollout?.forceGoLives ?? [];
  const liveOn = new Map(goLives.map((g) => [g.forceName, g.liveOn]));
  return (
    <div className="avoid-break mt-6">
      <Heading className="mb-2 font-bold">The {forces.length} territorial police forces</Heading>
      <p className="mb-3 max-w-[45em] text-govuk-secondary">
        {rollout === null
          ? "Rollout is counted against these forces. Where a product records which forces are live, its list is shown with it."
          : goLives.length
            ? `Go-live dates of ${productName} recorded for ${goLives.length} forces.`
            : `Which forces are live is not recorded: the figures above are the counts reported.`}
      </p>
      <div className="gap-x-8 sm:columns-2 lg:columns-4 print:columns-4">
        {NATIONS.map((nation) => {
          const inNation = forces.filter((f) => f.nation === nation);
          if (inNation.length === 0) return null;
          return (
            <div key={nation} className="mb-3">
              <p className="break-after-avoid font-bold">
                {nation} ({inNation.length})
              </p>
              <ul className="list-none p-0 text-sm">
                {inNation.map((f) => (
                  <li key={f.name}>
                    {f.name}
                    {liveOn.has(f.name) ? ` — live ${formatDate(liveOn.get(f.name)!)}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}
