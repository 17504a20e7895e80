/**
 * Turns a submitted form into the input the zod schemas read (the same shape the API takes), keeping
 * every box as typed so the form can show it again. Periods and dates come from GOV.UK date boxes.
 */
import { dateFieldValues, periodFieldNames, periodFieldValues, readDateFields, readPeriodFields } from "./period-fields";

export type FieldSpec =
  | { kind: "text" }
  /** A select or radios whose empty choice means "none" (null). */
  | { kind: "choice" }
  | { kind: "period"; label: string; optional?: boolean }
  | { kind: "date"; label: string; optional?: boolean }
  | { kind: "int"; optional?: boolean }
  | { kind: "list" };

export type FormSpec = Record<string, FieldSpec>;

export type ReadForm = { input: Record<string, unknown>; errors: Record<string, string>; values: Record<string, string> };

function one(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A box that could not be read gets a valid, early stand-in so the schema still checks every other
 * field and all errors show at once; the box's own error is kept first (see errorsByField).
 */
const STAND_IN = { period: { precision: "year", on: "1900-12-31" }, date: "1900-01-01" } as const;

export function readForm(form: FormData, spec: FormSpec): ReadForm {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [name, field] of Object.entries(spec)) {
    switch (field.kind) {
      case "text":
        values[name] = one(form, name);
        input[name] = values[name];
        break;
      case "choice":
        values[name] = one(form, name);
        input[name] = values[name] === "" ? null : values[name];
        break;
      case "int": {
        values[name] = one(form, name);
        const text = values[name].trim();
        input[name] = text === "" ? (field.optional ? null : undefined) : /^-?\d+$/.test(text) ? Number(text) : text;
        break;
      }
      case "list":
        values[name] = form.getAll(name).filter((v): v is string => typeof v === "string").join("\n");
        input[name] = values[name] === "" ? [] : values[name].split("\n");
        break;
      case "period": {
        for (const n of periodFieldNames(name)) values[n] = one(form, n);
        const parsed = readPeriodFields(form, name, field.label);
        if (parsed.kind === "error") errors[name] = parsed.message;
        else if (parsed.kind === "empty") {
          if (field.optional) input[name] = null;
          else errors[name] = `Enter ${field.label.toLowerCase()}`;
        } else input[name] = { precision: parsed.period.precision, on: parsed.period.on };
        if (errors[name]) input[name] = STAND_IN.period;
        break;
      }
      case "date": {
        for (const part of ["day", "month", "year"]) values[`${name}-${part}`] = one(form, `${name}-${part}`);
        const parsed = readDateFields(form, name, field.label);
        if (parsed.kind === "error") errors[name] = parsed.message;
        else if (parsed.kind === "empty") {
          if (field.optional) input[name] = null;
          else errors[name] = `Enter ${field.label.toLowerCase()}`;
        } else input[name] = parsed.on;
        if (errors[name]) input[name] = field.optional ? null : STAND_IN.date;
        break;
      }
    }
  }
  return { input, errors, values };
}

/** The boxes of a form filled from a stored record, for an edit form's first view. */
export function formValuesOf(spec: FormSpec, record: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = record[name];
    if (field.kind === "period") Object.assign(values, periodFieldValues(name, (value as { on: string; precision: never } | null) ?? null));
    else if (field.kind === "date") Object.assign(values, dateFieldValues(name, (value as string | null) ?? null));
    else if (field.kind === "list") values[name] = Array.isArray(value) ? value.join("\n") : "";
    else values[name] = value === null || value === undefined ? "" : String(value);
  }
  return values;
}

/** Field errors keyed by form field name: the zod path's first segment names the field (or its date group). */
export function errorsByField(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, known: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = { ...known };
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
