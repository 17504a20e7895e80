/**
 * PGlite has no lock between processes: a second process on the same folder silently loses writes.
 * So the folder gets a lock file naming the process that holds it, and a second process is refused
 * with a message saying which process has it.
 *
 * The lock file appears whole or not at all (written aside, then hard-linked into place, which fails
 * if it exists). A lock whose process has died, or whose pid now belongs to a process started later
 * (pids are reused, in containers especially), is taken over; after a takeover the lock is read back,
 * so of two processes taking over at once only one keeps it.
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

type Holder = { pid: number; started: string | null };

/** When a process started, from /proc (Linux); null where that cannot be read. */
function startedAt(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startedAt(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid?: unknown; started?: unknown };
    const pid = Number(parsed.pid);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, started: typeof parsed.started === "string" ? parsed.started : null };
  } catch {
    return undefined;
  }
}

/** Creates the lock file with its content in one step; false if a lock file is already there. */
function createLockFile(lockPath: string): boolean {
  const aside = `${lockPath}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(aside, JSON.stringify({ pid: process.pid, started: startedAt(process.pid), since: new Date().toISOString() }));
  try {
    fs.linkSync(aside, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Folders this process holds: a second opener in the same process is refused too. */
const heldHere = new Set<string>();

/** Takes the lock for `folder` (creating the folder), or throws DatabaseInUseError. Returns a release function. */
export function lockFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = `${folder}.lock`;
  if (heldHere.has(lockPath)) throw new DatabaseInUseError(folder, process.pid);

  let tookOver = false;
  for (let attempt = 0; attempt < 5 && !createLockFile(lockPath); attempt++) {
    const holder = readHolder(lockPath);
    if (holder && holder.pid !== process.pid && isAlive(holder)) throw new DatabaseInUseError(folder, holder.pid);
    if (!holder) {
      // Unreadable: cut short by a crash, or (in old versions) being written. Give it a moment first.
      sleep(50);
      if (readHolder(lockPath)) continue;
    }
    fs.rmSync(lockPath, { force: true }); // left by a process that is gone
    tookOver = true;
  }
  if (tookOver) sleep(50);
  const holder = readHolder(lockPath);
  if (holder?.pid !== process.pid) throw new DatabaseInUseError(folder, holder?.pid ?? 0);

  heldHere.add(lockPath);
  const release = () => {
    heldHere.delete(lockPath);
    if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}
