/**
 * The synthetic programme (lib/db/seed/synthetic.ts) that the benchmark and the large-roadmap tests
 * run on: the sizes it promises at scale 1 and 10, the same rows and snapshots every time, a history
 * of published updates made by publishUpdate, a roadmap loadRoadmap reads, dependencies that never
 * loop back, and a refusal to write into a database that already has a roadmap.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { NotEmptyError, seedSynthetic, type SyntheticSummary } from "@/lib/db/seed/synthetic";
import { seedIfEmpty } from "@/lib/db/seed";
import { loadRoadmap } from "@/lib/roadmap/load";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { listPublishedUpdates, readSnapshot } from "@/lib/roadmap/snapshot";
import { PRECISIONS } from "@/lib/dates/period";
import { migratedScratch, queryRows } from "../setup/database";

type Scratch = Awaited<ReturnType<typeof migratedScratch>>;
const scratches: Scratch[] = [];
async function emptyDatabase(): Promise<Db> {
  const scratch = await migratedScratch();
  scratches.push(scratch);
  return scratch.db;
}
afterAll(async () => {
  for (const s of scratches) await s.dispose();
});

let first: Db;
let firstSummary: SyntheticSummary;

beforeAll(async () => {
  first = await emptyDatabase();
  firstSummary = await seedSynthetic(first, { scale: 1, updates: 3 });
});

describe("synthetic data at scale 1", () => {
  it("is the size of the letter's roadmap, with every kind of item", async () => {
    expect(firstSummary).toMatchObject({ products: 6, publishedUpdates: 3, latestUpdateSlug: "2022-q2" });
    expect(firstSummary.milestones).toBeGreaterThanOrEqual(24);
    expect(firstSummary.milestones).toBeLessThanOrEqual(36);
    expect(firstSummary.dependencies).toBeGreaterThanOrEqual(6);
    expect(firstSummary.dependencies).toBeLessThanOrEqual(14);
    expect(firstSummary.forceGoLives).toBeGreaterThan(0);
    expect(firstSummary.rolloutObservations).toBeGreaterThan(0);

    const roadmap = await loadRoadmap(first, PROGRAMME_SLUG);
    expect(roadmap?.products).toHaveLength(6);
    expect(roadmap?.forces).toHaveLength(45);
    expect(roadmap?.factors).toHaveLength(3);
    expect(roadmap?.products.filter((p) => p.parentSlug !== null)).toHaveLength(2);
    const precisions = new Set(roadmap?.products.flatMap((p) => p.milestones.map((m) => m.forecast.precision)));
    expect([...precisions].sort()).toEqual([...PRECISIONS].sort());
    const kinds = new Set(roadmap?.products.flatMap((p) => p.dependencies.map((d) => d.on.kind)));
    expect([...kinds].sort()).toEqual(["factor", "milestone", "product"]);
    expect(roadmap?.products.some((p) => (p.rollout?.forceGoLives.length ?? 0) > 0)).toBe(true);
    expect(roadmap?.products.some((p) => (p.rollout?.observations.length ?? 0) > 0 && p.rollout?.forceGoLives.length === 0)).toBe(true);
  });

  it("publishes its history as quarterly updates, newest first, each with a snapshot that moved on", async () => {
    const updates = await listPublishedUpdates(first, PROGRAMME_SLUG);
    expect(updates.map((u) => [u.slug, u.publishedOn])).toEqual([
      ["2022-q2", "2022-04-07"],
      ["2022-q1", "2022-01-07"],
      ["2021-q4", "2021-10-07"],
    ]);
    expect(new Set(updates.map((u) => u.contentHash)).size).toBe(3);
    const latest = await readSnapshot(first, PROGRAMME_SLUG);
    expect(latest?.content.update.slug).toBe("2022-q2");
    // Baselines are set by the first publication, so later slips show as slippage.
    const milestones = latest?.content.roadmap.products.flatMap((p) => p.milestones) ?? [];
    expect(milestones.every((m) => m.baseline !== null)).toBe(true);
    expect(milestones.some((m) => m.baseline!.on !== m.forecast.on)).toBe(true);
    expect(milestones.some((m) => m.status === "done" && m.actualOn !== null)).toBe(true);
  });

  it("never has a product depend on itself, its own milestone, or a later product (so no cycles)", async () => {
    const loops = await queryRows<{ n: number }>(
      first,
      sql`SELECT count(*)::int AS n FROM dependencies d
          JOIN products p ON p.id = d.product_id
          LEFT JOIN products op ON op.id = d.on_product_id
          LEFT JOIN milestones m ON m.id = d.on_milestone_id
          LEFT JOIN products mp ON mp.id = m.product_id
          WHERE op.position >= p.position OR mp.position >= p.position`,
    );
    expect(loops[0]?.n).toBe(0);
  });

  it("is the same every time: same rows, same snapshots, same hashes", async () => {
    const second = await emptyDatabase();
    expect(await seedSynthetic(second, { scale: 1, updates: 3 })).toEqual(firstSummary);
    const hashes = async (db: Db) => (await listPublishedUpdates(db, PROGRAMME_SLUG)).map((u) => u.contentHash);
    expect(await hashes(second)).toEqual(await hashes(first));
    // A different seed is a different programme of the same shape.
    const third = await emptyDatabase();
    const other = await seedSynthetic(third, { scale: 1, updates: 3, seed: 7 });
    expect(other.products).toBe(6);
    expect(await hashes(third)).not.toEqual(await hashes(first));
  });

  it("refuses a database that already has a roadmap, and changes nothing there", async () => {
    await expect(seedSynthetic(first, { scale: 1, updates: 1 })).rejects.toBeInstanceOf(NotEmptyError);
    expect(await listPublishedUpdates(first, PROGRAMME_SLUG)).toHaveLength(3);
    const seeded = await emptyDatabase();
    await seedIfEmpty(seeded);
    await expect(seedSynthetic(seeded, { scale: 1, updates: 1 })).rejects.toBeInstanceOf(NotEmptyError);
    expect((await loadRoadmap(seeded, PROGRAMME_SLUG))?.products.map((p) => p.slug)).toContain("photographs-at-the-roadside");
    // The app's own start-up seed leaves a synthetic programme alone.
    expect(await seedIfEmpty(first)).toBe(false);
  });

  it("refuses sizes that make no sense", async () => {
    const db = await emptyDatabase();
    await expect(seedSynthetic(db, { scale: 0, updates: 1 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedSynthetic(db, { scale: 1, updates: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedSynthetic(db, { scale: 1.5, updates: 1 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe("synthetic data at scale 10", () => {
  it("has 60 products, about 300 milestones and 100 dependencies, and loads as a roadmap", async () => {
    const db = await emptyDatabase();
    const summary = await seedSynthetic(db, { scale: 10, updates: 2 });
    expect(summary.products).toBe(60);
    expect(summary.milestones).toBeGreaterThanOrEqual(270);
    expect(summary.milestones).toBeLessThanOrEqual(330);
    expect(summary.dependencies).toBeGreaterThanOrEqual(90);
    expect(summary.dependencies).toBeLessThanOrEqual(115);
    expect(summary.publishedUpdates).toBe(2);

    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    expect(roadmap?.products).toHaveLength(60);
    expect(new Set(roadmap?.products.map((p) => p.slug)).size).toBe(60);
    expect(roadmap?.products.filter((p) => p.parentSlug !== null)).toHaveLength(20);
    expect(roadmap?.products.flatMap((p) => p.milestones)).toHaveLength(summary.milestones);
    expect(roadmap?.products.flatMap((p) => p.dependencies)).toHaveLength(summary.dependencies);
    const snapshot = await readSnapshot(db, PROGRAMME_SLUG);
    expect(snapshot?.content.roadmap.products).toHaveLength(60);
    expect(snapshot?.content.update.slug).toBe("2022-q1");
  });
});
