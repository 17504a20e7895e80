// GET /timeline[?zoom=month|quarter|year&from=YYYY-MM&to=YYYY-MM&product=…&phase=…&status=…&quarters=calendar|financial&view=published&page=N]
// — phase bars, milestones, today and dependencies across the update's 12 months ahead (or the months asked for), and the same as a table;
// a long roadmap a page of products at a time (the print layout and the PDF show every row). Needs: read:published.
import type { Metadata } from "next";
import { NothingPublished, ReaderNote } from "@/components/roadmap/PublishedNote";
import { QuarterStyleForm } from "@/components/roadmap/QuarterStyleForm";
import { TimelineChart } from "@/components/roadmap/TimelineChart";
import { TimelineControls } from "@/components/roadmap/TimelineControls";
import { TimelineTable } from "@/components/roadmap/TimelineTable";
import { Pagination } from "@/components/ui/Pagination";
import { H1 } from "@/components/ui/typography";
import { todayInLondon } from "@/lib/dates/period";
import { quarterStyleOf } from "@/lib/auth/preferences";
import { can } from "@/lib/auth/permissions";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { chartLayout } from "@/lib/roadmap/timeline";
import { parseTimelineOptions, timelineHref, type SearchParams } from "@/lib/roadmap/timeline-options";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("read:published");
  const params = await searchParams;
  const view = await roadmapForReader(user, params.view);
  if (!view) return <NothingPublished />;
  const { roadmap } = view;
  const options = parseTimelineOptions(params, {
    lookaheadFrom: view.lookaheadFrom,
    lookaheadMonths: roadmap.programme.lookaheadMonths,
    productSlugs: roadmap.products.map((p) => p.slug),
    phaseKeys: roadmap.phases.map((p) => p.key),
  });
  // `?quarters=` shows the other kind of quarter for this page only; otherwise the reader's saved choice.
  const saved = await quarterStyleOf(user);
  const quarters = options.quarters ?? saved;
  const viewParam = typeof params.view === "string" && params.view ? params.view : undefined;
  // After saving a preference the reader comes back to this same view, without a `quarters` that would override it.
  const here = timelineHref(options, { view: viewParam });
  const { zoom, range, filters } = options;
  // One layout for the chart and the table, so both list the same page of products.
  const layout = chartLayout(roadmap, range, { filters, quarters, page: options.page });
  const { page } = layout;
  const pageHref = (n: number) => timelineHref(options, { view: viewParam, quarters: options.quarters, page: n });
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Timeline</H1>
      <ReaderNote view={view} path="/timeline" />
      <TimelineControls options={options} roadmap={roadmap} view={viewParam} resetHref={viewParam ? `/timeline?view=${encodeURIComponent(viewParam)}` : "/timeline"} />
      {can(user.role, "update:own-account") ? (
        <div className="no-print mb-8">
          <QuarterStyleForm current={saved} returnTo={here} />
          {options.quarters && options.quarters !== saved ? (
            <p className="-mt-2 mb-4 max-w-[45em] text-govuk-secondary">
              This page shows {options.quarters === "financial" ? "financial-year" : "calendar"} quarters because its address asks for them.
            </p>
          ) : null}
        </div>
      ) : null}
      {page.count > 1 ? (
        <p className="mb-4 max-w-[45em]" data-timeline-page={page.number}>
          Showing products {page.firstProduct} to {page.lastProduct} of {page.totalProducts} (page {page.number} of {page.count}). Families are
          never split between pages; the printed update shows every product.
        </p>
      ) : null}
      <TimelineChart roadmap={roadmap} range={range} today={todayInLondon()} quarters={quarters} zoom={zoom} filters={filters} layout={layout} />
      <Pagination label="Pages of the timeline" current={page.number} count={page.count} href={pageHref} />
      <TimelineTable roadmap={roadmap} range={range} quarters={quarters} filters={filters} layout={layout} />
    </>
  );
}
