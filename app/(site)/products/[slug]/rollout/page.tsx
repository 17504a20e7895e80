// GET /products/<slug>/rollout — record a product's rollout to police forces (figures, targets, each force's go-live date); ?remove=observation-<id> or ?remove=target-<id> confirms a removal. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { DoneBanner } from "@/components/editing/DoneBanner";
import { Button } from "@/components/forms/fields";
import { RolloutSummary } from "@/components/roadmap/RolloutSummary";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { TableHead } from "@/components/ui/TableHead";
import { H1, H2, H3, Inset, table } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formatDate, formatPeriod, todayInLondon } from "@/lib/dates/period";
import { editedProduct } from "@/lib/editing/page-data";
import { dateFieldValues } from "@/lib/editing/period-fields";
import { readRollout, type ObservationRecord, type RolloutEdit, type TargetRecord } from "@/lib/editing/rollout";
import { draftRoadmap } from "@/lib/roadmap/draft";
import { NATIONS } from "@/lib/roadmap/types";
import { removeObservationAction, removeTargetAction } from "./actions";
import { GoLivesForm } from "./GoLivesForm";
import { ObservationForm } from "./ObservationForm";
import { TargetForm } from "./TargetForm";

export const metadata: Metadata = { title: "Rollout to police forces" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; remove?: string; stale?: string }> };

function nationsText(nations: readonly string[]): string {
  if (nations.length === 0) return "None recorded";
  if (NATIONS.every((n) => nations.includes(n))) return "All four nations";
  return NATIONS.filter((n) => nations.includes(n)).join(", ");
}

function observationText(o: ObservationRecord, total: number): string {
  return `${o.forcesLive} of ${total} forces live on ${formatDate(o.observedOn)}`;
}

function targetText(t: TargetRecord, total: number): string {
  return `${t.forcesCount} of ${total} forces by ${formatPeriod(t.target, { asTarget: true })}`;
}

