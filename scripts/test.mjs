#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order, stopping at the first failure.
 *
 *   1. vitest (unit + integration) with TZ=Europe/London
 *   2. vitest again with TZ=America/Los_Angeles: dates must not move with the server's zone
 *   3. the unit tests (`--project unit`) a third time with TZ=Australia/Sydney, far east of London, where
 *      London's evening is already the next day (the integration tests are left out to keep the run short)
 *   4. `next build` (skipped with SKIP_BUILD=1)
 *   5. Playwright browser tests (every tests/e2e spec, in folders too) against four servers, each on a fresh PostgreSQL
 *      database passed to the Playwright config (E2E_DATABASE_URL, E2E_CYCLE_BROWSER_DATABASE_URL,
 *      E2E_CYCLE_API_DATABASE_URL, E2E_SCALE_DATABASE_URL) and dropped afterwards; the scale server's database
 *      is seeded here with the synthetic programme (scripts/seed-synthetic.ts) before Playwright starts
 *
 * `--unit` runs steps 1 to 3 only. Test databases are made on TEST_DATABASE_ADMIN_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres; see tests/setup/test-databases.mjs).
 * The last line printed is the total over all runs: "N passed, M failed" (", K skipped" if any).
 * A step that fails without a failed test to show for it (a build error, a crash) counts as one failure.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, dropDatabase, freshDatabaseName, testAdminUrl } from "../tests/setup/test-databases.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const output = path.join(root, "tests/.output");
const e2eDir = path.join(root, "tests/e2e");

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--unit");
if (unknown.length) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: node scripts/test.mjs [--unit]   (SKIP_BUILD=1 skips next build)`);
  process.exit(2);
}
const unitOnly = args.includes("--unit");

const totals = { passed: 0, failed: 0, skipped: 0 };
let interrupted = false;
// Ctrl-C reaches the child too; staying alive until it has stopped lets the e2e database be dropped.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (interrupted = true));

function heading(text) {
  console.log(`\n=== ${text} ===\n`);
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Adds a run's counts; a failing exit with no failed test counted is one failure (and says so). */
function record(step, code, counts) {
  totals.passed += counts?.passed ?? 0;
  totals.skipped += counts?.skipped ?? 0;
  let failed = counts?.failed ?? 0;
  if (code !== 0 && failed === 0) {
    console.error(`\n${step} failed (exit code ${code}) without a failing test to report: counted as one failure.`);
    failed = 1;
  }
  totals.failed += failed;
  return code === 0 && failed === 0;
}

/** `project`: one vitest project only ("unit"), or every project when absent. */
async function vitest(tz, project) {
  const slug = `${tz}${project ? `-${project}` : ""}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const file = path.join(output, `vitest-${slug}.json`);
  heading(`vitest${project ? ` (${project} tests)` : ""}, TZ=${tz}`);
  const projectArgs = project ? ["--project", project] : [];
  const code = await run("npx", ["vitest", "run", ...projectArgs, "--reporter=default", "--reporter=json", `--outputFile=${file}`], { TZ: tz });
  const report = readJson(file);
  const counts = report && {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  return record(`vitest${project ? ` --project ${project}` : ""} (TZ=${tz})`, code, counts);
}

async function build() {
  if (process.env.SKIP_BUILD === "1") {
    console.log("\nSKIP_BUILD=1: next build skipped.");
    return true;
  }
  heading("next build");
  const code = await run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  return record("next build", code, undefined);
}

async function playwright() {
  const specs = fs.existsSync(e2eDir) ? fs.readdirSync(e2eDir, { recursive: true }).map(String).filter((f) => f.endsWith(".spec.ts")) : [];
  if (specs.length === 0) {
    console.log("\nNo browser tests yet (tests/e2e/*.spec.ts): Playwright skipped.");
    return true;
  }
  heading(`playwright (${specs.length} spec file${specs.length === 1 ? "" : "s"})`);
  const file = path.join(output, "playwright.json");
  let adminUrl;
  // One database per browser-test server (see playwright.config.ts).
  const names = [];
  try {
    adminUrl = testAdminUrl();
    const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: file };
    for (const [variable, kind] of [
      ["E2E_DATABASE_URL", "e2e"],
      ["E2E_CYCLE_BROWSER_DATABASE_URL", "e2e_cycle_browser"],
      ["E2E_CYCLE_API_DATABASE_URL", "e2e_cycle_api"],
      ["E2E_SCALE_DATABASE_URL", "e2e_scale"],
    ]) {
      const name = freshDatabaseName(kind);
      env[variable] = await createDatabase(adminUrl, name);
      names.push(name);
    }
    console.log(`Browser tests use databases ${names.join(", ")}.`);
    // The large-roadmap specs (tests/e2e/scale) read a synthetic programme: the same arguments as
    // SCALE_SEED_ARGS in playwright.config.ts. The server keeps a database that already has a roadmap.
    const seeded = await run("npx", ["tsx", "scripts/seed-synthetic.ts", "--scale", "10", "--updates", "2"], { DATABASE_URL: env.E2E_SCALE_DATABASE_URL });
    if (seeded !== 0) throw new Error(`seeding the scale database failed (exit code ${seeded})`);
    const code = await run("npx", ["playwright", "test", "--reporter=list,json"], env);
    const stats = readJson(file)?.stats;
    const counts = stats && {
      passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
      failed: stats.unexpected ?? 0,
      skipped: stats.skipped ?? 0,
    };
    return record("playwright", code, counts);
  } catch (error) {
    console.error(`\nBrowser tests could not start: ${error instanceof Error ? error.message : String(error)}`);
    return record("playwright", 1, undefined);
  } finally {
    for (const name of names) await dropDatabase(adminUrl, name).catch((error) => console.error(`Could not drop ${name}: ${error.message}`));
  }
}

function summary() {
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
  process.stdout.write(`\n${line}\n`);
}

async function main() {
  fs.rmSync(output, { recursive: true, force: true });
  fs.mkdirSync(output, { recursive: true });
  const steps = [() => vitest("Europe/London"), () => vitest("America/Los_Angeles"), () => vitest("Australia/Sydney", "unit")];
  if (!unitOnly) steps.push(build, playwright);
  for (const step of steps) {
    const ok = await step();
    if (interrupted) {
      console.error("\nInterrupted.");
      return 130;
    }
    if (!ok) return 1;
  }
  return 0;
}

main()
  .catch((error) => {
    console.error(error);
    totals.failed += 1;
    return 1;
  })
  .then((code) => {
    summary();
    process.exit(totals.failed > 0 && code === 0 ? 1 : code);
  });
