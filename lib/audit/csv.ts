/** The audit trail as CSV (RFC 4180), safe to open in a spreadsheet. */
import { formatDateTime } from "@/lib/dates/period";
import type { AuditRow } from "./query";

export const AUDIT_CSV_COLUMNS = ["When (UK time)", "Who", "From address", "Action", "Entity", "Entity id", "Before", "After", "Correlation id"];

/** Quotes a cell, and defuses text a spreadsheet would run as a formula (=, +, -, @). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsv(rows: AuditRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS.map(csvCell).join(",")];
  for (const r of rows) {
    lines.push(
      [formatDateTime(r.occurredAt), r.actorLabel, r.sourceAddress, r.action, r.entityType, r.entityId, r.before, r.after, r.correlationId]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
