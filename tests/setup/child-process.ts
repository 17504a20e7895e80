import { spawn } from "node:child_process";

export type ChildRun = { code: number | null; stdout: string; stderr: string };

/** Runs a TypeScript file in a separate Node process (through tsx) and collects what it printed. */
export function runTypeScript(script: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], env: options.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
