import fs from "node:fs";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findChromium, SYSTEM_CHROMIUM_PATHS } from "./chromium";

/** Any file that certainly exists stands in for a Chromium executable: findChromium only checks for a file. */
const EXISTING = process.execPath;
const NOWHERE = ["/nonexistent/chromium"];

/** An environment holding only the given variables (Next's types make NODE_ENV required, which findChromium never reads). */
const env = (vars: { CHROMIUM_PATH?: string } = {}) => vars as NodeJS.ProcessEnv;

/**
 * Playwright's own browser comes before the system paths. On a machine where `npx playwright install
 * chromium` has been run it exists and is found first, so the tests that need it absent are skipped there.
 */
function playwrightBrowser(): string | null {
  try {
    const own = chromium.executablePath();
    return own && fs.existsSync(own) ? own : null;
  } catch {
    return null; // no Playwright browser for this platform
  }
}
const ownBrowser = playwrightBrowser();

/** A CHROMIUM_PATH that names no file, different each time (the warning is given once per path). */
let missingCount = 0;
const missingPath = () => `/nonexistent/chromium-path-test-${process.pid}-${++missingCount}/chrome`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("findChromium", () => {
  it("keeps the list of system paths it always had", () => {
    expect(SYSTEM_CHROMIUM_PATHS).toEqual(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]);
  });

  it("returns CHROMIUM_PATH when the file exists, before anything else", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await findChromium(env({ CHROMIUM_PATH: EXISTING }), NOWHERE)).toEqual({ path: EXISTING, source: "CHROMIUM_PATH" });
    expect(warn).not.toHaveBeenCalled();
  });

  it("passes over a CHROMIUM_PATH that names no file, with a warning naming the setting and the path", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const missing = missingPath();
    const found = await findChromium(env({ CHROMIUM_PATH: missing }), [EXISTING]);
    expect(found?.source).not.toBe("CHROMIUM_PATH");
    expect(found?.path).not.toBe(missing);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain("CHROMIUM_PATH");
    expect(message).toContain(missing);
  });

  it("warns about a missing CHROMIUM_PATH once, not on every look", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const missing = missingPath();
    await findChromium(env({ CHROMIUM_PATH: missing }), NOWHERE);
    await findChromium(env({ CHROMIUM_PATH: missing }), NOWHERE);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("does not warn when CHROMIUM_PATH is unset or empty", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await findChromium(env(), NOWHERE);
    await findChromium(env({ CHROMIUM_PATH: "" }), NOWHERE);
    expect(warn).not.toHaveBeenCalled();
  });

  // Skipped where Playwright's own Chromium is installed: it is found before any system path.
  it.skipIf(ownBrowser !== null)("falls back to the first system path that exists", async () => {
    expect(await findChromium(env(), ["/nonexistent/chromium", EXISTING])).toEqual({ path: EXISTING, source: "system" });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await findChromium(env({ CHROMIUM_PATH: missingPath() }), [EXISTING])).toEqual({ path: EXISTING, source: "system" });
  });

  // The other side of the two skips above: runs only where Playwright's own Chromium is installed.
  it.skipIf(ownBrowser === null)("prefers Playwright's own browser to the system paths where it is installed", async () => {
    expect(await findChromium(env(), [EXISTING])).toEqual({ path: ownBrowser, source: "playwright" });
  });

  // Skipped where Playwright's own Chromium is installed: then there is always a Chromium to find.
  it.skipIf(ownBrowser !== null)("returns null when there is no Chromium anywhere", async () => {
    expect(await findChromium(env(), NOWHERE)).toBeNull();
    expect(await findChromium(env(), [])).toBeNull();
  });
});
