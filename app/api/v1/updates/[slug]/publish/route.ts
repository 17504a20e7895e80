// POST /api/v1/updates/{slug}/publish — publish the draft update {version, roadmapHash?}: the roadmap is frozen into its snapshot. Needs: publish:update.
import { ApiProblem, api, fromOutcome } from "@/lib/api/handler";
import { publishBody } from "@/lib/api/schemas";
import { publishDraftUpdate } from "@/lib/updates/workflow";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("publish:update", async ({ db, user, actor, params, body }) => {
  const { version, roadmapHash } = await body(publishBody);
  const outcome = await publishDraftUpdate(db, params.slug, version, actor, user.name, { roadmapHash });
  if (outcome.kind === "roadmap-changed") {
    throw new ApiProblem(
      409,
      "Conflict",
      "The update was not published: the roadmap has changed since the preview you read. Read the preview again (GET /api/v1/updates/{slug}), check it, then publish with its roadmapHash.",
      { current: outcome.current, roadmapHash: outcome.roadmapHash },
    );
  }
  return fromOutcome(outcome, "update");
});
