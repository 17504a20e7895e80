// GET /api/v1/products/{slug}/dependencies/{id} — the dependency with its version. Needs: read:draft.
// PATCH /api/v1/products/{slug}/dependencies/{id} {version, ...dependencySchema}; DELETE ?version= — change or remove it. Needs: edit:roadmap.
import { api, fromOutcome, idParam, notFound } from "@/lib/api/handler";
import { dependencyChangeBody, versionQuery } from "@/lib/api/schemas";
import { readDependency, removeDependency, updateDependency } from "@/lib/editing/dependencies";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = api<Params>("read:draft", async ({ db, params }) => {
  const record = await readDependency(db, params.slug, idParam(params.id, "dependency"));
  if (!record) throw notFound("There is no such dependency.");
  return record;
});

export const PATCH = api<Params>("edit:roadmap", async ({ db, actor, params, body }) => {
  const id = idParam(params.id, "dependency");
  const { version, ...input } = await body(dependencyChangeBody);
  return fromOutcome(await updateDependency(db, params.slug, id, version, input, actor), "dependency");
});

export const DELETE = api<Params>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "dependency");
  const { version } = query(versionQuery);
  return fromOutcome(await removeDependency(db, params.slug, id, version, actor), "dependency");
});
