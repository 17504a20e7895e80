// GET /account/tokens — one's personal API tokens: list, create (shown once), revoke (after confirming). Needs: update:own-account.
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/forms/fields";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { TableHead } from "@/components/ui/TableHead";
import { Tag } from "@/components/ui/Tag";
import { H1, H2, table } from "@/components/ui/typography";
import { findToken, listTokens } from "@/lib/api/tokens";
import { requirePermission } from "@/lib/auth/checkpoint";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/dates/period";
import { getDb } from "@/lib/db";
import { revokeApiToken } from "./actions";
import { CreateTokenForm } from "./CreateTokenForm";

export const metadata: Metadata = { title: "API tokens" };

type Props = { searchParams: Promise<{ done?: string; revoke?: string }> };

export default async function TokensPage({ searchParams }: Props) {
  const user = await requirePermission("update:own-account");
  const db = await getDb();
  const { done, revoke } = await searchParams;

  const toRevoke = revoke && /^\d{1,9}$/.test(revoke) ? await findToken(db, user.id, Number(revoke)) : null;
  if (toRevoke && !toRevoke.revokedAt) {
    return (
      <>
        <H1 caption="API tokens">Are you sure you want to revoke this token?</H1>
        <p className="mb-6 max-w-[45em]">
          &ldquo;{toRevoke.name}&rdquo; (<span className="font-mono">{toRevoke.prefix}…</span>) will stop working at once. Anything using it will be refused. This cannot be undone.
        </p>
        <form action={revokeApiToken}>
          <input type="hidden" name="id" value={toRevoke.id} />
          <Button variant="warning">Yes, revoke token</Button>
          <Link href="/account/tokens">No, go back</Link>
        </form>
      </>
    );
  }

  const tokens = await listTokens(db, user.id);
  return (
    <>
      <p className="mb-4"><Link href="/account">Back to your account</Link></p>
      {done === "revoked" ? (
        <div role="status" className="mb-8 max-w-[45em] border-[5px] border-govuk-green p-4">
          <p className="font-bold">The token has been revoked.</p>
        </div>
      ) : null}
      <H1>API tokens</H1>
      <p className="mb-4 max-w-[45em]">
        A token lets a script use the roadmap&apos;s API (described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>) as you, with your role ({ROLE_LABEL[user.role]}): if your role changes, or your account is deactivated, the token changes with it.
      </p>
      <H2>Your tokens</H2>
      {tokens.length === 0 ? (
        <p className="mb-6">You have no tokens.</p>
      ) : (
        <ScrollRegion label="Your API tokens">
          <table className={table.table}>
            <caption className="sr-only">Your API tokens</caption>
            <TableHead columns={["Name", "Starts with", "Created", "Last used", "Status", { label: "Action", hidden: true }]} />
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className={`${table.th} break-words`}>{t.name}</th>
                  <td className={`${table.td} font-mono`}>{t.prefix}…</td>
                  <td className={table.td}>{formatDateTime(t.createdAt)}</td>
                  <td className={table.td}>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                  <td className={table.td}>{t.revokedAt ? <Tag tone="grey">Revoked {formatDateTime(t.revokedAt)}</Tag> : <Tag tone="green">Active</Tag>}</td>
                  <td className={table.td}>
                    {t.revokedAt ? null : (
                      <Link href={`/account/tokens?revoke=${t.id}`}>
                        Revoke<span className="sr-only"> {t.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <H2>Create a token</H2>
      <CreateTokenForm />
    </>
  );
}
