/**
 * The bench's budgets (issue 7) and its Markdown table, from the results run.mjs gathered.
 * Kept apart from run.mjs so they can be read (and re-run on a results JSON) without a server:
 *   node scripts/bench/report.mjs bench/results/<file>.json
 */
import fs from "node:fs";

const GB = 1024 ** 3;
const KB = 1024;
const CURRENT_PAGES = ["overview", "timeline", "product", "overview-editor", "timeline-editor", "product-editor"];
const READ_ONLY_PAGES = ["overview", "timeline", "product", "compare", "update"];

const find = (results, name) => results.datasets.find((d) => d.name === name);
const rowOf = (dataset, key) => dataset?.rows.find((r) => r.row === key);
/**
 * autocannon gives latencies in whole milliseconds: a static file answered in under one reads as a p50
 * of 0 ms. Limits are taken as at least that 1 ms resolution, so a ratio says what was measured.
 */
const RESOLUTION_MS = 1;

/** A row's p50 as a multiple of the static file's in the same run. */
function p50Ratio(dataset, key) {
  const row = rowOf(dataset, key);
  const limit = rowOf(dataset, "static");
  // A row that measured nothing (no request came back) has no ratio, and so meets no budget.
  return row && limit && row.requests > 0 ? row.p50Ms / Math.max(limit.p50Ms, RESOLUTION_MS) : NaN;
}
/** A row's requests per second as a share of the static file's in the same run. */
function throughputShare(dataset, key) {
  const row = rowOf(dataset, key);
  const limit = rowOf(dataset, "static");
  return row && limit && row.requests > 0 ? row.requestsPerSecond / limit.requestsPerSecond : NaN;
}
const fixed = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? "–" : Number(n).toFixed(digits));

