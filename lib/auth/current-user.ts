/**
 * The signed-in user, read from the database on every request (memoised within one request), so a
 * demoted or deactivated user loses rights at once, not when their token expires.
 */
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import type { Role } from "./permissions";
import { honoursSession, readSession, sessionCookieName, type SessionRef } from "./session";

/** A user as the app handles them: never with a password hash. */
export type SessionUser = { id: number; email: string; name: string; role: Role };

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, sessionVersion: users.sessionVersion };

/** The user a session names, if they are still active and the session has not been ended since. */
export async function sessionUser(session: SessionRef): Promise<SessionUser | null> {
  const [row] = await (await getDb()).select(userColumns).from(users).where(eq(users.id, session.userId));
  if (!honoursSession(row, session)) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSession((await cookies()).get(sessionCookieName())?.value);
  return session === null ? null : sessionUser(session);
});

/**
 * The client's address for the audit trail and throttling. server.mjs replaces X-Forwarded-For with
 * the one address it can trust (see TRUSTED_PROXY_HOPS), so whatever a client sends is never used.
 */
export async function clientAddress(): Promise<string> {
  return ((await headers()).get("x-forwarded-for") || "unknown").slice(0, 64);
}
