/**
 * The secret that signs session tokens. Set NEXTAUTH_SECRET in any real deployment (every instance
 * must share it). The embedded default makes one on first start and keeps it in ./data, beside the
 * database it belongs to, so that sessions survive a restart.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isEmbedded, pgliteDir } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const settings = env();
  if (settings.NEXTAUTH_SECRET) return (cached = settings.NEXTAUTH_SECRET);
  if (!isEmbedded(settings)) {
    throw new Error("NEXTAUTH_SECRET is not set: it is required with DATABASE_URL (at least 32 random characters, the same on every instance).");
  }
  const file = path.join(path.dirname(pgliteDir(settings)), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}
