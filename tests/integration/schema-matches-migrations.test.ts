/**
 * lib/db/schema.ts and the committed migrations in drizzle/ describe the same schema: a change to the
 * schema file without `npm run db:generate` would run fine in a test that builds from schema.ts, and then
 * fail in production, which builds from the migrations. drizzle-kit runs on a copy, so drizzle/ is untouched.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nledp-drizzle-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

it("drizzle-kit finds nothing to generate: the migrations are up to date with lib/db/schema.ts", () => {
  fs.cpSync(path.join(root, "drizzle"), path.join(work, "drizzle"), { recursive: true });
  fs.writeFileSync(
    path.join(work, "drizzle.config.ts"),
    `export default ${JSON.stringify({ dialect: "postgresql", schema: path.join(root, "lib/db/schema.ts"), out: "./drizzle" })};\n`,
  );
  const before = listFiles(path.join(work, "drizzle"));

  // drizzle-kit only takes an `out` relative to the working directory, hence cwd: work.
  const run = spawnSync(path.join(root, "node_modules/.bin/drizzle-kit"), ["generate", "--config=drizzle.config.ts"], {
    cwd: work,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const output = `${run.stdout}\n${run.stderr}`;

  const added = listFiles(path.join(work, "drizzle")).filter((f) => !before.includes(f));
  expect(added, `schema.ts has changes with no migration: run \`npm run db:generate\` and commit drizzle/\n${output}`).toEqual([]);
  expect(output).toContain("No schema changes");
  expect(run.status).toBe(0);
});
