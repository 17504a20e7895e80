/**
 * GET /health, the route handler itself, against a real PostgreSQL and against a server that is not
 * there. It must answer quickly either way: UP with the migrations applied, or 503 DOWN.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../setup/database";

const holder = globalThis as unknown as { nledpDatabase?: Promise<{ close(): Promise<void> }> };

async function healthWith(databaseUrl: string) {
  vi.resetModules();
  holder.nledpDatabase = undefined;
  vi.stubEnv("DATABASE_URL", databaseUrl);
  vi.stubEnv("NEXTAUTH_SECRET", "health-test-secret-health-test-secret");
  const { GET } = await import("@/app/health/route");
  const started = Date.now();
  const response = await GET();
  return { response, body: (await response.json()) as { status: string; components: { database: Record<string, unknown> } }, ms: Date.now() - started };
}

describe("/health", () => {
  let scratch: ScratchDatabase | undefined;
  beforeEach(() => {
    scratch = undefined;
  });
  afterEach(async () => {
    await (await holder.nledpDatabase?.catch(() => undefined))?.close();
    holder.nledpDatabase = undefined;
    vi.unstubAllEnvs();
    await scratch?.drop();
  });

  it("answers 200 UP with the database's state and every migration applied", async () => {
    scratch = await createScratchDatabase();
    const { response, body } = await healthWith(scratch.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body.status).toBe("UP");
    expect(body.components.database).toMatchObject({ status: "UP", kind: "postgres" });
    const migrations = body.components.database.migrations as { applied: number; expected: number };
    expect(migrations.applied).toBe(migrations.expected);
    expect(migrations.expected).toBeGreaterThan(0);
  });

  it("answers 503 DOWN, quickly, when the database cannot be reached", async () => {
    // Port 1 on this machine: nothing listens, so the connection is refused.
    const { response, body, ms } = await healthWith("postgres://postgres@127.0.0.1:1/nledp");
    expect(response.status).toBe(503);
    expect(body.status).toBe("DOWN");
    expect(body.components.database).toMatchObject({ status: "DOWN", error: "unreachable" });
    expect(ms).toBeLessThan(5000);
  });
});
