/**
 * Finds a Chromium to print PDFs with: CHROMIUM_PATH first, then Playwright's own download (where
 * one was installed), then Debian's /usr/bin/chromium. Null when there is none.
 */
import fs from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--font-render-hinting=none",
];

export const CHROMIUM_INSTALL_HELP =
  "Install Chromium to make PDFs: on Debian or Ubuntu, `sudo apt-get install chromium fonts-liberation`; " +
  "or set CHROMIUM_PATH to a Chromium or Chrome executable.";

export type ChromiumLocation = { path: string; source: "CHROMIUM_PATH" | "playwright" | "system" };

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLocation | null> {
  const exists = (p: string | undefined): p is string => !!p && fs.existsSync(p);
  if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  try {
    const { chromium } = await import("playwright-core");
    const own = chromium.executablePath();
    if (exists(own)) return { path: own, source: "playwright" };
  } catch {
    // playwright-core knows no browser for this platform: fall through to the system one
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (exists(candidate)) return { path: candidate, source: "system" };
  }
  return null;
}
