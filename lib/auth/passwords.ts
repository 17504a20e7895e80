/**
 * Passwords as the NCSC advises: at least 12 characters, not a common password, no composition
 * rules. Hashed with argon2id. A password is never logged, echoed back or stored in clear.
 */
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set<string>([
  ...(dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()),
  // Words anyone would try first against this service.
  "nledproadmap", "nledppassword", "homeofficepassword", "passwordpassword", "policepassword", "roadmappassword",
]);

/** What is wrong with a new password, in words for the person choosing it, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const folded = password.toLowerCase();
  if (COMMON.has(folded) || COMMON.has(folded.replace(/\d+$/, "")) || /^(.)\1+$/.test(folded)) {
    return "Password is too common: choose one that is harder to guess, such as three random words";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id (a test checks the hash says so); OWASP's minimum cost.
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when there is no such account, so that a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await decoy, password);
  return false;
}

/** A password for a person to change on first sign-in: four groups, easy to type, 20 random characters. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
