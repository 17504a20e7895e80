// PUT /api/v1/products/{slug}/rollout/go-lives {fingerprint, goLives} — replace each force's go-live date (goLivesSchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { goLivesBody } from "@/lib/api/schemas";
import { saveGoLives } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const PUT = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) => {
  // The fingerprint stands for the set as read (GET …/rollout): a stale one is a conflict, like a stale version.
  const { fingerprint, ...input } = await body(goLivesBody);
  return fromOutcome(await saveGoLives(db, params.slug, input, fingerprint, actor), "set of go-live dates");
});
