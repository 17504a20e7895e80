/**
 * The one place environment variables are read and checked. A bad value stops start-up with a
 * message that names the variable, rather than failing later somewhere unrelated.
 */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Where the server can reach itself (for rendering PDFs); defaults to http://127.0.0.1:$PORT. */
  INTERNAL_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Signs session tokens. Required with DATABASE_URL; the embedded default keeps one in ./data. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The public address of the service; an https:// address makes the session cookie Secure. */
  NEXTAUTH_URL: z.url().optional(),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  /** Memory for the readers' page cache (lib/http/reader-cache.ts), in MB; 0 turns it off. */
  READER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  SEED_DEMO_USERS: z.enum(["true", "false"]).optional(),
  DEMO_PASSWORD: z.string().optional(),
  /** Single sign-on through an OpenID Connect provider (for example Microsoft Entra ID): on when all three are set. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("your organisation's account"),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** The embedded default: no DATABASE_URL, so PGlite in a local folder. */
export function isEmbedded(e: Env = env()): boolean {
  return !e.DATABASE_URL;
}

export function oidcEnabled(e: Env = env()): boolean {
  return !!(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

export function pgliteDir(e: Env = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.PGLITE_DIR);
}
