/**
 * How quarters are labelled, remembered on the person's account. A server component posting to a
 * server action: a plain form, so it works without JavaScript and ships none.
 */
import { saveQuarterStyle } from "@/app/(site)/account/preferences-actions";
import { Button, Radios } from "@/components/forms/fields";
import type { QuarterStyle } from "@/lib/dates/period";

export const QUARTER_STYLE_LABEL: Record<QuarterStyle, string> = {
  calendar: "Calendar quarters (Q1 = January to March)",
  financial: "UK financial-year quarters (Q1 = April to June, labelled 2021-22 Q1)",
};

export function QuarterStyleForm({
  current,
  returnTo,
  legend = "How should quarters be shown?",
}: {
  current: QuarterStyle;
  /** The page to come back to after saving (a path on this site; anything else goes to the home page). */
  returnTo: string;
  legend?: string;
}) {
  return (
    <form action={saveQuarterStyle} className="max-w-[45em]">
      <input type="hidden" name="returnTo" value={returnTo} />
      <Radios
        name="quarterStyle"
        legend={legend}
        hint="Parliamentary scrutiny uses the UK financial year, 1 April to 31 March. Your choice is also used in the PDF of a quarterly update."
        defaultValue={current}
        options={(Object.keys(QUARTER_STYLE_LABEL) as QuarterStyle[]).map((value) => ({ value, label: QUARTER_STYLE_LABEL[value] }))}
      />
      <Button variant="secondary">Show quarters this way</Button>
    </form>
  );
}
