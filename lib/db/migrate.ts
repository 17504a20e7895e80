import path from "node:path";
import type { Connection } from "./client";

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

/** Applies the committed SQL migrations in drizzle/ that have not been applied yet. */
export async function migrateDatabase(connection: Connection): Promise<void> {
  await connection.exclusive(async (db) => {
    const config = { migrationsFolder: MIGRATIONS_FOLDER };
    if (connection.kind === "pglite") {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(db as never, config);
    } else {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(db as never, config);
    }
  });
}
