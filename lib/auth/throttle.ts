/**
 * Repeated failed sign-ins for one account or from one address are slowed, then refused for a while.
 * Attempts are kept in the database, so every instance counts the same. Failures count within the
 * window; for an account, only those since its last success (one good account behind an address
 * must not reset the address's count, or it could be used to keep guessing others).
 */
import { and, count, eq, gt, inArray, lt, max, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";

export const THROTTLE = {
  windowMinutes: 15,
  /** Failures for one account before each further attempt is slowed, and before it is refused. */
  account: { slowAfter: 3, refuseAfter: 10 },
  /** The same for one address, which may serve many people (an office behind one gateway). */
  address: { slowAfter: 20, refuseAfter: 50 },
  delayStepMs: 400,
  maxDelayMs: 2000,
};

export const REFUSED_MESSAGE = `Too many failed attempts to sign in. Wait ${THROTTLE.windowMinutes} minutes, then try again.`;

const keys = (email: string, address: string) => ({ account: `email:${email.trim().toLowerCase()}`, address: `address:${address}` });

async function failuresSinceLastSuccess(db: Db, key: string, since: Date, resetBySuccess = true): Promise<number> {
  if (!resetBySuccess) return failuresSince(db, key, since);
  const [last] = await db
    .select({ at: max(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), eq(signInAttempts.succeeded, true)));
  const from = last?.at && last.at > since ? last.at : since;
  return failuresSince(db, key, from);
}

async function failuresSince(db: Db, key: string, from: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, from)));
  return row?.n ?? 0;
}

export async function throttleFor(db: Db, email: string, address: string, now = new Date()): Promise<{ refused: boolean; delayMs: number }> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const k = keys(email, address);
  const [accountFailures, addressFailures] = [await failuresSinceLastSuccess(db, k.account, since), await failuresSinceLastSuccess(db, k.address, since, false)];
  const refused = accountFailures >= THROTTLE.account.refuseAfter || addressFailures >= THROTTLE.address.refuseAfter;
  // Slowed from the attempt after the slowAfter-th failure: one step at slowAfter failures, two at slowAfter + 1, ...
  const steps = (failures: number, slowAfter: number) => Math.max(failures - slowAfter + 1, 0);
  const over = Math.max(steps(accountFailures, THROTTLE.account.slowAfter), steps(addressFailures, THROTTLE.address.slowAfter));
  return { refused, delayMs: Math.min(over * THROTTLE.delayStepMs, THROTTLE.maxDelayMs) };
}

export async function recordAttempt(db: Db, email: string, address: string, succeeded: boolean): Promise<void> {
  const k = keys(email, address);
  await db.insert(signInAttempts).values([
    { key: k.account, succeeded },
    { key: k.address, succeeded },
  ]);
  if (succeeded) {
    // Keep the table small: nothing older than a day matters to the throttle.
    await db.delete(signInAttempts).where(and(inArray(signInAttempts.key, [k.account, k.address]), lt(signInAttempts.attemptedAt, sql`now() - interval '1 day'`)));
  }
}
