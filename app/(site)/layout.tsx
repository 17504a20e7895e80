import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a
        href="#main-content"
        className="no-print absolute -left-[9999px] top-0 z-50 bg-govuk-focus p-2 text-govuk-black focus:left-0"
      >
        Skip to main content
      </a>
      <SiteHeader />
      <div className="mx-auto max-w-[1200px] px-4 sm:px-8">
        <main id="main-content" tabIndex={-1} className="py-8 focus:outline-none">
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
