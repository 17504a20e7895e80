// GET /api/v1/compare?from=&to= — what changed between two published updates (never a draft). Needs: read:published.
import { api, notFound } from "@/lib/api/handler";
import { compareQuery } from "@/lib/api/schemas";
import { loadComparison } from "@/lib/roadmap/compare";

export const dynamic = "force-dynamic";

export const GET = api("read:published", async ({ db, query }) => {
  const { from, to } = query(compareQuery);
  const result = await loadComparison(db, from, to);
  if (!result) throw notFound("Both updates must be published: one of them is not.");
  return result.comparison;
});
