"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Checkboxes, DateInput, Textarea, TextInput } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { NATIONS } from "@/lib/roadmap/types";
import { recordObservation } from "./actions";

const ORDER = ["observedOn", "forcesLive", "nationsCovered", "note"];

export function ObservationForm({ productSlug, totalForces, initial }: { productSlug: string; totalForces: number; initial: FormState }) {
  const [state, action] = useActionState(recordObservation, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="rollout figure" hidden={{ productSlug }} submit="Record figure">
      <DateInput
        name="observedOn"
        legend="Date of the figure"
        hint="The day the forces were live, today or earlier. For example, 7 10 2021"
        error={state.errors.observedOn}
        values={{ day: v["observedOn-day"], month: v["observedOn-month"], year: v["observedOn-year"] }}
      />
      <TextInput
        name="forcesLive"
        label={`Forces live, out of ${totalForces}`}
        hint={`A whole number from 0 to ${totalForces}`}
        defaultValue={v.forcesLive}
        error={state.errors.forcesLive}
      />
      <Checkboxes
        name="nationsCovered"
        legend="Nations covered"
        hint="Select each nation with at least one force live"
        error={state.errors.nationsCovered}
        defaultValues={v.nationsCovered ? v.nationsCovered.split("\n") : []}
        options={NATIONS.map((n) => ({ value: n, label: n }))}
      />
      <Textarea name="note" label="Note (optional)" hint="Where the figure comes from, for example a report to the committee" defaultValue={v.note} error={state.errors.note} rows={3} />
    </EditForm>
  );
}
