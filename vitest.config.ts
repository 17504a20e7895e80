import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two projects: `unit` (lib/**\/*.test.ts, beside the code, no database) and `integration`
 * (tests/integration, against a fresh PostgreSQL database made by tests/setup/postgres.ts).
 * `npx vitest run --project unit` runs without a database server.
 */
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    setupFiles: ["tests/setup/console.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/postgres.ts"],
          // Real databases, PGlite start-up and child processes: seconds, not milliseconds, on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
