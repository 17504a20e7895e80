/**
 * PGlite has no lock between processes: a second process on the same folder silently loses writes.
 * So the folder gets a lock file naming the process that holds it, and a second process is refused
 * with a message saying which process has it. A lock left by a process that has died is taken over.
 */
import fs from "node:fs";

export class DatabaseInUseError extends Error {
  constructor(readonly folder: string, readonly holderPid: number) {
    super(
      holderPid === process.pid
        ? `The embedded database in ${folder} is already open in this process: open it once and share the connection.`
        : `The embedded database in ${folder} is already open in another process (pid ${holderPid}). ` +
            `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Folders this process holds: a second opener in the same process is refused too. */
const heldHere = new Set<string>();

/** Takes the lock for `folder` (creating the folder), or throws DatabaseInUseError. Returns a release function. */
export function lockFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = `${folder}.lock`;
  if (heldHere.has(lockPath)) throw new DatabaseInUseError(folder, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: "wx" });
      heldHere.add(lockPath);
      const release = () => {
        heldHere.delete(lockPath);
        if (readHolder(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw new DatabaseInUseError(folder, holder);
      fs.rmSync(lockPath, { force: true }); // left by a process that is gone (or an earlier one with our pid)
    }
  }
  throw new Error(`Could not take the lock on ${folder}`);
}
