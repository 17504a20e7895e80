/**
 * Demo accounts exist only when asked for: SEED_DEMO_USERS=true with DEMO_PASSWORD, or the embedded
 * default's very first start (a random password, shown once). A server on DATABASE_URL never gets
 * them unless SEED_DEMO_USERS=true.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { readEnv } from "@/lib/env";
import { demoAccountsAtStart } from "@/lib/auth/demo-accounts";
import { checkCredentials, countUsers, createUser } from "@/lib/auth/users";
import { migratedScratch, queryRows } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ db, dispose } = await migratedScratch());
});
afterAll(() => dispose?.());

/**
 * The database with no accounts, as on a first start: what the demo accounts depend on. (The audit
 * trail is append-only and keeps its rows; none of them names a user, so the accounts can go.)
 */
async function emptyDatabase(): Promise<Db> {
  await db.execute(sql`DELETE FROM users`);
  expect(await countUsers(db)).toBe(0);
  return db;
}

const DEMO = [
  { email: "admin@example.gov.uk", role: "admin" },
  { email: "editor@example.gov.uk", role: "editor" },
  { email: "clerk@example.gov.uk", role: "viewer" },
] as const;
const DEMO_PASSWORD = "demo accounts passphrase";
const SERVER = "postgres://roadmap@db.example.internal:5432/roadmap";

async function users(db: Db) {
  return queryRows<{ email: string; role: string; active: boolean }>(db, sql`SELECT email, role, active FROM users ORDER BY id`);
}

async function start(db: Db, variables: Record<string, string>) {
  const lines: string[] = [];
  await demoAccountsAtStart(db, readEnv({ NODE_ENV: "test", ...variables }), (line) => lines.push(line));
  return lines;
}

async function expectDemoAccountsSignInWith(db: Db, password: string) {
  for (const demo of DEMO) {
    expect(await checkCredentials(db, demo.email, password), demo.email).toMatchObject({ email: demo.email, role: demo.role });
  }
}

describe("SEED_DEMO_USERS=true with DEMO_PASSWORD", () => {
  it("makes the three demo accounts with that password, on a server database too", async () => {
    const db = await emptyDatabase();
    const lines = await start(db, { SEED_DEMO_USERS: "true", DEMO_PASSWORD, DATABASE_URL: SERVER });
    expect(await users(db)).toEqual(DEMO.map((d) => ({ ...d, active: true })));
    await expectDemoAccountsSignInWith(db, DEMO_PASSWORD);
    // The log names the accounts, never the password.
    expect(lines.join("\n")).toContain("admin@example.gov.uk");
    expect(lines.join("\n")).not.toContain(DEMO_PASSWORD);
  });

  it("makes nothing new on the next start, and moves the accounts to a changed DEMO_PASSWORD", async () => {
    const db = await emptyDatabase();
    await start(db, { SEED_DEMO_USERS: "true", DEMO_PASSWORD });
    await start(db, { SEED_DEMO_USERS: "true", DEMO_PASSWORD });
    expect(await countUsers(db)).toBe(3);

    await start(db, { SEED_DEMO_USERS: "true", DEMO_PASSWORD: "a changed demo passphrase" });
    expect(await countUsers(db)).toBe(3);
    await expectDemoAccountsSignInWith(db, "a changed demo passphrase");
    expect(await checkCredentials(db, "admin@example.gov.uk", DEMO_PASSWORD)).toBeNull();
  });

  it("refuses a weak DEMO_PASSWORD and makes no accounts", async () => {
    const db = await emptyDatabase();
    await expect(start(db, { SEED_DEMO_USERS: "true", DEMO_PASSWORD: "password1234" })).rejects.toThrow(/DEMO_PASSWORD/);
    expect(await countUsers(db)).toBe(0);
  });
});

it("refuses SEED_DEMO_USERS=true without DEMO_PASSWORD, saying what is missing", async () => {
  const db = await emptyDatabase();
  await expect(start(db, { SEED_DEMO_USERS: "true" })).rejects.toThrow(/DEMO_PASSWORD/);
  expect(await countUsers(db)).toBe(0);
});

it("makes none with SEED_DEMO_USERS=false, even on the embedded default's first start", async () => {
  const db = await emptyDatabase();
  expect(await start(db, { SEED_DEMO_USERS: "false" })).toEqual([]);
  expect(await countUsers(db)).toBe(0);
});

it("makes none on a server database (DATABASE_URL) unless asked, even with no users at all", async () => {
  const db = await emptyDatabase();
  expect(await start(db, { DATABASE_URL: SERVER })).toEqual([]);
  expect(await start(db, { DATABASE_URL: SERVER, DEMO_PASSWORD })).toEqual([]);
  expect(await countUsers(db)).toBe(0);
});

describe("the embedded default's first start, with neither variable set", () => {
  it("makes the three accounts with a random password, shown once, and nothing on the next start", async () => {
    const db = await emptyDatabase();
    const first = await start(db, {});
    expect(await users(db)).toEqual(DEMO.map((d) => ({ ...d, active: true })));

    const text = first.join("\n");
    const password = /Password: (\S+)/.exec(text)?.[1];
    expect(password, text).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await expectDemoAccountsSignInWith(db, password!);
    expect(text).toContain("http://localhost:3000/sign-in");

    const second = await start(db, {});
    expect(second).toEqual([]);
    expect(await countUsers(db)).toBe(3);
    // The accounts keep the password that was shown.
    await expectDemoAccountsSignInWith(db, password!);
  });

  it("gives a different password on each new installation", async () => {
    const password = async () => /Password: (\S+)/.exec((await start(await emptyDatabase(), {})).join("\n"))?.[1];
    const first = await password();
    const second = await password();
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
  });

  it("makes none once someone has made an account (for example with npm run user:create)", async () => {
    const db = await emptyDatabase();
    await createUser(db, { name: "Real Admin", email: "real.admin@example.gov.uk", role: "admin", password: "real admin passphrase" }, { userId: null, label: "Test" });
    expect(await start(db, {})).toEqual([]);
    expect((await users(db)).map((u) => u.email)).toEqual(["real.admin@example.gov.uk"]);
  });
});
