// GET /updates — the published quarterly updates, newest first; for those who may publish, a link to start the next one or to the draft being prepared. Needs: read:published.
import type { Metadata } from "next";
import Link from "next/link";
import { H1, Lead, table } from "@/components/ui/typography";
import { formatDate } from "@/lib/dates/period";
import { publishedUpdates } from "@/lib/roadmap/published";
import { requirePermission } from "@/lib/auth/checkpoint";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { quarterName, readDraftUpdate } from "@/lib/updates/workflow";
import { TableHead } from "@/components/ui/TableHead";
import { ScrollRegion } from "@/components/ui/ScrollRegion";

export const metadata: Metadata = { title: "Quarterly updates" };

export default async function UpdatesPage() {
  const user = await requirePermission("read:published");
  const updates = await publishedUpdates();
  // Clerks see nothing of drafts: not even whether one exists.
  const draft = can(user.role, "publish:update") ? await readDraftUpdate(await getDb()) : undefined;
  return (
    <>
      <H1>Quarterly updates</H1>
      <Lead>
        The roadmap is updated each quarter for the year ahead. Each published update is frozen as it was published and can be
        downloaded as a PDF.
      </Lead>
      {draft === undefined ? null : (
        <div className="mb-8 max-w-[45em] border-l-[10px] border-govuk-border py-2 pl-4">
          {draft ? (
            <p>
              The {quarterName(draft)} update is being prepared (not published).{" "}
              <Link href="/draft#quarterly-update">Go to the {quarterName(draft)} draft update</Link>
            </p>
          ) : (
            <p>
              No update is being prepared. <Link href="/draft/update/new">Start the next quarterly update</Link>
            </p>
          )}
        </div>
      )}
      {updates.length === 0 ? (
        <p>No update has been published yet.</p>
      ) : (
        <ScrollRegion label="Published quarterly updates">
<table className={table.table}>
          <caption className="sr-only">Published quarterly updates</caption>
          <TableHead columns={["Quarter", "Title", "Published", "Download"]} />
          <tbody>
            {updates.map((u) => (
              <tr key={u.slug}>
                <th scope="row" className={table.th}>
                  <Link href={`/updates/${u.slug}`}>{u.year} Q{u.quarter}</Link>
                </th>
                <td className={table.td}>{u.title}</td>
                <td className={table.td}>
                  {u.publishedOn ? formatDate(u.publishedOn) : ""}
                  {u.publishedByName ? <span className="block text-govuk-secondary">by {u.publishedByName}</span> : null}
                </td>
                <td className={table.td}>
                  <a href={`/updates/${u.slug}/pdf`}>
                    PDF<span className="sr-only"> of the {u.year} Q{u.quarter} update</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
</ScrollRegion>
      )}
    </>
  );
}
