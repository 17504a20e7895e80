/**
 * User accounts: every change in one transaction with its audit event. Password hashes are read
 * only here, for signing in and changing a password; no function returns one.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { violatesUnique } from "@/lib/db/errors";
import { recordAudit, type Actor, type AuditAction } from "@/lib/audit/record";
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword } from "./passwords";
import { ROLES, type Role } from "./permissions";
import type { SessionUser } from "./current-user";

export const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's full name").max(100, "Name must be 100 characters or fewer"),
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk")),
  role: z.enum(ROLES, "Select a role"),
});

export type UserRow = { id: number; email: string; name: string; role: Role; active: boolean; createdAt: Date };

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt };

export class DuplicateEmailError extends Error {}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select(publicColumns).from(users).orderBy(users.name, users.id);
}

export async function findUser(db: Db, id: number): Promise<UserRow | null> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The account for an email and password, or null, taking as long whether or not the email exists. */
export async function checkCredentials(db: Db, email: string, password: string): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!row || !row.passwordHash) return verifyAgainstDecoy(password).then(() => null);
  const ok = await verifyPassword(row.passwordHash, password);
  return ok && row.active ? { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion } : null;
}

/** Ends every session of a user (sign-out, password change, deactivation); returns the new session version. */
export async function endSessions(db: Db, id: number): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

export async function createUser(
  db: Db,
  input: z.infer<typeof newUserSchema> & { password: string },
  actor: Actor,
): Promise<UserRow> {
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [clash] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
      if (clash) throw new DuplicateEmailError(input.email);
      const [row] = await tx.insert(users).values({ name: input.name, email: input.email, role: input.role, passwordHash }).returning(publicColumns);
      if (!row) throw new Error("user not inserted");
      await recordAudit(tx, { actor, action: "user.created", entityType: "user", entityId: row.id, after: { name: row.name, email: row.email, role: row.role } });
      return row;
    });
  } catch (error) {
    // The same email added at the same moment by another request: the check above could not see it, the unique index did.
    if (violatesUnique(error, "users_email_key")) throw new DuplicateEmailError(input.email);
    throw error;
  }
}

/** Changes one user's row under a lock, with its audit event; unchanged values write nothing. */
async function updateUser<K extends "role" | "active">(
  db: Db,
  id: number,
  field: K,
  value: UserRow[K],
  action: AuditAction,
  actor: Actor,
): Promise<UserRow | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(publicColumns).from(users).where(eq(users.id, id)).for("update");
    if (!before) return null;
    if (before[field] === value) return before;
    const [after] = await tx
      .update(users)
      .set({
        [field]: value,
        version: sql`${users.version} + 1`,
        // A deactivated account's sessions end now, not when their tokens expire.
        ...(field === "active" && value === false ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning(publicColumns);
    await recordAudit(tx, { actor, action, entityType: "user", entityId: id, before: { [field]: before[field] }, after: { [field]: value } });
    return after ?? null;
  });
}

export function changeRole(db: Db, id: number, role: Role, actor: Actor): Promise<UserRow | null> {
  return updateUser(db, id, "role", role, "user.role_changed", actor);
}

export function setActive(db: Db, id: number, active: boolean, actor: Actor): Promise<UserRow | null> {
  return updateUser(db, id, "active", active, active ? "user.reactivated" : "user.deactivated", actor);
}

/** Changes a user's password after checking their current one. Returns false when the current one is wrong. */
export async function changeOwnPassword(db: Db, id: number, current: string, next: string, actor: Actor): Promise<boolean> {
  const problem = passwordProblem(next);
  if (problem) throw new Error(problem);
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, current))) return false;
  await setPassword(db, id, next, actor);
  return true;
}

export async function setPassword(db: Db, id: number, password: string, actor: Actor): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // A new password ends every session made with the old one.
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    // The event says that the password changed, never what to.
    await recordAudit(tx, { actor, action: "user.password_changed", entityType: "user", entityId: id });
  });
}

export const DEMO_USERS = [
  { email: "admin@example.gov.uk", name: "Demo Administrator", role: "admin" },
  { email: "editor@example.gov.uk", name: "Demo Editor", role: "editor" },
  { email: "clerk@example.gov.uk", name: "Demo Clerk", role: "viewer" },
] as const;

const DEMO_ACTOR: Actor = { userId: null, label: "System: demo accounts" };

/**
 * Makes the demo accounts that are missing, with `password`, and gives existing demo accounts that
 * password if it changed. Returns the emails it created.
 */
export async function ensureDemoUsers(db: Db, password: string): Promise<string[]> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(`DEMO_PASSWORD: ${problem}`);
  const existing = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, DEMO_USERS.map((u) => u.email)));
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const found = existing.find((e) => e.email.toLowerCase() === demo.email);
    if (!found) {
      await createUser(db, { ...demo, password }, DEMO_ACTOR);
      created.push(demo.email);
    } else if (!found.passwordHash || !(await verifyPassword(found.passwordHash, password))) {
      await setPassword(db, found.id, password, DEMO_ACTOR);
    }
  }
  return created;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

