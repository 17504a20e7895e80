/**
 * A synthetic NLEDP programme at any scale, for the benchmark (issue 7) and for tests of large
 * roadmaps (the timeline and its PDF with 60 products, 300 milestones and 100 dependencies).
 *
 * Scale 1 is the size of the letter's roadmap (6 products); scale N has 6N. Per six products: a
 * standalone product reporting rollout as counts, a family (a parent and two members), a product
 * whose rollout is recorded force by force, and an early-stage one; about 5 milestones each, at
 * every precision; about 10 dependencies (on earlier products, on the three programme-level factors
 * and on earlier products' milestones, so never a cycle and never on itself); then `updates`
 * quarterly updates, each made the way programme staff make them: the roadmap is edited (forecasts
 * slip, milestones are done, phases move on, more forces go live) and the update is published with
 * publishUpdate, which freezes the snapshot.
 *
 * It writes the programme the app shows (PROGRAMME_SLUG), so it runs only on an empty, migrated
 * database. Everything comes from a seeded PRNG and fixed dates: the same options give the same
 * rows, ids and snapshot hashes every time.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { publishUpdate } from "@/lib/roadmap/snapshot";
import {
  addDays, calendarQuarter, daysInMonth, formatDate, isoDate, parseIsoDate, periodContaining, periodStart,
  type IsoDate, type Period, type Precision,
} from "@/lib/dates/period";
import type { DependencyStatus, MilestoneStatus, Nation } from "@/lib/roadmap/types";
import { FACTORS, NLEDP_SLUG, PHASES, PROGRAMME, type PhaseKey } from "./nledp";
import { POLICE_FORCES } from "./police-forces";

export type SyntheticOptions = {
  /** 1 is the letter's size (6 products); 10 is 60 products; 100 is 600. */
  scale: number;
  /** How many quarterly updates to publish (the history), the first in October 2021. At least 1. */
  updates: number;
  /** The PRNG's seed: a different seed, a different (equally deterministic) programme. */
  seed?: number;
};

export type SyntheticSummary = {
  products: number;
  milestones: number;
  dependencies: number;
  forceGoLives: number;
  rolloutObservations: number;
  publishedUpdates: number;
  latestUpdateSlug: string;
};

export class NotEmptyError extends Error {}

/**
 * One milestone with a known day: due on the last day of the 2021-22 financial year, on the first
 * product, for the large-roadmap browser tests (it must read "31 March 2022" in every time zone). It
 * is added after every generated row and takes no draw from the PRNG, so the rest of the programme is
 * the same as without it; the quarterly edits leave it alone until its day has passed, then it is done
 * on its day.
 */
export const KNOWN_DAY_MILESTONE = {
  productSlug: "roadside-checks",
  productName: "Roadside checks",
  title: "Cutover on the last day of the financial year",
  on: "2022-03-31",
} as const;

export const SYNTHETIC_ACTOR: Actor = { userId: null, label: "Seed: synthetic data" };
export const SYNTHETIC_PUBLISHER = "Synthetic Publisher, Programme Office";

/** Mulberry32: small, fast, and the same sequence on every machine for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    shuffle: <T,>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
type Random = ReturnType<typeof prng>;

// ---- Dates ---------------------------------------------------------------------------------------

/** The first update: the letter's date. Later ones follow each quarter, on the 7th of its first month. */
const FIRST_UPDATE_ON = "2021-10-07";

function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

function updateDate(index: number): IsoDate {
  return addMonths(FIRST_UPDATE_ON, index * 3);
}

/** The period of a precision that holds a date (its last day is what is stored). */
const periodAt = (precision: Precision, iso: IsoDate): Period => periodContaining(precision, iso);

/** The next period of the same precision: a forecast that slips by one step. */
function slipped(period: Period): Period {
  if (period.precision === "day") return periodAt("day", addDays(period.on, 28));
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[period.precision];
  return periodAt(period.precision, addMonths(periodStart(period), months));
}

/** A day inside a period, no later than `latest`: when a milestone due then was actually done. */
function dayWithin(period: Period, latest: IsoDate, random: Random): IsoDate {
  const start = periodStart(period);
  const end = period.on < latest ? period.on : latest;
  if (end < start) return end;
  const span = Math.round((Date.UTC(...ymd(end)) - Date.UTC(...ymd(start))) / 86_400_000);
  return addDays(start, random.int(0, span));
}
function ymd(iso: IsoDate): [number, number, number] {
  const { year, month, day } = parseIsoDate(iso);
  return [year, month - 1, day];
}

