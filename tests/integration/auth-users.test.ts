/**
 * Accounts: every change is recorded in the audit trail in the same transaction (so there is never a
 * change without its record, or a record of a change that did not happen), an email address belongs
 * to one account whatever its case, and no function hands out a password hash.
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Actor } from "@/lib/audit/record";
import {
  changeOwnPassword,
  changeRole,
  checkCredentials,
  countUsers,
  createUser,
  DuplicateEmailError,
  findUser,
  listUsers,
  setActive,
  endSessions,
  setPassword,
} from "@/lib/auth/users";
import { queryRows, scratchConnection } from "../setup/database";

let db: Db;
let url: string;
let dispose: () => Promise<void>;
let admin: Actor;

beforeAll(async () => {
  const scratch = await scratchConnection();
  ({ url, dispose } = scratch);
  await migrateDatabase(scratch.connection);
  db = scratch.connection.db;
  const first = await createUser(db, { name: "First Admin", email: "first.admin@example.gov.uk", role: "admin", password: "first admin passphrase" }, { userId: null, label: "Test set-up" });
  admin = { userId: first.id, label: first.email, sourceAddress: "198.51.100.7" };
});
afterAll(() => dispose?.());

const PASSWORD = "marble kettle orbit";
let serial = 0;
async function newUser(role: "viewer" | "editor" | "admin" = "viewer", password = PASSWORD) {
  serial += 1;
  return createUser(db, { name: `Person ${serial}`, email: `person${serial}@example.gov.uk`, role, password }, admin);
}

type AuditRow = {
  action: string;
  actor_user_id: number | null;
  actor_label: string;
  source_address: string | null;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
};

async function auditFor(userId: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    db,
    sql`SELECT action, actor_user_id, actor_label, source_address, entity_type, entity_id, before, after
        FROM audit_events WHERE entity_type = 'user' AND entity_id = ${String(userId)} ORDER BY id`,
  );
}

async function storedHash(userId: number): Promise<string | null> {
  const [row] = await queryRows<{ password_hash: string | null }>(db, sql`SELECT password_hash FROM users WHERE id = ${userId}`);
  return row?.password_hash ?? null;
}

describe("createUser", () => {
  it("makes the account and its 'user.created' audit event, with who did it and no password", async () => {
    const user = await createUser(db, { name: "Ada Clerk", email: "Ada.Clerk@example.gov.uk", role: "viewer", password: PASSWORD }, admin);
    expect(user).toMatchObject({ name: "Ada Clerk", email: "Ada.Clerk@example.gov.uk", role: "viewer", active: true });
    expect(user).not.toHaveProperty("passwordHash");

    const hash = await storedHash(user.id);
    expect(hash?.startsWith("$argon2id$")).toBe(true);

    const events = await auditFor(user.id);
    expect(events).toEqual([
      {
        action: "user.created",
        actor_user_id: admin.userId,
        actor_label: admin.label,
        source_address: "198.51.100.7",
        entity_type: "user",
        entity_id: String(user.id),
        before: null,
        after: { name: "Ada Clerk", email: "Ada.Clerk@example.gov.uk", role: "viewer" },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain("$argon2");
  });

  it("refuses an email address already in use, whatever its case, and records nothing", async () => {
    const existing = await newUser();
    const before = await countUsers(db);
    const [{ n: eventsBefore }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_events`)) as [{ n: number }];

    await expect(
      createUser(db, { name: "Someone Else", email: existing.email.toUpperCase(), role: "admin", password: "another long passphrase" }, admin),
    ).rejects.toBeInstanceOf(DuplicateEmailError);

    expect(await countUsers(db)).toBe(before);
    const [{ n: eventsAfter }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_events`)) as [{ n: number }];
    expect(eventsAfter).toBe(eventsBefore);
  });

  it("refuses an email address taken at the same moment by another request, as a duplicate", async () => {
    // Two administrators (or one double-clicking) add the same person: the other insert is not yet
    // committed when this one checks, so only the database's unique index can catch it.
    const email = "race@example.gov.uk";
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("INSERT INTO users (name, email, role) VALUES ('Race One', $1, 'viewer')", [email]);

      const attempt = createUser(db, { name: "Race Two", email: email.toUpperCase(), role: "viewer", password: PASSWORD }, admin);
      const outcome = attempt.then(
        () => "created",
        (error: unknown) => error,
      );
      // Wait until this insert is blocked on the other transaction's row, then commit that one.
      for (let i = 0; ; i++) {
        const [row] = await queryRows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if ((row?.n ?? 0) > 0) break;
        if (i > 200) throw new Error("createUser never reached the insert");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await other.query("COMMIT");

      expect(await outcome).toBeInstanceOf(DuplicateEmailError);
      const rows = await queryRows<{ name: string }>(db, sql`SELECT name FROM users WHERE lower(email) = ${email}`);
      expect(rows).toEqual([{ name: "Race One" }]);
      const events = await queryRows(db, sql`SELECT 1 FROM audit_events WHERE after->>'email' ILIKE ${email}`);
      expect(events).toEqual([]);
    } finally {
      await other.end();
    }
  });

  it("refuses a weak password and makes no account", async () => {
    const before = await countUsers(db);
    await expect(createUser(db, { name: "Weak", email: "weak@example.gov.uk", role: "viewer", password: "password1234" }, admin)).rejects.toThrow(
      /too common/,
    );
    await expect(createUser(db, { name: "Short", email: "short@example.gov.uk", role: "viewer", password: "short" }, admin)).rejects.toThrow(
      /12 characters or more/,
    );
    expect(await countUsers(db)).toBe(before);
  });
});

describe("changeRole", () => {
  it("changes the role and records 'user.role_changed' with the role before and after", async () => {
    const user = await newUser("viewer");
    const changed = await changeRole(db, user.id, "editor", admin);
    expect(changed).toMatchObject({ id: user.id, role: "editor" });
    expect((await findUser(db, user.id))?.role).toBe("editor");

    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(["user.created", "user.role_changed"]);
    expect(events[1]).toMatchObject({ actor_user_id: admin.userId, before: { role: "viewer" }, after: { role: "editor" } });
  });

  it("records nothing when the role is already the one asked for, and answers null for no such user", async () => {
    const user = await newUser("editor");
    expect(await changeRole(db, user.id, "editor", admin)).toMatchObject({ role: "editor" });
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.created"]);
    expect(await changeRole(db, 999_999, "admin", admin)).toBeNull();
  });
});

describe("setActive", () => {
  it("deactivates and reactivates, recording each, and a deactivated person cannot sign in", async () => {
    const user = await newUser("editor");
    expect(await setActive(db, user.id, false, admin)).toMatchObject({ active: false });
    expect(await checkCredentials(db, user.email, PASSWORD)).toBeNull();

    expect(await setActive(db, user.id, true, admin)).toMatchObject({ active: true });
    expect(await checkCredentials(db, user.email, PASSWORD)).toMatchObject({ id: user.id });

    const events = await auditFor(user.id);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.created", null, { name: user.name, email: user.email, role: "editor" }],
      ["user.deactivated", { active: true }, { active: false }],
      ["user.reactivated", { active: false }, { active: true }],
    ]);
  });

  it("records nothing when nothing changes", async () => {
    const user = await newUser();
    await setActive(db, user.id, true, admin);
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.created"]);
    expect(await setActive(db, 999_999, false, admin)).toBeNull();
  });
});

describe("changeOwnPassword", () => {
  it("refuses a wrong current password: returns false, changes nothing, records nothing", async () => {
    const user = await newUser();
    const hashBefore = await storedHash(user.id);
    const self: Actor = { userId: user.id, label: user.email };
    expect(await changeOwnPassword(db, user.id, "not my password at all", "a brand new passphrase", self)).toBe(false);
    expect(await storedHash(user.id)).toBe(hashBefore);
    expect(await checkCredentials(db, user.email, PASSWORD)).not.toBeNull();
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.created"]);
  });

  it("changes the password with the right current one, and records that it changed but never what to", async () => {
    const user = await newUser();
    const self: Actor = { userId: user.id, label: user.email };
    const next = "a brand new passphrase";
    expect(await changeOwnPassword(db, user.id, PASSWORD, next, self)).toBe(true);

    expect(await checkCredentials(db, user.email, next)).toMatchObject({ id: user.id });
    expect(await checkCredentials(db, user.email, PASSWORD)).toBeNull();

    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(["user.created", "user.password_changed"]);
    expect(events[1]).toMatchObject({ actor_user_id: user.id, before: null, after: null });
    const all = JSON.stringify(await queryRows(db, sql`SELECT * FROM audit_events`));
    expect(all).not.toContain(next);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain("$argon2");
  });

  it("refuses a weak new password even with the right current one", async () => {
    const user = await newUser();
    await expect(changeOwnPassword(db, user.id, PASSWORD, "aaaaaaaaaaaa", { userId: user.id, label: user.email })).rejects.toThrow(/too common/);
    expect(await checkCredentials(db, user.email, PASSWORD)).not.toBeNull();
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(["user.created"]);
  });
});

describe("a change whose audit event cannot be written", () => {
  // A trigger that refuses audit events from one actor stands in for any failure of the audit write.
  const REFUSED: Actor = { userId: null, label: "audit write fails" };
  beforeAll(async () => {
    await db.execute(sql`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.actor_label = 'audit write fails' THEN RAISE EXCEPTION 'audit write failed'; END IF;
        RETURN NEW;
      END $$`);
    await db.execute(sql`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
  });
  afterAll(async () => {
    await db.execute(sql`DROP TRIGGER test_refuse_audit ON audit_events`);
    await db.execute(sql`DROP FUNCTION test_refuse_audit()`);
  });

  it("does not happen: no account, role, status or password changes without its record", async () => {
    await expect(createUser(db, { name: "Ghost", email: "ghost@example.gov.uk", role: "admin", password: PASSWORD }, REFUSED)).rejects.toThrow();
    expect(await queryRows(db, sql`SELECT 1 FROM users WHERE email = 'ghost@example.gov.uk'`)).toEqual([]);

    const user = await newUser("viewer");
    const hashBefore = await storedHash(user.id);
    await expect(changeRole(db, user.id, "admin", REFUSED)).rejects.toThrow();
    await expect(setActive(db, user.id, false, REFUSED)).rejects.toThrow();
    await expect(changeOwnPassword(db, user.id, PASSWORD, "a brand new passphrase", REFUSED)).rejects.toThrow();
    expect(await findUser(db, user.id)).toMatchObject({ role: "viewer", active: true });
    expect(await storedHash(user.id)).toBe(hashBefore);
  });
});

describe("checkCredentials", () => {
  it("gives the account for the right email and password: id, email, name, role and session version, never the hash", async () => {
    const user = await newUser("editor");
    const found = await checkCredentials(db, user.email, PASSWORD);
    expect(found).toStrictEqual({ id: user.id, email: user.email, name: user.name, role: "editor", sessionVersion: 1 });
  });

  it("ends every session of a user: on request, on a password change, and on deactivation", async () => {
    const user = await newUser();
    const version = async () => (await checkCredentials(db, user.email, PASSWORD))?.sessionVersion;
    expect(await version()).toBe(1);
    expect(await endSessions(db, user.id)).toBe(2);
    expect(await version()).toBe(2);
    await setPassword(db, user.id, "another long passphrase", admin);
    expect((await checkCredentials(db, user.email, "another long passphrase"))?.sessionVersion).toBe(3);
    await setActive(db, user.id, false, admin);
    const [row] = await queryRows<{ session_version: number }>(db, sql`SELECT session_version FROM users WHERE id = ${user.id}`);
    expect(row?.session_version).toBe(4);
  });

  it("matches the email whatever its case and surrounding spaces", async () => {
    const user = await newUser();
    expect(await checkCredentials(db, `  ${user.email.toUpperCase()} `, PASSWORD)).toMatchObject({ id: user.id });
  });

  it("answers null for an unknown email, a wrong password, or an inactive account", async () => {
    const user = await newUser();
    expect(await checkCredentials(db, "nobody@example.gov.uk", PASSWORD)).toBeNull();
    expect(await checkCredentials(db, user.email, `${PASSWORD} `)).toBeNull();
    expect(await checkCredentials(db, user.email, "")).toBeNull();
    await setActive(db, user.id, false, admin);
    expect(await checkCredentials(db, user.email, PASSWORD)).toBeNull();
  });

  it("answers null for an account with no password (single sign-on only)", async () => {
    await db.execute(sql`INSERT INTO users (name, email, role) VALUES ('SSO Only', 'sso.only@example.gov.uk', 'viewer')`);
    expect(await checkCredentials(db, "sso.only@example.gov.uk", "")).toBeNull();
    expect(await checkCredentials(db, "sso.only@example.gov.uk", PASSWORD)).toBeNull();
  });
});

it("never hands out a password hash from the account lists", async () => {
  const user = await newUser();
  const everything = JSON.stringify([await listUsers(db), await findUser(db, user.id), await checkCredentials(db, user.email, PASSWORD)]);
  expect(everything).not.toContain("$argon2");
  expect(everything).not.toMatch(/password/i);
});
