/**
 * The PDF of a published update: made once from its print layout, kept in the database beside the
 * snapshot (so every instance serves the same bytes), and served from there ever after. One PDF per
 * quarter style: calendar quarters keep the original kind "pdf" (so PDFs kept before financial
 * quarters existed are still the ones served), financial-year quarters are kind "pdf-financial".
 */
import type { Db } from "@/lib/db/client";
import type { QuarterStyle } from "@/lib/dates/period";
import { keepSnapshotExport, readSnapshotExport, type StoredSnapshot } from "@/lib/roadmap/snapshot";
import { renderToken, RENDER_TOKEN_HEADER } from "@/lib/auth/render-token";
import { findChromium, type ChromiumLocation } from "./chromium";
import { renderPdf } from "./render";

export const PDF_KIND = "pdf";
export const PDF_FINANCIAL_KIND = "pdf-financial";

export function pdfKind(quarters: QuarterStyle): string {
  return quarters === "financial" ? PDF_FINANCIAL_KIND : PDF_KIND;
}

export class NoChromiumError extends Error {}

const inFlight = new Map<string, Promise<Buffer>>();

export function pdfFileName(programmeSlug: string, updateSlug: string, quarters: QuarterStyle = "calendar"): string {
  return `${programmeSlug}-roadmap-${updateSlug}${quarters === "financial" ? "-financial-year" : ""}.pdf`;
}

/** The print layout's address for a quarter style: calendar is the plain address, as it always was. */
export function printUrlFor(printUrl: string, quarters: QuarterStyle): string {
  if (quarters === "calendar") return printUrl;
  const url = new URL(printUrl);
  url.searchParams.set("quarters", quarters);
  return url.toString();
}

/**
 * The kept PDF of a snapshot in a quarter style, rendered and kept first if there is none yet. `find`
 * locates Chromium (a parameter so tests can stand in for a machine without one); it is not called
 * when a PDF is kept. `printUrl` is the print layout's plain address; the style is added to it here.
 */
export async function snapshotPdf(
  db: Db,
  snapshot: StoredSnapshot,
  printUrl: string,
  find: () => Promise<ChromiumLocation | null> = findChromium,
  quarters: QuarterStyle = "calendar",
): Promise<Buffer> {
  const kind = pdfKind(quarters);
  const kept = await readSnapshotExport(db, snapshot.id, kind);
  if (kept) return kept.body;
  // Concurrent first requests for one snapshot and style share one render.
  const key = `${snapshot.id}:${kind}`;
  let render = inFlight.get(key);
  if (!render) {
    render = (async () => {
      const chromium = await find();
      if (!chromium) throw new NoChromiumError();
      const { update, roadmap } = snapshot.content;
      const url = new URL(printUrlFor(printUrl, quarters));
      const body = await renderPdf(chromium, url.toString(), `${roadmap.programme.shortName} product roadmap, ${update.year} Q${update.quarter}`, {
        // The print page checks the token against its path and query, as the proxy passes them on.
        [RENDER_TOKEN_HEADER]: renderToken(url.pathname + url.search),
      });
      await keepSnapshotExport(db, snapshot.id, kind, "application/pdf", body);
      // Serve what was kept: if another instance kept its render first, every reader gets those bytes.
      return (await readSnapshotExport(db, snapshot.id, kind))?.body ?? body;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, render);
  }
  return render;
}
