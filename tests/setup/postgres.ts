/**
 * Vitest global setup for the integration tests: one fresh, empty PostgreSQL database per run, named
 * nledp_test_<timestamp>_<pid>, handed to the tests with `inject("testDatabaseUrl")` and dropped at the
 * end together with any scratch databases the tests made from it (tests/setup/database.ts).
 */
import type { TestProject } from "vitest/node";
import {
  createDatabase,
  databaseUrl,
  dropDatabaseFamily,
  freshDatabaseName,
  testAdminUrl,
} from "./test-databases.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin connection (to the `postgres` database) used to create and drop test databases. */
    testAdminUrl: string;
    /** Name of this run's database; scratch databases are named after it. */
    testDatabaseName: string;
    /** This run's database: empty when the run starts, shared by the integration test files. */
    testDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = testAdminUrl();
  const name = freshDatabaseName("test");
  try {
    await createDatabase(adminUrl, name);
  } catch (error) {
    const where = new URL(adminUrl);
    throw new Error(
      `Could not create the test database on ${where.host || "the local socket"} ` +
        `(${error instanceof Error ? error.message : String(error)}). Integration tests need a PostgreSQL ` +
        `server: start one, or set TEST_DATABASE_ADMIN_URL.`,
    );
  }
  project.provide("testAdminUrl", adminUrl);
  project.provide("testDatabaseName", name);
  project.provide("testDatabaseUrl", databaseUrl(adminUrl, name));

  return async () => {
    await dropDatabaseFamily(adminUrl, name);
  };
}
