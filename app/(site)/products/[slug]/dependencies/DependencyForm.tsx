"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { ErrorMessage, FieldWrapper, inputClass, Radios, TextInput, Textarea } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { DEPENDENCY_STATUS_LABEL } from "@/lib/roadmap/view";
import { DEPENDENCY_STATUSES } from "@/lib/roadmap/types";
import { saveDependency } from "./actions";

const ORDER = ["on", "status", "owner", "note"];

type Choice = { value: string; label: string };
export type TargetChoices = { products: Choice[]; factors: Choice[]; milestones: Choice[] };

/** One select for all three kinds of target, grouped, so the choice is a single answer to "depends on what?". */
function TargetSelect({ choices, defaultValue, error }: { choices: TargetChoices; defaultValue?: string; error?: string }) {
  const groups: Array<[string, Choice[]]> = [
    ["Other products", choices.products],
    ["Programme dependencies", choices.factors],
    ["Milestones of other products", choices.milestones],
  ];
  const described = ["on-hint", error ? "on-error" : ""].filter(Boolean).join(" ");
  return (
    <FieldWrapper error={error}>
      <label htmlFor="on" className="mb-1 block font-bold">Depends on</label>
      <p id="on-hint" className="mb-2 text-govuk-secondary">Another product, a programme-level dependency, or a milestone of another product</p>
      <ErrorMessage id="on" error={error} />
      <select
        id="on"
        name="on"
        defaultValue={defaultValue ?? ""}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} w-auto! max-w-full! bg-white ${error ? "border-govuk-red" : ""}`}
      >
        <option value="">Select what it depends on</option>
        {groups.filter(([, list]) => list.length).map(([label, list]) => (
          <optgroup key={label} label={label}>
            {list.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </optgroup>
        ))}
      </select>
    </FieldWrapper>
  );
}

export function DependencyForm({
  productSlug, id, initial, choices, cancelHref,
}: {
  productSlug: string; id?: number; initial: FormState; choices: TargetChoices; cancelHref: string;
}) {
  const [state, action] = useActionState(saveDependency, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="dependency" hidden={{ productSlug, id }} submit="Save dependency" cancelHref={cancelHref}>
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <TargetSelect choices={choices} defaultValue={v.on} error={state.errors.on} />
      <Radios
        name="status"
        legend="Status"
        defaultValue={v.status}
        error={state.errors.status}
        options={DEPENDENCY_STATUSES.map((s) => ({ value: s, label: DEPENDENCY_STATUS_LABEL[s] }))}
      />
      <TextInput name="owner" label="Owner (optional)" hint="The person or team responsible for it" defaultValue={v.owner} error={state.errors.owner} />
      <Textarea name="note" label="Note (optional)" defaultValue={v.note} error={state.errors.note} />
    </EditForm>
  );
}
