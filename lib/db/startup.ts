/** Server start-up (from instrumentation.ts): open, migrate and seed before serving requests. */
import { demoAccountsAtStart } from "@/lib/auth/demo-accounts";
import { openAppDatabase } from "./index";
import { DatabaseInUseError } from "./folder-lock";
import { readEnv } from "@/lib/env";
import { authSecret } from "@/lib/auth/secret";

export async function startDatabase(): Promise<void> {
  try {
    readEnv();
    authSecret();
  } catch (error) {
    // A bad setting stops the server here, with the variable named, not later somewhere unrelated.
    console.error(`\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  try {
    // Serve within a minute whatever the database does: /health then says what is wrong.
    const connection = await Promise.race([
      openAppDatabase(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer from the database within 60 seconds")), 60_000).unref()),
    ]);
    console.log(`Database ready (${connection.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}).`);
    await demoAccountsAtStart(connection.db);
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
