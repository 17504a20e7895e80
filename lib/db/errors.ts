/** Whether the database refused a statement for breaking the unique index `index` (drizzle wraps the driver's error). */
export function violatesUnique(error: unknown, index: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === index || (typeof e.message === "string" && e.message.includes(index));
  }
  return false;
}

/**
 * Whether the database gave up a transaction because another one changed what it read (REPEATABLE READ's
 * serialization failure, or a deadlock): repeating the whole transaction is the remedy.
 */
export function mustRetry(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code } = e as { code?: unknown };
    if (code === "40001" || code === "40P01") return true;
  }
  return false;
}
