/** The GOV.UK summary list: key and value rows. */
export function SummaryList({ rows }: { rows: Array<{ key: string; value: React.ReactNode }> }) {
  return (
    <dl className="mb-8 border-t border-govuk-border">
      {rows.map((row) => (
        <div key={row.key} className="avoid-break border-b border-govuk-border py-2 sm:flex">
          <dt className="font-bold sm:w-1/3 sm:pr-4">{row.key}</dt>
          <dd className="sm:w-2/3">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
