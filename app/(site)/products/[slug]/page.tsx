// GET /products/<slug> — one product: description, phase history, milestones, rollout, dependencies. Needs: read:published.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MilestoneTable } from "@/components/roadmap/MilestoneTable";
import { PublishedNote } from "@/components/roadmap/PublishedNote";
import { RolloutSummary } from "@/components/roadmap/RolloutSummary";
import { DependencyStatusTag } from "@/components/ui/Tag";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2, Inset, Lead, table } from "@/components/ui/typography";
import { formatDate, formatPeriod } from "@/lib/dates/period";
import { latestSnapshot, publishedUpdates, snapshotOf } from "@/lib/roadmap/published";
import { familyLine, phaseByKey, phaseNames, phasesOn } from "@/lib/roadmap/view";
import { requirePermission } from "@/lib/auth/checkpoint";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

type Props = { params: Promise<{ slug: string }> };

async function findProduct(slug: string) {
  const snapshot = await latestSnapshot();
  const product = snapshot?.content.roadmap.products.find((p) => p.slug === slug);
  return snapshot && product ? { snapshot, product } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await findProduct((await params).slug);
  return { title: found ? found.product.name : "Product not found" };
}

export default async function ProductPage({ params }: Props) {
  await requirePermission("read:published");
  const found = await findProduct((await params).slug);
  if (!found) notFound();
  const { snapshot, product } = found;
  const { roadmap, update } = snapshot.content;
  const asOf = update.publishedOn ?? "";
  const parent = product.parentSlug ? roadmap.products.find((p) => p.slug === product.parentSlug) : undefined;
  const children = roadmap.products.filter((p) => p.parentSlug === product.slug);

  // Phase history: where the product stood in each published update, oldest first.
  const history = await Promise.all(
    (await publishedUpdates()).map(async (u) => {
      const s = u.slug === update.slug ? snapshot : await snapshotOf(u.slug);
      const p = s?.content.roadmap.products.find((x) => x.slug === product.slug);
      return { update: u, phases: p && s ? phaseNames(phasesOn(s.content.roadmap, p, u.publishedOn ?? "")) : null };
    }),
  );

  return (
    <>
      <H1 caption={`${roadmap.programme.shortName} product`}>{product.name}</H1>
      <Lead>{product.description}</Lead>
      <PublishedNote update={update} />
      <Inset>
        <p>
          <strong>
            {update.year} Q{update.quarter} update:
          </strong>{" "}
          {product.statusSummary}
        </p>
      </Inset>
      <SummaryList
        rows={[
          { key: "Phase", value: phaseNames(phasesOn(roadmap, product, asOf)) },
          ...(familyLine(product) ? [{ key: "Product family", value: familyLine(product) }] : []),
          ...(parent ? [{ key: "Part of", value: <Link href={`/products/${parent.slug}`}>{parent.name}</Link> }] : []),
          ...(children.length
            ? [{ key: "Products in this family", value: children.map((c) => c.name).join(", ") }]
            : []),
        ]}
      />

      <H2>Phase plan</H2>
      <ScrollRegion label={`Phase plan of ${product.name}`}>
<table className={`${table.table} mb-8`}>
        <caption className="sr-only">Planned phases of {product.name}</caption>
        <TableHead columns={["Phase", "From", "To", "Note"]} />
        <tbody>
          {product.spans.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={table.th}>{phaseByKey(roadmap, s.phaseKey)?.name ?? s.phaseKey}</th>
              <td className={table.td}>{s.start ? formatPeriod(s.start) : `Already under way on ${formatDate(asOf)}`}</td>
              <td className={table.td}>{s.end ? formatPeriod(s.end, { asTarget: true }) : "Ongoing"}</td>
              <td className={table.td}>{s.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
</ScrollRegion>

      <H2>Phase history</H2>
      <ScrollRegion label={`Phase history of ${product.name}`}>
<table className={`${table.table} mb-8`}>
        <caption className="sr-only">Phase of {product.name} in each published update</caption>
        <TableHead columns={["Update", "Published", "Phase"]} />
        <tbody>
          {history.map(({ update: u, phases }) => (
            <tr key={u.slug}>
              <th scope="row" className={table.th}>
                <Link href={`/updates/${u.slug}`}>{u.year} Q{u.quarter}</Link>
              </th>
              <td className={table.td}>{u.publishedOn ? formatDate(u.publishedOn) : ""}</td>
              <td className={table.td}>{phases ?? "Not on the roadmap"}</td>
            </tr>
          ))}
        </tbody>
      </table>
</ScrollRegion>

      <H2>Milestones</H2>
      <MilestoneTable product={product} />

      {product.rollout ? <RolloutSummary product={product} forces={roadmap.forces} asOf={asOf} headingLevel={2} /> : null}

      <H2>Dependencies</H2>
      {product.dependencies.length === 0 ? (
        <p className="mb-8">No dependencies are recorded for {product.name}.</p>
      ) : (
        <ScrollRegion label={`Dependencies of ${product.name}`}>
<table className={`${table.table} mb-8`}>
          <caption className="sr-only">What {product.name} depends on</caption>
          <TableHead columns={[{ label: "Depends on", className: "w-[60%]" }, "Status", "Owner"]} />
          <tbody>
            {product.dependencies.map((d) => (
              <tr key={d.id}>
                <td className={table.td}>
                  {d.on.kind === "product" ? (
                    <Link href={`/products/${d.on.slug}`}>{d.on.name}</Link>
                  ) : d.on.kind === "factor" ? (
                    <>Programme dependency: {d.on.title}</>
                  ) : (
                    <>Milestone: {d.on.title}</>
                  )}
                  {d.note ? <span className="mt-1 block text-govuk-secondary">{d.note}</span> : null}
                </td>
                <td className={table.td}><DependencyStatusTag status={d.status} /></td>
                <td className={table.td}>{d.owner ?? <span className="text-govuk-secondary">Not recorded</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
</ScrollRegion>
      )}
    </>
  );
}
