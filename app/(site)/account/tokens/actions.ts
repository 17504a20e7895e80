"use server";
// POST (server actions) on /account/tokens — create a personal API token (shown once), revoke one of one's own. Needs: update:own-account.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrors, formValues, type FormState } from "@/components/forms/form-state";
import { createToken, revokeToken, tokenNameSchema } from "@/lib/api/tokens";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";

async function owner() {
  const user = await requirePermission("update:own-account");
  return { user, actor: { userId: user.id, label: user.email, sourceAddress: await clientAddress() } };
}

export async function createApiToken(_previous: FormState, form: FormData): Promise<FormState> {
  const { user, actor } = await owner();
  const values = formValues(form, ["name"]);
  const parsed = tokenNameSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values };
  const made = await createToken(await getDb(), user.id, parsed.data.name, actor);
  revalidatePath("/account/tokens");
  // The only time the token exists outside the request that made it: shown once, never stored.
  return { errors: {}, values: {}, done: JSON.stringify({ name: made.name, token: made.token }) };
}

export async function revokeApiToken(form: FormData): Promise<void> {
  const { user, actor } = await owner();
  const raw = String(form.get("id") ?? "");
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Only the person's own tokens: revokeToken scopes by user, so someone else's id changes nothing.
  const revoked = id !== null && (await revokeToken(await getDb(), user.id, id, actor));
  redirect(revoked ? "/account/tokens?done=revoked" : "/account/tokens");
}
