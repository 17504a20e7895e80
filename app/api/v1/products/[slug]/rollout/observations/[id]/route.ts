// DELETE /api/v1/products/{slug}/rollout/observations/{id}?version= — remove a rollout observation. Needs: edit:roadmap.
import { api, fromOutcome, idParam } from "@/lib/api/handler";
import { versionQuery } from "@/lib/api/schemas";
import { removeObservation } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const DELETE = api<{ slug: string; id: string }>("edit:roadmap", async ({ db, actor, params, query }) => {
  const id = idParam(params.id, "observation");
  const { version } = query(versionQuery);
  return fromOutcome(await removeObservation(db, params.slug, id, version, actor), "observation");
});
