/**
 * Password rules as the NCSC advises: long enough, not a common password, no composition rules.
 * Stored only as an argon2id hash.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from "./passwords";

const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

describe("passwordProblem", () => {
  it("refuses 11 characters and accepts 12", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("kettle-orbi")).toBe("Password must be 12 characters or more");
    expect(passwordProblem("kettle-orbit")).toBeNull();
  });

  it("accepts 256 characters and refuses 257", () => {
    expect(MAX_PASSWORD_LENGTH).toBe(256);
    const long = "marble kettle orbit ".repeat(13);
    expect(passwordProblem(long.slice(0, 256))).toBeNull();
    expect(passwordProblem(long.slice(0, 257))).toBe("Password must be 256 characters or fewer");
  });

  it.each(["password1234", "qazwsxedcrfv", "1qaz2wsx3edc", "leavemealone", "administrator"])(
    "refuses %s, a member of the common-password list",
    (password) => {
      expect(common.has(password), "the example must really be on the list").toBe(true);
      expect(passwordProblem(password)).toMatch(/^Password is too common/);
    },
  );

  it("refuses a common password whatever its letter case", () => {
    expect(passwordProblem("PassWord1234")).toMatch(/too common/);
    expect(passwordProblem("LEAVEMEALONE")).toMatch(/too common/);
  });

  it.each([
    ["qwertyuiop", "qwertyuiop2024"],
    ["sunshine", "sunshine2024"],
    ["iloveyou", "iloveyou1234"],
  ])("refuses %s with digits added (%s), which is not itself on the list", (word, variant) => {
    expect(common.has(word)).toBe(true);
    expect(common.has(variant), "the variant must not be on the list, or this tests nothing new").toBe(false);
    expect(passwordProblem(variant)).toMatch(/too common/);
  });

  it("refuses the words this service's users would try first", () => {
    expect(passwordProblem("nledproadmap")).toMatch(/too common/);
    expect(passwordProblem("HomeOfficePassword1")).toMatch(/too common/);
  });

  it.each(["aaaaaaaaaaaa", "111111111111111", "............"])("refuses one character repeated (%s)", (password) => {
    expect(passwordProblem(password)).toMatch(/too common/);
  });

  it("accepts three random words, with no composition rule", () => {
    expect(passwordProblem("marble kettle orbit")).toBeNull();
    expect(passwordProblem("marblekettleorbit")).toBeNull();
    // All lower case, no digits, no symbols: long is what matters.
    expect(passwordProblem("lanternmeadowquietly")).toBeNull();
  });
});

describe("hashPassword and verifyPassword", () => {
  it("stores an argon2id hash that verifies the password and nothing else", async () => {
    const password = "marble kettle orbit";
    const hashed = await hashPassword(password);
    expect(hashed.startsWith("$argon2id$")).toBe(true);
    expect(hashed).not.toContain(password);
    expect(await verifyPassword(hashed, password)).toBe(true);
    expect(await verifyPassword(hashed, "marble kettle orbiT")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
  });

  it("salts each hash, so the same password hashes differently", async () => {
    const [a, b] = await Promise.all([hashPassword("marble kettle orbit"), hashPassword("marble kettle orbit")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, "marble kettle orbit")).toBe(true);
  });

  it("answers false, rather than throwing, for a stored value that is not a hash", async () => {
    expect(await verifyPassword("not a hash", "marble kettle orbit")).toBe(false);
    expect(await verifyPassword("", "marble kettle orbit")).toBe(false);
  });
});

describe("generatePassword", () => {
  it("makes passwords that pass the rules, in four groups of five, different every time", () => {
    const made = Array.from({ length: 50 }, generatePassword);
    for (const password of made) {
      expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
      // No look-alike characters to mistype from a console.
      expect(password).not.toMatch(/[01ilo]/);
      expect(passwordProblem(password)).toBeNull();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
