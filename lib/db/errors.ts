/** Whether the database refused a statement for breaking the unique index `index` (drizzle wraps the driver's error). */
export function violatesUnique(error: unknown, index: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === index || (typeof e.message === "string" && e.message.includes(index));
  }
  return false;
}
