// GET /api/v1/products/{slug}/spans/{id} — the planned phase with its version. Needs: read:draft.
// PATCH /api/v1/products/{slug}/spans/{id} {version, ...spanSchema}; DELETE ?version= — change or remove it. Needs: edit:roadmap.
import { api, fromOutcome, idParam, notFound } from "@/lib/api/handler";
import { spanChangeBody, versionQuery } from "@/lib/api/schemas";
import { readSpan, removeSpan, updateSpan } from "@/lib/editing/spans";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = api<Params>("read:draft", async ({ db, params }) => {
  const record = await readSpan(db, params.slug, idParam(params.id, "planned phase"));
  if (!record) throw notFound("There is no such planned phase.");
  return record;
});

export const PATCH = api<Params>("edit:roadmap", async ({ db, actor, params, body }) => {
  const id = idParam(params.id, "planned phase");
  const { version, ...input } = await body(spanChangeBody);
  return fromOutcome(await updateSpan(db, params.slug, id, version, input, actor), "planned phase");
});

export const DELETE = api<Params>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "planned phase");
  const { version } = query(versionQuery);
  return fromOutcome(await removeSpan(db, params.slug, id, version, actor), "planned phase");
});
