/**
 * Zoom, range and filters for the timeline: one plain GET form, so it works without JavaScript and
 * the address says exactly what is shown (it can be bookmarked, printed or sent to a colleague).
 * A value that cannot be used is shown back with its message beside it, as GOV.UK forms do, while
 * the timeline shows the default for that field.
 */
import Link from "next/link";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, ErrorMessage, FieldWrapper, inputClass } from "@/components/forms/fields";
import { rangeMonths, ZOOMS, type Zoom } from "@/lib/roadmap/timeline";
import type { TimelineField, TimelineOptions } from "@/lib/roadmap/timeline-options";
import { MILESTONE_STATUSES, type Roadmap } from "@/lib/roadmap/types";
import { MILESTONE_STATUS_LABEL, productsInFamilyOrder } from "@/lib/roadmap/view";

const ZOOM_LABEL: Record<Zoom, string> = { month: "Months", quarter: "Quarters", year: "Years" };
const FIELD_ORDER: TimelineField[] = ["zoom", "from", "to", "product", "phase", "status"];

const described = (name: string, hint: boolean, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function Choice({ type, name, value, id, label, checked }: { type: "radio" | "checkbox"; name: string; value: string; id: string; label: string; checked: boolean }) {
  return (
    <div className="mb-2 flex items-start gap-3">
      <input id={id} name={name} type={type} value={value} defaultChecked={checked} className="mt-0.5 h-6 w-6 shrink-0 accent-govuk-black" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function TimelineControls({ options, roadmap, view, resetHref }: { options: TimelineOptions; roadmap: Roadmap; view?: string; resetHref: string }) {
  const { errors, filters } = options;
  const shown = rangeMonths(options.range);
  const monthField = (name: "from" | "to", label: string) => (
    <div className="mr-6 inline-block align-top">
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      <ErrorMessage id={name} error={errors[name]} />
      <input
        id={name}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        // What was typed when it could not be used, so it can be corrected; otherwise the month shown.
        defaultValue={errors[name] ? options.input[name] : shown[name]}
        aria-describedby={["range-hint", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ")}
        aria-invalid={errors[name] ? true : undefined}
        className={`${inputClass} w-[8em]! ${errors[name] ? "border-govuk-red" : ""}`}
      />
    </div>
  );
  const filterCount = filters.products.length + filters.phases.length + filters.statuses.length;
  const filterErrors = Boolean(errors.product || errors.phase || errors.status);

  return (
    <form method="get" action="/timeline" className="no-print mb-8 max-w-[60em]" aria-labelledby="timeline-controls-title">
      <ErrorSummary errors={errors} fieldOrder={FIELD_ORDER} />
      <h2 id="timeline-controls-title" className="mb-4 text-2xl font-bold">Change what the timeline shows</h2>
      {view ? <input type="hidden" name="view" value={view} /> : null}
      {options.quarters ? <input type="hidden" name="quarters" value={options.quarters} /> : null}

      <FieldWrapper error={errors.zoom}>
        <fieldset aria-describedby={described("zoom", false, errors.zoom)}>
          <legend className="mb-2 font-bold">Show the timeline by</legend>
          <ErrorMessage id="zoom" error={errors.zoom} />
          <div className="flex flex-wrap gap-x-6">
            {ZOOMS.map((zoom, i) => (
              <Choice key={zoom} type="radio" name="zoom" value={zoom} id={i === 0 ? "zoom" : `zoom-${zoom}`} label={ZOOM_LABEL[zoom]} checked={options.zoom === zoom} />
            ))}
          </div>
        </fieldset>
      </FieldWrapper>

      <FieldWrapper error={errors.from ?? errors.to}>
        <fieldset role="group" aria-describedby="range-hint">
          <legend className="mb-1 font-bold">Months shown</legend>
          <p id="range-hint" className="mb-2 text-govuk-secondary">
            A year and a month, for example 2021-10 for October 2021. The update&apos;s 12 months ahead are shown unless you choose others.
          </p>
          {monthField("from", "First month")}
          {monthField("to", "Last month")}
        </fieldset>
      </FieldWrapper>

      <details className="mb-6" open={filterCount > 0 || filterErrors}>
        <summary className="mb-4 cursor-pointer text-govuk-link underline">
          Filter by product, phase or milestone status{filterCount > 0 ? ` (${filterCount} chosen)` : ""}
        </summary>
        <div className="grid gap-x-8 md:grid-cols-3">
          <FieldWrapper error={errors.product}>
            <fieldset aria-describedby={described("product", true, errors.product)}>
              <legend className="mb-1 font-bold">Products</legend>
              <p id="product-hint" className="mb-2 text-govuk-secondary">None chosen shows every product. A family&apos;s products are listed under it.</p>
              <ErrorMessage id="product" error={errors.product} />
              {productsInFamilyOrder(roadmap.products).map(({ product, depth }, i) => (
                <div key={product.slug} style={depth ? { marginLeft: `${depth * 1.5}rem` } : undefined}>
                  <Choice type="checkbox" name="product" value={product.slug} id={i === 0 ? "product" : `product-${product.slug}`} label={product.name} checked={filters.products.includes(product.slug)} />
                </div>
              ))}
            </fieldset>
          </FieldWrapper>
          <FieldWrapper error={errors.phase}>
            <fieldset aria-describedby={described("phase", true, errors.phase)}>
              <legend className="mb-1 font-bold">Phases</legend>
              <p id="phase-hint" className="mb-2 text-govuk-secondary">Products with a bar or milestone in these phases.</p>
              <ErrorMessage id="phase" error={errors.phase} />
              {roadmap.phases.map((phase, i) => (
                <Choice key={phase.key} type="checkbox" name="phase" value={phase.key} id={i === 0 ? "phase" : `phase-${phase.key}`} label={phase.name} checked={filters.phases.includes(phase.key)} />
              ))}
            </fieldset>
          </FieldWrapper>
          <FieldWrapper error={errors.status}>
            <fieldset aria-describedby={described("status", true, errors.status)}>
              <legend className="mb-1 font-bold">Milestone status</legend>
              <p id="status-hint" className="mb-2 text-govuk-secondary">Products with a milestone of these statuses.</p>
              <ErrorMessage id="status" error={errors.status} />
              {MILESTONE_STATUSES.map((status, i) => (
                <Choice key={status} type="checkbox" name="status" value={status} id={i === 0 ? "status" : `status-${status}`} label={MILESTONE_STATUS_LABEL[status]} checked={filters.statuses.includes(status)} />
              ))}
            </fieldset>
          </FieldWrapper>
        </div>
      </details>

      <div className="flex flex-wrap items-baseline">
        <Button>Update the timeline</Button>
        <Link href={resetHref} className="mb-6">Show the default view</Link>
      </div>
    </form>
  );
}
