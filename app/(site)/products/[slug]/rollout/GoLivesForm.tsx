"use client";

import { useActionState } from "react";
import { EditForm } from "@/components/editing/EditForm";
import { ErrorMessage, inputClass } from "@/components/forms/fields";
import type { FormState } from "@/components/forms/form-state";
import { TableHead } from "@/components/ui/TableHead";
import { table } from "@/components/ui/typography";
import { NATIONS, type Nation } from "@/lib/roadmap/types";
import { saveGoLivesAction } from "./actions";

type Force = { id: number; name: string; nation: Nation };

/**
 * One row per force with GOV.UK day, month and year boxes. The day box's id is `force-<id>`, the
 * error key, so the error summary lands on the force; its visually hidden labels name the force,
 * because a screen reader moving box to box hears the label, not the row.
 */
export function GoLivesForm({ productSlug, forces, initial }: { productSlug: string; forces: Force[]; initial: FormState }) {
  const [state, action] = useActionState(saveGoLivesAction, initial);
  const v = state.values;
  const order = ["goLives", ...forces.map((f) => `force-${f.id}`)];
  return (
    <EditForm state={state} action={action} fieldOrder={order} noun="set of go-live dates" hidden={{ productSlug, fingerprint: v.fingerprint ?? "" }} submit="Save go-live dates">
      <div id="goLives" tabIndex={-1}>
        <ErrorMessage id="goLives" error={state.errors.goLives} />
      </div>
      {NATIONS.map((nation) => {
        const inNation = forces.filter((f) => f.nation === nation);
        if (inNation.length === 0) return null;
        return (
          <table key={nation} className={`${table.table} mb-8 max-w-2xl`}>
            <caption className="mb-2 text-left text-lg font-bold">
              {nation} ({inNation.length} {inNation.length === 1 ? "force" : "forces"})
            </caption>
            <TableHead columns={[{ label: "Force", className: "w-1/2" }, "Date it went live (day, month, year)"]} />
            <tbody>
              {inNation.map((force) => (
                <ForceRow key={force.id} force={force} values={v} error={state.errors[`force-${force.id}`]} />
              ))}
            </tbody>
          </table>
        );
      })}
    </EditForm>
  );
}

function ForceRow({ force, values, error }: { force: Force; values: Record<string, string>; error?: string }) {
  const key = `force-${force.id}`;
  const box = (part: "day" | "month" | "year", label: string, width: string) => (
    <span className="mr-3 inline-block">
      <label htmlFor={part === "day" ? key : `${key}-${part}`} className="block text-sm">
        {label}
        <span className="sr-only"> {force.name} went live</span>
      </label>
      <input
        id={part === "day" ? key : `${key}-${part}`}
        name={`${key}-${part}`}
        inputMode="numeric"
        defaultValue={values[`${key}-${part}`] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${key}-error` : undefined}
        className={`${inputClass} ${width} ${error ? "border-govuk-red" : ""}`}
      />
    </span>
  );
  return (
    <tr className={error ? "border-l-[5px] border-govuk-red" : undefined}>
      <th scope="row" className={`${table.th} align-top`}>{force.name}</th>
      <td className={table.td}>
        <ErrorMessage id={key} error={error} />
        {box("day", "Day", "w-[3.5em]!")}
        {box("month", "Month", "w-[3.5em]!")}
        {box("year", "Year", "w-[5em]!")}
      </td>
    </tr>
  );
}