export default async function RolloutPage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const product = await editedProduct((await params).slug);
  const { done, remove, stale } = await searchParams;
  const rollout = (await readRollout(await getDb(), product.slug))!;
  const page = `/products/${product.slug}/rollout`;

  if (typeof remove === "string") return <ConfirmRemoval rollout={rollout} remove={remove} stale={stale === "1"} page={page} />;

  const roadmap = await draftRoadmap();
  const shown = roadmap?.products.find((p) => p.slug === product.slug);
  const total = rollout.totalForces;
  const recorded = rollout.forces.filter((f) => f.liveOn !== null).length;

  return (
    <>
      <DoneBanner done={done} />
      <p className="mb-4"><Link href={`/products/${product.slug}`}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Rollout to police forces</H1>
      {shown && roadmap ? (
        <RolloutSummary
          product={{ ...shown, rollout: shown.rollout ?? { totalForces: total, observations: [], targets: [], forceGoLives: [] } }}
          forces={roadmap.forces}
          asOf={todayInLondon()}
          headingLevel={2}
        />
      ) : null}
      {rollout.derived ? (
        <Inset>
          <p>
            Go-live dates are recorded for {recorded} of {total} forces, so the number of forces live is counted from them.
            Reported figures are kept for the record but no longer count. To change the number live, change the <a href="#go-lives">go-live date of each force</a>.
          </p>
        </Inset>
      ) : null}

      <H2 id="observations">Reported figures</H2>
      {rollout.observations.length ? (
        <ScrollRegion label="Reported figures">
          <table className={`${table.table} mb-8`}>
            <caption className="sr-only">Forces live as reported, oldest first</caption>
            <TableHead columns={["Date", "Forces live", "Nations covered", "Note", { label: "Remove", hidden: true }]} />
            <tbody>
              {rollout.observations.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className={table.th}>{formatDate(o.observedOn)}</th>
                  <td className={table.td}>{o.forcesLive} of {total}</td>
                  <td className={table.td}>{nationsText(o.nationsCovered)}</td>
                  <td className={table.td}>{o.note}</td>
                  <td className={table.td}>
                    <Link href={`${page}?remove=observation-${o.id}`}>Remove<span className="sr-only"> the figure of {formatDate(o.observedOn)}</span></Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="mb-6">No figures have been reported for {product.name}.</p>
      )}
      <H3>Record a figure</H3>
      {rollout.derived ? (
        <p className="mb-8 max-w-[45em]">
          A figure cannot be typed while go-live dates are recorded for each force: the count would be kept twice. Record the date each force went live in the{" "}
          <a href="#go-lives">go-live dates</a> below instead.
        </p>
      ) : (
        <ObservationForm
          key={`observation-${rollout.observations.map((o) => o.id).join(",")}`}
          productSlug={product.slug}
          totalForces={total}
          initial={{ errors: {}, values: {} }}
        />
      )}

      <H2 id="targets">Targets</H2>
      {rollout.targets.length ? (
        <ScrollRegion label="Targets">
          <table className={`${table.table} mb-8`}>
            <caption className="sr-only">Forces expected to be live, by date</caption>
            <TableHead columns={["Target date", "Forces expected live", { label: "Remove", hidden: true }]} />
            <tbody>
              {rollout.targets.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className={table.th}>By {formatPeriod(t.target, { asTarget: true })}</th>
                  <td className={table.td}>{t.forcesCount} of {total}</td>
                  <td className={table.td}>
                    <Link href={`${page}?remove=target-${t.id}`}>Remove<span className="sr-only"> the target of {t.forcesCount} forces by {formatPeriod(t.target, { asTarget: true })}</span></Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="mb-6">No targets are set for {product.name}.</p>
      )}
      <H3>Add a target</H3>
      <TargetForm key={`target-${rollout.targets.map((t) => t.id).join(",")}`} productSlug={product.slug} totalForces={total} initial={{ errors: {}, values: {} }} />

      <H2 id="go-lives">Go-live date of each force</H2>
      <p className="mb-4 max-w-[45em]">
        Where the date each force went live is known, record it here and the number of forces live and the nations covered are counted from these dates.
        Leave a force&apos;s boxes empty if it is not live yet. Emptying every force&apos;s boxes goes back to the reported figures.
      </p>
      <GoLivesForm
        key={rollout.fingerprint}
        productSlug={product.slug}
        forces={rollout.forces.map((f) => ({ id: f.forceId, name: f.forceName, nation: f.nation }))}
        initial={{ errors: {}, values: goLivesValues(rollout) }}
      />
    </>
  );
}

function goLivesValues(rollout: RolloutEdit): Record<string, string> {
  const values: Record<string, string> = { fingerprint: rollout.fingerprint };
  for (const f of rollout.forces) Object.assign(values, dateFieldValues(`force-${f.forceId}`, f.liveOn));
  return values;
}

/** "Are you sure?" for `?remove=observation-<id>` or `?remove=target-<id>`; the record's version goes with the answer. */
function ConfirmRemoval({ rollout, remove, stale, page }: { rollout: RolloutEdit; remove: string; stale: boolean; page: string }) {
  const match = /^(observation|target)-(\d{1,9})$/.exec(remove);
  const id = match ? Number(match[2]) : NaN;
  const kind = match?.[1];
  const observation = kind === "observation" ? rollout.observations.find((o) => o.id === id) : undefined;
  const target = kind === "target" ? rollout.targets.find((t) => t.id === id) : undefined;
  const record = observation ?? target;
  const back = `${page}#${kind === "target" ? "targets" : "observations"}`;
  if (!record) {
    return (
      <>
        <H1 caption={rollout.product.name}>Nothing to remove</H1>
        <p className="mb-6 max-w-[45em]">This figure or target is not recorded for {rollout.product.name}: someone may have removed it already.</p>
        <p><Link href={back}>Back to the rollout of {rollout.product.name}</Link></p>
      </>
    );
  }
  const noun = observation ? "figure" : "target";
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this {noun} after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={rollout.product.name}>Are you sure you want to remove this {noun}?</H1>
      <p className="mb-4 max-w-[45em] text-xl">
        <strong>{observation ? observationText(observation, rollout.totalForces) : targetText(target!, rollout.totalForces)}</strong>
      </p>
      {observation ? (
        <p className="mb-4 max-w-[45em]">
          Nations covered: {nationsText(observation.nationsCovered)}.{observation.note ? ` Note: ${observation.note}` : ""}
        </p>
      ) : null}
      <p className="mb-6 max-w-[45em]">
        Published quarterly updates keep it as it was; it goes from the working draft and the next update.
        {observation && !rollout.derived ? " The latest figure left becomes the number of forces live." : ""}
      </p>
      <form action={observation ? removeObservationAction : removeTargetAction}>
        <input type="hidden" name="productSlug" value={rollout.product.slug} />
        <input type="hidden" name="id" value={record.id} />
        <input type="hidden" name="version" value={record.version} />
        <Button variant="warning">Yes, remove {noun}</Button>
        <Link href={back} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
