/**
 * The app's database: opened once per process (kept on globalThis so dev reloads don't leak
 * connections), migrated and seeded before the first query is answered.
 */
import { env, pgliteDir } from "@/lib/env";
import { connect, type Connection, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { seedIfEmpty } from "./seed";

export type { Db };

const holder = globalThis as unknown as { nledpDatabase?: Promise<Connection> };

/** Opens, migrates and seeds the database for this process (once), and returns it. */
export function openAppDatabase(): Promise<Connection> {
  holder.nledpDatabase ??= (async () => {
    const settings = env();
    const connection = await connect(settings.DATABASE_URL ? { url: settings.DATABASE_URL } : { pgliteDir: pgliteDir(settings) });
    try {
      await migrateDatabase(connection);
      await connection.exclusive((db) => seedIfEmpty(db));
      return connection;
    } catch (error) {
      await connection.close().catch(() => {});
      throw error;
    }
  })();
  holder.nledpDatabase.catch(() => {
    holder.nledpDatabase = undefined; // let the next request try again (e.g. the server came back)
  });
  return holder.nledpDatabase;
}

export async function getDb(): Promise<Db> {
  return (await openAppDatabase()).db;
}
