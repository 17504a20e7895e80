/**
 * The whole data model in one file: tables, their named indexes and relations.
 * Periods (see lib/dates/period.ts) are a pair of columns: `<name>_on` (last day) and `<name>_precision`.
 * Calendar dates are `date` columns read as strings, so no time zone ever touches them.
 */
import { relations, sql } from "drizzle-orm";
import {
  bigserial, boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, serial, text,
  timestamp, uniqueIndex, customType,
} from "drizzle-orm/pg-core";

export const precision = pgEnum("precision", ["day", "month", "quarter", "half", "year"]);
export const milestoneStatus = pgEnum("milestone_status", ["not_started", "on_track", "at_risk", "delayed", "done", "not_assessed"]);
export const dependencyStatus = pgEnum("dependency_status", ["not_assessed", "on_track", "at_risk", "blocked", "met"]);
export const updateState = pgEnum("update_state", ["draft", "published"]);
export const userRole = pgEnum("user_role", ["viewer", "editor", "admin"]);
export const nation = pgEnum("nation", ["England", "Wales", "Scotland", "Northern Ireland"]);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Optimistic concurrency: a save names the version it read; a stale one is refused. */
const version = () => integer("version").notNull().default(1);

export const programmes = pgTable("programmes", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  department: text("department").notNull(),
  description: text("description").notNull(),
  lookaheadMonths: integer("lookahead_months").notNull().default(12),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [uniqueIndex("programmes_slug_key").on(t.slug)]);

/** Ordered reference data: the GOV.UK service phases as the letter describes them. */
export const phases = pgTable("phases", {
  id: serial("id").primaryKey(),
  key: text("key").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull(),
  /** The letter draws Beta and Live as one column, "Beta & Live", split into two sub-columns. */
  columnLabel: text("column_label").notNull(),
  subColumnLabel: text("sub_column_label"),
}, (t) => [uniqueIndex("phases_key_key").on(t.key), uniqueIndex("phases_position_key").on(t.position)]);

export const products = pgTable("products", {
  id: serial("id").primaryKey(),
  programmeId: integer("programme_id").notNull().references(() => programmes.id),
  parentId: integer("parent_id"),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  /** Where the product stands, in the words of the latest update. */
  statusSummary: text("status_summary").notNull().default(""),
  currentPhaseId: integer("current_phase_id").notNull().references(() => phases.id),
  /** A family of products planned but not yet named (Person: 9). */
  plannedFamilySize: integer("planned_family_size"),
  position: integer("position").notNull(),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  foreignKey({ name: "products_parent_fk", columns: [t.parentId], foreignColumns: [t.id] }),
  uniqueIndex("products_programme_slug_key").on(t.programmeId, t.slug),
  uniqueIndex("products_programme_name_key").on(t.programmeId, sql`lower(${t.name})`),
  index("products_parent_idx").on(t.parentId),
  check("products_family_size_check", sql`${t.plannedFamilySize} IS NULL OR ${t.plannedFamilySize} > 0`),
]);

/** A planned stretch of a product in one phase. A null start is "already under way"; a null end, "ongoing". */
export const phaseSpans = pgTable("phase_spans", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  phaseId: integer("phase_id").notNull().references(() => phases.id),
  startOn: date("start_on", { mode: "string" }),
  startPrecision: precision("start_precision"),
  endOn: date("end_on", { mode: "string" }),
  endPrecision: precision("end_precision"),
  note: text("note").notNull().default(""),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  index("phase_spans_product_idx").on(t.productId),
  check("phase_spans_start_pair", sql`(${t.startOn} IS NULL) = (${t.startPrecision} IS NULL)`),
  check("phase_spans_end_pair", sql`(${t.endOn} IS NULL) = (${t.endPrecision} IS NULL)`),
  check("phase_spans_order", sql`${t.startOn} IS NULL OR ${t.endOn} IS NULL OR ${t.startOn} <= ${t.endOn}`),
]);

