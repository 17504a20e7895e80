/**
 * Guessing passwords is slowed, then refused: per account (3 failures, then each attempt waits;
 * 10, then refused) and per address (20 and 50, since one office gateway serves many people).
 * Failures count from the last success, within 15 minutes. Attempts are in the database, so every
 * instance of the app counts the same ones.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { recordAttempt, THROTTLE, throttleFor } from "@/lib/auth/throttle";
import { migratedScratch, queryRows } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await migratedScratch());
});
afterAll(() => dispose?.());

// Each test uses its own emails and addresses, so they share one database without meeting.
let serial = 0;
const fresh = () => {
  serial += 1;
  return { email: `person${serial}@example.gov.uk`, address: `192.0.2.${serial}` };
};

async function fail(email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) await recordAttempt(db, email, address, false);
}

/** Adds attempts that happened `minutesAgo`, as rows the app would have written then. */
async function pastAttempts(key: string, times: number, minutesAgo: number, succeeded = false) {
  await db.execute(sql`
    INSERT INTO sign_in_attempts (key, succeeded, attempted_at)
    SELECT ${key}, ${succeeded}, now() - make_interval(mins => ${minutesAgo}) FROM generate_series(1, ${times})`);
}

describe("per account", () => {
  it("lets the first attempts through at once", async () => {
    const { email, address } = fresh();
    expect(await throttleFor(db, email, address)).toEqual({ refused: false, delayMs: 0 });
    await fail(email, address, THROTTLE.account.slowAfter - 1);
    expect(await throttleFor(db, email, address)).toEqual({ refused: false, delayMs: 0 });
  });

  it("slows every attempt after 3 failures, more with each failure, up to a limit", async () => {
    const { email, address } = fresh();
    await fail(email, address, 3);
    const afterThree = await throttleFor(db, email, address);
    expect(afterThree.refused).toBe(false);
    expect(afterThree.delayMs).toBeGreaterThan(0);

    await fail(email, address, 1);
    const afterFour = await throttleFor(db, email, address);
    expect(afterFour.delayMs).toBeGreaterThan(afterThree.delayMs);

    await fail(email, address, 5);
    const afterNine = await throttleFor(db, email, address);
    expect(afterNine).toEqual({ refused: false, delayMs: THROTTLE.maxDelayMs });
  });

  it("refuses after 10 failures, from any address", async () => {
    const { email, address } = fresh();
    await fail(email, address, 9);
    expect((await throttleFor(db, email, address)).refused).toBe(false);
    await fail(email, address, 1);
    expect((await throttleFor(db, email, address)).refused).toBe(true);
    // A guesser who moves to another address is still refused for this account.
    expect((await throttleFor(db, email, fresh().address)).refused).toBe(true);
  });

  it("counts an email however it is typed", async () => {
    const { email, address } = fresh();
    await fail(`  ${email.toUpperCase()} `, address, 5);
    await fail(email.replace("person", "Person"), address, 5);
    expect((await throttleFor(db, email, fresh().address)).refused).toBe(true);
  });

  it("starts counting again after a successful sign-in", async () => {
    const { email, address } = fresh();
    await fail(email, address, 6);
    expect((await throttleFor(db, email, address)).delayMs).toBeGreaterThan(0);

    await recordAttempt(db, email, address, true);
    expect(await throttleFor(db, email, address)).toEqual({ refused: false, delayMs: 0 });

    await fail(email, address, 2);
    expect(await throttleFor(db, email, address)).toEqual({ refused: false, delayMs: 0 });
    await fail(email, address, 1);
    expect((await throttleFor(db, email, address)).delayMs).toBeGreaterThan(0);
  });
});

describe("per address", () => {
  it("is counted apart from the account: one account's failures do not slow others at that address", async () => {
    const guessed = fresh();
    await fail(guessed.email, guessed.address, 10);
    expect((await throttleFor(db, guessed.email, guessed.address)).refused).toBe(true);
    // A colleague behind the same gateway signs in as usual.
    expect(await throttleFor(db, fresh().email, guessed.address)).toEqual({ refused: false, delayMs: 0 });
  });

  it("slows an address after 20 failures and refuses it at 50, whichever accounts were tried", async () => {
    const { address } = fresh();
    const sprayed = (i: number) => `spray-${address}-${i}@example.gov.uk`;
    // One failure each for many accounts: no account is slowed, but the address is.
    for (let i = 0; i < 20; i++) await recordAttempt(db, sprayed(i), address, false);
    const afterTwenty = await throttleFor(db, fresh().email, address);
    expect(afterTwenty.refused).toBe(false);
    expect(afterTwenty.delayMs).toBeGreaterThan(0);

    for (let i = 20; i < 49; i++) await recordAttempt(db, sprayed(i), address, false);
    expect((await throttleFor(db, fresh().email, address)).refused).toBe(false);
    await recordAttempt(db, sprayed(49), address, false);
    expect((await throttleFor(db, fresh().email, address)).refused).toBe(true);

    // The accounts themselves are not held back elsewhere, and other addresses are untouched.
    expect(await throttleFor(db, sprayed(0), fresh().address)).toEqual({ refused: false, delayMs: 0 });
  });
});

describe("the 15-minute window", () => {
  it("forgets failures older than 15 minutes", async () => {
    const { email, address } = fresh();
    await pastAttempts(`email:${email}`, 10, 16);
    await pastAttempts(`address:${address}`, 50, 16);
    expect(await throttleFor(db, email, address)).toEqual({ refused: false, delayMs: 0 });
  });

  it("still counts failures within the last 15 minutes", async () => {
    const { email, address } = fresh();
    await pastAttempts(`email:${email}`, 10, 14);
    expect((await throttleFor(db, email, address)).refused).toBe(true);
    // The same failures, seen from a quarter of an hour later, no longer count.
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await throttleFor(db, email, address, later)).toEqual({ refused: false, delayMs: 0 });
  });

  it("lets a refused account try again once the window has passed", async () => {
    const { email, address } = fresh();
    await fail(email, address, 10);
    expect((await throttleFor(db, email, address)).refused).toBe(true);
    const inSixteenMinutes = new Date(Date.now() + 16 * 60_000);
    expect(await throttleFor(db, email, address, inSixteenMinutes)).toEqual({ refused: false, delayMs: 0 });
  });
});

it("clears a key's attempts older than a day when it next signs in, and keeps recent ones", async () => {
  const { email, address } = fresh();
  await pastAttempts(`email:${email}`, 3, 25 * 60);
  await pastAttempts(`address:${address}`, 3, 25 * 60);
  await fail(email, address, 1);
  await recordAttempt(db, email, address, true);
  const rows = await queryRows<{ key: string; succeeded: boolean }>(
    db,
    sql`SELECT key, succeeded FROM sign_in_attempts WHERE key IN (${`email:${email}`}, ${`address:${address}`}) ORDER BY id`,
  );
  expect(rows).toEqual([
    { key: `email:${email}`, succeeded: false },
    { key: `address:${address}`, succeeded: false },
    { key: `email:${email}`, succeeded: true },
    { key: `address:${address}`, succeeded: true },
  ]);
});
