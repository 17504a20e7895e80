// POST /api/v1/factors — add a programme-level dependency (factorSchema, as the form). Needs: edit:roadmap.
import { api, fromOutcome } from "@/lib/api/handler";
import { factorSchema } from "@/lib/api/schemas";
import { addFactor } from "@/lib/editing/factors";

export const dynamic = "force-dynamic";

export const POST = api("edit:roadmap", async ({ db, actor, body }) => fromOutcome(await addFactor(db, await body(factorSchema), actor), "factor", { created: true }));
