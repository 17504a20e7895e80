#!/usr/bin/env node
// `npm start`: builds the app if there is no build or the code changed since the last one, then
// serves it with server.mjs (Next.js, with the client's address set from the socket). The server
// migrates and seeds the database as it starts.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "drizzle", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(full).reduce((latest, name) => Math.max(latest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (!built || SOURCES.some((s) => newestChange(s) > built)) {
  console.log(built ? "The code changed since the last build: building again…" : "First start: building the app (about a minute)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT ?? "3000";
process.env.PORT = port;
const server = spawn(process.execPath, [path.join(root, "server.mjs")], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