// ---- Words ---------------------------------------------------------------------------------------

const AREAS = [
  "Roadside checks", "Property", "Drivers", "Person", "Audit", "Vehicles", "Firearms licensing", "Custody",
  "Intelligence sharing", "Locations", "Organisations", "Biometrics", "Warrants", "Missing people", "Offender management",
  "Court results", "Disclosure", "Border alerts", "Case files", "Reference data",
] as const;
const FAMILY_MEMBERS = ["wanted people", "missing people", "people on bail", "protective orders", "victims", "witnesses"] as const;
const MILESTONE_TITLES = [
  "Discovery concludes", "Alpha assessment passed", "Private beta opens to pilot forces", "Public beta",
  "Live service assessment", "Data migration from PNC complete", "First force onboarded", "Legacy interface switched off",
  "Accessibility audit complete", "Integration with LEDS platform", "Security accreditation", "National rollout begins",
] as const;
const OWNERS = ["LEDS platform team", "Home Office Digital", "DVLA", "National Police Chiefs' Council", "Police Scotland (Poileas Alba)", "Programme office", null] as const;
const STATUS_WORDS: Record<PhaseKey, string> = {
  "pre-discovery": "Pre-discovery under way, mapping the existing system.",
  discovery: "Discovery under way with users in several forces.",
  alpha: "Alpha testing prototypes with officers and staff.",
  beta: "In beta with invited forces.",
  live: "Live and available to all forces.",
};
const PRECISIONS_CYCLE: Precision[] = ["day", "month", "quarter", "half", "year"];

// ---- The programme ---------------------------------------------------------------------------------

type PlannedProduct = {
  index: number;
  slug: string;
  name: string;
  parentIndex: number | null;
  kind: "counts" | "family" | "member" | "per-force" | "early";
  phase: number; // index into PHASES
  plannedFamilySize: number | null;
};

function planProducts(scale: number): PlannedProduct[] {
  const products: PlannedProduct[] = [];
  const add = (p: Omit<PlannedProduct, "index" | "slug">) => {
    const index = products.length;
    const slug = p.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    products.push({ ...p, index, slug });
    return index;
  };
  for (let unit = 0; unit < scale; unit++) {
    const area = (k: number) => {
      const n = unit * 4 + k;
      const round = Math.floor(n / AREAS.length);
      return `${AREAS[n % AREAS.length]}${round ? ` ${round + 1}` : ""}`;
    };
    add({ name: area(0), parentIndex: null, kind: "counts", phase: 4, plannedFamilySize: null });
    const family = add({ name: area(1), parentIndex: null, kind: "family", phase: 1 + (unit % 2), plannedFamilySize: 2 + (unit % 5) });
    for (let m = 0; m < 2; m++) {
      const member = FAMILY_MEMBERS[(unit * 2 + m) % FAMILY_MEMBERS.length];
      add({ name: `${area(1)}: ${member}`, parentIndex: family, kind: "member", phase: 1 + ((unit + m) % 3), plannedFamilySize: null });
    }
    add({ name: area(2), parentIndex: null, kind: "per-force", phase: 3 + (unit % 2), plannedFamilySize: null });
    add({ name: area(3), parentIndex: null, kind: "early", phase: unit % 2, plannedFamilySize: null });
  }
  return products;
}

