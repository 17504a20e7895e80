// POST /api/v1/products/{slug}/milestones — add a milestone (milestoneSchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { milestoneSchema } from "@/lib/api/schemas";
import { addMilestone } from "@/lib/editing/milestones";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) =>
  fromOutcome(await addMilestone(db, params.slug, await body(milestoneSchema), actor), "milestone", { created: true }),
);
