/** The GOV.UK success banner after an edit, chosen by the `done` query parameter the action redirects with. */
const MESSAGES: Record<string, string> = {
  "product-added": "The product has been added.",
  "product-saved": "The product's details have been saved.",
  "product-removed": "The product has been removed.",
  "span-added": "The phase has been added to the plan.",
  "span-saved": "The planned phase has been saved.",
  "span-removed": "The planned phase has been removed.",
  "milestone-added": "The milestone has been added.",
  "milestone-saved": "The milestone has been saved.",
  "milestone-removed": "The milestone has been removed.",
  "observation-added": "The rollout figure has been recorded.",
  "observation-removed": "The rollout figure has been removed.",
  "target-added": "The rollout target has been added.",
  "target-removed": "The rollout target has been removed.",
  "go-lives-saved": "The forces' go-live dates have been saved.",
  "dependency-added": "The dependency has been added.",
  "dependency-saved": "The dependency has been saved.",
  "dependency-removed": "The dependency has been removed.",
  "factor-added": "The programme dependency has been added.",
  "factor-saved": "The programme dependency has been saved.",
  "factor-removed": "The programme dependency has been removed.",
  "already-removed": "It had already been removed by someone else.",
};

/** Messages that say all there is to say: the quarterly update's own steps, where "the working draft" note would mislead. */
const COMPLETE_MESSAGES: Record<string, string> = {
  "update-started": "The draft quarterly update has been started. Committee clerks see nothing of it until it is published.",
  "update-saved": "The draft update's title and covering text have been saved. Committee clerks see nothing of it until it is published.",
  "update-discarded": "The draft update has been discarded. The changes to the roadmap itself are still in the working draft.",
  "update-published": "The update has been published. Committee clerks can see it now, and it can never be changed.",
  "update-already-discarded": "The draft update had already been discarded by someone else.",
};

export function DoneBanner({ done }: { done?: string | string[] }) {
  const complete = typeof done === "string" && Object.hasOwn(COMPLETE_MESSAGES, done) ? COMPLETE_MESSAGES[done] : undefined;
  if (complete) {
    return (
      <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
        <h2 className="mb-1 text-xl font-bold">Success</h2>
        <p>{complete}</p>
      </div>
    );
  }
  const message = typeof done === "string" ? MESSAGES[done] : undefined;
  if (!message) return null;
  return (
    <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
      <h2 className="mb-1 text-xl font-bold">Success</h2>
      <p>{message} The change is in the working draft; committee clerks see it once the next quarterly update is published.</p>
    </div>
  );
}
