import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/pdf/chromium";

// `npm test` (scripts/test.mjs) builds the app once, makes a fresh PostgreSQL database for this
// run and passes it as E2E_DATABASE_URL. Run alone, the server gets an embedded database of its own.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = await findChromium();

// Made once by the runner and inherited by its workers: the demo accounts' password and the session
// secret for this run's server only.
process.env.E2E_DEMO_PASSWORD ??= `e2e-${randomBytes(12).toString("base64url")}`;
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");

/**
 * Four servers, each on its own database: most specs share the first; the quarterly-cycle specs
 * (tests/e2e/cycle-browser, tests/e2e/cycle-api) each publish a new update, which changes what every
 * clerk sees, so each runs against a server and database of its own, fresh from the seed. The
 * large-roadmap specs (tests/e2e/scale) run on a synthetic programme instead of the letter's: 60
 * products, about 300 milestones and 100 dependencies, two published updates (lib/db/seed/synthetic.ts).
 */
const SERVERS = [
  { name: "shared", port, databaseEnv: "E2E_DATABASE_URL", testDir: "./tests/e2e", testIgnore: ["cycle-*/**", "scale/**"] },
  { name: "cycle-browser", port: port + 1, databaseEnv: "E2E_CYCLE_BROWSER_DATABASE_URL", testDir: "./tests/e2e/cycle-browser" },
  { name: "cycle-api", port: port + 2, databaseEnv: "E2E_CYCLE_API_DATABASE_URL", testDir: "./tests/e2e/cycle-api" },
  { name: "scale", port: port + 3, databaseEnv: "E2E_SCALE_DATABASE_URL", testDir: "./tests/e2e/scale", synthetic: true },
] as const;

/** The synthetic programme the scale server runs on, as scripts/test.mjs seeds it (its specs rely on these numbers). */
const SCALE_SEED_ARGS = ["--scale", "10", "--updates", "2"] as const;

function pgliteDir(name: string): string {
  return path.join(os.tmpdir(), `nledp-e2e-${process.pid}`, name, "pglite");
}

/**
 * The server's command. A synthetic server given a database URL finds it already seeded (by
 * scripts/test.mjs). Run alone, without one, it seeds its own fresh PGlite folder first: the server
 * would otherwise seed the letter's roadmap into the empty folder, and the scale specs need the
 * synthetic one (the app keeps a database that already has a roadmap, so the synthetic one stays).
 */
function serverCommand(server: (typeof SERVERS)[number]): string {
  if (!("synthetic" in server) || process.env[server.databaseEnv]) return "node server.mjs";
  return `npx tsx scripts/seed-synthetic.ts ${SCALE_SEED_ARGS.join(" ")} --pglite-dir "${pgliteDir(server.name)}" && node server.mjs`;
}

/**
 * Each server runs far from London on purpose: dates must not move with the time zone. Most are west
 * of it (America/Los_Angeles, where London's midnight is still the day before); the scale server, whose
 * specs check the milestone due 31 March 2022, runs east of it (Australia/Sydney, where London's
 * midnight is already the next day), so that date is checked on both sides.
 */
const SERVER_TZ: Record<string, string> = { scale: "Australia/Sydney" };

function serverEnv(serverPort: number, databaseEnv: string, name: string): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(serverPort),
    NEXT_TELEMETRY_DISABLED: "1",
    TZ: SERVER_TZ[name] ?? "America/Los_Angeles",
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://127.0.0.1:${serverPort}`,
    NEXTAUTH_SECRET: process.env.E2E_AUTH_SECRET!,
    SEED_DEMO_USERS: "true",
    DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD!,
  };
  const url = process.env[databaseEnv];
  if (url) {
    env.DATABASE_URL = url;
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir(name);
  }
  return env;
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
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "off",
    launchOptions: { args: CHROMIUM_ARGS, ...(chromium && chromium.source !== "playwright" ? { executablePath: chromium.path } : {}) },
  },
  projects: SERVERS.map((server) => ({
    name: server.name,
    testDir: server.testDir,
    ...("testIgnore" in server ? { testIgnore: [...server.testIgnore] } : {}),
    use: { baseURL: `http://127.0.0.1:${server.port}` },
  })),
  webServer: SERVERS.map((server) => ({
    command: serverCommand(server),
    url: `http://127.0.0.1:${server.port}/health`,
    env: serverEnv(server.port, server.databaseEnv, server.name),
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
