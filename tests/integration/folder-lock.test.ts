/**
 * PGlite has no lock between processes: two processes on one folder silently lose writes. So the app locks
 * the folder, and a second process (a second `npm start`, or a script run while the server is up) is
 * refused with a message that says what to do. A lock left by a process that died is taken over.
 * The second process here is a real one, started with tsx like a developer's script.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/client";
import { runTypeScript } from "../setup/child-process";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = path.join(root, "tests/setup/open-pglite-folder.ts");
let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "nledp-pglite-lock-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the child script on `folder` in a separate Node process. */
function openInAnotherProcess(folder: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runTypeScript(script, [folder], { cwd: root, env: { ...process.env, NODE_OPTIONS: "" } });
}

const readLock = (folder: string) => JSON.parse(fs.readFileSync(`${folder}.lock`, "utf8")) as { pid: number };

// One folder for both tests: making a new PGlite folder takes several seconds, opening one about two.
describe("a PGlite folder", () => {
  let folder: string;
  beforeAll(() => {
    folder = path.join(work, "pglite");
  });

  it("is held by the process that opened it, and refused to a second process until closed", async () => {
    let first: Connection | undefined = await connect({ pgliteDir: folder });
    try {
      await first.db.execute(sql`SELECT 1`);
      expect(readLock(folder).pid).toBe(process.pid);

      const refused = await openInAnotherProcess(folder);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain("already open in another process");
      expect(refused.stderr).toContain(`pid ${process.pid}`);
      expect(refused.stdout).toBe("");
      // The refused process left the lock alone.
      expect(readLock(folder).pid).toBe(process.pid);

      await first.close();
      first = undefined;
      expect(fs.existsSync(`${folder}.lock`)).toBe(false);

      const allowed = await openInAnotherProcess(folder);
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(allowed.stdout.trim()).toBe("opened");
      expect(fs.existsSync(`${folder}.lock`)).toBe(false);
    } finally {
      await first?.close();
    }
  });

  it("is taken over by a new process when its lock names a process that has died", async () => {
    // A server killed with SIGKILL leaves its lock file behind.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    expect(dead).toBeGreaterThan(0);
    fs.writeFileSync(`${folder}.lock`, JSON.stringify({ pid: dead, since: "2021-10-07T00:00:00.000Z" }));

    const taken = await openInAnotherProcess(folder);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout.trim()).toBe("opened");
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });
});
