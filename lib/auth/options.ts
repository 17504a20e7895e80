/**
 * next-auth, for single sign-on through an OpenID Connect provider (for example Microsoft Entra ID),
 * turned on by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. Only people who already have an
 * active account here (same email) get in: an administrator adds them first and sets their role.
 * The password form (app/(site)/sign-in) writes the same JWT session cookie itself.
 */
import type { NextAuthOptions } from "next-auth";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { env, oidcEnabled } from "@/lib/env";
import { authSecret } from "./secret";
import { sessionMaxAgeSeconds } from "./session";

async function activeUserByEmail(email: string | null | undefined) {
  if (!email) return null;
  const [row] = await (await getDb())
    .select({ id: users.id, email: users.email, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row?.active ? row : null;
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    // A refused single sign-on comes back to our own sign-in page, which says what happened.
    pages: { error: "/sign-in" },
    providers: oidcEnabled(settings)
      ? [
          {
            id: "oidc",
            name: settings.OIDC_NAME,
            type: "oauth",
            wellKnown: `${settings.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
            clientId: settings.OIDC_CLIENT_ID,
            clientSecret: settings.OIDC_CLIENT_SECRET,
            authorization: { params: { scope: "openid email profile" } },
            idToken: true,
            checks: ["pkce", "state"],
            profile: (p: { sub: string; name?: string; email?: string; preferred_username?: string }) => ({
              id: p.sub,
              name: p.name ?? p.email ?? p.preferred_username ?? p.sub,
              email: p.email ?? p.preferred_username ?? null,
            }),
          },
        ]
      : [],
    callbacks: {
      async signIn({ user, profile }) {
        // An address the provider says it has not verified proves nothing about who this is.
        const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified !== false;
        const found = verified ? await activeUserByEmail(user.email) : null;
        await recordAudit(await getDb(), {
          actor: { userId: found?.id ?? null, label: `Single sign-on: ${user.email ?? "no email"}` },
          action: found ? "sign_in.succeeded" : "sign_in.failed",
          entityType: "session",
          entityId: found?.id ?? null,
          after: { method: "oidc" },
        });
        return !!found;
      },
      async jwt({ token, user }) {
        if (user) {
          const found = await activeUserByEmail(user.email);
          if (found) {
            token.uid = found.id;
            token.sub = String(found.id);
            token.sv = found.sessionVersion;
            token.auth = Math.floor(Date.now() / 1000);
          }
        }
        return token;
      },
    },
  };
}
