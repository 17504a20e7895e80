#!/usr/bin/env node
/**
 * `npm run bench` (issue 7): speed and scale, measured against the limit, with the budgets checked.
 *
 *   1. builds the app if there is no build or the code changed since (as `npm start` does);
 *   2. makes its own PostgreSQL databases on TEST_DATABASE_ADMIN_URL and seeds them with the synthetic
 *      programme (scripts/seed-synthetic.ts) at scale 1, 10 and 100, and scale 1 with 10x the history;
 *      and an embedded PGlite folder at scale 1;
 *   3. for each, starts the production server (server.mjs, NODE_ENV=production, a port of its own) with
 *      scripts/bench/count-queries.mjs preloaded to count database round trips, signs in through the
 *      sign-in form as a plain HTTP client (the form works without JavaScript), and measures each row
 *      with autocannon (warm-up, then BENCH_SECONDS with BENCH_CONNECTIONS), plus sequential requests
 *      for the round trips and the server time of one request alone;
 *   4. writes bench/results/<date>-<commit>.json and bench/results/latest.md, prints the table, and
 *      exits 1 when a budget is missed (2 when the bench itself could not run).
 *
 * Options: --skip-build (use the build there is), --quick (scale 1 rows only: no budgets on scale).
 * Environment: TEST_DATABASE_ADMIN_URL, BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10).
 */
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { createDatabase, dropDatabase, testAdminUrl } from "../../tests/setup/test-databases.mjs";
import { checkBudgets, markdownTable } from "./report.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const unknown = args.filter((a) => !["--skip-build", "--quick"].includes(a));
if (unknown.length) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: npm run bench [-- --skip-build] [-- --quick]`);
  process.exit(2);
}
const quick = args.includes("--quick");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = 1;
const SEQUENTIAL = 5;
/** A first PDF render that takes longer than this is counted as failed (the server is then stopped with it). */
const RENDER_TIMEOUT_MS = 120_000;
const BASE_UPDATES = 4;

const log = (line) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------- build

const SOURCES = ["app", "components", "lib", "drizzle", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
function newestChange(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(full).reduce((latest, name) => Math.max(latest, newestChange(path.join(entry, name))), stat.mtimeMs);
}
function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (args.includes("--skip-build") && built) return log("--skip-build: using the build there is");
  if (built && !SOURCES.some((s) => newestChange(s) > built)) return log("build is up to date");
  log(built ? "the code changed since the last build: building (npx next build)…" : "no build yet: building (npx next build)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

// ---------------------------------------------------------------- helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function git(...gitArgs) {
  try {
    return execFileSync("git", gitArgs, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function seed(target, scale, updates) {
  const seedArgs = ["tsx", "scripts/seed-synthetic.ts", "--scale", String(scale), "--updates", String(updates)];
  const env = { ...process.env };
  if (target.pgliteDir) {
    seedArgs.push("--pglite-dir", target.pgliteDir);
    delete env.DATABASE_URL;
  } else env.DATABASE_URL = target.url;
  const result = spawnSync("npx", seedArgs, { cwd: root, encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`seed:synthetic --scale ${scale} --updates ${updates} failed:\n${result.stderr || result.stdout}`);
  log(result.stdout.trim());
}

/** VmRSS / VmHWM of one process, in bytes (0 when it has gone). */
function procStatus(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and all its descendants (Chromium for PDFs). */
function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone */
    }
  }
  const all = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    all.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return all;
}

/** Proportional set size (shared pages divided among sharers) of a process, in bytes. */
function pss(pid) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The server's peak RSS (the kernel keeps it: VmHWM, read before the server stops, and VmRSS sampled
 * cheaply as a check), and while PDFs render, the PSS of the server with its Chromium processes
 * (scanning /proc costs CPU the server would otherwise have, so only then).
 */
function memorySampler(pid) {
  const peak = { serverRss: 0, treePss: 0 };
  const sampleServer = () => (peak.serverRss = Math.max(peak.serverRss, procStatus(pid, "VmRSS"), procStatus(pid, "VmHWM")));
  const sampleTree = () => (peak.treePss = Math.max(peak.treePss, processTree(pid).reduce((sum, p) => sum + pss(p), 0)));
  const timer = setInterval(sampleServer, 500);
  let treeTimer = null;
  return {
    peak,
    /** Runs `work` with the process tree sampled every 250 ms. */
    async whileRendering(work) {
      sampleTree();
      treeTimer = setInterval(sampleTree, 250);
      try {
        return await work();
      } finally {
        clearInterval(treeTimer);
        sampleTree();
      }
    },
    stop() {
      clearInterval(timer);
      sampleServer();
      peak.treePss = Math.max(peak.treePss, pss(pid));
      return peak;
    },
  };
}

// ---------------------------------------------------------------- the server

async function startServer(name, target) {
  const port = await freePort();
  const counterPort = await freePort();
  const password = randomBytes(18).toString("base64url");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SEED_DEMO_USERS: "true",
    DEMO_PASSWORD: password,
    BENCH_COUNTER_PORT: String(counterPort),
  };
  if (target.pgliteDir) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = target.pgliteDir;
  } else env.DATABASE_URL = target.url;
  const child = spawn(process.execPath, ["--import", "./scripts/bench/count-queries.mjs", "server.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: server not ready in 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes("Ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: server exited (${code}) before it was ready:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  const server = {
    name,
    pid: child.pid,
    base: `http://127.0.0.1:${port}`,
    startMs: performance.now() - started,
    password,
    output: () => output,
    async queries() {
      const response = await fetch(`http://127.0.0.1:${counterPort}/`);
      return (await response.json()).queries;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return server;
}

function decodeEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Signs in as a browser without JavaScript does: GET /sign-in, post its form (multipart, with the
 * hidden fields that name the server action) and keep the session cookie the 303 answer sets.
 */
async function signIn(server, email) {
  const page = await fetch(`${server.base}/sign-in`);
  const html = await page.text();
  const form = html.match(/<form[^>]*>([\s\S]*?)<\/form>/)?.[1];
  if (!form) throw new Error("no form on /sign-in");
  const body = new FormData();
  for (const input of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = Object.fromEntries([...input[1].matchAll(/([\w$:-]+)="([^"]*)"/g)].map((m) => [m[1], decodeEntities(m[2])]));
    if (attrs.type === "hidden" && attrs.name) body.append(attrs.name, attrs.value ?? "");
  }
  body.set("email", email);
  body.set("password", server.password);
  body.set("returnTo", "/");
  const response = await fetch(`${server.base}/sign-in`, { method: "POST", body, redirect: "manual", headers: { origin: server.base } });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("next-auth.session-token="));
  if (!cookie) throw new Error(`sign-in did not set a session cookie (status ${response.status})`);
  const check = await fetch(`${server.base}/`, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`signed in, but / answered ${check.status}`);
  return cookie;
}

async function getJson(server, cookie, url) {
  const response = await fetch(`${server.base}${url}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

const scriptSizes = new Map();
/** Sum of the gzip sizes of the <script src> chunks a page references. */
async function clientJs(server, cookie, url) {
  const html = await (await fetch(`${server.base}${url}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => decodeEntities(m[1])))];
  let total = 0;
  for (const src of sources) {
    if (!scriptSizes.has(src)) {
      const bytes = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
      scriptSizes.set(src, zlib.gzipSync(bytes, { level: 9 }).length);
    }
    total += scriptSizes.get(src);
  }
  return { bytes: total, chunks: sources.length };
}

/** Waits until requests left over from a load run have finished (the query count stops moving). */
async function quiesce(server) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
  await pause();
  if (!server.counted) return pause();
  let last = await server.queries();
  for (let i = 0; i < 200; i++) {
    await pause();
    const now = await server.queries();
    if (now === last) return;
    last = now;
  }
}

/**
 * Round trips per request and the server time of one request alone (median of sequential requests),
 * each rendered afresh: Cache-Control: no-cache makes the readers' page cache render it again (as for
 * the first reader after a change), where the load runs get what a reader re-reading a page gets.
 * The first request is counted on its own (`coldRoundTrips`): it may fill the in-memory caches of
 * published snapshots and their files, which every later request reads. The budgets use the rest.
 */
