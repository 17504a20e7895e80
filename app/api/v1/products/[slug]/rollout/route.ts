// GET /api/v1/products/{slug}/rollout — observations and targets with their versions, each force's go-live date, and the go-live fingerprint. Needs: read:draft.
import { api, notFound } from "@/lib/api/handler";
import { readRollout } from "@/lib/editing/rollout";

export const dynamic = "force-dynamic";

export const GET = api<{ slug: string }>("read:draft", async ({ db, params }) => {
  const rollout = await readRollout(db, params.slug);
  if (!rollout) throw notFound("There is no such product.");
  return rollout;
});
