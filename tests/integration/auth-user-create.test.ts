/**
 * `npm run user:create` makes the first administrator on a new installation. Run here as a person
 * would run it: a real process, against a server database named by DATABASE_URL (no NEXTAUTH_SECRET
 * needed), with the password in NLEDP_USER_PASSWORD. Exit codes: 0 made, 1 duplicate, 2 bad input.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/client";
import { checkCredentials, countUsers } from "@/lib/auth/users";
import { createScratchDatabase, queryRows, type ScratchDatabase } from "../setup/database";
import { runTypeScript, type ChildRun } from "../setup/child-process";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = path.join(root, "scripts/user-create.ts");
const PASSWORD = "first administrator passphrase";

let database: ScratchDatabase;
let connection: Connection | undefined;

beforeAll(async () => {
  database = await createScratchDatabase();
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

type Run = ChildRun;

/** Runs the script; `password` null leaves NLEDP_USER_PASSWORD unset. */
function userCreate(args: string[], password: string | null = PASSWORD): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: "" };
  for (const name of ["NEXTAUTH_SECRET", "NLEDP_USER_PASSWORD", "SEED_DEMO_USERS", "DEMO_PASSWORD", "PGLITE_DIR"]) delete env[name];
  if (password !== null) env.NLEDP_USER_PASSWORD = password;
  return runTypeScript(script, args, { cwd: root, env });
}

/** Opened after the script's first run, which migrates the database. */
async function db() {
  connection ??= await connect({ url: database.url });
  return connection.db;
}

describe("npm run user:create", () => {
  it("makes an administrator who can sign in, recorded in the audit trail", async () => {
    const run = await userCreate(["--email", "a@b.gov.uk", "--name", "A B", "--role", "admin"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Created admin A B <a@b.gov.uk>");
    // The password is never echoed.
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);

    const user = await checkCredentials(await db(), "a@b.gov.uk", PASSWORD);
    expect(user).toMatchObject({ email: "a@b.gov.uk", name: "A B", role: "admin" });
    const events = await queryRows<{ actor_label: string; after: unknown }>(
      await db(),
      sql`SELECT actor_label, after FROM audit_events WHERE action = 'user.created' AND entity_id = ${String(user!.id)}`,
    );
    expect(events).toEqual([{ actor_label: "Command line: npm run user:create", after: { name: "A B", email: "a@b.gov.uk", role: "admin" } }]);
  });

  it("refuses an email that already has an account, whatever its case, with exit code 1", async () => {
    const run = await userCreate(["--email", "A@B.gov.uk", "--name", "Another Person", "--role", "viewer"], "another good passphrase");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("There is already an account with the email address A@B.gov.uk.");
    expect(await countUsers(await db())).toBe(1);
    expect(await checkCredentials(await db(), "a@b.gov.uk", PASSWORD)).toMatchObject({ name: "A B", role: "admin" });
  });

  it.each([
    ["too short", "short pass", "Password must be 12 characters or more"],
    ["common", "password1234", "Password is too common"],
  ])("refuses a %s password with exit code 2, and makes nothing", async (_what, password, message) => {
    const run = await userCreate(["--email", "weak@b.gov.uk", "--name", "Weak Password"], password);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout + run.stderr).not.toContain(password);
    expect(await countUsers(await db())).toBe(1);
  });

  it.each([
    ["an email that is not one", ["--email", "not-an-email", "--name", "Bad Email"], "--email: Enter an email address in the correct format"],
    ["no name", ["--email", "noname@b.gov.uk"], "--name:"],
    ["an unknown role", ["--email", "role@b.gov.uk", "--name", "Bad Role", "--role", "superuser"], "--role: Select a role"],
  ])("refuses %s with exit code 2 and says how to run it", async (_what, args, message) => {
    const run = await userCreate(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage: npm run user:create");
    expect(await countUsers(await db())).toBe(1);
  });

  it("asks for NLEDP_USER_PASSWORD when it is not set and there is no terminal to ask in", async () => {
    const run = await userCreate(["--email", "nopass@b.gov.uk", "--name", "No Password"], null);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Set NLEDP_USER_PASSWORD");
    expect(await countUsers(await db())).toBe(1);
  });

  it("makes a viewer when asked, with the role given", async () => {
    const run = await userCreate(["--email", "clerk@b.gov.uk", "--name", "C Clerk", "--role", "viewer"], "clerk's own passphrase");
    expect(run.code, run.stderr).toBe(0);
    expect(await checkCredentials(await db(), "clerk@b.gov.uk", "clerk's own passphrase")).toMatchObject({ role: "viewer" });
  });
});
