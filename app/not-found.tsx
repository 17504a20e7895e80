import { NotFoundContent } from "@/components/layout/ProblemPages";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";

// For addresses that match no route at all: the page has no site layout around it, so it brings its own.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <div className="mx-auto max-w-[1200px] px-4 sm:px-8">
        <main id="main-content" className="py-8">
          <NotFoundContent />
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
