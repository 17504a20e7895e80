"use server";
// POST (server actions) on /factors/* — add, change or remove a programme-level dependency. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { addFactor, removeFactor, updateFactor } from "@/lib/editing/factors";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { FACTOR_FORM } from "@/lib/editing/form-specs";
import { factorSchema } from "@/lib/editing/schemas";

export async function saveFactor(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, FACTOR_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = factorSchema.safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (id !== null && version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the programme dependency again" };
  const db = await getDb();
  const outcome = id === null ? await addFactor(db, parsed.data, actor) : await updateFactor(db, id, version!, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, keep, "programme dependency");
  redirect(`/?done=${id === null ? "factor-added" : "factor-saved"}#dependencies`);
}

export async function removeFactorAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  if (id === null || version === null) redirect("/#dependencies");
  const outcome = await removeFactor(await getDb(), id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`/factors/${id}/remove?stale=1`);
  redirect(`/?done=${outcome.kind === "saved" ? "factor-removed" : "already-removed"}#dependencies`);
}
