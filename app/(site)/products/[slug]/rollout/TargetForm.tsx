"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { TextInput } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { PeriodInput } from "@/components/forms/PeriodInput";
import { addTargetAction } from "./actions";

const ORDER = ["target", "forcesCount"];

export function TargetForm({ productSlug, totalForces, initial }: { productSlug: string; totalForces: number; initial: FormState }) {
  const [state, action] = useActionState(addTargetAction, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="rollout target" hidden={{ productSlug }} submit="Add target">
      <PeriodInput name="target" legend="Target date" hint="When the forces are expected to be live, for example by the end of 2021" values={v} error={state.errors.target} />
      <TextInput
        name="forcesCount"
        label={`Forces expected to be live, out of ${totalForces}`}
        hint={`A whole number from 1 to ${totalForces}`}
        defaultValue={v.forcesCount}
        error={state.errors.forcesCount}
      />
    </EditForm>
  );
}
