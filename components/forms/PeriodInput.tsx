/**
 * A roadmap date typed at its precision: choose "A month" and type 3 and 2022 for March 2022, or
 * "A quarter" and 1 and 2022 for Q1 2022. Works without JavaScript: every box is always there, and the
 * hint of each choice says which boxes it reads. Field names: see lib/editing/period-fields.ts.
 */
import { PRECISION_CHOICES } from "@/lib/editing/period-fields";
import { ErrorMessage, FieldWrapper, inputClass } from "./fields";

export function PeriodInput({
  name, legend, hint, error, values,
}: { name: string; legend: string; hint?: string; error?: string; values: Record<string, string> }) {
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const box = (part: "day" | "month" | "quarter" | "half" | "year", label: string, width: string) => (
    <div className="mr-4 inline-block">
      <label htmlFor={`${name}-${part}`} className="mb-1 block">{label}</label>
      <input
        id={`${name}-${part}`}
        name={`${name}-${part}`}
        inputMode="numeric"
        defaultValue={values[`${name}-${part}`] ?? ""}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${width} ${error ? "border-govuk-red" : ""}`}
      />
    </div>
  );
  return (
    <FieldWrapper error={error}>
      <fieldset role="group" aria-describedby={described}>
        <legend className="mb-2 text-xl font-bold">{legend}</legend>
        {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
        <ErrorMessage id={name} error={error} />
        <fieldset className="mb-4">
          <legend className="mb-2 font-bold">How precise is it?</legend>
          {PRECISION_CHOICES.map((choice, i) => (
            <div key={choice.value} className="mb-2 flex items-start gap-3">
              <input
                id={i === 0 ? name : `${name}-precision-${choice.value}`}
                name={`${name}-precision`}
                type="radio"
                value={choice.value}
                defaultChecked={values[`${name}-precision`] === choice.value}
                className="mt-1 h-6 w-6 accent-govuk-black"
              />
              <label htmlFor={i === 0 ? name : `${name}-precision-${choice.value}`}>
                {choice.label}
                <span className="block text-govuk-secondary">{choice.hint}</span>
              </label>
            </div>
          ))}
        </fieldset>
        {box("day", "Day", "w-[3.5em]!")}
        {box("month", "Month", "w-[3.5em]!")}
        {box("quarter", "Quarter", "w-[3.5em]!")}
        {box("half", "Half", "w-[3.5em]!")}
        {box("year", "Year", "w-[5em]!")}
      </fieldset>
    </FieldWrapper>
  );
}
