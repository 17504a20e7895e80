// GET /api/v1/openapi.json — the OpenAPI 3.1 document, made from lib/api/endpoints.ts and the same zod schemas the handlers parse with. Needs: read:published.
import { api, json } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { sessionCookieName } from "@/lib/auth/session";
import { totalForces } from "@/lib/editing/lookups";

export const dynamic = "force-dynamic";

export const GET = api("read:published", async ({ db }) => json(openApiDocument({ totalForces: await totalForces(db), sessionCookie: sessionCookieName() })));
