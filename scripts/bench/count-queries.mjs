/**
 * Preloaded into the benchmarked server only (`node --import ./scripts/bench/count-queries.mjs server.mjs`),
 * never by the app itself: counts the database round trips the server makes, without touching app code.
 *
 * node-postgres sends each `client.query()` as one round trip (Parse/Bind/Execute/Sync, or one simple
 * Query), and drizzle makes one `query()` per statement, BEGIN and COMMIT included. So the count of
 * Client.prototype.query calls is the count of round trips. The server loads `pg` as an external package
 * (next.config.ts), from the same node_modules, so it shares this module and its prototype.
 *
 * The count is served on 127.0.0.1:$BENCH_COUNTER_PORT (GET → {"queries": n}), a port of the bench's
 * own, outside the app: nothing about the app changes, and without BENCH_COUNTER_PORT this does nothing.
 */
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const port = Number(process.env.BENCH_COUNTER_PORT);
if (port) {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const pg = require("pg");
  let queries = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    queries += 1;
    return original.apply(this, args);
  };
  http
    .createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ queries }));
    })
    .listen(port, "127.0.0.1")
    .unref();
}
