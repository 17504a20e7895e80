"use server";
// POST (server actions) on /admin/users/* — add a user, change a role, deactivate, reactivate. Needs: manage:users.
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrors, formValues, type FormState } from "@/components/forms/form-state";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress, type SessionUser } from "@/lib/auth/current-user";
import { generatePassword } from "@/lib/auth/passwords";
import { ROLES } from "@/lib/auth/permissions";
import { changeRole, createUser, DuplicateEmailError, newUserSchema, setActive } from "@/lib/auth/users";
import { getDb } from "@/lib/db";

async function adminActor(): Promise<{ user: SessionUser; actor: { userId: number; label: string; sourceAddress: string } }> {
  const user = await requirePermission("manage:users");
  return { user, actor: { userId: user.id, label: user.email, sourceAddress: await clientAddress() } };
}

export async function addUser(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await adminActor();
  const values = formValues(form, ["name", "email", "role"]);
  const parsed = newUserSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values };
  const password = generatePassword();
  try {
    const user = await createUser(await getDb(), { ...parsed.data, password }, actor);
    return {
      errors: {},
      values: {},
      done: JSON.stringify({ id: user.id, name: user.name, email: user.email, password }),
    };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { errors: { email: "There is already an account with this email address" }, values };
    throw error;
  }
}

const idSchema = z.coerce.number().int().positive();

export async function updateRole(form: FormData): Promise<void> {
  const { user, actor } = await adminActor();
  const id = idSchema.safeParse(form.get("id"));
  const role = z.enum(ROLES).safeParse(form.get("role"));
  if (!id.success) redirect("/admin/users");
  if (!role.success) redirect(`/admin/users/${id.data}?error=role`);
  if (id.data === user.id && role.data !== "admin") redirect(`/admin/users/${id.data}?error=own-role`);
  const changed = await changeRole(await getDb(), id.data, role.data, actor);
  redirect(changed ? `/admin/users/${id.data}?done=role` : "/admin/users");
}

export async function updateActive(form: FormData): Promise<void> {
  const { user, actor } = await adminActor();
  const id = idSchema.safeParse(form.get("id"));
  const active = form.get("active") === "true";
  if (!id.success) redirect("/admin/users");
  if (id.data === user.id && !active) redirect(`/admin/users/${id.data}?error=own-account`);
  const changed = await setActive(await getDb(), id.data, active, actor);
  redirect(changed ? `/admin/users/${id.data}?done=${active ? "reactivated" : "deactivated"}` : "/admin/users");
}
