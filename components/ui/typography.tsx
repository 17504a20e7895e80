/** Headings and body text at GOV.UK sizes, so every page reads the same. */
export function Caption({ children }: { children: React.ReactNode }) {
  return <span className="mb-1 block text-xl text-govuk-secondary">{children}</span>;
}

export function H1({ caption, children }: { caption?: React.ReactNode; children: React.ReactNode }) {
  return (
    <h1 className="mb-6 text-3xl leading-tight sm:text-5xl">
      {caption ? <Caption>{caption}</Caption> : null}
      {children}
    </h1>
  );
}

export function H2({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="mt-10 mb-4 text-2xl leading-tight sm:text-3xl">
      {children}
    </h2>
  );
}

export function H3({ children }: { children: React.ReactNode }) {
  return <h3 className="mt-6 mb-3 text-xl leading-tight">{children}</h3>;
}

export function Lead({ children }: { children: React.ReactNode }) {
  return <p className="mb-6 max-w-[45em] text-xl leading-snug">{children}</p>;
}

export function Body({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <p className={`mb-4 max-w-[45em] ${className}`}>{children}</p>;
}

export function Inset({ children }: { children: React.ReactNode }) {
  return <div className="my-6 max-w-[45em] border-l-[10px] border-govuk-border py-2 pl-4">{children}</div>;
}

/** Table class names shared by every data table: GOV.UK table styling. */
export const table = {
  table: "w-full border-collapse text-left text-base",
  caption: "mb-2 text-left text-xl font-bold",
  th: "border-b border-govuk-border py-2 pr-4 align-top font-bold",
  td: "border-b border-govuk-border py-2 pr-4 align-top",
};
