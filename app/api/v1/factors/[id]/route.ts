// GET /api/v1/factors/{id} — a programme-level dependency with its version. Needs: read:draft.
// PATCH /api/v1/factors/{id} {version, ...factorSchema}; DELETE ?version= — change or remove it. Needs: edit:roadmap.
import { api, fromOutcome, idParam, notFound } from "@/lib/api/handler";
import { factorChangeBody, versionQuery } from "@/lib/api/schemas";
import { readFactor, removeFactor, updateFactor } from "@/lib/editing/factors";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = api<Params>("read:draft", async ({ db, params }) => {
  const factor = await readFactor(db, idParam(params.id, "factor"));
  if (!factor) throw notFound("There is no such factor.");
  return factor;
});

export const PATCH = api<Params>("edit:roadmap", async ({ db, actor, params, body }) => {
  const id = idParam(params.id, "factor");
  const { version, ...input } = await body(factorChangeBody);
  return fromOutcome(await updateFactor(db, id, version, input, actor), "factor");
});

export const DELETE = api<Params>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "factor");
  const { version } = query(versionQuery);
  return fromOutcome(await removeFactor(db, id, version, actor), "factor");
});
