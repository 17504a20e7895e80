// POST /api/v1/products/{slug}/rollout/targets — add a rollout target (targetSchema(total forces), as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { targetSchema } from "@/lib/api/schemas";
import { totalForces } from "@/lib/editing/lookups";
import { addTarget } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) => {
  const input = await body(targetSchema(await totalForces(db)));
  return fromOutcome(await addTarget(db, params.slug, input, actor), "target", { created: true });
});
