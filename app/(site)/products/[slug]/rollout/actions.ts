"use server";
// POST (server actions) on /products/<slug>/rollout — record or remove a rollout figure or target, save the forces' go-live dates. Needs: edit:roadmap.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { getDb } from "@/lib/db";
import { errorsByField, readForm } from "@/lib/editing/form-input";
import { editorActor, idFrom, refusedState } from "@/lib/editing/form-outcome";
import { OBSERVATION_FORM, TARGET_FORM } from "@/lib/editing/form-specs";
import { addObservation, addTarget, policeForceList, readGoLivesForm, removeObservation, removeTarget, saveGoLives, viewGoLivesChange } from "@/lib/editing/rollout";
import { observationSchema, targetSchema } from "@/lib/editing/schemas";
import { totalForces } from "@/lib/editing/lookups";

function pageOf(productSlug: string): string {
  return `/products/${encodeURIComponent(productSlug)}/rollout`;
}

function slugFrom(form: FormData): string {
  return String(form.get("productSlug") ?? "");
}

export async function recordObservation(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = slugFrom(form);
  const db = await getDb();
  const { input, errors, values } = readForm(form, OBSERVATION_FORM);
  const parsed = observationSchema(await totalForces(db)).safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values };
  }
  const outcome = await addObservation(db, productSlug, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, values, "product");
  redirect(`${pageOf(productSlug)}?done=observation-added#observations`);
}

export async function addTargetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = slugFrom(form);
  const db = await getDb();
  const { input, errors, values } = readForm(form, TARGET_FORM);
  const parsed = targetSchema(await totalForces(db)).safeParse(input);
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values };
  }
  const outcome = await addTarget(db, productSlug, parsed.data, actor);
  if (outcome.kind !== "saved") return refusedState(outcome, values, "product");
  redirect(`${pageOf(productSlug)}?done=target-added#targets`);
}

export async function saveGoLivesAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await editorActor();
  const productSlug = slugFrom(form);
  const db = await getDb();
  const { input, errors, values } = readGoLivesForm(form, await policeForceList(db));
  if (!input) return { errors, values };
  const fingerprint = values.fingerprint ?? "";
  const outcome = await saveGoLives(db, productSlug, input, fingerprint, actor);
  switch (outcome.kind) {
    case "saved":
      redirect(`${pageOf(productSlug)}?done=go-lives-saved#go-lives`);
    case "invalid":
      return { errors: outcome.errors, values };
    case "not-found":
      return { errors: {}, values, formError: "This product no longer exists: it may have been removed" };
    case "conflict":
      // The form moves on to the set as it now is, so saving again is a deliberate choice to replace it.
      return {
        errors: {},
        values: { ...values, fingerprint: outcome.current?.fingerprint ?? fingerprint },
        formError: "Your go-live dates were not saved: someone else changed them after you opened this page",
        conflict: { removed: false, changes: outcome.changes.map(viewGoLivesChange) },
      };
  }
}

/** Removals come from the confirmation view (?remove=…); a stale one goes back to it to be checked. */
export async function removeObservationAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const productSlug = slugFrom(form);
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  if (id === null || version === null) redirect(pageOf(productSlug));
  const outcome = await removeObservation(await getDb(), productSlug, id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`${pageOf(productSlug)}?remove=observation-${id}&stale=1`);
  redirect(`${pageOf(productSlug)}?done=${outcome.kind === "saved" ? "observation-removed" : "already-removed"}#observations`);
}

export async function removeTargetAction(form: FormData): Promise<void> {
  const actor = await editorActor();
  const productSlug = slugFrom(form);
  const id = idFrom(form, "id");
  const version = idFrom(form, "version");
  if (id === null || version === null) redirect(pageOf(productSlug));
  const outcome = await removeTarget(await getDb(), productSlug, id, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect(`${pageOf(productSlug)}?remove=target-${id}&stale=1`);
  redirect(`${pageOf(productSlug)}?done=${outcome.kind === "saved" ? "target-removed" : "already-removed"}#targets`);
}
