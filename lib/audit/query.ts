/**
 * Reading the audit trail: filters from the admin page (and its CSV), newest first, a page at a time.
 * Dates are London calendar days: "from 1 December" means from midnight in London that day.
 */
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { addDays, isoDate, isRealDate, type IsoDate } from "@/lib/dates/period";

export const AUDIT_PAGE_SIZE = 50;

const datePart = (label: string) =>
  z.object({ day: z.string().trim(), month: z.string().trim(), year: z.string().trim() }).transform((v, ctx): IsoDate | null => {
    if (!v.day && !v.month && !v.year) return null;
    const [d, m, y] = [Number(v.day), Number(v.month), Number(v.year)];
    if (!v.day || !v.month || !v.year || !isRealDate(y, m, d)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a real date, like 7 10 2021` });
      return z.NEVER;
    }
    return isoDate(y, m, d);
  });

export const auditFilterSchema = z
  .object({
    person: z.string().trim().max(254, "Person must be 254 characters or fewer").default(""),
    entity: z.string().trim().max(64, "Entity must be 64 characters or fewer").default(""),
    from: datePart("The from date"),
    to: datePart("The to date"),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The to date must be the same as or after the from date" });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filter from a query string (the page's GET form: person, entity, from-day, from-month, ...). */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>) {
  const one = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  return auditFilterSchema.safeParse({
    person: one("person"),
    entity: one("entity"),
    from: { day: one("from-day"), month: one("from-month"), year: one("from-year") },
    to: { day: one("to-day"), month: one("to-month"), year: one("to-year") },
    page: one("page") || 1,
  });
}

/** Midnight in London at the start of a calendar day, as an instant (BST or GMT as that day has it). */
function londonMidnight(day: IsoDate): Date {
  const utcGuess = new Date(`${day}T00:00:00Z`);
  const london = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "numeric", hourCycle: "h23" }).format(utcGuess);
  return new Date(utcGuess.getTime() - Number(london) * 3_600_000);
}

function where(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.person) {
    const like = `%${escapeLike(filter.person)}%`;
    parts.push(
      or(
        ilike(auditEvents.actorLabel, like),
        sql`${auditEvents.actorUserId}::text = ${filter.person}`,
        // Events record the email; the name is on the person's account.
        sql`${auditEvents.actorUserId} IN (SELECT ${users.id} FROM ${users} WHERE ${users.name} ILIKE ${like})`,
      )!,
    );
  }
  if (filter.entity) parts.push(eq(auditEvents.entityType, filter.entity));
  if (filter.from) parts.push(gte(auditEvents.occurredAt, londonMidnight(filter.from)));
  if (filter.to) parts.push(lt(auditEvents.occurredAt, londonMidnight(addDays(filter.to, 1))));
  return parts.length ? and(...parts) : undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type AuditRow = typeof auditEvents.$inferSelect;

export async function listAuditEvents(db: Db, filter: AuditFilter, limit = AUDIT_PAGE_SIZE): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where(filter))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1)
    .offset((filter.page - 1) * limit);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Entity types that occur in the trail, for the filter's choices. */
export async function auditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ entityType: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType);
  return rows.map((r) => r.entityType);
}
