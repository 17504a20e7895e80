import Link from "next/link";

/** The body of the 404 page, the GOV.UK way. */
export function NotFoundContent() {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold sm:text-5xl">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">If you pasted the web address, check you copied the entire address.</p>
      <p className="mb-4">
        You can <Link href="/">go to the roadmap overview</Link> or see the <Link href="/updates">quarterly updates</Link>.
      </p>
    </>
  );
}

/** The body of the 403 page for a signed-in person whose role does not allow what they asked for. */
export function ForbiddenContent() {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold sm:text-5xl">You do not have permission to see this page</h1>
      <p className="mb-4 max-w-[45em]">Your account does not allow this. If you think it should, ask your administrator.</p>
      <p className="mb-4">
        <Link href="/">Go to the roadmap overview</Link>
      </p>
    </>
  );
}
