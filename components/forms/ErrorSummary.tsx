/**
 * The GOV.UK error summary: at the top of the form, "There is a problem", each error linking to its
 * field. It takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ errors, formError, fieldOrder }: { errors: Record<string, string>; formError?: string; fieldOrder: string[] }) {
  const entries = fieldOrder.filter((f) => errors[f]).map((f) => [f, errors[f]!] as const);
  if (!formError && entries.length === 0) return null;
  return (
    <div
      className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4"
      aria-labelledby="error-summary-title"
      role="alert"
      tabIndex={-1}
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
    >
      <h2 id="error-summary-title" className="mb-4 text-2xl font-bold">There is a problem</h2>
      <ul className="list-none p-0">
        {formError ? <li className="mb-2 font-bold text-govuk-red">{formError}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field} className="mb-2">
            <a href={`#${field}`} className="font-bold text-govuk-red! visited:text-govuk-red! focus-visible:text-govuk-black!">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
