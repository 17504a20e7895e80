"use client";
/**
 * The draft quarterly update's form: to start one (its quarter, title and covering text) or to change
 * the title and covering text of the one being prepared (the quarter is fixed once started).
 */
import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Radios, Textarea, TextInput } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { changeUpdateAction, startUpdateAction } from "./actions";

const QUARTERS = [
  { value: "1", label: "Q1 (January to March)" },
  { value: "2", label: "Q2 (April to June)" },
  { value: "3", label: "Q3 (July to September)" },
  { value: "4", label: "Q4 (October to December)" },
];

function Fields({ state }: { state: FormState }) {
  const v = state.values;
  return (
    <>
      <TextInput
        name="title"
        label="Title"
        hint="As it appears on the update and its PDF, for example NLEDP product roadmap, January 2022"
        defaultValue={v.title}
        error={state.errors.title}
      />
      <Textarea
        name="coveringText"
        label="Covering text"
        hint="The letter or summary that introduces the update. Separate paragraphs with a blank line; start lines with “- ” for a list."
        defaultValue={v.coveringText}
        error={state.errors.coveringText}
        rows={12}
      />
    </>
  );
}

export function StartUpdateForm({ initial }: { initial: FormState }) {
  const [state, action] = useActionState(startUpdateAction, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={["year", "quarter", "title", "coveringText"]} noun="update" hidden={{}} submit="Start the draft update" cancelHref="/draft">
      <TextInput name="year" label="Year" hint="For example, 2022" defaultValue={v.year} error={state.errors.year} />
      <Radios
        name="quarter"
        legend="Quarter"
        hint="Calendar quarters. Each quarter has at most one update, and it must come after the latest published one."
        defaultValue={v.quarter}
        error={state.errors.quarter}
        options={QUARTERS}
      />
      <Fields state={state} />
    </EditForm>
  );
}

export function ChangeUpdateForm({ slug, initial }: { slug: string; initial: FormState }) {
  const [state, action] = useActionState(changeUpdateAction, initial);
  return (
    <EditForm state={state} action={action} fieldOrder={["title", "coveringText"]} noun="draft update" hidden={{ slug }} submit="Save the draft update" cancelHref="/draft">
      <Fields state={state} />
    </EditForm>
  );
}
