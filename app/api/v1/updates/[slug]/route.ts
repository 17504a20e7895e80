// GET /api/v1/updates/{slug} — a published update's snapshot (editors: the draft's preview). Needs: read:published (draft: read:draft).
// PATCH /api/v1/updates/{slug} — change the draft's title and covering text; DELETE ?version= — discard the draft. Needs: publish:update.
import { api, fromOutcome, notFound } from "@/lib/api/handler";
import { updateChangeBody, versionQuery } from "@/lib/api/schemas";
import { can } from "@/lib/auth/permissions";
import { isUpdateSlug, PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { readSnapshot } from "@/lib/roadmap/snapshot";
import { changeDraftUpdate, discardDraftUpdate, draftPreview, previewRoadmapHash, readDraftUpdate } from "@/lib/updates/workflow";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = api<Params>("read:published", async ({ db, user, params }) => {
  if (!isUpdateSlug(params.slug)) throw notFound("There is no update with that name.");
  const snapshot = await readSnapshot(db, PROGRAMME_SLUG, params.slug);
  if (snapshot) return snapshot.content;
  if (can(user.role, "read:draft") && (await readDraftUpdate(db))?.slug === params.slug) {
    const preview = await draftPreview(db);
    // The fingerprint to publish with, so what is published is what this preview showed.
    if (preview) return { ...preview, roadmapHash: previewRoadmapHash(preview) };
  }
  // For a viewer a draft's slug is the same 404 as a slug that names nothing.
  throw notFound("There is no published update with that name.");
});

export const PATCH = api<Params>("publish:update", async ({ db, actor, params, body }) => {
  const { version, ...input } = await body(updateChangeBody);
  return fromOutcome(await changeDraftUpdate(db, params.slug, version, input, actor), "update");
});

export const DELETE = api<Params>("publish:update", async ({ db, actor, params, query }) => {
  const { version } = query(versionQuery);
  return fromOutcome(await discardDraftUpdate(db, params.slug, version, actor), "update");
});
