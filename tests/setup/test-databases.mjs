/**
 * Throwaway PostgreSQL databases for tests, made and dropped through an admin connection.
 * Plain JavaScript so that scripts/test.mjs (no TypeScript) and the vitest setup share one copy.
 *
 * The admin URL comes from TEST_DATABASE_ADMIN_URL. It must point at this machine: tests create and
 * drop databases, and a typo must never let them do that on a shared server. ALLOW_REMOTE_TEST_DATABASE=true
 * lifts the guard for someone who means it.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The admin URL to create test databases with, after checking that it is local. */
export function testAdminUrl(env = process.env) {
  const url = env.TEST_DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("TEST_DATABASE_ADMIN_URL is not a URL (expected postgres://user@host:port/database)");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new Error("TEST_DATABASE_ADMIN_URL must start with postgres:// or postgresql://");
  }
  // postgres:///db?host=/var/run/postgresql is a Unix socket: local by definition.
  const socket = parsed.hostname === "" && (parsed.searchParams.get("host") ?? "").startsWith("/");
  if (!socket && !LOCAL_HOSTS.has(parsed.hostname) && env.ALLOW_REMOTE_TEST_DATABASE !== "true") {
    throw new Error(
      `Refusing to create test databases on ${parsed.hostname}: TEST_DATABASE_ADMIN_URL must point at ` +
        `localhost, 127.0.0.1 or ::1. Set ALLOW_REMOTE_TEST_DATABASE=true if you really mean a remote server.`,
    );
  }
  return url;
}

/** "nledp_test_1733240000000_4242": unique per run, and says what made it. */
export function freshDatabaseName(kind = "test") {
  return `nledp_${kind}_${Date.now()}_${process.pid}`;
}

/** A database name that extends `base`, for a scratch database inside one test run. */
export function scratchDatabaseName(base) {
  return `${base}_${randomBytes(4).toString("hex")}`;
}

function checkName(name) {
  // Names are made here, but they end up inside SQL, so hold them to a shape that needs no quoting.
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a safe database name: ${name}`);
  return name;
}

/** The URL of database `name` on the same server, as the same user, as `adminUrl`. */
export function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${checkName(name)}`;
  return url.toString();
}

async function withAdmin(adminUrl, work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its URL. */
export async function createDatabase(adminUrl, name) {
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${checkName(name)}"`));
  return databaseUrl(adminUrl, name);
}

/** Drops the database even if connections are still open on it (PostgreSQL 13+). */
export async function dropDatabase(adminUrl, name) {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${checkName(name)}" WITH (FORCE)`));
}

/** Drops `base` and every scratch database made from it (`base_...`), e.g. ones a crashed test left. */
export async function dropDatabaseFamily(adminUrl, base) {
  checkName(base);
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)",
      [base, `${base}_`],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${checkName(row.datname)}" WITH (FORCE)`);
  });
}
