/**
 * The seed is the letter of 7 October 2021 as data: what clerks read first, and the baseline every later
 * quarter's slippage is measured from. The expected values here are typed from the letter, not copied
 * from lib/db/seed, so a slip in either shows up.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection, Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { loadRoadmap } from "@/lib/roadmap/load";
import { contentHash, listPublishedUpdates, readSnapshot } from "@/lib/roadmap/snapshot";
import type { Product, Roadmap, SnapshotContent } from "@/lib/roadmap/types";
import { sharedDatabase } from "../setup/database";

let connection: Connection;
let db: Db;
let roadmap: Roadmap;

beforeAll(async () => {
  connection = await sharedDatabase();
  db = connection.db;
  const loaded = await loadRoadmap(db, "nledp");
  if (!loaded) throw new Error("the seed did not create the nledp programme");
  roadmap = loaded;
});
afterAll(() => connection?.close());

const product = (slug: string): Product => {
  const found = roadmap.products.find((p) => p.slug === slug);
  if (!found) throw new Error(`no product ${slug}`);
  return found;
};

describe("the October 2021 seed", () => {
  it("creates the programme", () => {
    expect(roadmap.programme).toMatchObject({
      slug: "nledp",
      shortName: "NLEDP",
      name: "National Law Enforcement Data Programme",
      department: "Home Office",
      lookaheadMonths: 12,
    });
  });

  it("has the five phases in order, with the letter's descriptions and the Beta & Live column", () => {
    const betaAndLive =
      "Build out the best option from alpha. Continue to learn and iterate by operating a product for real users.";
    expect(roadmap.phases).toEqual([
      {
        key: "pre-discovery",
        name: "Pre-Discovery",
        position: 1,
        columnLabel: "Pre-Discovery",
        subColumnLabel: null,
        description:
          "Mapping the existing system we're operating in, reviewing our existing knowledge - revealing the gaps in our current research",
      },
      {
        key: "discovery",
        name: "Discovery",
        position: 2,
        columnLabel: "Discovery",
        subColumnLabel: null,
        description: "Ensuring that we understand the problem that needs to be solved. Before we commit to building something",
      },
      {
        key: "alpha",
        name: "Alpha",
        position: 3,
        columnLabel: "Alpha",
        subColumnLabel: null,
        description: "Build an evidence base for the right approach. Test with real users. Prove or disprove our hypotheses.",
      },
      { key: "beta", name: "Beta", position: 4, columnLabel: "Beta & Live", subColumnLabel: "Invite only", description: betaAndLive },
      { key: "live", name: "Live", position: 5, columnLabel: "Beta & Live", subColumnLabel: "Available to all", description: betaAndLive },
    ]);
  });

  it("has the six product areas in the letter's order", () => {
    expect(roadmap.products.map((p) => [p.slug, p.name])).toEqual([
      ["photographs-at-the-roadside", "Photographs at the Roadside"],
      ["property", "Property"],
      ["drivers", "Drivers"],
      ["person", "Person"],
      ["audit", "Audit"],
      ["vehicles", "Vehicles"],
    ]);
    for (const p of roadmap.products) expect(p.description, p.slug).not.toBe("");
  });

  it("plans beta releases of Property and Drivers for March 2022, at month precision", () => {
    for (const slug of ["property", "drivers"]) {
      const milestones = product(slug).milestones;
      expect(milestones, slug).toHaveLength(1);
      expect(milestones[0], slug).toMatchObject({
        title: "Beta release",
        phaseKey: "beta",
        forecast: { on: "2022-03-31", precision: "month" },
      });
    }
  });

  it("makes Person a family of 9, its first discovery/alpha ending in Q1 2022 at quarter precision", () => {
    const person = product("person");
    expect(person.plannedFamilySize).toBe(9);
    expect(person.milestones).toHaveLength(1);
    expect(person.milestones[0]?.forecast).toEqual({ on: "2022-03-31", precision: "quarter" });
  });

  it("has Photographs at the Roadside live in 22 of the 45 forces, in all four nations, 38 by the end of 2021", () => {
    const rollout = product("photographs-at-the-roadside").rollout;
    expect(rollout).not.toBeNull();
    expect(rollout?.totalForces).toBe(45);
    expect(rollout?.observations).toHaveLength(1);
    expect(rollout?.observations[0]).toMatchObject({ observedOn: "2021-10-07", forcesLive: 22 });
    expect([...(rollout?.observations[0]?.nationsCovered ?? [])].sort()).toEqual(["England", "Northern Ireland", "Scotland", "Wales"]);
    expect(rollout?.targets.map((r) => ({ target: r.target, forcesCount: r.forcesCount }))).toEqual([
      { target: { on: "2021-12-31", precision: "year" }, forcesCount: 38 },
    ]);
    // The letter gives counts, not which forces: no per-force dates are invented.
    expect(rollout?.forceGoLives).toEqual([]);
    for (const p of roadmap.products.filter((p) => p.slug !== "photographs-at-the-roadside")) expect(p.rollout, p.slug).toBeNull();
  });

  it("has Vehicles in pre-discovery, ending with 2021 at year precision", () => {
    const vehicles = product("vehicles");
    expect(vehicles.currentPhaseKey).toBe("pre-discovery");
    expect(vehicles.spans.map((s) => ({ phaseKey: s.phaseKey, end: s.end }))).toEqual([
      { phaseKey: "pre-discovery", end: { on: "2021-12-31", precision: "year" } },
    ]);
  });

  it("has the three programme-level factors, and every product depends on all three", () => {
    expect(roadmap.factors.map((f) => [f.position, f.status])).toEqual([
      [1, "not_assessed"],
      [2, "not_assessed"],
      [3, "not_assessed"],
    ]);
    expect(roadmap.factors[0]?.title).toMatch(/^Successful pilot of 2 way replication of data between the LEDS environment and PNC/);
    const factorIds = roadmap.factors.map((f) => f.id).sort();
    for (const p of roadmap.products) {
      const on = p.dependencies.map((d) => (d.on.kind === "factor" ? d.on.id : `${d.on.kind}?`));
      expect([...on].sort(), p.slug).toEqual(factorIds);
    }
  });

  it("has the UK's 45 territorial police forces: 39 in England, 4 in Wales, 1 each in Scotland and Northern Ireland", () => {
    expect(roadmap.forces).toHaveLength(45);
    const byNation = Object.fromEntries(
      ["England", "Wales", "Scotland", "Northern Ireland"].map((n) => [n, roadmap.forces.filter((f) => f.nation === n).length]),
    );
    expect(byNation).toEqual({ England: 39, Wales: 4, Scotland: 1, "Northern Ireland": 1 });
    // Names with ampersands and Welsh names are stored as written.
    expect(roadmap.forces.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Devon & Cornwall Police", "Dyfed-Powys Police (Heddlu Dyfed-Powys)", "Police Service of Northern Ireland"]),
    );
  });
});

describe("the seeded quarterly update", () => {
  it("is 2021 Q4, published on 7 October 2021, and the only update", async () => {
    const updates = await listPublishedUpdates(db, "nledp");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      slug: "2021-q4",
      year: 2021,
      quarter: 4,
      state: "published",
      publishedOn: "2021-10-07",
      publishedAt: "2021-10-06T23:00:00.000Z",
      publishedByName: expect.stringContaining("Matthew Rycroft") as unknown,
    });
    expect(updates[0]?.coveringText).toContain("RE: NATIONAL LAW ENFORCEMENT DATA PROGRAMME");
    const drafts = await db.select().from(t.quarterlyUpdates).where(eq(t.quarterlyUpdates.state, "draft"));
    expect(drafts).toEqual([]);
  });

  it("has a snapshot whose stored hash is the hash of its stored content", async () => {
    const snapshot = await readSnapshot(db, "nledp", "2021-q4");
    expect(snapshot).not.toBeNull();
    expect(contentHash(snapshot!.content)).toBe(snapshot!.contentHash);
    const [listed] = await listPublishedUpdates(db, "nledp");
    expect(listed?.contentHash).toBe(snapshot!.contentHash);
    // Without a slug, the latest published snapshot: the same one.
    expect((await readSnapshot(db, "nledp"))?.id).toBe(snapshot!.id);
  });

  it("froze the whole roadmap as it stands (nothing has changed since)", async () => {
    const snapshot = await readSnapshot(db, "nledp", "2021-q4");
    const content = snapshot!.content as SnapshotContent;
    expect(content.formatVersion).toBe(1);
    expect(content.update).toMatchObject({ slug: "2021-q4", state: "published", publishedOn: "2021-10-07" });
    expect(content.roadmap).toEqual(roadmap);
  });

  it("set every milestone's baseline to its forecast when it was published", async () => {
    const rows = await db.select().from(t.milestones).orderBy(asc(t.milestones.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const m of rows) {
      expect({ on: m.baselineOn, precision: m.baselinePrecision }, m.title).toEqual({ on: m.forecastOn, precision: m.forecastPrecision });
    }
    const snapshot = await readSnapshot(db, "nledp", "2021-q4");
    for (const m of snapshot!.content.roadmap.products.flatMap((p) => p.milestones)) expect(m.baseline, m.title).toEqual(m.forecast);
  });

  it("is recorded in the audit trail, with the seed as the actor", async () => {
    const events = await db.select().from(t.auditEvents).orderBy(asc(t.auditEvents.id));
    expect(events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ["seed.loaded", "programme", "nledp"],
      ["update.published", "quarterly_update", "2021-q4"],
    ]);
    for (const e of events) expect(e.actorLabel).toMatch(/7 October 2021/);
    const snapshot = await readSnapshot(db, "nledp", "2021-q4");
    expect(events[1]?.after).toMatchObject({ state: "published", contentHash: snapshot!.contentHash, snapshotId: snapshot!.id });
  });
});
