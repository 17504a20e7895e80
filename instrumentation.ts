/** Runs once when the server starts: the database is opened, migrated and seeded before requests are served. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installReaderCache } = await import("./lib/http/reader-cache");
    installReaderCache();
    const { startDatabase } = await import("./lib/db/startup");
    await startDatabase();
  }
}
