"use server";
// POST (server action) on /account — change one's own password. Needs: update:own-account.
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { encodeSession, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session";
import { recordAttempt, REFUSED_MESSAGE, throttleFor } from "@/lib/auth/throttle";
import { users } from "@/lib/db/schema";
import { fieldErrors, type FormState } from "@/components/forms/form-state";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress } from "@/lib/auth/current-user";
import { passwordProblem } from "@/lib/auth/passwords";
import { changeOwnPassword } from "@/lib/auth/users";
import { getDb } from "@/lib/db";

const schema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256, "Password must be 256 characters or fewer"),
    newPassword: z.string().superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match: type the same new password twice" });

export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("update:own-account");
  const parsed = schema.safeParse({
    currentPassword: form.get("currentPassword") ?? "",
    newPassword: form.get("newPassword") ?? "",
    confirmPassword: form.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values: {} };
  const db = await getDb();
  const address = await clientAddress();
  // Guessing the current password from a stolen session is throttled like signing in.
  const throttle = await throttleFor(db, user.email, address);
  if (throttle.refused) return { errors: {}, values: {}, formError: REFUSED_MESSAGE };
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  const actor = { userId: user.id, label: user.email, sourceAddress: address };
  const changed = await changeOwnPassword(db, user.id, parsed.data.currentPassword, parsed.data.newPassword, actor);
  await recordAttempt(db, user.email, address, changed);
  if (!changed) {
    await recordAudit(db, { actor, action: "user.password_change_failed", entityType: "user", entityId: user.id });
    return { errors: { currentPassword: "Your current password is not correct" }, values: {} };
  }
  // The change ended every session, this one too: give this browser a new one.
  const [fresh] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, user.id));
  (await cookies()).set(sessionCookieName(), await encodeSession({ ...user, sessionVersion: fresh?.sessionVersion ?? 0 }), sessionCookieOptions());
  return { errors: {}, values: {}, done: "Your password has been changed." };
}
