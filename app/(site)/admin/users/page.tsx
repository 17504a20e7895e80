// GET /admin/users — every account with its role and status. Needs: manage:users.
import type { Metadata } from "next";
import Link from "next/link";
import { Tag } from "@/components/ui/Tag";
import { H1, table } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("manage:users");
  const users = await listUsers(await getDb());
  return (
    <>
      <H1>Users</H1>
      <p className="mb-8">
        <Link href="/admin/users/new" className="inline-block bg-govuk-green px-4 py-2 font-bold text-white no-underline shadow-[0_2px_0_#002d18] visited:text-white hover:bg-[#005a30] focus-visible:text-govuk-black">
          Add a user
        </Link>
      </p>
      <ScrollRegion label="Accounts">
<table className={table.table}>
        <caption className="sr-only">Accounts</caption>
        <TableHead columns={["Name", "Email address", "Role", "Status", { label: "Action", hidden: true }]} />
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className={table.th}>{u.name}</th>
              <td className={`${table.td} break-all`}>{u.email}</td>
              <td className={table.td}>{ROLE_LABEL[u.role]}</td>
              <td className={table.td}>{u.active ? <Tag tone="green">Active</Tag> : <Tag tone="grey">Deactivated</Tag>}</td>
              <td className={table.td}>
                <Link href={`/admin/users/${u.id}`}>
                  Change<span className="sr-only"> {u.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
</ScrollRegion>
    </>
  );
}
