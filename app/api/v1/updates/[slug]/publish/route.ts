// POST /api/v1/updates/{slug}/publish — publish the draft update {version}: the roadmap is frozen into its snapshot. Needs: publish:update.
import { api, fromOutcome } from "@/lib/api/handler";
import { publishBody } from "@/lib/api/schemas";
import { publishDraftUpdate } from "@/lib/updates/workflow";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("publish:update", async ({ db, user, actor, params, body }) => {
  const { version } = await body(publishBody);
  return fromOutcome(await publishDraftUpdate(db, params.slug, version, actor, user.name), "update");
});
