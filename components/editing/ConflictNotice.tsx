/** Shown when a save is refused because someone else saved first: who, when, and what they changed. */
import type { FormState } from "@/components/forms/form-state";
import { ChangeList } from "./ChangeList";

export function ConflictNotice({ conflict, noun }: { conflict: NonNullable<FormState["conflict"]>; noun: string }) {
  return (
    <div className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4" role="alert" aria-labelledby="conflict-title" tabIndex={-1}>
      <h2 id="conflict-title" className="mb-4 text-2xl font-bold">
        {conflict.removed ? `Someone removed this ${noun} while you were editing it` : `Someone else changed this ${noun} while you were editing it`}
      </h2>
      <p className="mb-4">Your changes have not been saved. They are kept in the form below.</p>
      <ChangeList changes={conflict.changes} />
      {conflict.removed ? null : <p className="font-bold">Check their changes against yours, then save again to replace theirs with yours.</p>}
    </div>
  );
}
