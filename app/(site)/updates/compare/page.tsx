// GET /updates/compare?from=2021-q4&to=2022-q1 — what changed between any two published updates, chosen with a form that works without JavaScript. Needs: read:published.
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, Select } from "@/components/forms/fields";
import { WhatChanged } from "@/components/roadmap/WhatChanged";
import { H1, H2, Lead } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { formatDate } from "@/lib/dates/period";
import { getDb } from "@/lib/db";
import { loadComparison, updateLabel } from "@/lib/roadmap/compare";
import { publishedUpdates } from "@/lib/roadmap/published";
import type { PublishedUpdate } from "@/lib/roadmap/snapshot";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/**
 * The two updates asked for, or the field errors. With neither asked for, the latest update against
 * the one before it. Only published updates are offered or accepted: a draft's slug is "unknown" here.
 */
function choose(params: SearchParams, updates: PublishedUpdate[]) {
  const asked = params.from !== undefined || params.to !== undefined;
  const from = asked ? first(params.from) : (updates[1]?.slug ?? "");
  const to = asked ? first(params.to) : (updates[0]?.slug ?? "");
  const known = (slug: string) => updates.some((u) => u.slug === slug);
  const errors: Record<string, string> = {};
  if (!known(from)) errors.from = from ? "Select a published update to compare from" : "Select the update to compare from";
  if (!known(to)) errors.to = to ? "Select a published update to compare with" : "Select the update to compare with";
  else if (from === to) errors.to = "Select a different update from the one you compare it with";
  return { from, to, errors };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const updates = await publishedUpdates();
  const { errors } = choose(await searchParams, updates);
  // GOV.UK: a page showing errors says so in its title, so screen-reader users hear it first.
  return { title: `${updates.length >= 2 && Object.keys(errors).length ? "Error: " : ""}Compare quarterly updates` };
}

export default async function ComparePage({ searchParams }: Props) {
  await requirePermission("read:published");
  const updates = await publishedUpdates();
  if (updates.length < 2) {
    return (
      <>
        <H1>Compare quarterly updates</H1>
        <Lead>
          {updates.length === 0
            ? "No update has been published yet."
            : `Only the ${updateLabel(updates[0]!)} update has been published, so there is nothing to compare it with yet.`}
        </Lead>
        <p>
          <Link href="/updates">Back to quarterly updates</Link>
        </p>
      </>
    );
  }

  const { from, to, errors } = choose(await searchParams, updates);
  const loaded = Object.keys(errors).length === 0 ? await loadComparison(await getDb(), from, to) : null;
  const options = updates.map((u) => ({
    value: u.slug,
    label: `${updateLabel(u)}${u.publishedOn ? `, published ${formatDate(u.publishedOn)}` : ""}`,
  }));
  const query = new URLSearchParams({ from, to }).toString();

  return (
    <>
      <H1>Compare quarterly updates</H1>
      <Lead>
        What moved between two published updates: phase changes, milestones slipped or brought forward, milestones and products
        added or removed, rollout against target, and dependency status changes.
      </Lead>
      <ErrorSummary errors={errors} fieldOrder={["from", "to"]} />
      <form method="get" action="/updates/compare" className="mb-8 max-w-[45em] bg-govuk-light-grey p-4">
        <Select name="from" label="Compare from" hint="The earlier update" options={options} defaultValue={errors.from ? undefined : from} error={errors.from} />
        <Select name="to" label="With" hint="The later update" options={options} defaultValue={errors.to ? undefined : to} error={errors.to} />
        <Button>Compare</Button>
      </form>
      {loaded ? (
        <section aria-labelledby="comparison">
          <H2 id="comparison">
            What changed from {updateLabel(loaded.from.update)} to {updateLabel(loaded.to.update)}
          </H2>
          {loaded.from.update.year * 4 + loaded.from.update.quarter > loaded.to.update.year * 4 + loaded.to.update.quarter ? (
            <p className="mb-4 max-w-[45em] font-bold">
              The {updateLabel(loaded.from.update)} update is the later of the two, so these changes read backwards in time.
            </p>
          ) : null}
          <WhatChanged comparison={loaded.comparison} headingLevel={3} />
          <p className="mb-8">
            <a href={`/updates/compare/csv?${query}`}>
              Download this comparison as CSV<span className="sr-only"> ({updateLabel(loaded.from.update)} to {updateLabel(loaded.to.update)})</span>
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
