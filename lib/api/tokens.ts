/**
 * Personal API tokens. A token is 32 random bytes (base64url) after "nledp_"; only its SHA-256 is
 * stored, so a copy of the database cannot be used to call the API. The token names a user, not a
 * role: the role is read from the users row on every request, so demoting or deactivating someone
 * changes what their tokens may do at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/current-user";

export const TOKEN_PREFIX = "nledp_";
/** "nledp_" and 43 base64url characters (32 bytes): anything else is refused before any query. */
const TOKEN_SHAPE = /^nledp_[A-Za-z0-9_-]{43}$/;
/** Characters shown to tell tokens apart: "nledp_" and two more would say little, so the first 8 after it. */
const SHOWN = TOKEN_PREFIX.length + 8;
/** lastUsedAt is for people ("used yesterday"), not an access log: writing it on every request would cost a write per call. */
const LAST_USED_RESOLUTION = "1 minute";

export const tokenNameSchema = z.object({
  name: z
    .string({ error: "Enter a name for the token" })
    .trim()
    .min(1, { error: "Enter a name for the token" })
    .max(100, { error: "The name must be 100 characters or fewer" }),
});

/** A token as its owner sees it: never the token or its hash. */
export type TokenListing = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes a token for `userId`. The returned `token` is the only copy there will ever be. */
export async function createToken(db: Db, userId: number, name: string, actor: Actor): Promise<{ id: number; name: string; prefix: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, SHOWN);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId, name, tokenHash: hashToken(token), prefix }).returning({ id: apiTokens.id });
    const id = row!.id;
    await recordAudit(tx, { actor, action: "api_token.created", entityType: "api_token", entityId: id, after: { id, userId, name, prefix } });
    return { id, name, prefix, token };
  });
}

/** The user's tokens, newest first, revoked ones included (so they can see what was revoked and when). */
export async function listTokens(db: Db, userId: number): Promise<TokenListing[]> {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** One of the user's own tokens, or null (someone else's token is not found, not forbidden). */
export async function findToken(db: Db, userId: number, id: number): Promise<TokenListing | null> {
  const [row] = (await listTokens(db, userId)).filter((t) => t.id === id);
  return row ?? null;
}

/** Revokes one of the user's active tokens; false when there is no such active token of theirs. */
export async function revokeToken(db: Db, userId: number, id: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: id,
      before: { id, userId, name: row.name, prefix: row.prefix, revokedAt: null },
      after: { id, userId, name: row.name, prefix: row.prefix, revokedAt: row.revokedAt?.toISOString() ?? null },
    });
    return true;
  });
}

/** The active user a token belongs to, with their role as it is now; null for an unknown, revoked or deactivated one. */
export async function userForToken(db: Db, token: string): Promise<SessionUser | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row || !row.active) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, row.tokenId), sql`(${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < now() - ${LAST_USED_RESOLUTION}::interval)`));
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
