/**
 * Prints a page of this app to PDF with headless Chromium: A4 landscape, tagged (structure for
 * screen readers), with an outline, the page's own <title> and lang, and fonts embedded by Chromium.
 */
import { CHROMIUM_ARGS, type ChromiumLocation } from "./chromium";

/**
 * Chromiums running at once, at most. Each takes a few hundred megabytes: ten first downloads of ten
 * updates at once would otherwise start ten. The rest wait their turn (a render takes seconds).
 */
export const MAX_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the turn passes straight on, so `running` stays as it is
    else running--;
  }
}

export function renderPdf(chromiumAt: ChromiumLocation, url: string, footerText: string, headers: Record<string, string> = {}): Promise<Buffer> {
  return inTurn(() => renderNow(chromiumAt, url, footerText, headers));
}

async function renderNow(chromiumAt: ChromiumLocation, url: string, footerText: string, headers: Record<string, string>): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumAt.path, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ locale: "en-GB", timezoneId: "Europe/London", extraHTTPHeaders: headers });
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    if (!response || !response.ok()) throw new Error(`print page answered ${response?.status() ?? "nothing"}`);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({
      format: "A4",
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-family: Arial, 'Liberation Sans', sans-serif; font-size: 8pt; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; color: #505a5f;"><span>${escapeHtml(footerText)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: "12mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
