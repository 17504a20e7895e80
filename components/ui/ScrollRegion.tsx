/**
 * Wide content (the timeline, the phase grid, wide tables) scrolls sideways inside its own box on a
 * narrow screen, so the page itself reflows at 320 pixels (WCAG 1.4.10). The box can take focus,
 * so keyboard users can scroll it too.
 */
export function ScrollRegion({ label, minWidth = "0", children }: { label: string; minWidth?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mb-8 overflow-x-auto print:overflow-visible">
      <div style={{ minWidth }} className="print:min-w-0!">
        {children}
      </div>
    </div>
  );
}
