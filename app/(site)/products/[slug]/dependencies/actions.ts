"use server";
// POST (server actions) on /products/<slug>/dependencies/* — add, change or remove a product's dependency. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { addDependency, removeDependency, targetFromValue, updateDependency } from "@/lib/editing/dependencies";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { DEPENDENCY_FORM } from "@/lib/editing/form-specs";
import { dependencySchema } from "@/lib/editing/schemas";

export async function saveDependency(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, DEPENDENCY_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = dependencySchema.safeParse({ ...input, on: targetFromValue(values.on ?? "") });
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (id !== null && version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the dependency again" };
  const db = await getDb();
  const outcome = id === null
    ? await addDependency(db, productSlug, parsed.data, actor)
    : await updateDependency(db, productSlug, id, version!, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, keep, "dependency");
  redirect(`/products/${encodeURIComponent(productSlug)}?done=${id === null ? "dependency-added" : "dependency-saved"}#dependencies`);
}

export async function removeDependencyAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  if (id === null || version === null) redirect(`/products/${encodeURIComponent(productSlug)}`);
  const outcome = await removeDependency(await getDb(), productSlug, id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`/products/${encodeURIComponent(productSlug)}/dependencies/${id}/remove?stale=1`);
  redirect(`/products/${encodeURIComponent(productSlug)}?done=${outcome.kind === "saved" ? "dependency-removed" : "already-removed"}#dependencies`);
}