/** Inserts in chunks, so a large scale never meets PostgreSQL's limit of parameters per statement. */
async function insertChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function countOf(db: Db, table: "products" | "milestones" | "dependencies" | "force_go_lives" | "rollout_observations"): Promise<number> {
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

/**
 * Builds the synthetic programme and publishes its history. Refuses (NotEmptyError) a database that
 * already has products or the programme: it would mix with, or clash with, what is there.
 */
export async function seedSynthetic(db: Db, options: SyntheticOptions): Promise<SyntheticSummary> {
  const { scale, updates } = options;
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new RangeError("scale must be a whole number from 1 to 1000");
  if (!Number.isInteger(updates) || updates < 1 || updates > 400) throw new RangeError("updates must be a whole number from 1 to 400");
  const random = prng(options.seed ?? 20_211_007);

  const state = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: t.products.id }).from(t.products).limit(1);
    const [programmeThere] = await tx.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, NLEDP_SLUG));
    if (existing || programmeThere) {
      throw new NotEmptyError("The database already has a roadmap: synthetic data goes only into an empty database (migrated, not seeded).");
    }
    return buildProgramme(tx, scale, random);
  });

  let latestUpdateSlug = "";
  for (let u = 0; u < updates; u++) {
    const on = updateDate(u);
    const { year, month } = parseIsoDate(on);
    const quarter = calendarQuarter(month);
    latestUpdateSlug = `${year}-q${quarter}`;
    await db.transaction(async (tx) => {
      if (u > 0) await editForUpdate(tx, state, on, random);
      await tx.insert(t.quarterlyUpdates).values({
        programmeId: state.programmeId,
        slug: latestUpdateSlug,
        year,
        quarter,
        title: `NLEDP product roadmap, ${formatDate(on).replace(/^\d+ /, "")}`,
        coveringText: coveringText(u, on, state),
      });
      await publishUpdate(tx, {
        programmeSlug: NLEDP_SLUG,
        updateSlug: latestUpdateSlug,
        publishedOn: on,
        // Ten in the morning in London (BST or GMT as the date falls), fixed so hashes repeat.
        publishedAt: new Date(`${on}T${month >= 4 && month <= 10 ? "09" : "10"}:00:00Z`),
        publishedByName: SYNTHETIC_PUBLISHER,
        actor: SYNTHETIC_ACTOR,
      });
    });
  }

  return {
    products: await countOf(db, "products"),
    milestones: await countOf(db, "milestones"),
    dependencies: await countOf(db, "dependencies"),
    forceGoLives: await countOf(db, "force_go_lives"),
    rolloutObservations: await countOf(db, "rollout_observations"),
    publishedUpdates: updates,
    latestUpdateSlug,
  };
}

type BuiltState = {
  programmeId: number;
  phaseIds: number[];
  forceIds: Array<{ id: number; nation: Nation }>;
  products: Array<PlannedProduct & { id: number; forceOrder: number[]; liveCount: number; lastCount: number }>;
  /** KNOWN_DAY_MILESTONE's id: the quarterly edits never move it. */
  knownMilestoneId: number;
};

