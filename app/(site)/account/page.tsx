// GET /account — the signed-in person's account: who they are, their role, change password. Needs: update:own-account.
import type { Metadata } from "next";
import Link from "next/link";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { ChangePasswordForm } from "./ChangePasswordForm";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePermission("update:own-account");
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
      <H2>API tokens</H2>
      <p className="mb-6 max-w-[45em]">
        Scripts can use the roadmap&apos;s API with a personal token. <Link href="/account/tokens">Manage your API tokens</Link>
      </p>
      <H2>Change your password</H2>
      <ChangePasswordForm />
    </>
  );
}
