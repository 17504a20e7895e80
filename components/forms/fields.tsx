/** GOV.UK form fields: label, hint, the error beside the field, and the input kept on error. */
import type { ReactNode } from "react";

export const inputClass =
  "block w-full max-w-[30em] border-2 border-govuk-black px-2 py-1.5 text-lg focus-visible:outline-[3px] focus-visible:outline-govuk-focus focus-visible:shadow-[inset_0_0_0_2px_#0b0c0c]";

export function FieldWrapper({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-[5px] border-govuk-red pl-4" : ""}`}>{children}</div>;
}

export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mb-2 font-bold text-govuk-red">
      <span className="sr-only">Error:</span> {error}
    </p>
  );
}

export function TextInput({
  name, label, hint, error, defaultValue, type = "text", autoComplete, spellCheck,
}: {
  name: string; label: string; hint?: string; error?: string; defaultValue?: string;
  type?: "text" | "email" | "password"; autoComplete?: string; spellCheck?: boolean;
}) {
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FieldWrapper error={error}>
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
      <ErrorMessage id={name} error={error} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : defaultValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${error ? "border-govuk-red" : ""}`}
      />
    </FieldWrapper>
  );
}

export function Radios({
  name, legend, hint, error, options, defaultValue,
}: {
  name: string; legend: string; hint?: string; error?: string; defaultValue?: string;
  options: Array<{ value: string; label: string; hint?: string }>;
}) {
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FieldWrapper error={error}>
      <fieldset aria-describedby={described}>
        <legend className="mb-2 font-bold">{legend}</legend>
        {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
        <ErrorMessage id={name} error={error} />
        {options.map((option, i) => (
          <div key={option.value} className="mb-2 flex items-start gap-3">
            <input
              id={i === 0 ? name : `${name}-${option.value}`}
              name={name}
              type="radio"
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className="mt-1 h-6 w-6 accent-govuk-black"
            />
            <label htmlFor={i === 0 ? name : `${name}-${option.value}`}>
              {option.label}
              {option.hint ? <span className="block text-govuk-secondary">{option.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>
    </FieldWrapper>
  );
}

export function Button({ children, variant = "primary", name, value }: { children: ReactNode; variant?: "primary" | "secondary" | "warning"; name?: string; value?: string }) {
  const colours = {
    primary: "bg-govuk-green text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]",
    secondary: "bg-govuk-light-grey text-govuk-black shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]",
    warning: "bg-govuk-red text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={`mb-6 mr-4 inline-block px-4 py-2 text-lg font-bold ${colours} focus-visible:bg-govuk-focus! focus-visible:text-govuk-black! focus-visible:shadow-[0_2px_0_#0b0c0c]! focus-visible:outline-none`}
    >
      {children}
    </button>
  );
}

/** The GOV.UK date input: day, month and year as three boxes, named `<name>-day`, `<name>-month`, `<name>-year`. */
export function DateInput({
  name, legend, hint, error, values,
}: {
  name: string; legend: string; hint?: string; error?: string; values: { day?: string; month?: string; year?: string };
}) {
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const box = (part: "day" | "month" | "year", label: string, width: string) => (
    <div className="mr-4 inline-block">
      <label htmlFor={part === "day" ? name : `${name}-${part}`} className="mb-1 block">{label}</label>
      <input
        id={part === "day" ? name : `${name}-${part}`}
        name={`${name}-${part}`}
        inputMode="numeric"
        defaultValue={values[part] ?? ""}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${width} ${error ? "border-govuk-red" : ""}`}
      />
    </div>
  );
  return (
    <FieldWrapper error={error}>
      <fieldset role="group" aria-describedby={described}>
        <legend className="mb-2 font-bold">{legend}</legend>
        {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
        <ErrorMessage id={name} error={error} />
        {box("day", "Day", "w-[3.5em]!")}
        {box("month", "Month", "w-[3.5em]!")}
        {box("year", "Year", "w-[5em]!")}
      </fieldset>
    </FieldWrapper>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function Textarea({
  name, label, hint, error, defaultValue, rows = 4,
}: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  return (
    <FieldWrapper error={error}>
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
      <ErrorMessage id={name} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} max-w-[40em] ${error ? "border-govuk-red" : ""}`}
      />
    </FieldWrapper>
  );
}

export function Select({
  name, label, hint, error, defaultValue, options,
}: {
  name: string; label: string; hint?: string; error?: string; defaultValue?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <FieldWrapper error={error}>
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
      <ErrorMessage id={name} error={error} />
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} w-auto! bg-white ${error ? "border-govuk-red" : ""}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldWrapper>
  );
}

export function Checkboxes({
  name, legend, hint, error, options, defaultValues,
}: {
  name: string; legend: string; hint?: string; error?: string; defaultValues: string[];
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <FieldWrapper error={error}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend className="mb-2 font-bold">{legend}</legend>
        {hint ? <p id={`${name}-hint`} className="mb-2 text-govuk-secondary">{hint}</p> : null}
        <ErrorMessage id={name} error={error} />
        {options.map((option, i) => (
          <div key={option.value} className="mb-2 flex items-start gap-3">
            <input
              id={i === 0 ? name : `${name}-${i}`}
              name={name}
              type="checkbox"
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              className="mt-1 h-6 w-6 accent-govuk-black"
            />
            <label htmlFor={i === 0 ? name : `${name}-${i}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </FieldWrapper>
  );
}