async function buildProgramme(tx: Db, scale: number, random: Random): Promise<BuiltState> {
  // Reference data, as the NLEDP seed has it.
  await tx.insert(t.phases).values(PHASES.map((p, i) => ({ ...p, position: i + 1 }))).onConflictDoNothing();
  await tx.insert(t.policeForces).values(POLICE_FORCES.map((f, i) => ({ ...f, position: i + 1 }))).onConflictDoNothing();
  const phaseRows = await tx.select({ id: t.phases.id, key: t.phases.key }).from(t.phases);
  const phaseIds = PHASES.map((p) => phaseRows.find((r) => r.key === p.key)!.id);
  const forceRows = await tx.select({ id: t.policeForces.id, nation: t.policeForces.nation }).from(t.policeForces).orderBy(t.policeForces.position);

  const [programme] = await tx
    .insert(t.programmes)
    .values({ ...PROGRAMME, description: `${PROGRAMME.description} (Synthetic data at scale ${scale}: not the real roadmap.)` })
    .returning({ id: t.programmes.id });
  if (!programme) throw new Error("programme not inserted");
  const factorRows = await tx
    .insert(t.dependencyFactors)
    .values(FACTORS.map((f, i) => ({ ...f, programmeId: programme.id, position: i + 1, status: (["on_track", "at_risk", "not_assessed"] as const)[i % 3], owner: OWNERS[i] ?? null })))
    .returning({ id: t.dependencyFactors.id });

  const planned = planProducts(scale);
  const inserted: Array<{ id: number }> = [];
  await insertChunks(planned, async (chunk) => {
    const rows = await tx
      .insert(t.products)
      .values(
        chunk.map((p) => ({
          programmeId: programme.id,
          slug: p.slug,
          name: p.name,
          description:
            p.kind === "member"
              ? `One of the ${planned[p.parentIndex!]!.name.toLowerCase()} family: information about ${p.name.split(": ")[1]}.`
              : `Improved, real-time access to ${p.name.toLowerCase()} information for policing and partner agencies.`,
          statusSummary: STATUS_WORDS[PHASES[p.phase]!.key],
          currentPhaseId: phaseIds[p.phase]!,
          plannedFamilySize: p.plannedFamilySize,
          position: p.index + 1,
        })),
      )
      .returning({ id: t.products.id });
    inserted.push(...rows);
  });
  const ids = inserted.map((r) => r.id);
  for (const p of planned) {
    if (p.parentIndex !== null) await tx.update(t.products).set({ parentId: ids[p.parentIndex]! }).where(eq(t.products.id, ids[p.index]!));
  }

  const start = FIRST_UPDATE_ON;
  // Phase spans: the current phase (already under way or started recently), then the next one or two.
  const spanRows: Array<typeof t.phaseSpans.$inferInsert> = [];
  for (const p of planned) {
    let from: Period | null = random.chance(0.5) ? null : periodAt("month", addMonths(start, -random.int(1, 6)));
    for (let k = p.phase; k < PHASES.length && k <= p.phase + 2; k++) {
      const last = k === PHASES.length - 1 || k === p.phase + 2;
      const precision = random.pick(["month", "quarter", "half"] as const);
      const endFrom = addMonths(from ? from.on : start, random.int(3, 9));
      const end: Period | null = last ? null : periodAt(precision, endFrom);
      spanRows.push({
        productId: ids[p.index]!,
        phaseId: phaseIds[k]!,
        startOn: from?.on ?? null,
        startPrecision: from?.precision ?? null,
        endOn: end?.on ?? null,
        endPrecision: end?.precision ?? null,
        note: from === null ? "Already under way when the roadmap begins." : "",
      });
      if (!end) break;
      from = periodAt("month", addDays(end.on, 1));
    }
  }
  await insertChunks(spanRows, (chunk) => tx.insert(t.phaseSpans).values(chunk));

  // Milestones: five per product on average, one of each precision, spread over two years.
  const milestoneRows: Array<typeof t.milestones.$inferInsert> = [];
  for (const p of planned) {
    const count = random.int(4, 6);
    for (let m = 0; m < count; m++) {
      const precision = PRECISIONS_CYCLE[(p.index + m) % PRECISIONS_CYCLE.length]!;
      const due = periodAt(precision, addDays(start, random.int(-60, 720)));
      const phase = Math.min(PHASES.length - 1, p.phase + Math.floor(m / 2));
      const status: MilestoneStatus = due.on < start ? "done" : random.pick(["not_started", "on_track", "on_track", "at_risk", "not_assessed"] as const);
      milestoneRows.push({
        productId: ids[p.index]!,
        title: MILESTONE_TITLES[(p.index * 3 + m) % MILESTONE_TITLES.length]!,
        phaseId: random.chance(0.6) ? phaseIds[phase]! : null,
        forecastOn: due.on,
        forecastPrecision: due.precision,
        status,
        actualOn: status === "done" ? dayWithin(due, addDays(start, -1), random) : null,
        notes: random.chance(0.2) ? "Depends on the adoption plan agreed with policing." : "",
      });
    }
  }
  const milestoneIds: Array<{ id: number; productId: number }> = [];
  await insertChunks(milestoneRows, async (chunk) => {
    milestoneIds.push(...(await tx.insert(t.milestones).values(chunk).returning({ id: t.milestones.id, productId: t.milestones.productId })));
  });
  const milestonesOf = (productIndex: number) => milestoneIds.filter((m) => m.productId === ids[productIndex]);

  // Dependencies: on an earlier product, on one of its milestones, or on a programme-level factor.
  // Only ever backwards in the product order, so the graph has no cycles and nothing depends on itself.
  const statuses: DependencyStatus[] = ["not_assessed", "on_track", "on_track", "at_risk", "blocked", "met"];
  const dependencyRows: Array<typeof t.dependencies.$inferInsert> = [];
  for (const p of planned) {
    const productId = ids[p.index]!;
    const count = p.index === 0 ? 1 : random.chance(0.8) ? 2 : 1;
    const used = new Set<string>();
    for (let d = 0; d < count; d++) {
      const roll = p.index === 0 ? 0 : random.next();
      const base = { productId, status: random.pick(statuses), owner: random.pick(OWNERS), note: "" };
      // A family member depends on its parent; others on any earlier product (nearby ones, mostly).
      const earlier = p.parentIndex ?? Math.max(0, p.index - random.int(1, Math.min(p.index, 12)));
      if (roll < 0.3) {
        const factor = random.int(0, factorRows.length - 1);
        if (used.has(`f${factor}`)) continue;
        used.add(`f${factor}`);
        dependencyRows.push({ ...base, onFactorId: factorRows[factor]!.id });
      } else if (roll < 0.7) {
        if (used.has(`p${earlier}`)) continue;
        used.add(`p${earlier}`);
        dependencyRows.push({ ...base, onProductId: ids[earlier]! });
      } else {
        const candidates = milestonesOf(earlier);
        if (candidates.length === 0) continue;
        const milestone = random.pick(candidates);
        if (used.has(`m${milestone.id}`)) continue;
        used.add(`m${milestone.id}`);
        dependencyRows.push({ ...base, onMilestoneId: milestone.id, note: "Needs this milestone met first." });
      }
    }
  }
  await insertChunks(dependencyRows, (chunk) => tx.insert(t.dependencies).values(chunk));

  const [known] = await tx
    .insert(t.milestones)
    .values({
      productId: ids[0]!,
      title: KNOWN_DAY_MILESTONE.title,
      phaseId: null,
      forecastOn: KNOWN_DAY_MILESTONE.on,
      forecastPrecision: "day",
      status: "on_track",
      actualOn: null,
      notes: "",
    })
    .returning({ id: t.milestones.id });
  if (!known) throw new Error("known milestone not inserted");

  // Rollout: counts reported for "counts" products; per-force go-live dates for "per-force" ones.
  const products: BuiltState["products"] = planned.map((p) => ({
    ...p,
    id: ids[p.index]!,
    forceOrder: random.shuffle(forceRows.map((_, i) => i)),
    liveCount: 0,
    lastCount: 0,
  }));
  const forceIds = forceRows.map((f) => ({ id: f.id, nation: f.nation }));
  for (const p of products) {
    if (p.kind === "counts") {
      const earlier = random.int(4, 12);
      const now = earlier + random.int(4, 12);
      p.lastCount = now;
      const observed = (on: IsoDate, forcesLive: number, note: string) =>
        tx.insert(t.rolloutObservations).values({ productId: p.id, observedOn: on, forcesLive, nationsCovered: nationsOf(p, forcesLive, forceIds), note });
      await observed(addMonths(start, -6), earlier, "As reported to the programme board.");
      await observed(start, now, "As reported to the Public Accounts Committee.");
      await tx.insert(t.rolloutTargets).values([
        { productId: p.id, targetOn: "2021-12-31", targetPrecision: "year", forcesCount: Math.min(45, now + random.int(8, 16)) },
        { productId: p.id, targetOn: periodAt("quarter", "2022-12-01").on, targetPrecision: "quarter", forcesCount: 45 },
      ]);
    } else if (p.kind === "per-force") {
      const first = random.int(3, 10);
      await addGoLives(tx, p, forceIds, first, addMonths(start, -9), start, random);
      await tx.insert(t.rolloutTargets).values({ productId: p.id, targetOn: periodAt("half", "2022-12-01").on, targetPrecision: "half", forcesCount: random.int(25, 40) });
    }
  }

  await recordAudit(tx, {
    actor: SYNTHETIC_ACTOR,
    action: "seed.loaded",
    entityType: "programme",
    entityId: NLEDP_SLUG,
    after: { synthetic: true, scale, products: planned.length, milestones: milestoneRows.length + 1, dependencies: dependencyRows.length },
  });
  return { programmeId: programme.id, phaseIds, forceIds, products, knownMilestoneId: known.id };
}

