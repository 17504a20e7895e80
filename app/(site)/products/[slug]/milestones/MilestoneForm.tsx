"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Radios, Select, TextInput, Textarea, DateInput } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { PeriodInput } from "@/components/forms/PeriodInput";
import { MILESTONE_STATUS_LABEL } from "@/lib/roadmap/view";
import { MILESTONE_STATUSES } from "@/lib/roadmap/types";
import { saveMilestone } from "./actions";

const ORDER = ["title", "forecast", "status", "actualOn", "phaseKey", "notes"];

export function MilestoneForm({
  productSlug, id, initial, phases, cancelHref,
}: {
  productSlug: string; id?: number; initial: FormState; phases: Array<{ key: string; name: string }>; cancelHref: string;
}) {
  const [state, action] = useActionState(saveMilestone, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="milestone" hidden={{ productSlug, id }} submit="Save milestone" cancelHref={cancelHref}>
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <TextInput name="title" label="Milestone" hint="For example, Beta release" defaultValue={v.title} error={state.errors.title} />
      <PeriodInput
        name="forecast"
        legend="Target date"
        hint="When it is now expected. Once published, the first target is kept as the baseline and any change shows as slippage."
        values={v}
        error={state.errors.forecast}
      />
      <Radios
        name="status"
        legend="Status"
        defaultValue={v.status}
        error={state.errors.status}
        options={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABEL[s] }))}
      />
      <DateInput
        name="actualOn"
        legend="Date done (only when the status is Done)"
        hint="For example, 27 3 2022"
        error={state.errors.actualOn}
        values={{ day: v["actualOn-day"], month: v["actualOn-month"], year: v["actualOn-year"] }}
      />
      <Select
        name="phaseKey"
        label="Phase it marks (optional)"
        hint="The phase this milestone starts or concludes, if any"
        defaultValue={v.phaseKey}
        error={state.errors.phaseKey}
        options={[{ value: "", label: "None" }, ...phases.map((p) => ({ value: p.key, label: p.name }))]}
      />
      <Textarea name="notes" label="Notes (optional)" defaultValue={v.notes} error={state.errors.notes} />
    </EditForm>
  );
}