export const milestones = pgTable("milestones", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  /** The phase this milestone enters or concludes, when it marks a phase change. */
  phaseId: integer("phase_id").references(() => phases.id),
  /** The target as first published in a quarterly update; null until then. */
  baselineOn: date("baseline_on", { mode: "string" }),
  baselinePrecision: precision("baseline_precision"),
  /** The current forecast of the target. */
  forecastOn: date("forecast_on", { mode: "string" }).notNull(),
  forecastPrecision: precision("forecast_precision").notNull(),
  status: milestoneStatus("status").notNull().default("not_started"),
  actualOn: date("actual_on", { mode: "string" }),
  notes: text("notes").notNull().default(""),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  index("milestones_product_idx").on(t.productId),
  index("milestones_forecast_idx").on(t.forecastOn),
  check("milestones_baseline_pair", sql`(${t.baselineOn} IS NULL) = (${t.baselinePrecision} IS NULL)`),
  check("milestones_actual_only_when_done", sql`${t.actualOn} IS NULL OR ${t.status} = 'done'`),
]);

/** The UK's territorial police forces: reference data that rollout is counted against. */
export const policeForces = pgTable("police_forces", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  nation: nation("nation").notNull(),
  position: integer("position").notNull(),
}, (t) => [uniqueIndex("police_forces_name_key").on(t.name)]);

/** A dated count of forces live, as reported (used where per-force go-live dates are not recorded). */
export const rolloutObservations = pgTable("rollout_observations", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  observedOn: date("observed_on", { mode: "string" }).notNull(),
  forcesLive: integer("forces_live").notNull(),
  nationsCovered: nation("nations_covered").array().notNull().default(sql`'{}'`),
  note: text("note").notNull().default(""),
  version: version(),
  createdAt: created(),
}, (t) => [
  index("rollout_observations_product_idx").on(t.productId, t.observedOn),
  check("rollout_observations_forces_live", sql`${t.forcesLive} >= 0`),
]);

export const rolloutTargets = pgTable("rollout_targets", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  targetOn: date("target_on", { mode: "string" }).notNull(),
  targetPrecision: precision("target_precision").notNull(),
  forcesCount: integer("forces_count").notNull(),
  version: version(),
  createdAt: created(),
}, (t) => [
  index("rollout_targets_product_idx").on(t.productId, t.targetOn),
  check("rollout_targets_forces_count", sql`${t.forcesCount} >= 0`),
]);

/** Per-force go-live dates: where recorded, counts are derived from these, never typed twice. */
export const forceGoLives = pgTable("force_go_lives", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  forceId: integer("force_id").notNull().references(() => policeForces.id),
  liveOn: date("live_on", { mode: "string" }).notNull(),
  version: version(),
  createdAt: created(),
}, (t) => [uniqueIndex("force_go_lives_product_force_key").on(t.productId, t.forceId)]);

/** Programme-level factors that delivery of every product depends on. */
export const dependencyFactors = pgTable("dependency_factors", {
  id: serial("id").primaryKey(),
  programmeId: integer("programme_id").notNull().references(() => programmes.id),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  status: dependencyStatus("status").notNull().default("not_assessed"),
  owner: text("owner"),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [index("dependency_factors_programme_idx").on(t.programmeId, t.position)]);

/** A product depends on exactly one of: another product, a programme-level factor, or a milestone. */
export const dependencies = pgTable("dependencies", {
  id: serial("id").primaryKey(),
  productId: integer("product_id").notNull().references(() => products.id, { onDelete: "cascade" }),
  onProductId: integer("on_product_id").references(() => products.id, { onDelete: "cascade" }),
  onFactorId: integer("on_factor_id").references(() => dependencyFactors.id, { onDelete: "cascade" }),
  onMilestoneId: integer("on_milestone_id").references(() => milestones.id, { onDelete: "cascade" }),
  status: dependencyStatus("status").notNull().default("not_assessed"),
  owner: text("owner"),
  note: text("note").notNull().default(""),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  index("dependencies_product_idx").on(t.productId),
  check(
    "dependencies_exactly_one_target",
    sql`num_nonnulls(${t.onProductId}, ${t.onFactorId}, ${t.onMilestoneId}) = 1`,
  ),
  check("dependencies_not_self", sql`${t.onProductId} IS NULL OR ${t.onProductId} <> ${t.productId}`),
]);

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: userRole("role").notNull().default("viewer"),
  active: boolean("active").notNull().default(true),
  passwordHash: text("password_hash"),
  /** In every session token; raised on sign-out, password change and deactivation, which ends all sessions. */
  sessionVersion: integer("session_version").notNull().default(1),
  /** How quarters are labelled for this person: calendar (Q1 = January) or UK financial year (Q1 = April). */
  quarterStyle: text("quarter_style").$type<"calendar" | "financial">().notNull().default("calendar"),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
  check("users_quarter_style_check", sql`${t.quarterStyle} IN ('calendar', 'financial')`),
]);

