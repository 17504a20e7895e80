/** Server start-up (from instrumentation.ts): open, migrate and seed before serving requests. */
import { openAppDatabase } from "./index";
import { DatabaseInUseError } from "./folder-lock";

export async function startDatabase(): Promise<void> {
  try {
    const connection = await openAppDatabase();
    console.log(`Database ready (${connection.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}).`);
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    // Any other failure (a database server that is down, say): keep serving; /health says what
    // is wrong, and the next request tries to connect again.
    console.error("Database not ready:", error instanceof Error ? error.message : error);
  }
}
