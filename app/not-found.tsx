import Link from "next/link";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <div className="mx-auto max-w-[1200px] px-4 sm:px-8">
        <main id="main-content" className="py-8">
          <h1 className="mb-6 text-3xl font-bold sm:text-5xl">Page not found</h1>
          <p className="mb-4">If you typed the web address, check it is correct.</p>
          <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
          <p className="mb-4">
            You can <Link href="/">go to the roadmap overview</Link> or see the <Link href="/updates">quarterly updates</Link>.
          </p>
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
