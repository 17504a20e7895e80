// GET /products/<slug> — one product: description, phase plan and history, milestones, rollout, dependencies.
// Needs: read:published (clerks see the latest published update; programme staff the working draft, with edit links).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeList } from "@/components/editing/ChangeList";
import { DoneBanner } from "@/components/editing/DoneBanner";
import { MilestoneTable } from "@/components/roadmap/MilestoneTable";
import { ReaderNote } from "@/components/roadmap/PublishedNote";
import { RolloutSummary } from "@/components/roadmap/RolloutSummary";
import { DependencyStatusTag } from "@/components/ui/Tag";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2, Inset, Lead, table } from "@/components/ui/typography";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { requirePermission } from "@/lib/auth/checkpoint";
import { can } from "@/lib/auth/permissions";
import { quarterStyleOf } from "@/lib/auth/preferences";
import { getDb } from "@/lib/db";
import { formatDate, formatPeriod, todayInLondon } from "@/lib/dates/period";
import { viewChange } from "@/lib/editing/changes";
import { historyOf } from "@/lib/editing/versioned";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { publishedHistory, publishedUpdates } from "@/lib/roadmap/published";
import { familyLine, phaseByKey, phaseDateOf, phaseNames, phasesOn } from "@/lib/roadmap/view";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ view?: string; done?: string; history?: string }> };

