"use server";
// POST (server action) on /account — change one's own password. Needs: update:own-account.
import { z } from "zod";
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
  const changed = await changeOwnPassword(await getDb(), user.id, parsed.data.currentPassword, parsed.data.newPassword, {
    userId: user.id,
    label: user.email,
    sourceAddress: await clientAddress(),
  });
  if (!changed) return { errors: { currentPassword: "Your current password is not correct" }, values: {} };
  return { errors: {}, values: {}, done: "Your password has been changed." };
}