export function checkBudgets(results) {
  const budgets = [];
  const add = (name, met, detail) => budgets.push({ name, met: !!met, detail });
  const s1 = find(results, "pg-s1");
  const s10 = find(results, "pg-s10");
  const s100 = find(results, "pg-s100");
  const history = find(results, "pg-s1-history");

  for (const dataset of results.datasets) {
    const failed = dataset.rows.filter((r) => r.failures > 0);
    add(`${dataset.name}: every request answered 2xx`, failed.length === 0, failed.length ? failed.map((r) => `${r.row}: ${r.failures} failed`).join("; ") : "all 2xx");
  }

  if (s1 && s10 && s100) {
    for (const row of s1.rows.filter((r) => r.roundTrips !== null)) {
      const counts = [s1, s10, s100].map((d) => rowOf(d, row.row)?.roundTrips);
      add(`round trips do not grow with the data: ${row.row}`, counts.every((c) => c !== null && c !== undefined && c === counts[0]), `scale 1, 10, 100: ${counts.map((c) => c ?? "not measured").join(", ")}`);
    }
    for (const key of ["timeline", "timeline-editor"]) {
      const ratio = rowOf(s100, key).serverMs / rowOf(s1, key).serverMs;
      add(`${key} server time at scale 100 within 20x scale 1`, ratio <= 20, `${fixed(rowOf(s1, key).serverMs, 1)} ms → ${fixed(rowOf(s100, key).serverMs, 1)} ms alone: ${fixed(ratio, 1)}x`);
    }
  }

  for (const dataset of [s1, find(results, "pglite-s1")].filter(Boolean)) {
    for (const key of CURRENT_PAGES) {
      const ratio = p50Ratio(dataset, key);
      add(`${dataset.name}: ${key} p50 within 3x the static file's`, ratio <= 3, `${fixed(rowOf(dataset, key).p50Ms)} ms vs ${fixed(rowOf(dataset, "static").p50Ms)} ms: ${fixed(ratio, 1)}x`);
    }
    // The limit for a PDF is the static file or, when the load generator takes longer than that to read the
    // PDF's bytes from a bare server, that (run.mjs bareFileRow).
    const pdfRow = rowOf(dataset, "pdf");
    const limitMs = Math.max(rowOf(dataset, "static")?.p50Ms ?? 0, rowOf(dataset, "pdf-bytes")?.p50Ms ?? 0, RESOLUTION_MS);
    const pdf = pdfRow && pdfRow.requests > 0 ? pdfRow.p50Ms / limitMs : NaN;
    add(`${dataset.name}: cached PDF p50 within 2x the static file's (or its own bytes' from a bare server)`, pdf <= 2, `${fixed(pdfRow?.p50Ms)} ms vs ${fixed(rowOf(dataset, "static")?.p50Ms)} ms static, ${fixed(rowOf(dataset, "pdf-bytes")?.p50Ms)} ms bare: ${fixed(pdf, 1)}x`);
  }

  if (s1 && history) {
    for (const row of s1.rows.filter((r) => r.roundTrips !== null)) {
      const grown = rowOf(history, row.row)?.roundTrips;
      add(`round trips do not grow with the history: ${row.row}`, grown === row.roundTrips, `${history.updates / s1.updates}x the published updates: ${row.roundTrips} → ${grown ?? "not measured"}`);
    }
    // Throughput, not p50: autocannon gives latencies in whole milliseconds, and the static file's p50 is
    // 1 or 2 ms from run to run, which alone would halve or double a p50 ratio.
    for (const key of CURRENT_PAGES) {
      const base = throughputShare(s1, key);
      const grown = throughputShare(history, key);
      const slower = base / grown - 1;
      add(`10x history slows ${key} by 10% or less`, slower <= 0.1, `req/s ${fixed(base * 1000, 1)}‰ of static → ${fixed(grown * 1000, 1)}‰ (${fixed(slower * 100, 0)}% slower)`);
    }
  }

  const ten = history?.tenRenders;
  if (ten) {
    add("ten first PDF renders at once all succeed", ten.succeeded === ten.count, `${ten.succeeded}/${ten.count} (statuses ${ten.statuses.join(", ")}), slowest ${fixed(ten.slowestMs / 1000, 1)} s`);
    add("server under 1.5 GB during them (node RSS)", history.peakServerRssBytes < 1.5 * GB, `peak ${fixed(history.peakServerRssBytes / 1024 ** 2, 0)} MB`);
    add("server with its Chromiums under 1.5 GB (PSS)", history.peakTreePssBytes < 1.5 * GB, `peak ${fixed(history.peakTreePssBytes / 1024 ** 2, 0)} MB`);
  }

  if (s1) {
    const minimum = s1.js.minimum.bytes;
    for (const key of READ_ONLY_PAGES) {
      const bytes = s1.js[key].bytes;
      add(`${key} ships at most the framework minimum + 30 KB of JS`, bytes <= minimum + 30 * KB, `${fixed(bytes / KB, 1)} KB vs ${fixed(minimum / KB, 1)} KB minimum (+${fixed((bytes - minimum) / KB, 1)} KB)`);
    }
  }
  return budgets;
}

const JS_KEY = { overview: "overview", timeline: "timeline", product: "product", compare: "compare" }; // as the clerk reads them

