/**
 * Shown where an edit form was, when the record is no longer there. A GET for a removed record is a
 * 404 from the proxy before the page renders; this is for the page re-rendered after a form was posted
 * without JavaScript, where notFound() would render an empty body (vercel/next.js#62228).
 */
import Link from "next/link";
import { H1 } from "@/components/ui/typography";

export function Gone({ noun, backHref, backLabel }: { noun: string; backHref: string; backLabel: string }) {
  return (
    <>
      <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
        <p className="font-bold">Someone removed this {noun} while you were working on it, so your changes could not be saved.</p>
      </div>
      <H1>This {noun} no longer exists</H1>
      <p className="mb-4 max-w-[45em]">Its history stays in the audit trail, and published quarterly updates keep it as it was.</p>
      <p><Link href={backHref}>{backLabel}</Link></p>
    </>
  );
}
