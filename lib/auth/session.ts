/**
 * The session: a JWT in an HttpOnly, SameSite=Lax cookie, in next-auth's own format and cookie, so
 * sessions made by the password form and by single sign-on read the same. The token only says who
 * signed in: role and active flag are read from the database on every request (current-user.ts).
 */
import { decode, encode, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";

/**
 * Secure cookies when the service's address is https, and always in production on a real database
 * (a deployment behind a TLS-terminating proxy that forgot NEXTAUTH_URL must not send them in clear).
 * Only a local run over http (the embedded default, or tests with an http NEXTAUTH_URL) goes without.
 */
export function secureCookies(): boolean {
  const settings = env();
  if (settings.NEXTAUTH_URL) return settings.NEXTAUTH_URL.startsWith("https://");
  return settings.NODE_ENV === "production" && !!settings.DATABASE_URL;
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionMaxAgeSeconds(): number {
  return env().SESSION_HOURS * 3600;
}

/** uid: the user; sv: their session version when signed in; auth: when they signed in (seconds). */
export type SessionClaims = JWT & { uid?: number; sv?: number; auth?: number };

export async function encodeSession(user: { id: number; name: string; email: string; sessionVersion: number }): Promise<string> {
  return encode({
    token: { sub: String(user.id), uid: user.id, name: user.name, email: user.email, sv: user.sessionVersion, auth: Math.floor(Date.now() / 1000) },
    secret: authSecret(),
    maxAge: sessionMaxAgeSeconds(),
  });
}

export type SessionRef = { userId: number; sessionVersion: number };

/**
 * Whether an account, as read from the database, still honours a session: active, and not ended since
 * (sign-out, password change and deactivation raise the session version).
 */
export function honoursSession(row: { active: boolean; sessionVersion: number } | undefined | null, session: SessionRef): row is { active: boolean; sessionVersion: number } {
  return !!row && row.active && Number(row.sessionVersion) === session.sessionVersion;
}

/**
 * Who a session cookie says signed in, or null if it is missing, forged, expired, or older than the
 * session lifetime counted from the sign-in itself (a token refreshed since does not live longer).
 */
export async function readSession(cookieValue: string | undefined): Promise<SessionRef | null> {
  if (!cookieValue) return null;
  try {
    const claims = (await decode({ token: cookieValue, secret: authSecret() })) as SessionClaims | null;
    const userId = Number(claims?.uid);
    const signedInAt = Number(claims?.auth);
    if (!Number.isInteger(userId) || userId <= 0 || !Number.isInteger(claims?.sv)) return null;
    if (!Number.isFinite(signedInAt) || Date.now() / 1000 - signedInAt > sessionMaxAgeSeconds()) return null;
    return { userId, sessionVersion: claims!.sv! };
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
