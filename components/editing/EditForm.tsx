"use client";
/**
 * The frame of every edit form: the error summary, the conflict notice when someone saved first, the
 * hidden identity of the record (and the version it was read at), the fields, Save and Cancel.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { ConflictNotice } from "./ConflictNotice";

export function EditForm({
  state, action, fieldOrder, noun, hidden, submit, cancelHref, children,
}: {
  state: FormState;
  action: (form: FormData) => void;
  fieldOrder: string[];
  /** What the record is called in messages: "milestone", "planned phase". */
  noun: string;
  /** Hidden fields naming the record; empty values are left out. The version comes from the state. */
  hidden: Record<string, string | number | undefined>;
  submit: string;
  cancelHref?: string;
  children: ReactNode;
}) {
  const fields = { ...hidden, version: state.values.version };
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.conflict ? undefined : state.formError} fieldOrder={fieldOrder} />
      {state.conflict ? <ConflictNotice conflict={state.conflict} noun={noun} /> : null}
      {/* React resets a form after its action; a new key makes every field (selects too) take the kept values. */}
      <form key={JSON.stringify(state.values)} action={action} noValidate>
        {Object.entries(fields).map(([name, value]) =>
          value === undefined || value === "" ? null : <input key={name} type="hidden" name={name} value={value} />,
        )}
        {children}
        <Button>{submit}</Button>
        {cancelHref ? <Link href={cancelHref} className="inline-block py-2 text-lg">Cancel</Link> : null}
      </form>
    </>
  );
}
