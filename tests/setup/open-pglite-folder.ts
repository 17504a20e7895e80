/**
 * Child process for tests/integration/folder-lock.test.ts: opens the PGlite folder given as the first
 * argument the way the app does, runs a query, closes it, and prints "opened". If the folder is in use it
 * prints the error's message on stderr and exits 1, as the server does at start-up.
 */
import { sql } from "drizzle-orm";
import { connect } from "@/lib/db/client";
import { DatabaseInUseError } from "@/lib/db/folder-lock";

const folder = process.argv[2];
if (!folder) {
  process.stderr.write("usage: open-pglite-folder.ts <folder>\n");
  process.exit(2);
}

try {
  const connection = await connect({ pgliteDir: folder });
  await connection.db.execute(sql`SELECT 1`);
  await connection.close();
  process.stdout.write("opened\n");
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof DatabaseInUseError ? 1 : 3);
}