/**
 * Personal API tokens: only a SHA-256 of the token is kept (it is random, so no salt or slow hash is
 * needed); the token itself is shown once. It carries its user's role as read on each request.
 */
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  /** The token's first characters, so its owner can tell their tokens apart. */
  prefix: text("prefix").notNull(),
  createdAt: created(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
}, (t) => [uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)]);

/** Sign-in attempts, kept to slow and then refuse repeated failures per account and per address. */
export const signInAttempts = pgTable("sign_in_attempts", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** "email:<lower-cased address>" or "address:<client IP>". */
  key: text("key").notNull(),
  succeeded: boolean("succeeded").notNull(),
  attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index("sign_in_attempts_key_idx").on(t.key, t.attemptedAt)]);

/** A quarterly update: a draft while prepared, then published once and never edited. */
export const quarterlyUpdates = pgTable("quarterly_updates", {
  id: serial("id").primaryKey(),
  programmeId: integer("programme_id").notNull().references(() => programmes.id),
  slug: text("slug").notNull(),
  year: integer("year").notNull(),
  quarter: integer("quarter").notNull(),
  title: text("title").notNull(),
  coveringText: text("covering_text").notNull().default(""),
  state: updateState("state").notNull().default("draft"),
  publishedOn: date("published_on", { mode: "string" }),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  publishedByName: text("published_by_name"),
  publishedByUserId: integer("published_by_user_id").references(() => users.id),
  version: version(),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  uniqueIndex("quarterly_updates_programme_slug_key").on(t.programmeId, t.slug),
  uniqueIndex("quarterly_updates_programme_quarter_key").on(t.programmeId, t.year, t.quarter),
  uniqueIndex("quarterly_updates_one_draft_key").on(t.programmeId).where(sql`${t.state} = 'draft'`),
  check("quarterly_updates_quarter", sql`${t.quarter} BETWEEN 1 AND 4`),
  check(
    "quarterly_updates_published_fields",
    sql`${t.state} = 'draft' OR (${t.publishedOn} IS NOT NULL AND ${t.publishedAt} IS NOT NULL AND ${t.publishedByName} IS NOT NULL)`,
  ),
]);

/** The whole roadmap frozen as JSON when an update is published. The database refuses UPDATE and DELETE. */
export const snapshots = pgTable("snapshots", {
  id: serial("id").primaryKey(),
  updateId: integer("update_id").notNull().references(() => quarterlyUpdates.id),
  content: jsonb("content").notNull(),
  contentHash: text("content_hash").notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex("snapshots_update_key").on(t.updateId)]);

/** Files made from a snapshot (the PDF), kept once made. Insert-only, like the snapshot itself. */
export const snapshotExports = pgTable("snapshot_exports", {
  id: serial("id").primaryKey(),
  snapshotId: integer("snapshot_id").notNull().references(() => snapshots.id),
  kind: text("kind").notNull(),
  contentType: text("content_type").notNull(),
  body: bytea("body").notNull(),
  createdAt: created(),
}, (t) => [uniqueIndex("snapshot_exports_snapshot_kind_key").on(t.snapshotId, t.kind)]);

/** Append-only record of every change. The database refuses UPDATE and DELETE. */
export const auditEvents = pgTable("audit_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  actorUserId: integer("actor_user_id").references(() => users.id),
  actorLabel: text("actor_label").notNull(),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  correlationId: text("correlation_id").notNull(),
  sourceAddress: text("source_address"),
}, (t) => [
  index("audit_events_entity_idx").on(t.entityType, t.entityId),
  index("audit_events_actor_idx").on(t.actorUserId),
  index("audit_events_occurred_idx").on(t.occurredAt),
]);

export const productsRelations = relations(products, ({ one, many }) => ({
  programme: one(programmes, { fields: [products.programmeId], references: [programmes.id] }),
  parent: one(products, { fields: [products.parentId], references: [products.id], relationName: "family" }),
  children: many(products, { relationName: "family" }),
  currentPhase: one(phases, { fields: [products.currentPhaseId], references: [phases.id] }),
  spans: many(phaseSpans),
  milestones: many(milestones),
}));
