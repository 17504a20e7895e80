// GET /updates/compare/csv?from=2021-q4&to=2022-q1 — what changed between two published updates, one row per change. Needs: read:published (session or API token).
import { authorizeRequestOrToken, problem } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { loadComparison } from "@/lib/roadmap/compare";
import { comparisonCsv, exportFileStem } from "@/lib/roadmap/exports";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const auth = await authorizeRequestOrToken("read:published", request);
  if ("response" in auth) return auth.response;
  const query = new URL(request.url).searchParams;
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  if (!from || !to) return problem(400, "Two updates needed", "Give the updates to compare as ?from=2021-q4&to=2022-q1.");
  if (from === to) return problem(400, "Two different updates needed", "The updates to compare must be different.");
  // Published snapshots only: a draft is never compared here, whoever asks.
  const loaded = await loadComparison(await getDb(), from, to);
  if (!loaded) return problem(404, "Not found", "One or both of those updates is not a published update.");
  return new Response(comparisonCsv(loaded.comparison), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileStem(PROGRAMME_SLUG, `${from}-to-${to}`)}-changes.csv"`,
      "cache-control": "private, no-cache",
    },
  });
}
