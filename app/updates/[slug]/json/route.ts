// GET /updates/<slug>/json — the published update's snapshot as canonical JSON, the same bytes every time. Needs: read:published (session or API token).
import { authorizeRequestOrToken, problem } from "@/lib/auth/checkpoint";
import { exportFileStem, snapshotJson } from "@/lib/roadmap/exports";
import { isUpdateSlug, PROGRAMME_SLUG, snapshotOf } from "@/lib/roadmap/published";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const auth = await authorizeRequestOrToken("read:published", request);
  if ("response" in auth) return auth.response;
  const { slug } = await params;
  // Published snapshots only: a draft's slug is as unknown here as a made-up one.
  const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
  if (!snapshot) return problem(404, "Not found", "There is no published update with that name.");
  return new Response(snapshotJson(snapshot.content), {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${exportFileStem(PROGRAMME_SLUG, slug)}.json"`,
      // A published snapshot never changes; its hash names these very bytes.
      "cache-control": "private, max-age=31536000, immutable",
      etag: `"${snapshot.contentHash}"`,
    },
  });
}
