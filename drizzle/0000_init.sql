CREATE TYPE "public"."dependency_status" AS ENUM('not_assessed', 'on_track', 'at_risk', 'blocked', 'met');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('not_started', 'on_track', 'at_risk', 'delayed', 'done');--> statement-breakpoint
CREATE TYPE "public"."nation" AS ENUM('England', 'Wales', 'Scotland', 'Northern Ireland');--> statement-breakpoint
CREATE TYPE "public"."precision" AS ENUM('day', 'month', 'quarter', 'half', 'year');--> statement-breakpoint
CREATE TYPE "public"."update_state" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('viewer', 'editor', 'admin');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"correlation_id" text NOT NULL,
	"source_address" text
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"on_product_id" integer,
	"on_factor_id" integer,
	"on_milestone_id" integer,
	"status" "dependency_status" DEFAULT 'not_assessed' NOT NULL,
	"owner" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dependencies_exactly_one_target" CHECK (num_nonnulls("dependencies"."on_product_id", "dependencies"."on_factor_id", "dependencies"."on_milestone_id") = 1),
	CONSTRAINT "dependencies_not_self" CHECK ("dependencies"."on_product_id" IS NULL OR "dependencies"."on_product_id" <> "dependencies"."product_id")
);
--> statement-breakpoint
CREATE TABLE "dependency_factors" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" "dependency_status" DEFAULT 'not_assessed' NOT NULL,
	"owner" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "force_go_lives" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"force_id" integer NOT NULL,
	"live_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"title" text NOT NULL,
	"phase_id" integer,
	"baseline_on" date,
	"baseline_precision" "precision",
	"forecast_on" date NOT NULL,
	"forecast_precision" "precision" NOT NULL,
	"status" "milestone_status" DEFAULT 'not_started' NOT NULL,
	"actual_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_baseline_pair" CHECK (("milestones"."baseline_on" IS NULL) = ("milestones"."baseline_precision" IS NULL)),
	CONSTRAINT "milestones_actual_only_when_done" CHECK ("milestones"."actual_on" IS NULL OR "milestones"."status" = 'done')
);
--> statement-breakpoint
CREATE TABLE "phase_spans" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"phase_id" integer NOT NULL,
	"start_on" date,
	"start_precision" "precision",
	"end_on" date,
	"end_precision" "precision",
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phase_spans_start_pair" CHECK (("phase_spans"."start_on" IS NULL) = ("phase_spans"."start_precision" IS NULL)),
	CONSTRAINT "phase_spans_end_pair" CHECK (("phase_spans"."end_on" IS NULL) = ("phase_spans"."end_precision" IS NULL)),
	CONSTRAINT "phase_spans_order" CHECK ("phase_spans"."start_on" IS NULL OR "phase_spans"."end_on" IS NULL OR "phase_spans"."start_on" <= "phase_spans"."end_on")
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	"column_label" text NOT NULL,
	"sub_column_label" text
);
--> statement-breakpoint
CREATE TABLE "police_forces" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"nation" "nation" NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"parent_id" integer,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"status_summary" text DEFAULT '' NOT NULL,
	"current_phase_id" integer NOT NULL,
	"planned_family_size" integer,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_family_size_check" CHECK ("products"."planned_family_size" IS NULL OR "products"."planned_family_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"department" text NOT NULL,
	"description" text NOT NULL,
	"lookahead_months" integer DEFAULT 12 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarterly_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"slug" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"title" text NOT NULL,
	"covering_text" text DEFAULT '' NOT NULL,
	"state" "update_state" DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"published_at" timestamp with time zone,
	"published_by_name" text,
	"published_by_user_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarterly_updates_quarter" CHECK ("quarterly_updates"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "quarterly_updates_published_fields" CHECK ("quarterly_updates"."state" = 'draft' OR ("quarterly_updates"."published_on" IS NOT NULL AND "quarterly_updates"."published_at" IS NOT NULL AND "quarterly_updates"."published_by_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "rollout_observations" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"observed_on" date NOT NULL,
	"forces_live" integer NOT NULL,
	"nations_covered" "nation"[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_observations_forces_live" CHECK ("rollout_observations"."forces_live" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rollout_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"target_on" date NOT NULL,
	"target_precision" "precision" NOT NULL,
	"forces_count" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_targets_forces_count" CHECK ("rollout_targets"."forces_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "snapshot_exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"snapshot_id" integer NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"update_id" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'viewer' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_on_product_id_products_id_fk" FOREIGN KEY ("on_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_on_factor_id_dependency_factors_id_fk" FOREIGN KEY ("on_factor_id") REFERENCES "public"."dependency_factors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_on_milestone_id_milestones_id_fk" FOREIGN KEY ("on_milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependency_factors" ADD CONSTRAINT "dependency_factors_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_go_lives" ADD CONSTRAINT "force_go_lives_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_go_lives" ADD CONSTRAINT "force_go_lives_force_id_police_forces_id_fk" FOREIGN KEY ("force_id") REFERENCES "public"."police_forces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_spans" ADD CONSTRAINT "phase_spans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_spans" ADD CONSTRAINT "phase_spans_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_current_phase_id_phases_id_fk" FOREIGN KEY ("current_phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_updates" ADD CONSTRAINT "quarterly_updates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_updates" ADD CONSTRAINT "quarterly_updates_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_observations" ADD CONSTRAINT "rollout_observations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_targets" ADD CONSTRAINT "rollout_targets_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_exports" ADD CONSTRAINT "snapshot_exports_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_update_id_quarterly_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."quarterly_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "dependencies_product_idx" ON "dependencies" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "dependency_factors_programme_idx" ON "dependency_factors" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "force_go_lives_product_force_key" ON "force_go_lives" USING btree ("product_id","force_id");--> statement-breakpoint
CREATE INDEX "milestones_product_idx" ON "milestones" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "milestones_forecast_idx" ON "milestones" USING btree ("forecast_on");--> statement-breakpoint
CREATE INDEX "phase_spans_product_idx" ON "phase_spans" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phases_key_key" ON "phases" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "phases_position_key" ON "phases" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "police_forces_name_key" ON "police_forces" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "products_programme_slug_key" ON "products" USING btree ("programme_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "products_programme_name_key" ON "products" USING btree ("programme_id",lower("name"));--> statement-breakpoint
CREATE INDEX "products_parent_idx" ON "products" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_updates_programme_slug_key" ON "quarterly_updates" USING btree ("programme_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_updates_programme_quarter_key" ON "quarterly_updates" USING btree ("programme_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_updates_one_draft_key" ON "quarterly_updates" USING btree ("programme_id") WHERE "quarterly_updates"."state" = 'draft';--> statement-breakpoint
CREATE INDEX "rollout_observations_product_idx" ON "rollout_observations" USING btree ("product_id","observed_on");--> statement-breakpoint
CREATE INDEX "rollout_targets_product_idx" ON "rollout_targets" USING btree ("product_id","target_on");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshot_exports_snapshot_kind_key" ON "snapshot_exports" USING btree ("snapshot_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_update_key" ON "snapshots" USING btree ("update_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));