/** Nations covered once this many forces are live, in the product's own order of forces. */
function nationsOf(p: { forceOrder: number[] }, live: number, forces: Array<{ nation: Nation }>): Nation[] {
  const seen = new Set(p.forceOrder.slice(0, live).map((i) => forces[i]!.nation));
  return (["England", "Wales", "Scotland", "Northern Ireland"] as const).filter((n) => seen.has(n));
}

/** The next `count` forces in the product's order go live on days between `from` and `to`. */
async function addGoLives(
  tx: Db,
  p: BuiltState["products"][number],
  forces: BuiltState["forceIds"],
  count: number,
  from: IsoDate,
  to: IsoDate,
  random: Random,
): Promise<void> {
  const next = p.forceOrder.slice(p.liveCount, p.liveCount + count);
  if (next.length === 0) return;
  const span = Math.max(0, Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000));
  await tx.insert(t.forceGoLives).values(next.map((i) => ({ productId: p.id, forceId: forces[i]!.id, liveOn: addDays(from, random.int(0, span)) })));
  p.liveCount += next.length;
}

/** A quarter's worth of change, as programme staff would make it before publishing the next update. */
async function editForUpdate(tx: Db, state: BuiltState, on: IsoDate, random: Random): Promise<void> {
  const previous = addMonths(on, -3);
  const productIds = state.products.map((p) => p.id);
  const open = await tx
    .select({ id: t.milestones.id, forecastOn: t.milestones.forecastOn, forecastPrecision: t.milestones.forecastPrecision, status: t.milestones.status })
    .from(t.milestones)
    .where(and(inArray(t.milestones.productId, productIds), ne(t.milestones.status, "done")))
    .orderBy(t.milestones.id);
  for (const m of open) {
    const forecast: Period = { on: m.forecastOn, precision: m.forecastPrecision };
    if (m.id === state.knownMilestoneId) {
      // Never slipped or re-rated (and no draw from the PRNG): done on its day once that has passed.
      if (forecast.on < on) await tx.update(t.milestones).set({ status: "done", actualOn: forecast.on, version: sql`${t.milestones.version} + 1` }).where(eq(t.milestones.id, m.id));
      continue;
    }
    if (forecast.on < on) {
      // Due by now: mostly done, otherwise it slips and is delayed.
      if (random.chance(0.65)) {
        await tx.update(t.milestones).set({ status: "done", actualOn: dayWithin(forecast, addDays(on, -1), random), version: sql`${t.milestones.version} + 1` }).where(eq(t.milestones.id, m.id));
      } else {
        let next = slipped(forecast);
        while (next.on < on) next = slipped(next);
        await tx.update(t.milestones).set({ forecastOn: next.on, forecastPrecision: next.precision, status: "delayed", version: sql`${t.milestones.version} + 1` }).where(eq(t.milestones.id, m.id));
      }
    } else if (random.chance(0.12)) {
      const next = slipped(forecast);
      await tx.update(t.milestones).set({ forecastOn: next.on, forecastPrecision: next.precision, status: "at_risk", version: sql`${t.milestones.version} + 1` }).where(eq(t.milestones.id, m.id));
    } else if (random.chance(0.1)) {
      const status = random.pick(["on_track", "at_risk", "not_started"] as const);
      if (status !== m.status) await tx.update(t.milestones).set({ status, version: sql`${t.milestones.version} + 1` }).where(eq(t.milestones.id, m.id));
    }
  }

  // Phases move on when the current phase's planned span has ended.
  const spans = await tx
    .select({ productId: t.phaseSpans.productId, phaseId: t.phaseSpans.phaseId, endOn: t.phaseSpans.endOn })
    .from(t.phaseSpans)
    .where(inArray(t.phaseSpans.productId, productIds));
  for (const p of state.products) {
    if (p.phase >= PHASES.length - 1) continue;
    const current = spans.find((s) => s.productId === p.id && s.phaseId === state.phaseIds[p.phase]);
    if (current?.endOn && current.endOn < on && random.chance(0.8)) {
      p.phase += 1;
      await tx
        .update(t.products)
        .set({ currentPhaseId: state.phaseIds[p.phase]!, statusSummary: STATUS_WORDS[PHASES[p.phase]!.key], version: sql`${t.products.version} + 1` })
        .where(eq(t.products.id, p.id));
    }
  }

  // Rollout moves on: a new reported figure, or more forces' go-live dates.
  for (const p of state.products) {
    if (p.kind === "counts" && p.lastCount < 45) {
      p.lastCount = Math.min(45, p.lastCount + random.int(1, 6));
      await tx.insert(t.rolloutObservations).values({
        productId: p.id,
        observedOn: on,
        forcesLive: p.lastCount,
        nationsCovered: nationsOf(p, p.lastCount, state.forceIds),
        note: "As reported for this quarter's update.",
      });
    } else if (p.kind === "per-force") {
      await addGoLives(tx, p, state.forceIds, random.int(1, 5), previous, addDays(on, -1), random);
    }
  }

  // Now and then a programme-level factor changes status.
  if (random.chance(0.3)) {
    const [factor] = await tx
      .select({ id: t.dependencyFactors.id })
      .from(t.dependencyFactors)
      .where(eq(t.dependencyFactors.programmeId, state.programmeId))
      .orderBy(t.dependencyFactors.position)
      .offset(random.int(0, FACTORS.length - 1))
      .limit(1);
    if (factor) await tx.update(t.dependencyFactors).set({ status: random.pick(["on_track", "at_risk", "met"] as const), version: sql`${t.dependencyFactors.version} + 1` }).where(eq(t.dependencyFactors.id, factor.id));
  }
}

function coveringText(index: number, on: IsoDate, state: BuiltState): string {
  return [
    `This is update ${index + 1} of the synthetic NLEDP roadmap, published ${formatDate(on)}.`,
    `It covers ${state.products.length} products. The figures are generated for testing and benchmarking, and describe no real programme.`,
  ].join("\n\n");
}
