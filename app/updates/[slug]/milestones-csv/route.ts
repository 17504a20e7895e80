// GET /updates/<slug>/milestones-csv — every milestone of a published update as CSV (baseline, forecast, slippage, status), made from its snapshot. Needs: read:published (session or API token).
import { authorizeRequestOrToken, problem } from "@/lib/auth/checkpoint";
import { exportFileStem, milestonesCsv } from "@/lib/roadmap/exports";
import { isUpdateSlug, PROGRAMME_SLUG, snapshotOf } from "@/lib/roadmap/published";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const auth = await authorizeRequestOrToken("read:published", request);
  if ("response" in auth) return auth.response;
  const { slug } = await params;
  const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
  if (!snapshot) return problem(404, "Not found", "There is no published update with that name.");
  return new Response(milestonesCsv(snapshot.content), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileStem(PROGRAMME_SLUG, slug)}-milestones.csv"`,
      // Made from the snapshot alone, but by code that may improve: revalidate rather than keep for ever.
      "cache-control": "private, no-cache",
    },
  });
}
