import { NotFoundContent } from "@/components/layout/ProblemPages";
import { SiteFooter } from "@/components/layout/SiteFooter";
import type { Metadata } from "next";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLink } from "@/components/layout/SkipLink";

export const metadata: Metadata = { title: "Page not found" };

// For addresses that match no route at all: the page has no site layout around it, so it brings its own.
export default function NotFound() {
  return (
    <>
      <SkipLink />
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
