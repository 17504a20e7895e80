"use server";
// POST (server actions) on /draft/update/new, /draft/update, /draft/publish and /draft/discard — start, change, publish or discard the draft quarterly update. Needs: publish:update.
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import type { Actor } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { errorsByField, readForm, type FormSpec } from "@/lib/editing/form-input";
import { idFrom, refusedState } from "@/lib/editing/form-outcome";
import { isUpdateSlug } from "@/lib/roadmap/published";
import {
  changeDraftUpdate,
  changeUpdateSchema,
  discardDraftUpdate,
  publishDraftUpdate,
  startUpdate,
  startUpdateSchema,
} from "@/lib/updates/workflow";

const START_FORM: FormSpec = { year: { kind: "int" }, quarter: { kind: "int" }, title: { kind: "text" }, coveringText: { kind: "text" } };
const CHANGE_FORM: FormSpec = { title: { kind: "text" }, coveringText: { kind: "text" } };

/**
 * The checkpoint of every action here: starting, changing, publishing and discarding the quarterly
 * update all need publish:update (checked here, on the server, whatever the page showed).
 */
async function publisher(): Promise<{ actor: Actor; name: string }> {
  const user = await requirePermission("publish:update");
  return { actor: { userId: user.id, label: user.email, sourceAddress: await clientAddress() }, name: user.name };
}

/** Browsers send a textarea's line breaks as CRLF; the covering text is kept with plain line breaks. */
function plainLines(input: Record<string, unknown>): Record<string, unknown> {
  return typeof input.coveringText === "string" ? { ...input, coveringText: input.coveringText.replace(/\r\n?/g, "\n") } : input;
}

/** A rule about the whole update (one draft at a time, already published) goes to the top of the summary, not to a field. */
function withFormError(state: FormState): FormState {
  const { form, ...errors } = state.errors;
  return form ? { ...state, errors, formError: form } : state;
}

function slugFrom(form: FormData): string | null {
  const slug = form.get("slug");
  return typeof slug === "string" && isUpdateSlug(slug) ? slug : null;
}

export async function startUpdateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await publisher();
  const { input, errors, values } = readForm(form, START_FORM);
  const parsed = startUpdateSchema.safeParse(plainLines(input));
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values };
  }
  const outcome = await startUpdate(await getDb(), parsed.data, actor);
  if (outcome.kind !== "saved") return withFormError(refusedState(outcome, values, "update"));
  redirect("/draft?done=update-started#quarterly-update");
}

export async function changeUpdateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await publisher();
  const slug = slugFrom(form);
  const version = idFrom(form, "version");
  const { input, errors, values } = readForm(form, CHANGE_FORM);
  const keep = { ...values, ...(version ? { version: String(version) } : {}) };
  const parsed = changeUpdateSchema.safeParse(plainLines(input));
  if (!parsed.success || Object.keys(errors).length) {
    return { errors: errorsByField(parsed.success ? [] : parsed.error.issues, errors), values: keep };
  }
  if (slug === null || version === null) return { errors: {}, values: keep, formError: "The form is out of date: open the draft update again" };
  const outcome = await changeDraftUpdate(await getDb(), slug, version, parsed.data, actor);
  if (outcome.kind !== "saved") return withFormError(refusedState(outcome, keep, "draft update"));
  redirect("/draft?done=update-saved#quarterly-update");
}

/** The roadmap fingerprint the confirmation page showed (lib/updates/workflow.ts previewRoadmapHash). */
function roadmapHashFrom(form: FormData): string | null {
  const hash = form.get("roadmapHash");
  return typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

export async function publishUpdateAction(form: FormData): Promise<void> {
  const { actor, name } = await publisher();
  const slug = slugFrom(form);
  const version = idFrom(form, "version");
  const roadmapHash = roadmapHashFrom(form);
  if (slug === null || version === null) redirect("/draft/publish");
  // A confirmation without the fingerprint of what it showed cannot vouch for it: show it again.
  if (roadmapHash === null) redirect("/draft/publish?stale=roadmap");
  const outcome = await publishDraftUpdate(await getDb(), slug, version, actor, name, { roadmapHash });
  switch (outcome.kind) {
    case "saved":
      redirect(`/updates/${outcome.record.slug}?done=update-published`);
    case "conflict":
      // Changed since the page was opened: show it again, as it now is, before anyone publishes it.
      if (outcome.current?.state === "published") redirect(`/updates/${outcome.current.slug}`);
      redirect(outcome.current ? "/draft/publish?stale=1" : "/draft?done=update-already-discarded");
    case "roadmap-changed":
      redirect("/draft/publish?stale=roadmap");
    case "invalid":
    case "not-found":
      redirect("/draft#quarterly-update");
  }
}

export async function discardUpdateAction(form: FormData): Promise<void> {
  const { actor } = await publisher();
  const slug = slugFrom(form);
  const version = idFrom(form, "version");
  if (slug === null || version === null) redirect("/draft");
  const outcome = await discardDraftUpdate(await getDb(), slug, version, actor);
  if (outcome.kind === "conflict" && outcome.current) redirect("/draft/discard?stale=1");
  if (outcome.kind === "invalid") redirect("/draft#quarterly-update");
  redirect(`/draft?done=${outcome.kind === "saved" ? "update-discarded" : "update-already-discarded"}`);
}
