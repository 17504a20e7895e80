/**
 * Loads the October 2021 roadmap into an empty database, once. It runs inside the migration lock
 * and checks for the programme first, so starting again (or several instances at once) never
 * duplicates anything.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { publishUpdate } from "@/lib/roadmap/snapshot";
import { FACTORS, FIRST_UPDATE, NLEDP_SLUG, PHASES, PRODUCTS, PROGRAMME } from "./nledp";
import { POLICE_FORCES } from "./police-forces";

const SEED_ACTOR = { userId: null, label: "Seed: letter of 7 October 2021" };

/** Returns true when it seeded, false when the programme was already there. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, NLEDP_SLUG));
    if (existing.length > 0) return false;
    await seedReferenceData(tx);

    const [programme] = await tx.insert(t.programmes).values(PROGRAMME).returning();
    if (!programme) throw new Error("programme not inserted");
    const phaseRows = await tx.select().from(t.phases);
    const phaseId = (key: string) => {
      const row = phaseRows.find((p) => p.key === key);
      if (!row) throw new Error(`unknown phase ${key}`);
      return row.id;
    };

    const factorRows = await tx
      .insert(t.dependencyFactors)
      .values(FACTORS.map((f, i) => ({ ...f, programmeId: programme.id, position: i + 1 })))
      .returning({ id: t.dependencyFactors.id });

    for (const [index, p] of PRODUCTS.entries()) {
      const [product] = await tx
        .insert(t.products)
        .values({
          programmeId: programme.id,
          slug: p.slug,
          name: p.name,
          description: p.description,
          statusSummary: p.statusSummary,
          currentPhaseId: phaseId(p.currentPhase),
          plannedFamilySize: p.plannedFamilySize ?? null,
          position: index + 1,
        })
        .returning({ id: t.products.id });
      if (!product) throw new Error("product not inserted");
      if (p.spans.length) {
        await tx.insert(t.phaseSpans).values(
          p.spans.map((s) => ({
            productId: product.id,
            phaseId: phaseId(s.phase),
            startOn: s.start?.on ?? null,
            startPrecision: s.start?.precision ?? null,
            endOn: s.end?.on ?? null,
            endPrecision: s.end?.precision ?? null,
            note: s.note ?? "",
          })),
        );
      }
      if (p.milestones.length) {
        await tx.insert(t.milestones).values(
          p.milestones.map((m) => ({
            productId: product.id,
            title: m.title,
            phaseId: m.phase ? phaseId(m.phase) : null,
            forecastOn: m.forecast.on,
            forecastPrecision: m.forecast.precision,
            status: m.status,
            notes: m.notes ?? "",
          })),
        );
      }
      for (const o of p.rollout?.observations ?? []) {
        await tx.insert(t.rolloutObservations).values({ productId: product.id, ...o });
      }
      for (const r of p.rollout?.targets ?? []) {
        await tx.insert(t.rolloutTargets).values({
          productId: product.id,
          targetOn: r.target.on,
          targetPrecision: r.target.precision,
          forcesCount: r.forcesCount,
        });
      }
      // The letter: delivery of every product depends on the three programme-level factors.
      await tx.insert(t.dependencies).values(factorRows.map((f) => ({ productId: product.id, onFactorId: f.id })));
    }

    const { publishedOn, publishedAt, publishedByName, ...draft } = FIRST_UPDATE;
    await tx.insert(t.quarterlyUpdates).values({ ...draft, programmeId: programme.id });
    await recordAudit(tx, {
      actor: SEED_ACTOR,
      action: "seed.loaded",
      entityType: "programme",
      entityId: programme.slug,
      after: { products: PRODUCTS.length, forces: POLICE_FORCES.length, factors: FACTORS.length },
    });
    await publishUpdate(tx, {
      programmeSlug: NLEDP_SLUG,
      updateSlug: FIRST_UPDATE.slug,
      publishedOn,
      publishedAt,
      publishedByName,
      actor: SEED_ACTOR,
    });
    return true;
  });
}

/** Phases and police forces: shared by every programme, inserted when missing. */
async function seedReferenceData(tx: Db): Promise<void> {
  await tx
    .insert(t.phases)
    .values(PHASES.map((p, i) => ({ ...p, position: i + 1 })))
    .onConflictDoNothing();
  await tx
    .insert(t.policeForces)
    .values(POLICE_FORCES.map((f, i) => ({ ...f, position: i + 1 })))
    .onConflictDoNothing();
}

