// GET /account — the signed-in person's account: who they are, their role, how quarters are shown, change password. Needs: update:own-account.
import type { Metadata } from "next";
import Link from "next/link";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { QuarterStyleForm } from "@/components/roadmap/QuarterStyleForm";
import { quarterStyleOf } from "@/lib/auth/preferences";
import { ChangePasswordForm } from "./ChangePasswordForm";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePermission("update:own-account");
  const quarterStyle = await quarterStyleOf(user);
  return (
    <>
      <H1>Your account</H1>
      <SummaryList
        rows={[
          { key: "Name", value: user.name },
          { key: "Email address", value: user.email },
          { key: "Role", value: ROLE_LABEL[user.role] },
        ]}
      />
      <H2 id="quarters">How quarters are shown</H2>
      <QuarterStyleForm current={quarterStyle} returnTo="/account#quarters" legend="Quarters on the timeline, product pages and PDFs" />
      <H2>API tokens</H2>
      <p className="mb-6 max-w-[45em]">
        Scripts can use the roadmap&apos;s API with a personal token. <Link href="/account/tokens">Manage your API tokens</Link>
      </p>
      <H2>Change your password</H2>
      <ChangePasswordForm />
    </>
  );
}
