/**
 * `npm run seed:synthetic -- --scale 10 --updates 8 [--seed 20211007] [--pglite-dir ./data/bench]`
 * Builds a synthetic NLEDP programme (lib/db/seed/synthetic.ts) in an empty database: the one named by
 * DATABASE_URL, or an embedded PGlite folder named with --pglite-dir. It never falls back to the
 * app's own embedded database (./data/pglite): synthetic data there would replace the real roadmap
 * the next time the app starts on it, so that folder must be asked for by name.
 * The database is migrated first; it must have no roadmap yet (the script refuses otherwise).
 */
import { parseArgs } from "node:util";
import { connect, type ConnectionOptions } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { NotEmptyError, seedSynthetic } from "@/lib/db/seed/synthetic";
import { env } from "@/lib/env";

const USAGE = "Usage: DATABASE_URL=postgres://... npm run seed:synthetic -- --scale 10 --updates 8 [--seed N] (or --pglite-dir FOLDER instead of DATABASE_URL)";

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number, 1 or more (got "${value}")`);
  return n;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      updates: { type: "string" },
      seed: { type: "string" },
      "pglite-dir": { type: "string" },
    },
  });
  const scale = wholeNumber(values.scale, "scale", 1);
  const updates = wholeNumber(values.updates, "updates", 4);
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, "seed", 1);
  const url = env().DATABASE_URL;
  let where: ConnectionOptions;
  if (values["pglite-dir"]) where = { pgliteDir: values["pglite-dir"] };
  else if (url) where = { url };
  else throw new UsageError("Set DATABASE_URL to an empty PostgreSQL database, or name an embedded one with --pglite-dir.");

  const connection = await connect(where);
  try {
    const started = performance.now();
    await migrateDatabase(connection);
    const summary = await connection.exclusive((db) => seedSynthetic(db, { scale, updates, seed }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Synthetic programme at scale ${scale} in ${"url" in where ? "PostgreSQL" : `PGlite (${where.pgliteDir})`}, ${seconds}s: ` +
        `${summary.products} products, ${summary.milestones} milestones, ${summary.dependencies} dependencies, ` +
        `${summary.forceGoLives} force go-live dates, ${summary.rolloutObservations} rollout figures, ` +
        `${summary.publishedUpdates} published updates (latest ${summary.latestUpdateSlug}).`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof NotEmptyError || error instanceof RangeError) {
      console.error(error.message);
      if (error instanceof UsageError) console.error(USAGE);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
