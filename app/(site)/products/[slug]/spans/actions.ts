"use server";
// POST (server actions) on /products/<slug>/spans/* — add, change or remove a planned phase. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { SPAN_FORM } from "@/lib/editing/form-specs";
import { spanSchema } from "@/lib/editing/schemas";
import { addSpan, removeSpan, updateSpan } from "@/lib/editing/spans";

export async function saveSpan(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, SPAN_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = spanSchema.safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (id !== null && version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the planned phase again" };
  const db = await getDb();
  const outcome = id === null
    ? await addSpan(db, productSlug, parsed.data, actor)
    : await updateSpan(db, productSlug, id, version!, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, keep, "planned phase");
  redirect(`/products/${encodeURIComponent(productSlug)}?done=${id === null ? "span-added" : "span-saved"}#phase-plan`);
}

export async function removeSpanAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  const product = `/products/${encodeURIComponent(productSlug)}`;
  if (id === null || version === null) redirect(product);
  const outcome = await removeSpan(await getDb(), productSlug, id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`${product}/spans/${id}/remove?stale=1`);
  redirect(`${product}?done=${outcome.kind === "saved" ? "span-removed" : "already-removed"}#phase-plan`);
}
