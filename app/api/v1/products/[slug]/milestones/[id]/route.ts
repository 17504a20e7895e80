// GET /api/v1/products/{slug}/milestones/{id} — the milestone with its version. Needs: read:draft.
// PATCH /api/v1/products/{slug}/milestones/{id} {version, ...milestoneSchema}; DELETE ?version= — change or remove it. Needs: edit:roadmap.
import { api, fromOutcome, idParam, notFound } from "@/lib/api/handler";
import { milestoneChangeBody, versionQuery } from "@/lib/api/schemas";
import { readMilestone, removeMilestone, updateMilestone } from "@/lib/editing/milestones";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = api<Params>("read:draft", async ({ db, params }) => {
  const record = await readMilestone(db, params.slug, idParam(params.id, "milestone"));
  if (!record) throw notFound("There is no such milestone.");
  return record;
});

export const PATCH = api<Params>("edit:roadmap", async ({ db, actor, params, body }) => {
  const id = idParam(params.id, "milestone");
  const { version, ...input } = await body(milestoneChangeBody);
  return fromOutcome(await updateMilestone(db, params.slug, id, version, input, actor), "milestone");
});

export const DELETE = api<Params>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "milestone");
  const { version } = query(versionQuery);
  return fromOutcome(await removeMilestone(db, params.slug, id, version, actor), "milestone");
});
