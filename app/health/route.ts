// GET /health — database reachable and migrations applied; 200 UP or 503 DOWN. No sign-in needed.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openAppDatabase } from "@/lib/db";
import { rowsOf } from "@/lib/db/client";
import { MIGRATIONS_FOLDER } from "@/lib/db/migrate";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3000;

function expectedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

async function checkDatabase() {
  const connection = await openAppDatabase();
  const [row] = await rowsOf<{ applied: number }>(connection.db, sql`SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations`);
  const applied = Number(row?.applied ?? 0);
  const expected = expectedMigrations();
  return { status: applied >= expected ? "UP" : "DOWN", kind: connection.kind, migrations: { applied, expected } } as const;
}

export async function GET() {
  let database: Record<string, unknown>;
  try {
    database = await Promise.race([
      checkDatabase(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS)),
    ]);
  } catch (error) {
    database = { status: "DOWN", error: error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable" };
  }
  const status = database.status === "UP" ? "UP" : "DOWN";
  return Response.json(
    { status, components: { database } },
    { status: status === "UP" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
