"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Radios, TextInput, Textarea } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { DEPENDENCY_STATUS_LABEL } from "@/lib/roadmap/view";
import { DEPENDENCY_STATUSES } from "@/lib/roadmap/types";
import { saveFactor } from "./actions";

const ORDER = ["title", "description", "status", "owner"];

export function FactorForm({ id, initial, cancelHref }: { id?: number; initial: FormState; cancelHref: string }) {
  const [state, action] = useActionState(saveFactor, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="programme dependency" hidden={{ id }} submit="Save programme dependency" cancelHref={cancelHref}>
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <TextInput name="title" label="Title" hint="For example, A secure and flexible platform" defaultValue={v.title} error={state.errors.title} />
      <Textarea name="description" label="Description" hint="Why delivery of the products depends on it" defaultValue={v.description} error={state.errors.description} />
      <Radios
        name="status"
        legend="Status"
        defaultValue={v.status}
        error={state.errors.status}
        options={DEPENDENCY_STATUSES.map((s) => ({ value: s, label: DEPENDENCY_STATUS_LABEL[s] }))}
      />
      <TextInput name="owner" label="Owner (optional)" hint="The person or team responsible for it" defaultValue={v.owner} error={state.errors.owner} />
    </EditForm>
  );
}
