"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { Radios, Select, TextInput, Textarea } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { saveProduct } from "./actions";

const ORDER = ["name", "description", "statusSummary", "currentPhaseKey", "parentSlug", "plannedFamilySize"];

export function ProductForm({
  slug, initial, phases, parents, familyNote, cancelHref,
}: {
  /** The product being changed; none when adding. */
  slug?: string;
  initial: FormState;
  phases: Array<{ key: string; name: string }>;
  /** Top-level products it may be part of. */
  parents: Array<{ slug: string; name: string }>;
  /** Why it cannot be given a parent (it has a family of its own), when that is so. */
  familyNote?: string;
  cancelHref: string;
}) {
  const [state, action] = useActionState(saveProduct, initial);
  const v = state.values;
  return (
    <EditForm state={state} action={action} fieldOrder={ORDER} noun="product" hidden={{ slug }} submit={slug ? "Save product" : "Add product"} cancelHref={cancelHref}>
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <TextInput
        name="name"
        label="Name"
        hint={slug ? `Renaming keeps its web address (/products/${slug}), so links and published updates still find it.` : "For example, Property"}
        defaultValue={v.name}
        error={state.errors.name}
      />
      <Textarea name="description" label="Description" hint="One or two sentences on what the product does" defaultValue={v.description} error={state.errors.description} />
      <Textarea
        name="statusSummary"
        label="Where it stands (optional)"
        hint="In the words of the latest update, for example: Beta release planned for March 2022."
        defaultValue={v.statusSummary}
        error={state.errors.statusSummary}
      />
      <Radios
        name="currentPhaseKey"
        legend="Current phase"
        defaultValue={v.currentPhaseKey}
        error={state.errors.currentPhaseKey}
        options={phases.map((p) => ({ value: p.key, label: p.name }))}
      />
      <Select
        name="parentSlug"
        label="Part of a product family (optional)"
        hint={familyNote ?? "Families are one level deep: a product can be part of a product that is not itself part of another."}
        defaultValue={v.parentSlug}
        error={state.errors.parentSlug}
        options={[{ value: "", label: "None — not part of a family" }, ...parents.map((p) => ({ value: p.slug, label: p.name }))]}
      />
      <TextInput
        name="plannedFamilySize"
        label="Planned family size (optional)"
        hint="How many products the family is planned to have, as a whole number, when they are not all named yet. For example, 9"
        defaultValue={v.plannedFamilySize}
        error={state.errors.plannedFamilySize}
      />
    </EditForm>
  );
}
