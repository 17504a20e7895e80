import Link from "next/link";

/**
 * GOV.UK pagination: Previous, the page numbers (the first, the last and those beside the current one,
 * with an ellipsis for the rest) and Next. Plain links, so it works without JavaScript.
 */
export function Pagination({ label, current, count, href }: { label: string; current: number; count: number; href: (page: number) => string }) {
  if (count <= 1) return null;
  const numbers = Array.from({ length: count }, (_, i) => i + 1).filter((n) => count <= 7 || n === 1 || n === count || Math.abs(n - current) <= 1);
  return (
    <nav aria-label={label} className="no-print my-6 flex flex-wrap items-center gap-x-4 gap-y-2">
      {current > 1 ? (
        <Link href={href(current - 1)} rel="prev" className="font-bold">
          ‹ Previous<span className="sr-only"> page</span>
        </Link>
      ) : null}
      <ul className="flex flex-wrap items-center gap-x-1">
        {numbers.map((n, i) => (
          <li key={n} className="flex items-center gap-x-1">
            {i > 0 && n - numbers[i - 1]! > 1 ? <span aria-hidden="true" className="px-2">…</span> : null}
            {n === current ? (
              <a href={href(n)} aria-current="page" aria-label={`Page ${n}`} className="border-2 border-govuk-black px-3 py-1 font-bold no-underline">
                {n}
              </a>
            ) : (
              <Link href={href(n)} aria-label={`Page ${n}`} className="px-3 py-1">
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {current < count ? (
        <Link href={href(current + 1)} rel="next" className="font-bold">
          Next<span className="sr-only"> page</span> ›
        </Link>
      ) : null}
    </nav>
  );
}
