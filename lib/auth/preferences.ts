/**
 * A person's display preferences, kept on their account so they follow them to every page and to the
 * PDF. Only one so far: how quarters are labelled (calendar, or the UK financial year that
 * parliamentary scrutiny uses).
 */
import { eq } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import type { QuarterStyle } from "@/lib/dates/period";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import type { SessionUser } from "./current-user";

export const QUARTER_STYLES = ["calendar", "financial"] as const satisfies readonly QuarterStyle[];
export const DEFAULT_QUARTER_STYLE: QuarterStyle = "calendar";

export const quarterStyleSchema = z.enum(QUARTER_STYLES, "Select how quarters should be shown");

/** A `?quarters=` value as given, or null when absent or not a style (so the caller falls back). */
export function parseQuarterStyle(value: unknown): QuarterStyle | null {
  const parsed = quarterStyleSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** Read once per request however many components ask. */
const storedStyle = cache(async (userId: number, db?: Db): Promise<QuarterStyle> => {
  const database = db ?? (await getDb());
  const [row] = await database.select({ quarterStyle: users.quarterStyle }).from(users).where(eq(users.id, userId));
  return parseQuarterStyle(row?.quarterStyle) ?? DEFAULT_QUARTER_STYLE;
});

/**
 * The quarter style a reader chose. The server's own PDF renderer and signed-out readers have no
 * account, so they get the default; the PDF route passes a style explicitly instead.
 */
export async function quarterStyleOf(user: SessionUser | "renderer" | null, db?: Db): Promise<QuarterStyle> {
  if (user === null || user === "renderer") return DEFAULT_QUARTER_STYLE;
  return storedStyle(user.id, db);
}

/**
 * Saves a person's quarter style with its audit event, in one transaction. Refuses anything but the
 * two styles (the database would too, by its check constraint). Returns whether it changed.
 */
export async function setQuarterStyle(db: Db, userId: number, style: QuarterStyle, actor: Actor): Promise<boolean> {
  const next = quarterStyleSchema.parse(style);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ quarterStyle: users.quarterStyle }).from(users).where(eq(users.id, userId)).for("update");
    if (!row) throw new Error(`No user ${userId}`);
    // Saving the same choice again is not a change, so it leaves no audit event behind.
    if (row.quarterStyle === next) return false;
    // `version` is left alone: it guards administrators' edits of the account, which this is not.
    await tx.update(users).set({ quarterStyle: next, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actor,
      action: "user.preference_changed",
      entityType: "user",
      entityId: userId,
      before: { quarterStyle: row.quarterStyle },
      after: { quarterStyle: next },
    });
    return true;
  });
}
