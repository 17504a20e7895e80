/**
 * The shapes of every change to the roadmap, validated the same way whether they come from a form
 * (through lib/editing/forms.ts) or, later, from the JSON API. Messages are written for people:
 * the form shows them beside the field, the API returns them with the field's path.
 */
import { z } from "zod";
import { isRealDate, periodContaining, periodStart, PRECISIONS, todayInLondon, type Period } from "@/lib/dates/period";
import { DEPENDENCY_STATUSES, MILESTONE_STATUSES, NATIONS } from "@/lib/roadmap/types";

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none belongs in a roadmap. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Trimmed text, required unless `optional`, at most `max` characters. Stored as typed (never HTML-stripped),
 * but in Unicode's compatibility form without invisible format characters, so "Ｐroperty" or "Property" with a
 * zero-width space cannot pass for a second "Property".
 */
function text(label: string, max: number, options: { optional?: boolean } = {}) {
  const base = z
    .string({ error: `${label} must be text` })
    .overwrite((s) => s.normalize("NFKC").replace(/\p{Cf}/gu, ""))
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .refine((s) => !CONTROL.test(s), { error: `${label} must not contain control characters` });
  return options.optional ? base : base.refine((s) => s.length > 0, { error: `Enter ${label.toLowerCase()}` });
}

/** A key naming something that exists (a slug, a phase, a force): never empty, never a control character. */
function key(message: string) {
  return z.string({ error: message }).min(1, { error: message }).max(200, { error: message }).refine((s) => !CONTROL.test(s), { error: message });
}

export const isoDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date as YYYY-MM-DD" })
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), { error: "Enter a real date" });

/** A period: its precision and any date inside it, stored as the period's last day. */
export const periodSchema = z
  .object({ precision: z.enum(PRECISIONS, { error: "Choose day, month, quarter, half or year" }), on: isoDateSchema })
  .strict()
  .transform((p): Period => periodContaining(p.precision, p.on));

export const versionSchema = z.number({ error: "Give the version you read" }).int().positive();

/** Slugs are made from names; these would clash with pages of their own. */
const RESERVED_SLUGS = new Set(["new"]);

export function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
}

export const productSchema = z
  .object({
    name: text("The product's name", 120).refine((n) => slugify(n) !== "" && !RESERVED_SLUGS.has(slugify(n)), {
      error: "The product's name must include letters or numbers",
    }),
    description: text("A description", 1000),
    statusSummary: text("Where the product stands", 1000, { optional: true }).default(""),
    parentSlug: key("Select a product from the list").nullable().default(null),
    currentPhaseKey: key("Select the current phase"),
    plannedFamilySize: z
      .number({ error: "The planned family size must be a whole number" })
      .int({ error: "The planned family size must be a whole number" })
      .min(2, { error: "A planned family has at least 2 products" })
      .max(100, { error: "The planned family size must be 100 or fewer" })
      .nullable()
      .default(null),
  })
  .strict();
export type ProductInput = z.output<typeof productSchema>;

export const spanSchema = z
  .object({
    phaseKey: key("Select a phase"),
    start: periodSchema.nullable().default(null),
    end: periodSchema.nullable().default(null),
    note: text("The note", 500, { optional: true }).default(""),
  })
  .strict()
  // Periods of different precisions: "Q2 2022 to May 2022" is fine, so the end may not end before the start begins.
  .refine((s) => !s.start || !s.end || s.end.on >= periodStart(s.start), { error: "The end must not be before the start", path: ["end"] });
export type SpanInput = z.output<typeof spanSchema>;

export const milestoneSchema = z
  .object({
    title: text("The milestone's title", 200),
    phaseKey: key("Select a phase from the list").nullable().default(null),
    forecast: periodSchema,
    status: z.enum(MILESTONE_STATUSES, { error: "Select a status" }),
    actualOn: isoDateSchema.nullable().default(null),
    notes: text("The notes", 2000, { optional: true }).default(""),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.actualOn && m.status !== "done") ctx.addIssue({ code: "custom", path: ["actualOn"], message: "Only a milestone that is done has an actual date: leave it empty or choose Done" });
    if (!m.actualOn && m.status === "done") ctx.addIssue({ code: "custom", path: ["actualOn"], message: "Enter the date the milestone was done" });
    if (m.actualOn && m.actualOn > todayInLondon()) ctx.addIssue({ code: "custom", path: ["actualOn"], message: "The actual date must be today or in the past" });
  });
export type MilestoneInput = z.output<typeof milestoneSchema>;

export function observationSchema(totalForces: number) {
  return z
    .object({
      observedOn: isoDateSchema,
      forcesLive: z
        .number({ error: "Enter the number of forces live as a whole number" })
        .int({ error: "Enter the number of forces live as a whole number" })
        .min(0, { error: `Forces live must be between 0 and ${totalForces}` })
        .max(totalForces, { error: `Forces live must be between 0 and ${totalForces}` }),
      nationsCovered: z.array(z.enum(NATIONS, { error: "Select nations from the list" })).default([]).refine((n) => new Set(n).size === n.length, { error: "Select each nation once" }),
      note: text("The note", 500, { optional: true }).default(""),
    })
    .strict()
    .refine((o) => o.observedOn <= todayInLondon(), { error: "The date must be today or in the past", path: ["observedOn"] });
}
export type ObservationInput = z.output<ReturnType<typeof observationSchema>>;

export function targetSchema(totalForces: number) {
  return z
    .object({
      target: periodSchema,
      forcesCount: z
        .number({ error: "Enter the target number of forces as a whole number" })
        .int({ error: "Enter the target number of forces as a whole number" })
        .min(1, { error: `The target must be between 1 and ${totalForces} forces` })
        .max(totalForces, { error: `The target must be between 1 and ${totalForces} forces` }),
    })
    .strict();
}
export type TargetInput = z.output<ReturnType<typeof targetSchema>>;

/** Each force's go-live date, by force name; a force left out has not gone live. */
export const goLivesSchema = z
  .object({ goLives: z.array(z.object({ forceName: key("Give the force's name"), liveOn: isoDateSchema }).strict()).max(1000) })
  .strict()
  .refine((g) => new Set(g.goLives.map((x) => x.forceName)).size === g.goLives.length, { error: "Give each force once", path: ["goLives"] });
export type GoLivesInput = z.output<typeof goLivesSchema>;

export const dependencyTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("product"), slug: key("Select a product from the list") }).strict(),
    z.object({ kind: z.literal("factor"), id: z.number().int().positive() }).strict(),
    z.object({ kind: z.literal("milestone"), id: z.number().int().positive() }).strict(),
  ],
  { error: "Select what the product depends on" },
);

export const dependencySchema = z
  .object({
    on: dependencyTargetSchema,
    status: z.enum(DEPENDENCY_STATUSES, { error: "Select a status" }),
    owner: text("The owner", 200, { optional: true }).transform((o) => o || null).nullable().default(null),
    note: text("The note", 1000, { optional: true }).default(""),
  })
  .strict();
export type DependencyInput = z.output<typeof dependencySchema>;

export const factorSchema = z
  .object({
    title: text("The title", 200),
    description: text("A description", 2000),
    status: z.enum(DEPENDENCY_STATUSES, { error: "Select a status" }),
    owner: text("The owner", 200, { optional: true }).transform((o) => o || null).nullable().default(null),
  })
  .strict();
export type FactorInput = z.output<typeof factorSchema>;
