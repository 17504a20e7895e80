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

export function DoneBanner({ done }: { done?: string | string[] }) {
  const message = typeof done === "string" ? MESSAGES[done] : undefined;
  if (!message) return null;
  return (
    <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
      <h2 className="mb-1 text-xl font-bold">Success</h2>
      <p>{message} The change is in the working draft; committee clerks see it once the next quarterly update is published.</p>
    </div>
  );
}
