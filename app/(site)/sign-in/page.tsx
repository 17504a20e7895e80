// GET /sign-in — the sign-in page (public). Already signed in: on to where they were going.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { H1 } from "@/components/ui/typography";
import { currentUser } from "@/lib/auth/current-user";
import { safeReturnTo } from "@/lib/auth/return-to";
import { env, oidcEnabled } from "@/lib/env";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ returnTo?: string; signedOut?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { returnTo, signedOut, error } = await searchParams;
  const target = safeReturnTo(returnTo);
  if (await currentUser()) redirect(target);
  return (
    <>
      {signedOut ? (
        <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
          <p className="font-bold">You have signed out.</p>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <h2 className="mb-2 text-2xl font-bold">Single sign-on did not sign you in</h2>
          <p>Your account may not have been added to this service yet, or your organisation did not confirm your email address. Ask your administrator.</p>
        </div>
      ) : null}
      <H1>Sign in to the NLEDP roadmap</H1>
      <p className="mb-6 max-w-[45em]">Programme staff and committee clerks sign in with the email address and password their administrator gave them.</p>
      {oidcEnabled() ? (
        <p className="mb-8">
          <a href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(target)}`} className="font-bold">
            Sign in with {env().OIDC_NAME}
          </a>
        </p>
      ) : null}
      <SignInForm returnTo={target} />
    </>
  );
}
