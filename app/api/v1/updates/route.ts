// GET /api/v1/updates — published updates, newest first, paginated (editors also get the draft). Needs: read:published (draft: read:draft).
// POST /api/v1/updates — start the next quarter's update (the draft). Needs: publish:update.
import { api, fromOutcome } from "@/lib/api/handler";
import { pageQuery, startUpdateSchema } from "@/lib/api/schemas";
import { can } from "@/lib/auth/permissions";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { listPublishedUpdates } from "@/lib/roadmap/snapshot";
import { readDraftUpdate, startUpdate } from "@/lib/updates/workflow";

export const dynamic = "force-dynamic";

const DEFAULT_PER_PAGE = 20;

export const GET = api("read:published", async ({ db, user, query }) => {
  const { page = 1, perPage = DEFAULT_PER_PAGE } = query(pageQuery);
  const published = (await listPublishedUpdates(db, PROGRAMME_SLUG)).map(({ snapshotId: _id, ...update }) => update);
  // Viewers never learn that a draft exists: not even its slug.
  const draft = can(user.role, "read:draft") ? await readDraftUpdate(db) : null;
  const items = [
    ...(draft
      ? [{ slug: draft.slug, year: draft.year, quarter: draft.quarter, title: draft.title, coveringText: draft.coveringText, state: "draft" as const, publishedOn: null, publishedAt: null, publishedByName: null, version: draft.version }]
      : []),
    ...published,
  ];
  return { items: items.slice((page - 1) * perPage, page * perPage), page, perPage, total: items.length };
});

export const POST = api("publish:update", async ({ db, actor, body }) => fromOutcome(await startUpdate(db, await body(startUpdateSchema), actor), "update", { created: true }));
