/** Runs once when the server starts: open, migrate and seed the database before serving requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openAppDatabase } = await import("@/lib/db");
  const { DatabaseInUseError } = await import("@/lib/db/folder-lock");
  try {
    const connection = await openAppDatabase();
    console.log(`Database ready (${connection.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}).`);
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    // Any other failure (a server that is down, say): keep serving, /health says what is wrong,
    // and the next request tries to connect again.
    console.error("Database not ready:", error instanceof Error ? error.message : error);
  }
}
