export function SiteFooter() {
  return (
    <footer className="no-print mt-12 border-t border-govuk-border bg-govuk-light-grey py-8 text-base text-govuk-secondary">
      <div className="mx-auto max-w-[1200px] px-4 sm:px-8">
        <p>National Law Enforcement Data Programme, Home Office. Dates are shown in UK time (Europe/London).</p>
      </div>
    </footer>
  );
}
