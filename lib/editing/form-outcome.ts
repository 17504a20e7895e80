/**
 * What every edit form's server action does with a refused save: field errors back at the fields,
 * a conflict shown with who changed what and when (and the form's version moved on, so saving again
 * is a deliberate choice to replace their change), a vanished record said plainly. Input is kept.
 */
import type { FormState } from "@/components/forms/form-state";
import { requirePermission } from "@/lib/auth/checkpoint";
import { clientAddress } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/audit/record";
import { viewChange } from "./changes";
import type { Outcome, Versioned } from "./versioned";

/** The checkpoint of every edit action: the person must hold edit:roadmap. Returns them as the audit's actor. */
export async function editorActor(): Promise<Actor> {
  const user = await requirePermission("edit:roadmap");
  return { userId: user.id, label: user.email, sourceAddress: await clientAddress() };
}

export function refusedState<T extends Versioned>(
  outcome: Exclude<Outcome<T>, { kind: "saved" }>,
  values: Record<string, string>,
  noun: string,
): FormState {
  switch (outcome.kind) {
    case "invalid":
      return { errors: outcome.errors, values };
    case "not-found":
      return { errors: {}, values, formError: `This ${noun} no longer exists: it may have been removed` };
    case "conflict":
      return {
        errors: {},
        values: outcome.current ? { ...values, version: String(outcome.current.version) } : values,
        formError: outcome.current
          ? `Your changes were not saved: someone else changed this ${noun} after you opened it`
          : `Your changes were not saved: someone removed this ${noun} after you opened it`,
        conflict: { removed: outcome.current === null, changes: outcome.changes.map(viewChange) },
      };
  }
}

/** A positive whole number from a hidden field, or null. */
export function idFrom(form: FormData, name: string): number | null {
  const raw = form.get(name);
  return typeof raw === "string" && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}
