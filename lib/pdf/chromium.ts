/**
 * Finds a Chromium to print PDFs with: CHROMIUM_PATH first, then Playwright's own download (where
 * one was installed), then Debian's /usr/bin/chromium and its neighbours. Null when there is none.
 * A CHROMIUM_PATH that names no file is warned about (once per path) and passed over.
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

/** Where a Debian or Ubuntu package puts Chromium or Chrome, tried in order after CHROMIUM_PATH and Playwright's own. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** CHROMIUM_PATH values already warned about: a wrong setting is reported once per process, not on every render. */
const warnedMissing = new Set<string>();

export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  systemPaths: readonly string[] = SYSTEM_CHROMIUM_PATHS,
): Promise<ChromiumLocation | null> {
  const exists = (p: string | undefined): p is string => !!p && fs.existsSync(p);
  if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  if (env.CHROMIUM_PATH && !warnedMissing.has(env.CHROMIUM_PATH)) {
    warnedMissing.add(env.CHROMIUM_PATH);
    console.warn(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there: looking for another Chromium.`);
  }
  try {
    const { chromium } = await import("playwright-core");
    const own = chromium.executablePath();
    if (exists(own)) return { path: own, source: "playwright" };
  } catch {
    // playwright-core knows no browser for this platform: fall through to the system one
  }
  for (const candidate of systemPaths) {
    if (exists(candidate)) return { path: candidate, source: "system" };
  }
  return null;
}