async function sequential(server, cookie, url, count = SEQUENTIAL) {
  await quiesce(server);
  const times = [];
  const statuses = [];
  const cold = await server.queries();
  const first = await fetch(`${server.base}${url}`, { headers: { cookie, "cache-control": "no-cache" } });
  await first.arrayBuffer();
  if (!first.ok) statuses.push(first.status);
  const before = await server.queries();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${server.base}${url}`, { headers: { cookie, "cache-control": "no-cache" } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) statuses.push(response.status);
  }
  const after = await server.queries();
  times.sort((a, b) => a - b);
  return { roundTrips: (after - before) / count, coldRoundTrips: before - cold, serverMs: times[Math.floor(times.length / 2)], failures: statuses.length, statuses };
}

async function load(server, cookie, url, seconds) {
  const result = await autocannon({ url: `${server.base}${url}`, connections: CONNECTIONS, duration: seconds, timeout: 30, headers: { cookie } });
  return result;
}

/** A load run's figures; a run in which no request came back at all has measured nothing, a failure too. */
function loadFigures(result) {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + (result.requests.total === 0 ? 1 : 0),
  };
}

async function measureRow(server, cookie, row, alone) {
  // At scale 100 a page takes seconds: three requests tell its round trips and time alone.
  const seq = await sequential(server, cookie, row.url, alone ? 3 : SEQUENTIAL);
  if (alone && row.key !== "static") {
    return { row: row.key, label: row.label, url: row.url, requestsPerSecond: null, p50Ms: null, p99Ms: null, requests: 0, failures: seq.failures, roundTrips: server.counted ? seq.roundTrips : null, coldRoundTrips: server.counted ? seq.coldRoundTrips : null, serverMs: seq.serverMs };
  }
  await load(server, cookie, row.url, WARMUP_SECONDS);
  const figures = loadFigures(await load(server, cookie, row.url, SECONDS));
  return {
    row: row.key,
    label: row.label,
    url: row.url,
    ...figures,
    failures: seq.failures + figures.failures,
    roundTrips: server.counted ? seq.roundTrips : null,
    coldRoundTrips: server.counted ? seq.coldRoundTrips : null,
    serverMs: seq.serverMs,
  };
}

/**
 * The cached PDF's own bytes sent by a bare Node.js server from memory: what the load generator itself
 * takes to read them. autocannon reads a real PDF far slower than a small file (about 850 a second for a
 * 260 KB one on two cores, where a 260 KB buffer of one repeated byte goes at 14,000), whatever serves it,
 * so the static file alone is no limit for that row.
 */
async function bareFileRow(bytes, contentType) {
  const file = path.join(os.tmpdir(), `nledp-bench-${process.pid}.bin`);
  fs.writeFileSync(file, bytes);
  const port = await freePort();
  const source = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":${JSON.stringify(contentType)},"content-length":b.length});r.end(b)}).listen(${port},"127.0.0.1",()=>console.log("ready"))`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise((resolve, reject) => {
      child.stdout.once("data", resolve);
      child.once("exit", (code) => reject(new Error(`the bare file server stopped (${code})`)));
    });
    const bare = { base: `http://127.0.0.1:${port}` };
    await load(bare, "", "/", WARMUP_SECONDS);
    return {
      row: "pdf-bytes",
      label: "The same PDF's bytes from a bare Node.js server: the limit for the PDF",
      url: null,
      ...loadFigures(await load(bare, "", "/", SECONDS)),
      roundTrips: null,
      serverMs: null,
    };
  } finally {
    child.kill();
    fs.rmSync(file, { force: true });
  }
}

/** The first request for a PDF no one has asked for yet: Chromium is launched and the print page rendered. */
async function firstRender(server, cookie, slug) {
  const started = performance.now();
  try {
    const response = await fetch(`${server.base}/updates/${slug}/pdf?quarters=calendar`, { headers: { cookie }, signal: AbortSignal.timeout(RENDER_TIMEOUT_MS) });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    const ok = response.ok && body.subarray(0, 5).toString() === "%PDF-";
    return { ok, ms, status: response.status, bytes: body.length };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, status: error?.name === "TimeoutError" ? `no answer in ${RENDER_TIMEOUT_MS / 1000} s` : String(error), bytes: 0 };
  }
}

// ---------------------------------------------------------------- one dataset

