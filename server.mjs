#!/usr/bin/env node
// The production server: Next.js behind a plain Node HTTP server whose one job is to say who the
// client is. Next.js keeps any X-Forwarded-For a client sends, so a client could pose as any address
// (to dodge the sign-in throttle, or to get someone else's address refused). Here the header is
// replaced by the address we can trust: the socket's, or, with TRUSTED_PROXY_HOPS=n proxies of our
// own in front, the address the outermost of them saw. And it sends a signed-in reader's pages from the
// readers' page cache when it holds them (lib/http/reader-cache.ts).
import http from "node:http";
import path from "node:path";
import next from "next";
import { trustedClientAddress } from "./lib/http/trusted-address.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);

const app = next({ dev: false, dir: path.dirname(new URL(import.meta.url).pathname), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

/** The readers' page cache (lib/http/reader-cache.ts), put on globalThis when the app starts. */
const readerCache = () => globalThis[Symbol.for("nledp.readerCache")];

async function serve(request, response) {
  const cache = readerCache();
  const consulted = cache ? await cache.consult(request).catch(() => null) : null;
  if (consulted) {
    if (await cache.answer(consulted, response)) return;
    cache.capture(consulted, request, response);
  }
  await handle(request, response);
}

const server = http.createServer((request, response) => {
  request.headers["x-forwarded-for"] = trustedClientAddress(request.socket.remoteAddress ?? "unknown", request.headers["x-forwarded-for"], trustedHops);
  delete request.headers["x-real-ip"];
  serve(request, response).catch((error) => {
    console.error("Request failed", error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end();
  });
});
server.listen(port, hostname, async () => {
  // Start-up (migrations, seed, demo accounts: instrumentation.ts) runs with the first request: make it
  // now, and say the server is ready only once it has run.
  await fetch(`http://127.0.0.1:${port}/health`).catch(() => {});
  console.log(`Ready on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
