// GET /admin/users/<id> — one account: change its role, deactivate (after confirming) or reactivate. Needs: manage:users.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, Radios } from "@/components/forms/fields";
import { SummaryList } from "@/components/ui/SummaryList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { ROLE_LABEL, ROLES } from "@/lib/auth/permissions";
import { findUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { updateActive, updateRole } from "../actions";

export const metadata: Metadata = { title: "Change a user" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; error?: string; confirm?: string }> };

const DONE: Record<string, string> = {
  role: "The role has been changed. It applies from their next action.",
  deactivated: "The account has been deactivated. They are signed out and cannot sign in.",
  reactivated: "The account has been reactivated.",
};
const ERRORS: Record<string, string> = {
  role: "Select a role",
  "own-role": "You cannot remove your own administrator role: ask another administrator",
  "own-account": "You cannot deactivate your own account: ask another administrator",
};

export default async function UserPage({ params, searchParams }: Props) {
  const admin = await requirePermission("manage:users");
  const id = Number((await params).id);
  const user = Number.isInteger(id) && id > 0 ? await findUser(await getDb(), id) : null;
  if (!user) notFound();
  const { done, error, confirm } = await searchParams;
  const errorMessage = error ? ERRORS[error] : undefined;

  if (confirm === "deactivate" && user.active && user.id !== admin.id) {
    return (
      <>
        <H1 caption={user.name}>Are you sure you want to deactivate this account?</H1>
        <p className="mb-6 max-w-[45em]">
          {user.name} ({user.email}) will be signed out at once and will not be able to sign in. Their past changes stay in the audit trail.
          You can reactivate the account later.
        </p>
        <form action={updateActive}>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="active" value="false" />
          <Button variant="warning">Yes, deactivate account</Button>
          <Link href={`/admin/users/${user.id}`}>No, go back</Link>
        </form>
      </>
    );
  }

  return (
    <>
      <p className="mb-4"><Link href="/admin/users">Back to users</Link></p>
      {done && DONE[done] ? (
        <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
          <p className="font-bold">{DONE[done]}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errorMessage ? { role: errorMessage } : {}} fieldOrder={["role"]} />
      <H1 caption="User">{user.name}</H1>
      <SummaryList
        rows={[
          { key: "Email address", value: user.email },
          { key: "Role", value: ROLE_LABEL[user.role] },
          { key: "Status", value: user.active ? "Active" : "Deactivated" },
        ]}
      />
      <H2>Change role</H2>
      <form action={updateRole} className="max-w-[30em]">
        <input type="hidden" name="id" value={user.id} />
        <Radios name="role" legend="Role" defaultValue={user.role} error={errorMessage} options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        <Button>Save role</Button>
      </form>
      <H2>{user.active ? "Deactivate account" : "Reactivate account"}</H2>
      {user.id === admin.id ? (
        <p>This is your own account: another administrator can deactivate it.</p>
      ) : user.active ? (
        <p>
          <Link href={`/admin/users/${user.id}?confirm=deactivate`}>Deactivate {user.name}&apos;s account</Link>
        </p>
      ) : (
        <form action={updateActive}>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="active" value="true" />
          <Button variant="secondary">Reactivate account</Button>
        </form>
      )}
    </>
  );
}
