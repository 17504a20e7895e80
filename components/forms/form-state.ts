import type { ChangeView } from "@/lib/editing/changes";

/** What a form's server action hands back: errors by field, and the input to show again. */
export type FormState = {
  errors: Record<string, string>;
  /** Values to put back in the fields (never passwords). */
  values: Record<string, string>;
  /** A message for the whole form, shown in the error summary when there is no field to link to. */
  formError?: string;
  /** A confirmation to show after a change that stays on the page. */
  done?: string;
  /** A save refused because someone else changed the record first: what they changed, who and when. */
  conflict?: { removed: boolean; changes: ChangeView[] };
};

export const EMPTY_FORM: FormState = { errors: {}, values: {} };

/** Field errors from a zod error, first message per field, keyed by the field's name. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function formValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")]));
}
