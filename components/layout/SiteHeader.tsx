import Link from "next/link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/roadmap", label: "Roadmap" },
  { href: "/timeline", label: "Timeline" },
  { href: "/updates", label: "Quarterly updates" },
];

export function SiteHeader() {
  return (
    <header className="no-print border-b-[10px] border-govuk-blue bg-govuk-black text-white">
      <div className="mx-auto flex max-w-[1200px] flex-wrap items-baseline gap-x-8 gap-y-2 px-4 py-3 sm:px-8">
        <span className="text-xl font-bold">Home Office</span>
        <Link href="/" className="text-lg font-bold text-white no-underline hover:underline focus-visible:text-govuk-black">
          NLEDP roadmap
        </Link>
        <nav aria-label="Main" className="w-full sm:ml-auto sm:w-auto">
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-bold text-white no-underline hover:underline focus-visible:text-govuk-black">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="bg-white text-govuk-text">
        <p className="mx-auto max-w-[1200px] border-b border-govuk-border px-4 py-2 text-base sm:px-8">
          <strong className="mr-2 inline-block bg-govuk-blue px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-white">
            Beta
          </strong>
          This is a new service. It shows the roadmap as published to the Public Accounts Committee.
        </p>
      </div>
    </header>
  );
}
