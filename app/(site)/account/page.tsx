// GET /account — the signed-in person's account: who they are, their role, change password. Needs: update:own-account.
import type { Metadata } from "next";
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
      <H2>Change your password</H2>
      <ChangePasswordForm />
    </>
  );
}
