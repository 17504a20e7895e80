export function SkipLink() {
  return (
    <a href="#main-content" className="no-print absolute -left-[9999px] top-0 z-50 bg-govuk-focus p-2 text-govuk-black focus:left-0">
      Skip to main content
    </a>
  );
}