async function benchDataset(dataset) {
  log(`${dataset.name}: starting the server`);
  const server = await startServer(dataset.name, dataset.target);
  server.counted = !dataset.target.pgliteDir;
  const memory = memorySampler(server.pid);
  try {
    const cookie = await signIn(server, "clerk@example.gov.uk");
    const updates = (await getJson(server, cookie, "/api/v1/updates?perPage=100")).items ?? [];
    const published = updates.filter((u) => u.state === undefined || u.state === "published").map((u) => u.slug);
    if (published.length < 2) throw new Error(`${dataset.name}: fewer than two published updates (${JSON.stringify(updates).slice(0, 200)})`);
    const latest = published[0];
    const oldest = published[published.length - 1];
    const productList = (await getJson(server, cookie, "/api/v1/roadmap")).roadmap?.products ?? [];
    const product = productList[Math.floor(productList.length / 2)]?.slug;
    if (!product) throw new Error(`${dataset.name}: no product slug in /api/v1/roadmap`);
    // Programme staff read the live roadmap (the draft), not the snapshot: the heavier path.
    const editorCookie = await signIn(server, "editor@example.gov.uk");

    const ROWS = [
      { key: "static", label: "Static file (/robots.txt): the limit", url: "/robots.txt" },
      // Not a budget row: the least any dynamic answer of this server costs (the proxy, one query, no page).
      { key: "health", label: "Health check (/health): the framework's floor", url: "/health" },
      { key: "overview", label: "Overview, clerk (published update)", url: "/" },
      { key: "timeline", label: "Timeline, clerk", url: "/timeline" },
      { key: "product", label: "Product page, clerk", url: `/products/${product}` },
      { key: "compare", label: "Comparison of two updates", url: `/updates/compare?from=${oldest}&to=${latest}` },
      { key: "api", label: "API roadmap JSON", url: "/api/v1/roadmap" },
      { key: "overview-editor", label: "Overview, editor (live roadmap)", url: "/", editor: true },
      { key: "timeline-editor", label: "Timeline, editor (live roadmap)", url: "/timeline", editor: true },
      { key: "product-editor", label: "Product page, editor (live roadmap)", url: `/products/${product}`, editor: true },
    ];
    const PDF_ROW = { key: "pdf", label: "Cached PDF download", url: `/updates/${latest}/pdf?quarters=calendar` };
    const rows = [];
    for (const row of ROWS) {
      const measured = await measureRow(server, row.editor ? editorCookie : cookie, row, dataset.alone);
      log(`${dataset.name}: ${row.key} ${Math.round(measured.requestsPerSecond ?? 0)} req/s, alone ${Math.round(measured.serverMs)} ms, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ${measured.roundTrips ?? "–"} round trips${measured.failures ? `, ${measured.failures} FAILED` : ""}`);
      rows.push(measured);
    }
    // The first request for the latest update's PDF (none is kept yet): Chromium launched, print page rendered.
    const first = await memory.whileRendering(() => firstRender(server, cookie, latest));
    log(`${dataset.name}: first PDF render ${first.ok ? "ok" : `FAILED (${first.status})`} in ${Math.round(first.ms)} ms`);
    const firstRow = { row: "first-pdf", label: "First PDF render (one, cold)", url: `/updates/${latest}/pdf`, requestsPerSecond: null, p50Ms: first.ms, p99Ms: null, requests: 1, failures: first.ok ? 0 : 1, status: first.status, roundTrips: null, serverMs: first.ms };
    if (first.ok) {
      const measured = await measureRow(server, cookie, PDF_ROW, dataset.alone);
      log(`${dataset.name}: pdf ${Math.round(measured.requestsPerSecond ?? 0)} req/s, p50 ${measured.p50Ms} ms, ${measured.roundTrips ?? "–"} round trips, alone ${Math.round(measured.serverMs)} ms`);
      rows.push(measured);
      if (!dataset.alone) {
        const bytes = Buffer.from(await (await fetch(`${server.base}${PDF_ROW.url}`, { headers: { cookie } })).arrayBuffer());
        const bare = await bareFileRow(bytes, "application/pdf");
        log(`${dataset.name}: the PDF's ${Math.round(bytes.length / 1024)} KB from a bare server ${Math.round(bare.requestsPerSecond)} req/s, p50 ${bare.p50Ms} ms`);
        rows.push(bare);
      }
    } else {
      rows.push({ ...PDF_ROW, row: "pdf", requestsPerSecond: null, p50Ms: null, p99Ms: null, requests: 0, failures: 1, roundTrips: null, serverMs: null });
    }
    rows.push(firstRow);

    const js = {};
    for (const [key, url] of [["minimum", "/bench-no-such-page"], ["sign-in", "/sign-in"], ["overview", "/"], ["timeline", "/timeline"], ["product", `/products/${product}`], ["compare", `/updates/compare?from=${oldest}&to=${latest}`], ["update", `/updates/${latest}`]]) {
      js[key] = await clientJs(server, key === "sign-in" ? "" : cookie, url);
    }

    let tenRenders = null;
    if (dataset.tenRenders) {
      const slugs = published.filter((s) => s !== latest).slice(0, 10);
      log(`${dataset.name}: ten first PDF renders at once (${slugs.join(", ")})`);
      const started = performance.now();
      const results = await memory.whileRendering(() => Promise.all(slugs.map((slug) => firstRender(server, cookie, slug))));
      tenRenders = {
        count: results.length,
        succeeded: results.filter((r) => r.ok).length,
        statuses: results.map((r) => r.status),
        wallMs: performance.now() - started,
        slowestMs: Math.max(...results.map((r) => r.ms)),
      };
      log(`${dataset.name}: ${tenRenders.succeeded}/${tenRenders.count} succeeded in ${Math.round(tenRenders.wallMs)} ms`);
    }
    const peak = memory.stop();
    return { name: dataset.name, database: dataset.database, scale: dataset.scale, updates: dataset.updates, alone: !!dataset.alone, product, latest, oldest, startMs: server.startMs, rows, js, tenRenders, peakServerRssBytes: peak.serverRss, peakTreePssBytes: peak.treePss };
  } catch (error) {
    console.error(server.output().split("\n").slice(-30).join("\n"));
    throw error;
  } finally {
    memory.stop();
    await server.stop();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  buildIfNeeded();
  const adminUrl = testAdminUrl();
  const stamp = `${Date.now()}_${process.pid}`;
  const made = [];
  const folders = [];
  const cleanup = async () => {
    for (const name of made.splice(0)) await dropDatabase(adminUrl, name).catch((e) => console.error(`could not drop ${name}: ${e.message}`));
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)));

  const plan = [
    { name: "pg-s1", database: "postgres", scale: 1, updates: BASE_UPDATES },
    { name: "pg-s1-history", database: "postgres", scale: 1, updates: BASE_UPDATES * 10, tenRenders: true },
    ...(quick ? [] : [
      { name: "pg-s10", database: "postgres", scale: 10, updates: BASE_UPDATES },
      // Pages take seconds each at this size: measured one request at a time (round trips, time alone), not under load.
      { name: "pg-s100", database: "postgres", scale: 100, updates: BASE_UPDATES, alone: true },
    ]),
    { name: "pglite-s1", database: "pglite", scale: 1, updates: BASE_UPDATES },
  ];
  const datasets = [];
  try {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const postgresVersion = (await client.query("SHOW server_version")).rows[0].server_version;
    await client.end();

    for (const entry of plan) {
      let target;
      if (entry.database === "pglite") {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), "nledp-bench-pglite-"));
        folders.push(folder);
        target = { pgliteDir: path.join(folder, "pglite") };
      } else {
        const name = `nledp_bench_${entry.name.replace(/-/g, "_")}_${stamp}`;
        target = { url: await createDatabase(adminUrl, name) };
        made.push(name);
      }
      seed(target, entry.scale, entry.updates);
      datasets.push(await benchDataset({ ...entry, target }));
      await cleanup();
    }

    const commit = git("rev-parse", "HEAD");
    const dirty = git("status", "--porcelain").length > 0;
    const now = new Date();
    const results = {
      measuredAt: now.toISOString(),
      commit,
      commitShort: commit.slice(0, 7),
      workingTreeChanged: dirty,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryBytes: os.totalmem(),
        platform: `${os.type()} ${os.release()}`,
        node: process.version,
        postgres: postgresVersion,
      },
      settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, sequentialRequests: SEQUENTIAL, baseUpdates: BASE_UPDATES, quick },
      datasets,
    };
    results.budgets = checkBudgets(results);
    const table = markdownTable(results);
    const dir = path.join(root, "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${now.toISOString().slice(0, 10)}-${results.commitShort}${dirty ? "-dirty" : ""}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, "latest.md"), table);
    console.log(`\n${table}`);
    log(`results: ${path.relative(root, file)} and bench/results/latest.md`);
    const missed = results.budgets.filter((b) => !b.met);
    if (missed.length) {
      console.error(`\n${missed.length} budget${missed.length === 1 ? "" : "s"} missed:\n${missed.map((b) => `  - ${b.name}: ${b.detail}`).join("\n")}`);
      return 1;
    }
    log("every budget met");
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\nThe bench could not run: ${error instanceof Error ? error.stack : error}`);
    process.exit(2);
  },
);
