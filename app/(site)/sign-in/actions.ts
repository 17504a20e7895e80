"use server";
// POST (server action) on /sign-in — email and password sign-in. Public: it is how one gets a session.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrors, type FormState } from "@/components/forms/form-state";
import { recordAudit } from "@/lib/audit/record";
import { clientAddress } from "@/lib/auth/current-user";
import { encodeSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session";
import { REFUSED_MESSAGE, recordAttempt, throttleFor } from "@/lib/auth/throttle";
import { checkCredentials } from "@/lib/auth/users";
import { safeReturnTo } from "@/lib/auth/return-to";
import { getDb } from "@/lib/db";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254, "Email address must be 254 characters or fewer"),
  password: z.string().min(1, "Enter your password").max(256, "Password must be 256 characters or fewer"),
  returnTo: z.string().max(2000).optional(),
});

/** Said for a wrong email and a wrong password alike, so it never tells whether an account exists. */
const WRONG = "Enter a correct email address and password";

export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "", returnTo: form.get("returnTo") ?? undefined });
  const values = { email: String(form.get("email") ?? "").slice(0, 254) };
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values };
  const { email, password, returnTo } = parsed.data;

  const address = await clientAddress();
  const outcome = await (await getDb()).transaction(async (db) => {
    // One attempt at a time per account: parallel guesses would otherwise all read the old count.
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email.trim().toLowerCase()}`}))`);
    // The audit keeps a fingerprint of what was typed, not the text: people type passwords into the email field.
    const typed = { emailFingerprint: createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16) };
    const anonymous = { userId: null, label: "Sign-in form", sourceAddress: address };
    const throttle = await throttleFor(db, email, address);
    if (throttle.refused) {
      await recordAudit(db, { actor: anonymous, action: "sign_in.refused", entityType: "session", entityId: null, after: typed });
      return "refused" as const;
    }
    if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
    const user = await checkCredentials(db, email, password);
    await recordAttempt(db, email, address, user !== null);
    if (!user) {
      await recordAudit(db, { actor: anonymous, action: "sign_in.failed", entityType: "session", entityId: null, after: typed });
      return "wrong" as const;
    }
    await recordAudit(db, {
      actor: { userId: user.id, label: user.email, sourceAddress: address },
      action: "sign_in.succeeded",
      entityType: "session",
      entityId: user.id,
      after: { method: "password" },
    });
    return user;
  });
  if (outcome === "refused") return { errors: {}, values, formError: REFUSED_MESSAGE };
  if (outcome === "wrong") return { errors: { email: WRONG }, values };
  const user = outcome;
  (await cookies()).set(sessionCookieName(), await encodeSession(user), sessionCookieOptions());
  redirect(safeReturnTo(returnTo));
}
