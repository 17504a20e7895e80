/**
 * Demo accounts, only as asked: SEED_DEMO_USERS=true with DEMO_PASSWORD makes them with that password;
 * on the embedded default's very first start (no users yet) with neither set, they are made with a
 * random password printed once on the console. With DATABASE_URL, never unless SEED_DEMO_USERS=true.
 */
import type { Db } from "@/lib/db/client";
import { env, isEmbedded, type Env } from "@/lib/env";
import { generatePassword } from "./passwords";
import { countUsers, DEMO_USERS, ensureDemoUsers } from "./users";

export async function demoAccountsAtStart(db: Db, settings: Env = env(), log: (line: string) => void = console.log): Promise<void> {
  if (settings.SEED_DEMO_USERS === "true") {
    if (!settings.DEMO_PASSWORD) throw new Error("SEED_DEMO_USERS=true needs DEMO_PASSWORD: the password to give the demo accounts.");
    await ensureDemoUsers(db, settings.DEMO_PASSWORD);
    log(`Demo accounts ready (${DEMO_USERS.map((u) => u.email).join(", ")}), with the password in DEMO_PASSWORD.`);
    return;
  }
  if (settings.SEED_DEMO_USERS === "false" || !isEmbedded(settings) || settings.DEMO_PASSWORD) return;
  if ((await countUsers(db)) > 0) return;
  const password = generatePassword();
  await ensureDemoUsers(db, password);
  const url = settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`;
  log(
    [
      "",
      "================================================================================",
      " Demo accounts made for this first start. This password is shown only once:",
      "",
      `   Sign in at ${url}/sign-in`,
      "   admin@example.gov.uk   (administrator)",
      "   editor@example.gov.uk  (editor: programme staff)",
      "   clerk@example.gov.uk   (viewer: committee clerk)",
      `   Password: ${password}`,
      "",
      " To make your own administrator instead: npm run user:create",
      "================================================================================",
      "",
    ].join("\n"),
  );
}
