/** Recorded changes as a list: who, when, what, and each field from before to after. */
import type { ChangeView } from "@/lib/editing/changes";

export function ChangeList({ changes, empty = "No changes are recorded." }: { changes: ChangeView[]; empty?: string }) {
  if (changes.length === 0) return <p className="mb-6">{empty}</p>;
  return (
    <ol className="mb-6 max-w-[45em] list-none p-0">
      {changes.map((c, i) => (
        <li key={i} className="mb-4 border-b border-govuk-border pb-4">
          <p className="font-bold">{c.what}</p>
          <p className="mb-2 text-govuk-secondary">
            By {c.who} on {c.when}
          </p>
          {c.fields.length ? (
            <dl className="m-0">
              {c.fields.map((f) => (
                <div key={f.field} className="mb-1">
                  <dt className="inline font-bold">{f.label}: </dt>
                  <dd className="inline m-0">
                    {f.before && f.after ? (
                      <>
                        {f.before} <span aria-hidden="true">→</span><span className="sr-only">changed to</span> {f.after}
                      </>
                    ) : (
                      f.after || f.before
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
