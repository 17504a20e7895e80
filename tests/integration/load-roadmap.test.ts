/**
 * loadRoadmap feeds every page, the API and each snapshot. It reads one query per table, never one per
 * product, so a bigger roadmap costs no more round trips. Queries are counted with drizzle's own logger on
 * a real PostgreSQL connection.
 */
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { loadRoadmap } from "@/lib/roadmap/load";
import { migrateAndSeed, queryRows, scratchConnection } from "../setup/database";

let pool: pg.Pool;
let db: Db;
let queries = 0;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchConnection();
  dispose = scratch.dispose;
  await migrateAndSeed(scratch.connection);
  pool = new pg.Pool({ connectionString: scratch.url, max: 4 });
  db = drizzle(pool, { schema, logger: { logQuery: () => void queries++ } }) as unknown as Db;
});
afterAll(async () => {
  await pool?.end();
  await dispose?.();
});

async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  queries = 0;
  const result = await work();
  return { result, queries };
}

/** Six more products, each with spans, milestones, rollout, per-force go-lives and dependencies on others. */
async function addProducts(n: number) {
  const [programme] = await db.select().from(schema.programmes).where(eq(schema.programmes.slug, "nledp"));
  const phases = await db.select().from(schema.phases);
  const forces = await db.select().from(schema.policeForces);
  const existing = await db.select().from(schema.products).where(eq(schema.products.programmeId, programme!.id));
  for (let i = 0; i < n; i++) {
    const [p] = await db
      .insert(schema.products)
      .values({
        programmeId: programme!.id,
        slug: `extra-${i}`,
        name: `Extra product ${i}`,
        description: "Added by a test",
        currentPhaseId: phases[i % phases.length]!.id,
        position: 100 + i,
      })
      .returning();
    await db.insert(schema.phaseSpans).values({ productId: p!.id, phaseId: phases[0]!.id, endOn: "2022-06-30", endPrecision: "quarter" });
    await db.insert(schema.milestones).values([
      { productId: p!.id, title: "One", forecastOn: "2022-03-31", forecastPrecision: "month" },
      { productId: p!.id, title: "Two", forecastOn: "2022-12-31", forecastPrecision: "year" },
    ]);
    await db.insert(schema.rolloutObservations).values({ productId: p!.id, observedOn: "2022-01-01", forcesLive: 2 });
    await db.insert(schema.rolloutTargets).values({ productId: p!.id, targetOn: "2022-12-31", targetPrecision: "year", forcesCount: 10 });
    await db.insert(schema.forceGoLives).values(forces.slice(0, 3).map((f) => ({ productId: p!.id, forceId: f.id, liveOn: "2022-01-01" })));
    await db.insert(schema.dependencies).values({ productId: p!.id, onProductId: existing[i % existing.length]!.id });
  }
}

it("reads the roadmap in the same number of queries whatever its size", async () => {
  const small = await countQueries(() => loadRoadmap(db, "nledp"));
  expect(small.result?.products).toHaveLength(6);
  // One for the programme, one for its products, one per related table: about a dozen.
  expect(small.queries).toBeGreaterThan(2);
  expect(small.queries).toBeLessThanOrEqual(15);

  await addProducts(6);
  const large = await countQueries(() => loadRoadmap(db, "nledp"));
  expect(large.result?.products).toHaveLength(12);
  expect(large.result?.products.at(-1)?.rollout?.forceGoLives).toHaveLength(3);
  expect(large.result?.products.at(-1)?.dependencies[0]?.on).toMatchObject({ kind: "product" });
  expect(large.queries).toBe(small.queries);
});

it("answers null, in one query, for a programme that does not exist", async () => {
  const missing = await countQueries(() => loadRoadmap(db, "no-such-programme"));
  expect(missing).toEqual({ result: null, queries: 1 });
  expect(await queryRows(db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
});
