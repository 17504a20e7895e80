// GET /updates/<slug>/pdf[?quarters=calendar|financial] — the published update as an A4 PDF, made once per quarter style and kept. Needs: read:published (session or API token).
import { authorizeRequestOrToken } from "@/lib/auth/checkpoint";
import { parseQuarterStyle, quarterStyleOf } from "@/lib/auth/preferences";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { CHROMIUM_INSTALL_HELP } from "@/lib/pdf/chromium";
import { NoChromiumError, pdfFileName, snapshotPdf } from "@/lib/pdf/snapshot-pdf";
import { isUpdateSlug, PROGRAMME_SLUG, snapshotOf } from "@/lib/roadmap/published";

export const dynamic = "force-dynamic";

function plainPage(status: number, title: string, message: string): Response {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family: Arial, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em"><h1>${title}</h1><p>${message}</p><p><a href="/updates">Back to quarterly updates</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const auth = await authorizeRequestOrToken("read:published", request);
  if ("response" in auth) return auth.response;
  const { slug } = await params;
  // An explicit ?quarters= wins (a link to one style); otherwise the reader's remembered choice.
  const asked = parseQuarterStyle(new URL(request.url).searchParams.get("quarters"));
  const settings = env();
  const origin = settings.INTERNAL_URL ?? `http://127.0.0.1:${settings.PORT}`;
  try {
    const quarters = asked ?? (await quarterStyleOf(auth.user));
    const snapshot = isUpdateSlug(slug) ? await snapshotOf(slug) : null;
    if (!snapshot) return plainPage(404, "Page not found", "There is no published update with that name.");
    // Two styles, two files: the tag names both the snapshot and the style.
    const etag = quarters === "calendar" ? `"${snapshot.contentHash}"` : `"${snapshot.contentHash}-${quarters}"`;
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
    const body = await snapshotPdf(await getDb(), snapshot, `${origin}/updates/${slug}/print`, undefined, quarters);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdfFileName(PROGRAMME_SLUG, slug, quarters)}"`,
        "content-length": String(body.length),
        // A published snapshot never changes, so neither does its PDF in one style. Without ?quarters= the
        // style is the reader's choice, which they can change: the browser then asks again each time.
        "cache-control": asked ? "private, max-age=31536000, immutable" : "private, no-cache",
        etag,
      },
    });
  } catch (error) {
    if (error instanceof NoChromiumError) {
      return plainPage(
        503,
        "The PDF cannot be made at the moment",
        `The rest of the service works as usual: the update is on its page. Please tell your administrator that this server has no Chromium to make PDFs with. For administrators: ${CHROMIUM_INSTALL_HELP.replace(/`/g, "")}`,
      );
    }
    console.error("PDF render failed", error);
    return plainPage(500, "Sorry, there is a problem with the service", "The PDF could not be made. Try again later.");
  }
}
