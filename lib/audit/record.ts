/**
 * Audit events: a typed list of what can happen, written in the same transaction as the change.
 * The table is append-only (database triggers refuse UPDATE and DELETE).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

export const AUDIT_ACTIONS = [
  "seed.loaded",
  "update.published",
  "update.started",
  "update.changed",
  "update.discarded",
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.refused",
  "sign_out",
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.password_changed",
  "user.password_change_failed",
  "user.preference_changed",
  "api_token.created",
  "api_token.revoked",
  "product.created",
  "product.updated",
  "product.removed",
  "phase_span.added",
  "phase_span.updated",
  "phase_span.removed",
  "milestone.added",
  "milestone.updated",
  "milestone.removed",
  "rollout_observation.added",
  "rollout_observation.removed",
  "rollout_target.added",
  "rollout_target.removed",
  "force_go_lives.updated",
  "dependency.added",
  "dependency.updated",
  "dependency.removed",
  "factor.added",
  "factor.updated",
  "factor.removed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type Actor = { userId: number | null; label: string; sourceAddress?: string | null };

export const SYSTEM_ACTOR: Actor = { userId: null, label: "System" };

export async function recordAudit(
  db: Db,
  event: {
    actor: Actor;
    action: AuditAction;
    entityType: string;
    entityId: string | number | null;
    before?: unknown;
    after?: unknown;
    correlationId?: string;
    occurredAt?: Date;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    sourceAddress: event.actor.sourceAddress ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === null ? null : String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
    correlationId: event.correlationId ?? randomUUID(),
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  });
}
