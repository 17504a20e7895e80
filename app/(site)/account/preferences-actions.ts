"use server";
// POST (server action) from the quarter style form (on /account and /timeline) — how quarters are labelled for this person. Needs: update:own-account.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress } from "@/lib/auth/current-user";
import { quarterStyleSchema, setQuarterStyle } from "@/lib/auth/preferences";
import { safeReturnTo } from "@/lib/auth/return-to";
import { getDb } from "@/lib/db";

const schema = z.object({ quarterStyle: quarterStyleSchema });

/**
 * Saves the choice and goes back to the page the form was on, so it works as a plain form post
 * without JavaScript. The form always has a choice selected, so a value that fails validation can
 * only come from a hand-made request: nothing is saved and the person goes back as they were.
 */
export async function saveQuarterStyle(form: FormData): Promise<void> {
  const user = await requirePermission("update:own-account");
  const parsed = schema.safeParse({ quarterStyle: form.get("quarterStyle") });
  // Only a path on this site: the form's hidden field could be edited to send people elsewhere.
  const returnTo = form.get("returnTo");
  const back = safeReturnTo(typeof returnTo === "string" ? returnTo : null);
  if (parsed.success) {
    const actor = { userId: user.id, label: user.email, sourceAddress: await clientAddress() };
    await setQuarterStyle(await getDb(), user.id, parsed.data.quarterStyle, actor);
  }
  redirect(back);
}
