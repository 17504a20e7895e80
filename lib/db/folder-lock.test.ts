import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockFolder } from "./folder-lock";

// The file-level rules of the PGlite folder lock. tests/integration/folder-lock.test.ts checks the same
// lock between two real processes, with PGlite open.

let work: string;
let folder: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "nledp-lock-"));
  folder = path.join(work, "pglite");
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const lockFile = () => `${folder}.lock`;
const holder = () => (JSON.parse(fs.readFileSync(lockFile(), "utf8")) as { pid: number }).pid;
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("lockFolder", () => {
  it("creates the folder and a lock file naming this process, removed on release", () => {
    const release = lockFolder(folder);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(holder()).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("refuses a folder held by a live process, naming it and saying what to do", () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid }));
    let error: unknown;
    try {
      lockFolder(folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect(error).toMatchObject({ folder, holderPid: process.ppid });
    expect((error as Error).message).toContain(`already open in another process (pid ${process.ppid})`);
    expect((error as Error).message).toContain("DATABASE_URL");
    expect(holder()).toBe(process.ppid);
  });

  it("takes over a lock left by a process that has died", () => {
    fs.mkdirSync(folder);
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: deadPid() }));
    const release = lockFolder(folder);
    expect(holder()).toBe(process.pid);
    release();
  });

  it("takes over a lock file that cannot be read (cut short by a crash)", () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    const release = lockFolder(folder);
    expect(holder()).toBe(process.pid);
    release();
  });

  it("does not remove, on release, a lock another process has taken since", () => {
    const release = lockFolder(folder);
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid }));
    release();
    expect(holder()).toBe(process.ppid);
  });

  it("refuses a second opener in the same process, and allows it again after release", () => {
    const release = lockFolder(folder);
    expect(() => lockFolder(folder)).toThrow("already open in this process");
    release();
    lockFolder(folder)();
  });
});
