// GET /admin/audit — the programme-wide audit trail, filtered by person, entity and date, with a CSV download. Needs: read:audit.
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Button, DateInput, TextInput } from "@/components/forms/fields";
import { fieldErrors } from "@/components/forms/form-state";
import { ScrollRegion } from "@/components/ui/ScrollRegion";
import { TableHead } from "@/components/ui/TableHead";
import { H1, table } from "@/components/ui/typography";
import { auditEntityTypes, listAuditEvents, parseAuditFilter } from "@/lib/audit/query";
import { requirePermission } from "@/lib/auth/checkpoint";
import { formatDateTime } from "@/lib/dates/period";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("read:audit");
  const params = await searchParams;
  const parsed = parseAuditFilter(params);
  const db = await getDb();
  const entityTypes = await auditEntityTypes(db);
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(0, 1) })));
  const result = parsed.success ? await listAuditEvents(db, parsed.data) : null;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (k === "page" || v === undefined ? [] : [[k, text(v)]])));
  const page = parsed.success ? parsed.data.page : 1;
  const pageLink = (n: number) => `/admin/audit?${new URLSearchParams([...query.entries(), ["page", String(n)]]).toString()}`;

  return (
    <>
      <H1>Audit trail</H1>
      <p className="mb-6 max-w-[45em]">
        Every change and every sign-in, newest first: who, when (UK time), from where, and the values before and after. Nobody can
        change or remove an entry, the database refuses it.
      </p>
      <ErrorSummary errors={errors} fieldOrder={["person", "entity", "from", "to"]} />
      <form method="get" action="/admin/audit" className="mb-8 max-w-[45em] bg-govuk-light-grey p-4">
        <TextInput name="person" label="Person" hint="Part of their email address or name, or their user number" defaultValue={text(params.person)} error={errors.person} />
        <div className="mb-6">
          <label htmlFor="entity" className="mb-1 block font-bold">Entity</label>
          <select id="entity" name="entity" defaultValue={text(params.entity)} className="border-2 border-govuk-black bg-white px-2 py-1.5 text-lg">
            <option value="">All</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>{t.replace(/_/g, " ")}</option>
            ))}
          </select>
        </div>
        <DateInput name="from" legend="From" hint="For example, 1 12 2026" error={errors.from} values={{ day: text(params["from-day"]), month: text(params["from-month"]), year: text(params["from-year"]) }} />
        <DateInput name="to" legend="To" error={errors.to} values={{ day: text(params["to-day"]), month: text(params["to-month"]), year: text(params["to-year"]) }} />
        <Button>Filter</Button>
        <Link href="/admin/audit">Clear filters</Link>
      </form>
      {result ? (
        <>
          <p className="mb-4">
            <a href={`/admin/audit/csv?${query.toString()}`}>Download these events as CSV</a>
          </p>
          {result.rows.length === 0 ? (
            <p className="mb-8">No events match these filters.</p>
          ) : (
            <ScrollRegion label="Audit events" minWidth="900px">
              <table className={`${table.table} text-sm`}>
                <caption className="sr-only">Audit events, newest first</caption>
                <TableHead columns={["When", "Who", "Action", "Entity", "Before", "After"]} />
                <tbody>
                  {result.rows.map((e) => (
                    <tr key={e.id}>
                      <td className={`${table.td} whitespace-nowrap`}>{formatDateTime(e.occurredAt)}</td>
                      <td className={table.td}>
                        {e.actorLabel}
                        {e.sourceAddress ? <span className="block text-govuk-secondary">from {e.sourceAddress}</span> : null}
                      </td>
                      <td className={table.td}>{e.action}</td>
                      <td className={table.td}>
                        {e.entityType.replace(/_/g, " ")}
                        {e.entityId ? ` ${e.entityId}` : ""}
                      </td>
                      <td className={`${table.td} break-all font-mono`}>{describe(e.before)}</td>
                      <td className={`${table.td} break-all font-mono`}>{describe(e.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <nav aria-label="Pages of events" className="mb-8 flex gap-6">
            {page > 1 ? <Link href={pageLink(page - 1)}>Newer events</Link> : null}
            {result.hasMore ? <Link href={pageLink(page + 1)}>Older events</Link> : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
