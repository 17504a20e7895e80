/**
 * The session: a JWT in an HttpOnly, SameSite=Lax cookie, in next-auth's own format and cookie, so
 * sessions made by the password form and by single sign-on read the same. The token only says who
 * signed in: role and active flag are read from the database on every request (current-user.ts).
 */
import { decode, encode, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";

export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionMaxAgeSeconds(): number {
  return env().SESSION_HOURS * 3600;
}

export type SessionClaims = JWT & { uid?: number };

export async function encodeSession(user: { id: number; name: string; email: string }): Promise<string> {
  return encode({
    token: { sub: String(user.id), uid: user.id, name: user.name, email: user.email },
    secret: authSecret(),
    maxAge: sessionMaxAgeSeconds(),
  });
}

/** The signed-in user's id from a session cookie's value, or null if it is missing, forged or expired. */
export async function userIdFromSession(cookieValue: string | undefined): Promise<number | null> {
  if (!cookieValue) return null;
  try {
    const claims = (await decode({ token: cookieValue, secret: authSecret() })) as SessionClaims | null;
    const id = Number(claims?.uid ?? claims?.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: secureCookies(),
    path: "/",
    maxAge: sessionMaxAgeSeconds(),
  };
}
