// GET /admin/audit/csv — the audit trail as CSV, with the page's filters (up to 100,000 events). Needs: read:audit.
import { auditCsv } from "@/lib/audit/csv";
import { listAuditEvents, parseAuditFilter } from "@/lib/audit/query";
import { authorizeRequest, problem } from "@/lib/auth/checkpoint";
import { todayInLondon } from "@/lib/dates/period";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const auth = await authorizeRequest("read:audit");
  if ("response" in auth) return auth.response;
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, "Bad filter", parsed.error.issues.map((i) => i.message).join("; "));
  const { rows } = await listAuditEvents(await getDb(), { ...parsed.data, page: 1 }, 100_000);
  return new Response(auditCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="nledp-audit-${todayInLondon()}.csv"`,
      "cache-control": "no-store",
    },
  });
}
