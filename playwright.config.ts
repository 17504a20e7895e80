import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/pdf/chromium";

// `npm test` (scripts/test.mjs) builds the app once, makes a fresh PostgreSQL database for this
// run and passes it as E2E_DATABASE_URL. Run alone, the server gets an embedded database of its own.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = await findChromium();

// Made once by the runner and inherited by its workers: the demo accounts' password and the session
// secret for this run's server only.
process.env.E2E_DEMO_PASSWORD ??= `e2e-${randomBytes(12).toString("base64url")}`;
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");

const serverEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  PORT: String(port),
  NEXT_TELEMETRY_DISABLED: "1",
  // The server runs far from London on purpose: dates must not move with the time zone.
  TZ: "America/Los_Angeles",
  NODE_ENV: "production",
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: process.env.E2E_AUTH_SECRET,
  SEED_DEMO_USERS: "true",
  DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
};
if (process.env.E2E_DATABASE_URL) {
  serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  delete serverEnv.DATABASE_URL;
  serverEnv.PGLITE_DIR = path.join(os.tmpdir(), `nledp-e2e-${process.pid}`, "pglite");
}

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "off",
    launchOptions: { args: CHROMIUM_ARGS, ...(chromium && chromium.source !== "playwright" ? { executablePath: chromium.path } : {}) },
  },
  webServer: {
    command: "node server.mjs",
    url: `${baseURL}/health`,
    env: serverEnv,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
