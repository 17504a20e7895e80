// POST /api/v1/products/{slug}/dependencies — add a dependency (dependencySchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { dependencySchema } from "@/lib/api/schemas";
import { addDependency } from "@/lib/editing/dependencies";

export const dynamic = "force-dynamic";

export const POST = api<{ slug: string }>("edit:roadmap", async ({ db, actor, params, body }) =>
  fromOutcome(await addDependency(db, params.slug, await body(dependencySchema), actor), "dependency", { created: true }),
);
