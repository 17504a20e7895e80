"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Radios, Textarea } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { PeriodInput } from "@/components/forms/PeriodInput";
import { saveSpan } from "./actions";

const ORDER = ["phaseKey", "start", "end", "note"];

export function SpanForm({
  productSlug, id, initial, phases, cancelHref,
}: {
  productSlug: string; id?: number; initial: FormState; phases: Array<{ key: string; name: string }>; cancelHref: string;
}) {
  const [state, action] = useActionState(saveSpan, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="planned phase" hidden={{ productSlug, id }} submit={id ? "Save phase" : "Add phase"} cancelHref={cancelHref}>
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <Radios
        name="phaseKey"
        legend="Phase"
        defaultValue={v.phaseKey}
        error={state.errors.phaseKey}
        options={phases.map((p) => ({ value: p.key, label: p.name }))}
      />
      <PeriodInput
        name="start"
        legend="From (optional)"
        hint="When the phase starts. Leave every box empty if it is already under way."
        values={v}
        error={state.errors.start}
      />
      <PeriodInput
        name="end"
        legend="To (optional)"
        hint="When the phase is planned to end. Leave every box empty if it is ongoing."
        values={v}
        error={state.errors.end}
      />
      <Textarea name="note" label="Note (optional)" hint="For example, where a date is inferred rather than stated" defaultValue={v.note} error={state.errors.note} />
    </EditForm>
  );
}