export function markdownTable(results) {
  const lines = [];
  const m = results.machine;
  lines.push(`# Benchmark: ${results.measuredAt.slice(0, 16).replace("T", " ")} UTC, commit ${results.commitShort}${results.workingTreeChanged ? " (with uncommitted changes)" : ""}`);
  lines.push("");
  lines.push(`Machine: ${m.cpus} × ${m.cpuModel}, ${fixed(m.memoryBytes / GB, 0)} GB, ${m.platform}; Node.js ${m.node}; PostgreSQL ${m.postgres}.`);
  lines.push(`Each row: ${results.settings.warmupSeconds} s warm-up, then ${results.settings.seconds} s of autocannon with ${results.settings.connections} connections against the production server (server.mjs). ` +
    `Ratios are to the static file measured by the same server in the same run (req/s: higher is better; latency: lower is better). ` +
    `The load runs get what a reader re-reading a page gets: the readers' page cache (lib/http/reader-cache.ts) sends the overview, timeline, product, comparison and update pages and the PDF as kept after their first render, while the database has not changed. ` +
    `Round trips and alone are measured on pages rendered afresh (requests with Cache-Control: no-cache), as the first reader after a change gets them. ` +
    `Round trips: database queries per request, counted over ${results.settings.sequentialRequests} sequential requests after a first one (PGlite runs in-process: not counted); first: that first request's, which may read a published snapshot into memory. ` +
    `Alone: median time of one request rendered afresh with nothing else running. JS: gzip size of the <script src> chunks the page references.`);
  for (const dataset of results.datasets) {
    lines.push("");
    lines.push(`## ${dataset.name}: ${dataset.database === "pglite" ? "embedded PGlite" : "PostgreSQL"}, scale ${dataset.scale}, ${dataset.updates} published updates${dataset.alone ? " (one request at a time only: no load)" : ""}`);
    lines.push("");
    lines.push("| Row | req/s | ×static | p50 ms | ×static | p99 ms | ×static | round trips | first | alone ms | JS gzip KB |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    const limit = rowOf(dataset, "static");
    for (const row of dataset.rows) {
      const js = JS_KEY[row.row] ? fixed(dataset.js[JS_KEY[row.row]].bytes / KB, 1) : "";
      const failed = row.failures ? ` (**${row.row === "first-pdf" ? `failed: ${row.status}` : row.requests === 0 && row.requestsPerSecond !== null ? "no answer within the run" : `${row.failures} failed`}**)` : "";
      const measured = row.p50Ms !== null && row.p50Ms !== undefined && (row.requests > 0 || row.row === "first-pdf");
      lines.push(
        `| ${row.label}${failed} | ${fixed(row.requestsPerSecond, 0)} | ${row.requestsPerSecond ? fixed(row.requestsPerSecond / limit.requestsPerSecond) : "–"} | ${measured ? fixed(row.p50Ms, 0) : "–"} | ${measured ? fixed(row.p50Ms / Math.max(limit.p50Ms, RESOLUTION_MS), 1) : "–"} | ${row.p99Ms ? fixed(row.p99Ms, 0) : "–"} | ${row.p99Ms ? fixed(row.p99Ms / Math.max(limit.p99Ms, RESOLUTION_MS), 1) : "–"} | ${row.roundTrips ?? "–"} | ${row.coldRoundTrips ?? "–"} | ${fixed(row.serverMs, 1)} | ${js} |`,
      );
    }
    lines.push("");
    lines.push(
      `Peak memory: server ${fixed(dataset.peakServerRssBytes / 1024 ** 2, 0)} MB RSS; with Chromium ${fixed(dataset.peakTreePssBytes / 1024 ** 2, 0)} MB PSS. ` +
        `Client JS: framework minimum (404 page) ${fixed(dataset.js.minimum.bytes / KB, 1)} KB, sign-in ${fixed(dataset.js["sign-in"].bytes / KB, 1)} KB, update page ${fixed(dataset.js.update.bytes / KB, 1)} KB.` +
        (dataset.tenRenders ? ` Ten first PDF renders at once: ${dataset.tenRenders.succeeded}/${dataset.tenRenders.count} succeeded, all done in ${fixed(dataset.tenRenders.wallMs / 1000, 1)} s.` : ""),
    );
  }
  lines.push("");
  lines.push("## Budgets");
  lines.push("");
  lines.push("| Budget | Met | Measured |");
  lines.push("|---|---|---|");
  for (const budget of results.budgets) lines.push(`| ${budget.name} | ${budget.met ? "yes" : "**NO**"} | ${budget.detail} |`);
  lines.push("");
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const results = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  results.budgets = checkBudgets(results);
  console.log(markdownTable(results));
}
