// DELETE /api/v1/products/{slug}/rollout/targets/{id}?version= — remove a rollout target. Needs: edit:roadmap.
import { api, fromOutcome, idParam } from "@/lib/api/handler";
import { versionQuery } from "@/lib/api/schemas";
import { removeTarget } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const DELETE = api<{ slug: string; id: string }>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "target");
  const { version } = query(versionQuery);
  return fromOutcome(await removeTarget(db, params.slug, id, version, actor), "target");
});
