/**
 * Optimistic concurrency for every editable record. A save names the version it was based on; under
 * a row lock we compare, and a stale save is refused with the changes made since (who, when, what),
 * read from the audit trail. An accepted save writes the change and its audit event in one transaction.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { recordAudit, type Actor, type AuditAction } from "@/lib/audit/record";

export type Versioned = { id: number; version: number };

/** One change already made by someone, as the audit trail recorded it. */
export type RecordedChange = {
  actorLabel: string;
  occurredAt: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type Outcome<T> =
  | { kind: "saved"; record: T }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "conflict"; current: T | null; changes: RecordedChange[] }
  | { kind: "not-found" };

/** Thrown inside the transaction when a save changes nothing, so nothing (not even the version) is written. */
class Unchanged<T> extends Error {
  constructor(readonly record: T) {
    super("unchanged");
  }
}

function sameContent(a: object, b: object): boolean {
  const strip = (r: object) => JSON.stringify({ ...r, version: 0 });
  return strip(a) === strip(b);
}

/** A rule only the database can check (a name already taken): refuses the save with field errors. */
export class RuleBroken extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join("; "));
  }
}

/** The changes recorded for a record after the version someone read, oldest first. */
export async function changesSince(db: Db, entityType: string, id: number, version: number): Promise<RecordedChange[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(id))))
    .orderBy(asc(auditEvents.id));
  return rows
    .filter((r) => {
      const after = r.after as { version?: number } | null;
      const before = r.before as { version?: number } | null;
      // A removal has no "after": it counts when it removed a version newer than or equal to the one read.
      return after ? (after.version ?? 0) > version : (before?.version ?? 0) >= version;
    })
    .map((r) => ({
      actorLabel: r.actorLabel,
      occurredAt: r.occurredAt.toISOString(),
      action: r.action,
      before: r.before as Record<string, unknown> | null,
      after: r.after as Record<string, unknown> | null,
    }));
}

/** The audit history of one record (or, with `productId`, of everything recorded against that product), newest first. */
export async function historyOf(db: Db, filter: { entityType: string; id: number } | { productId: number }, limit = 100): Promise<RecordedChange[]> {
  const where =
    "productId" in filter
      ? sql`(${auditEvents.entityType} = 'product' AND ${auditEvents.entityId} = ${String(filter.productId)})
            OR (${auditEvents.after} ->> 'productId') = ${String(filter.productId)}
            OR (${auditEvents.before} ->> 'productId') = ${String(filter.productId)}`
      : and(eq(auditEvents.entityType, filter.entityType), eq(auditEvents.entityId, String(filter.id)));
  const rows = await db.select().from(auditEvents).where(where).orderBy(sql`${auditEvents.id} DESC`).limit(limit);
  return rows.map((r) => ({
    actorLabel: r.actorLabel,
    occurredAt: r.occurredAt.toISOString(),
    action: r.action,
    before: r.before as Record<string, unknown> | null,
    after: r.after as Record<string, unknown> | null,
  }));
}

/**
 * Changes one record if it is still at `expectedVersion`. `read` returns the record (locked FOR UPDATE)
 * as the audit trail keeps it; `write` makes the change (raising the version); both run in one transaction.
 * With `write` returning null the record is removed (the audit "after" is null). A save that changes
 * nothing is rolled back: no new version, no audit event.
 */
export async function saveVersioned<T extends Versioned>(
  db: Db,
  options: {
    entityType: string;
    id: number;
    expectedVersion: number;
    action: AuditAction;
    actor: Actor;
    read: (tx: Db) => Promise<T | null>;
    write: (tx: Db, current: T, correlationId: string) => Promise<T | null>;
    /**
     * Whether a record as the audit trail kept it was one `read` could have found (its product, say).
     * When `read` finds nothing, only the removal of such a record is a conflict; anything else is not found.
     */
    owns?: (record: Record<string, unknown>) => boolean;
  },
): Promise<Outcome<T>> {
  try {
    return await db.transaction(async (tx) => {
      const current = await options.read(tx);
      if (!current) {
        // Not found by `read`: a conflict only if it was removed since it was read, and was this caller's to
        // find; an id that exists elsewhere (another product's record) is simply not found, and its history is not shown.
        const changes = await changesSince(tx, options.entityType, options.id, options.expectedVersion);
        const removal = changes.find((c) => c.after === null && c.before !== null);
        const removedHere = removal !== undefined && (options.owns?.(removal.before!) ?? true);
        return removedHere ? { kind: "conflict", current: null, changes } : { kind: "not-found" };
      }
      if (current.version !== options.expectedVersion) {
        return { kind: "conflict", current, changes: await changesSince(tx, options.entityType, options.id, options.expectedVersion) };
      }
      const correlationId = randomUUID();
      const after = await options.write(tx, current, correlationId);
      if (after && sameContent(current, after)) throw new Unchanged(current);
      await recordAudit(tx, {
        actor: options.actor,
        action: options.action,
        entityType: options.entityType,
        entityId: options.id,
        before: current,
        after,
        correlationId,
      });
      return { kind: "saved", record: after ?? current };
    });
  } catch (error) {
    if (error instanceof RuleBroken) return { kind: "invalid", errors: error.errors };
    if (error instanceof Unchanged) return { kind: "saved", record: error.record as T };
    throw error;
  }
}

/** Adds a record and its audit event in one transaction. */
export async function createAudited<T extends Versioned>(
  db: Db,
  options: { entityType: string; action: AuditAction; actor: Actor; insert: (tx: Db, correlationId: string) => Promise<T> },
): Promise<Outcome<T>> {
  try {
    return await db.transaction(async (tx) => {
      const correlationId = randomUUID();
      const record = await options.insert(tx, correlationId);
      await recordAudit(tx, { actor: options.actor, action: options.action, entityType: options.entityType, entityId: record.id, after: record, correlationId });
      return { kind: "saved", record };
    });
  } catch (error) {
    if (error instanceof RuleBroken) return { kind: "invalid", errors: error.errors };
    throw error;
  }
}
