/**
 * An update's covering text: paragraphs split by blank lines, lines starting "- " as a bulleted
 * list, single line breaks kept (addresses). Rendered as text, never as HTML.
 */
export function CoveringText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return (
    <div className="max-w-[45em]">
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        if (lines.every((l) => l.startsWith("- "))) {
          return (
            <ul key={i} className="mb-4 list-disc pl-6">
              {lines.map((l, j) => (
                <li key={j} className="mb-2">{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i} className="mb-4 whitespace-pre-line">
            {block}
          </p>
        );
      })}
    </div>
  );
}
