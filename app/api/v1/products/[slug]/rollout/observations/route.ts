// POST /api/v1/products/{slug}/rollout/observations — add a rollout observation (observationSchema(total forces), as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { observationSchema } from "@/lib/api/schemas";
import { totalForces } from "@/lib/editing/lookups";
import { addObservation } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) => {
  const input = await body(observationSchema(await totalForces(db)));
  return fromOutcome(await addObservation(db, params.slug, input, actor), "observation", { created: true });
});
