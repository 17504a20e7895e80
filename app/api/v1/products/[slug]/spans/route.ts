// POST /api/v1/products/{slug}/spans — add a planned phase (spanSchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { spanSchema } from "@/lib/api/schemas";
import { addSpan } from "@/lib/editing/spans";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) =>
  fromOutcome(await addSpan(db, params.slug, await body(spanSchema), actor), "planned phase", { created: true }),
);
