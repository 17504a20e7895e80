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
import { sessionCookieName, userIdFromSession } from "./session";

/** A user as the app handles them: never with a password hash. */
export type SessionUser = { id: number; email: string; name: string; role: Role };

export const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active };

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await userIdFromSession((await cookies()).get(sessionCookieName())?.value);
  if (id === null) return null;
  const [row] = await (await getDb()).select(userColumns).from(users).where(eq(users.id, id));
  if (!row || !row.active) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
});

/** The client's address for the audit trail and throttling: the proxy's view of it. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  // The last hop is the one our own server saw; earlier entries are whatever the client claimed.
  return (h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "unknown").slice(0, 64);
}