/** The phase history lists the latest two years of updates unless the reader asks for all of them. */
const RECENT_UPDATES = 8;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePermission("read:published");
  const [view, slug] = [await roadmapForReader(user), decodeURIComponent((await params).slug)];
  const product = view?.roadmap.products.find((p) => p.slug === slug);
  return { title: product ? product.name : "Product not found" };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const user = await requirePermission("read:published");
  const slug = decodeURIComponent((await params).slug);
  const { view: viewParam, done, history: historyParam } = await searchParams;
  const view = await roadmapForReader(user, viewParam);
  const product = view?.roadmap.products.find((p) => p.slug === slug);
  if (!view || !product) notFound();
  const { roadmap, asOf } = view;
  const quarters = await quarterStyleOf(user);
  const editing = view.kind === "draft" && can(user.role, "edit:roadmap");
  const base = `/products/${product.slug}`;
  const parent = product.parentSlug ? roadmap.products.find((p) => p.slug === product.parentSlug) : undefined;
  const children = roadmap.products.filter((p) => p.parentSlug === product.slug);

  // Phase history: where the product stood in each published update, newest first.
  const allHistory = historyParam === "all";
  const publishedCount = (await publishedUpdates()).length;
  const history = (await publishedHistory(allHistory ? Infinity : RECENT_UPDATES)).map(({ update: u, content }) => {
    const p = content?.roadmap.products.find((x) => x.slug === product.slug);
    return { update: u, phases: p && content ? phaseNames(phasesOn(content.roadmap, p, phaseDateOf(u, todayInLondon()))) : null };
  });
  const changes = editing ? (await historyOf(await getDb(), { productId: product.id }, 50)).map(viewChange) : [];

  return (
    <>
      <DoneBanner done={done} />
      <H1 caption={`${roadmap.programme.shortName} product`}>{product.name}</H1>
      <Lead>{product.description}</Lead>
      <ReaderNote view={view} path={base} />
      {product.statusSummary ? (
        <Inset>
          <p>
            <strong>{view.kind === "published" ? `${view.update.year} Q${view.update.quarter} update:` : "Where it stands:"}</strong>{" "}
            {product.statusSummary}
          </p>
        </Inset>
      ) : null}
      <SummaryList
        rows={[
          { key: "Phase", value: phaseNames(phasesOn(roadmap, product, asOf)) },
          ...(familyLine(product) ? [{ key: "Product family", value: familyLine(product) }] : []),
          ...(parent ? [{ key: "Part of", value: <Link href={`/products/${parent.slug}`}>{parent.name}</Link> }] : []),
          ...(children.length ? [{ key: "Products in this family", value: children.map((c) => c.name).join(", ") }] : []),
        ]}
      />
      {editing ? (
        <p className="mb-8">
          <Link href={`${base}/edit`}>Change {product.name}&apos;s details<span className="sr-only"> (name, description, parent, current phase)</span></Link>
        </p>
      ) : null}

      <H2 id="phase-plan">Phase plan</H2>
      <ScrollRegion label={`Phase plan of ${product.name}`}>
        <table className={`${table.table} mb-8`}>
          <caption className="sr-only">Planned phases of {product.name}</caption>
          <TableHead columns={["Phase", "From", "To", "Note", ...(editing ? ["Change"] : [])]} />
          <tbody>
            {product.spans.map((s) => {
              const phase = phaseByKey(roadmap, s.phaseKey)?.name ?? s.phaseKey;
              return (
                <tr key={s.id}>
                  <th scope="row" className={table.th}>{phase}</th>
                  <td className={table.td}>{s.start ? formatPeriod(s.start) : `Already under way on ${formatDate(view.lookaheadFrom)}`}</td>
                  <td className={table.td}>{s.end ? formatPeriod(s.end, { asTarget: true }) : "Ongoing"}</td>
                  <td className={table.td}>{s.note}</td>
                  {editing ? (
                    <td className={table.td}>
                      <Link href={`${base}/spans/${s.id}`}>Change<span className="sr-only"> the {phase} phase</span></Link>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {editing ? <p className="mb-8"><Link href={`${base}/spans/new`}>Add a phase to the plan</Link></p> : null}

      <H2 id="phase-history">Phase history</H2>
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
      {publishedCount > history.length ? (
        <p className="mb-8">
          Showing the latest {history.length} of {publishedCount} published updates.{" "}
          <Link href={`${base}?${new URLSearchParams({ ...(viewParam ? { view: viewParam } : {}), history: "all" })}#phase-history`}>
            Show the phase in all {publishedCount} updates<span className="sr-only"> for {product.name}</span>
          </Link>
        </p>
      ) : null}

      <H2 id="milestones">Milestones</H2>
      <MilestoneTable product={product} quarters={quarters} linkBase={`${base}/milestones`} query={view.kind === "published" && view.draftAvailable ? "?view=published" : ""} />
      {editing ? <p className="mb-8"><Link href={`${base}/milestones/new`}>Add a milestone</Link></p> : null}

      {product.rollout ? <RolloutSummary product={product} forces={roadmap.forces} asOf={view.reportedOn} headingLevel={2} quarters={quarters} /> : null}
      {editing ? (
        <p className="mb-8">
          <Link href={`${base}/rollout`}>{product.rollout ? "Record rollout" : "Record rollout to police forces"}<span className="sr-only"> of {product.name}</span></Link>
        </p>
      ) : null}

      <H2 id="dependencies">Dependencies</H2>
      {product.dependencies.length === 0 ? (
        <p className="mb-8">No dependencies are recorded for {product.name}.</p>
      ) : (
        <ScrollRegion label={`Dependencies of ${product.name}`}>
          <table className={`${table.table} mb-8`}>
            <caption className="sr-only">What {product.name} depends on</caption>
            <TableHead columns={[{ label: "Depends on", className: "w-[55%]" }, "Status", "Owner", ...(editing ? ["Change"] : [])]} />
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
                  {editing ? (
                    <td className={table.td}>
                      <Link href={`${base}/dependencies/${d.id}`}>Change<span className="sr-only"> this dependency</span></Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {editing ? <p className="mb-8"><Link href={`${base}/dependencies/new`}>Add a dependency</Link></p> : null}

      {editing ? (
        <>
          <H2 id="history">Change history</H2>
          <p className="mb-4 max-w-[45em]">Every change to {product.name} and its phases, milestones, rollout and dependencies, newest first.</p>
          <ChangeList changes={changes} empty={`No changes to ${product.name} have been recorded since it was loaded.`} />
        </>
      ) : null}
    </>
  );
}
