/**
 * The PDF of a published update: made once from its print layout, kept in the database beside the
 * snapshot (so every instance serves the same bytes), and served from there ever after.
 */
import type { Db } from "@/lib/db/client";
import { keepSnapshotExport, readSnapshotExport, type StoredSnapshot } from "@/lib/roadmap/snapshot";
import { renderToken, RENDER_TOKEN_HEADER } from "@/lib/auth/render-token";
import { findChromium, type ChromiumLocation } from "./chromium";
import { renderPdf } from "./render";

export const PDF_KIND = "pdf";

export class NoChromiumError extends Error {}

const inFlight = new Map<number, Promise<Buffer>>();

export function pdfFileName(programmeSlug: string, updateSlug: string): string {
  return `${programmeSlug}-roadmap-${updateSlug}.pdf`;
}

/**
 * The kept PDF of a snapshot, rendered and kept first if there is none yet. `find` locates Chromium
 * (a parameter so tests can stand in for a machine without one); it is not called when a PDF is kept.
 */
export async function snapshotPdf(
  db: Db,
  snapshot: StoredSnapshot,
  printUrl: string,
  find: () => Promise<ChromiumLocation | null> = findChromium,
): Promise<Buffer> {
  const kept = await readSnapshotExport(db, snapshot.id, PDF_KIND);
  if (kept) return kept.body;
  // Concurrent first requests for one snapshot share one render.
  let render = inFlight.get(snapshot.id);
  if (!render) {
    render = (async () => {
      const chromium = await find();
      if (!chromium) throw new NoChromiumError();
      const { update, roadmap } = snapshot.content;
      const body = await renderPdf(chromium, printUrl, `${roadmap.programme.shortName} product roadmap, ${update.year} Q${update.quarter}`, {
        [RENDER_TOKEN_HEADER]: renderToken(new URL(printUrl).pathname),
      });
      await keepSnapshotExport(db, snapshot.id, PDF_KIND, "application/pdf", body);
      // Serve what was kept: if another instance kept its render first, every reader gets those bytes.
      return (await readSnapshotExport(db, snapshot.id, PDF_KIND))?.body ?? body;
    })().finally(() => inFlight.delete(snapshot.id));
    inFlight.set(snapshot.id, render);
  }
  return render;
}
