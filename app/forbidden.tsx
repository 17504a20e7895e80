import Link from "next/link";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";

// Shown (with status 403) when a signed-in person asks for something their role does not allow.
export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <div className="mx-auto max-w-[1200px] px-4 sm:px-8">
        <main id="main-content" className="py-8">
          <h1 className="mb-6 text-3xl font-bold sm:text-5xl">You do not have permission to see this page</h1>
          <p className="mb-4 max-w-[45em]">Your account does not allow this. If you think it should, ask your administrator.</p>
          <p className="mb-4">
            <Link href="/">Go to the roadmap overview</Link>
          </p>
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
