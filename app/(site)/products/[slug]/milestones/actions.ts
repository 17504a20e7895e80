"use server";
// POST (server actions) on /products/<slug>/milestones/* — add, change or remove a milestone. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { MILESTONE_FORM } from "@/lib/editing/form-specs";
import { addMilestone, removeMilestone, updateMilestone } from "@/lib/editing/milestones";
import { milestoneSchema } from "@/lib/editing/schemas";

export async function saveMilestone(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, MILESTONE_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = milestoneSchema.safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (id !== null && version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the milestone again" };
  const db = await getDb();
  const outcome = id === null
    ? await addMilestone(db, productSlug, parsed.data, actor)
    : await updateMilestone(db, productSlug, id, version!, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, keep, "milestone");
  redirect(`/products/${encodeURIComponent(productSlug)}?done=${id === null ? "milestone-added" : "milestone-saved"}#milestones`);
}

export async function removeMilestoneAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const productSlug = String(form.get("productSlug") ?? "");
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  if (id === null || version === null) redirect(`/products/${encodeURIComponent(productSlug)}`);
  const outcome = await removeMilestone(await getDb(), productSlug, id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`/products/${encodeURIComponent(productSlug)}/milestones/${id}/remove?stale=1`);
  redirect(`/products/${encodeURIComponent(productSlug)}?done=${outcome.kind === "saved" ? "milestone-removed" : "already-removed"}#milestones`);
}
