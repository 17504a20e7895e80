import { formatDate, formatPeriod, type IsoDate } from "@/lib/dates/period";
import type { PoliceForce, Product } from "@/lib/roadmap/types";
import { rolloutFigures } from "@/lib/roadmap/view";
import { NATIONS } from "@/lib/roadmap/types";
import { table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

/** Forces live against the target and the total, with the nations covered. */
export function RolloutSummary({ product, forces, asOf, headingLevel = 3 }: { product: Product; forces: PoliceForce[]; asOf: IsoDate; headingLevel?: 2 | 3 }) {
  const rollout = product.rollout;
  if (!rollout) return null;
  const figures = rolloutFigures(rollout, asOf);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const share = figures.total ? Math.round((figures.forcesLive / figures.total) * 100) : 0;
  const allNations = NATIONS.every((n) => figures.nations.includes(n));
  return (
    <section aria-labelledby={`rollout-${product.slug}`} className="avoid-break mb-8">
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
          <strong>{formatPeriod(figures.nextTarget.target, { asTarget: true })}</strong>.
        </p>
      ) : null}
      <div role="img" aria-label={`${figures.forcesLive} of ${figures.total} forces live${figures.nextTarget ? `, target ${figures.nextTarget.forcesCount}` : ""}`} className="relative mb-2 h-6 max-w-xl border-2 border-govuk-black bg-white">
        <div className="h-full bg-govuk-green" style={{ width: `${share}%` }} />
        {figures.nextTarget ? (
          <div className="absolute inset-y-[-6px] border-l-4 border-govuk-black" style={{ left: `${(figures.nextTarget.forcesCount / figures.total) * 100}%` }} />
        ) : null}
      </div>
      <p className="mb-4 text-govuk-secondary">Green: forces live. Black line: target.</p>
      <p className="mb-4">
        Nations covered: {figures.nations.length ? figures.nations.join(", ") : "none recorded"}
        {allNations ? " (all four nations of the United Kingdom)" : ""}.
      </p>
      {rollout.observations.length + rollout.targets.length > 0 ? (
        <ScrollRegion label="Reported figures and targets">
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
                <td className={table.td}>By {formatPeriod(t.target, { asTarget: true })}</td>
                <td className={table.td}>{t.forcesCount} of {rollout.totalForces} (target)</td>
                <td className={table.td}>Target</td>
              </tr>
            ))}
          </tbody>
        </table>
</ScrollRegion>
      ) : null}
      <ForceList forces={forces} rollout={rollout} productName={product.name} headingLevel={headingLevel === 2 ? 3 : 4} />
    </section>
  );
}

/** The forces rollout is counted against, by nation, with each one's go-live date where recorded. */
function ForceList({ forces, rollout, productName, headingLevel }: { forces: PoliceForce[]; rollout: NonNullable<Product["rollout"]>; productName: string; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const liveOn = new Map(rollout.forceGoLives.map((g) => [g.forceName, g.liveOn]));
  return (
    <div className="avoid-break mt-6">
      <Heading className="mb-2 font-bold">The {forces.length} territorial police forces</Heading>
      <p className="mb-3 max-w-[45em] text-govuk-secondary">
        {rollout.forceGoLives.length
          ? `Go-live dates of ${productName} recorded for ${rollout.forceGoLives.length} forces.`
          : `Which forces are live is not recorded: the figures above are the counts reported.`}
      </p>
      <div className="grid gap-x-8 sm:grid-cols-2 print:grid-cols-4 lg:grid-cols-4">
        {NATIONS.map((nation) => {
          const inNation = forces.filter((f) => f.nation === nation);
          if (inNation.length === 0) return null;
          return (
            <div key={nation} className="mb-3">
              <p className="font-bold">
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
