import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLink } from "@/components/layout/SkipLink";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
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
