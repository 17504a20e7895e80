/** The database's own error behind a failed query: drizzle wraps it (DrizzleQueryError, with `cause`). */
export function databaseError(error: unknown): { code?: string; message: string } {
  let cause: unknown = error;
  while (cause instanceof Error && !("code" in cause) && cause.cause) cause = cause.cause;
  const e = cause as { code?: unknown; message?: unknown };
  return { code: typeof e.code === "string" ? e.code : undefined, message: String(e.message) };
}

/** Runs a statement that must fail, and returns the database's error. */
export async function refusal(run: () => Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return databaseError(error);
  }
  throw new Error("the database accepted a change it must refuse");
}

/** SQLSTATE raised by the append-only triggers in drizzle/0001_append_only_tables.sql. */
export const RESTRICT_VIOLATION = "23001";
