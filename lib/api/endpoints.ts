/**
 * Every /api/v1 endpoint in one table: method, path, permission, and the zod schemas of its body and
 * query. The OpenAPI document (lib/api/openapi.ts) is made from this table, and a test checks that each
 * row has its route handler with the same permission, so neither the document nor the code can miss one.
 */
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import * as s from "./schemas";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Names of the response shapes in the OpenAPI document's components (see lib/api/openapi.ts). */
export type ResponseShape =
  | "RoadmapView"
  | "UpdateList"
  | "Snapshot"
  | "ComparisonResult"
  | "Update"
  | "Product"
  | "Milestone"
  | "Span"
  | "Rollout"
  | "Observation"
  | "Target"
  | "GoLives"
  | "Dependency"
  | "Factor"
  | "OpenApiDocument";

export type Endpoint = {
  method: Method;
  /** OpenAPI style: `{slug}`, `{id}`. The route file is app/<path with [slug], [id]>/route.ts. */
  path: string;
  permission: Permission;
  summary: string;
  description?: string;
  tag: "Roadmap" | "Updates" | "Products" | "Milestones" | "Planned phases" | "Rollout" | "Dependencies" | "Factors" | "API";
  /** A function when the schema depends on the data (the number of police forces). */
  body?: z.ZodType | ((totalForces: number) => z.ZodType);
  query?: z.ZodObject;
  success: { status: 200 | 201; description: string; shape: ResponseShape };
  /** It names the version read, so a stale one answers 409. */
  versioned?: boolean;
};

const P = "/api/v1/products/{slug}";

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/roadmap",
    permission: "read:published",
    tag: "Roadmap",
    summary: "Read the roadmap",
    description:
      "Editors and administrators (read:draft) get the working draft, the live roadmap with their edits; viewers get the latest published update. `?view=published` gives anyone the latest published update.",
    query: s.roadmapQuery,
    success: { status: 200, description: "The roadmap and which one it is", shape: "RoadmapView" },
  },
  {
    method: "GET",
    path: "/api/v1/updates",
    permission: "read:published",
    tag: "Updates",
    summary: "List quarterly updates",
    description: "Published updates, newest first, a page at a time. Editors and administrators also get the draft (state \"draft\") first; viewers never do.",
    query: s.pageQuery,
    success: { status: 200, description: "A page of updates", shape: "UpdateList" },
  },
  {
    method: "POST",
    path: "/api/v1/updates",
    permission: "publish:update",
    tag: "Updates",
    summary: "Start the next quarterly update (the draft)",
    description: "There is at most one draft, a quarter is published at most once, and each quarter comes after the latest published one.",
    body: s.startUpdateSchema,
    success: { status: 201, description: "The draft update", shape: "Update" },
  },
  {
    method: "GET",
    path: "/api/v1/updates/{slug}",
    permission: "read:published",
    tag: "Updates",
    summary: "Read an update's snapshot",
    description:
      "A published update's snapshot, exactly as frozen. For editors and administrators the draft's slug gives the preview: the draft exactly as it would publish today, with its `roadmapHash` to publish with. For viewers a draft does not exist (404).",
    success: { status: 200, description: "The snapshot", shape: "Snapshot" },
  },
  {
    method: "PATCH",
    path: "/api/v1/updates/{slug}",
    permission: "publish:update",
    tag: "Updates",
    summary: "Change the draft update's title and covering text",
    body: s.updateChangeBody,
    versioned: true,
    success: { status: 200, description: "The draft update", shape: "Update" },
  },
  {
    method: "DELETE",
    path: "/api/v1/updates/{slug}",
    permission: "publish:update",
    tag: "Updates",
    summary: "Discard the draft update",
    description: "Only a draft can be discarded; a published update is never changed. The roadmap's records are not touched.",
    query: s.versionQuery,
    versioned: true,
    success: { status: 200, description: "The discarded draft", shape: "Update" },
  },
  {
    method: "POST",
    path: "/api/v1/updates/{slug}/publish",
    permission: "publish:update",
    tag: "Updates",
    summary: "Publish the draft update",
    description:
      "Freezes the whole roadmap into the update's snapshot, in one transaction with its audit event. A published update is never edited: a correction is a new update. Give `roadmapHash` from the preview you checked (GET /api/v1/updates/{slug}) and a roadmap changed since is refused (409, with the draft as `current` and the `roadmapHash` now) rather than published unseen.",
    body: s.publishBody,
    versioned: true,
    success: { status: 200, description: "The published update", shape: "Update" },
  },
  {
    method: "GET",
    path: "/api/v1/compare",
    permission: "read:published",
    tag: "Updates",
    summary: "Compare two published updates",
    description: "Phase moves, milestones slipped or brought forward, added and removed, rollout and dependency changes between `from` and `to`. Drafts are never compared.",
    query: s.compareQuery,
    success: { status: 200, description: "What changed", shape: "ComparisonResult" },
  },
  { method: "POST", path: "/api/v1/products", permission: "edit:roadmap", tag: "Products", summary: "Add a product", body: s.productSchema, success: { status: 201, description: "The product", shape: "Product" } },
  { method: "GET", path: P, permission: "read:draft", tag: "Products", summary: "Read a product as it stands in the draft, with its version", success: { status: 200, description: "The product", shape: "Product" } },
  {
    method: "PATCH",
    path: P,
    permission: "edit:roadmap",
    tag: "Products",
    summary: "Change a product",
    description: "Send every field, as the form does (fields left out take their defaults), with the version you read.",
    body: s.productChangeBody,
    versioned: true,
    success: { status: 200, description: "The product", shape: "Product" },
  },
  {
    method: "DELETE",
    path: P,
    permission: "edit:roadmap",
    tag: "Products",
    summary: "Remove a product",
    description: "Also removes its milestones, planned phases, rollout records and dependencies (and other products' dependencies on it). Refused while it has products in its family.",
    query: s.versionQuery,
    versioned: true,
    success: { status: 200, description: "The removed product", shape: "Product" },
  },
  { method: "POST", path: `${P}/milestones`, permission: "edit:roadmap", tag: "Milestones", summary: "Add a milestone", body: s.milestoneSchema, success: { status: 201, description: "The milestone", shape: "Milestone" } },
  { method: "GET", path: `${P}/milestones/{id}`, permission: "read:draft", tag: "Milestones", summary: "Read a milestone, with its version", success: { status: 200, description: "The milestone", shape: "Milestone" } },
  { method: "PATCH", path: `${P}/milestones/{id}`, permission: "edit:roadmap", tag: "Milestones", summary: "Change a milestone", body: s.milestoneChangeBody, versioned: true, success: { status: 200, description: "The milestone", shape: "Milestone" } },
  { method: "DELETE", path: `${P}/milestones/{id}`, permission: "edit:roadmap", tag: "Milestones", summary: "Remove a milestone", query: s.versionQuery, versioned: true, success: { status: 200, description: "The removed milestone", shape: "Milestone" } },
  { method: "POST", path: `${P}/spans`, permission: "edit:roadmap", tag: "Planned phases", summary: "Add a planned phase", body: s.spanSchema, success: { status: 201, description: "The planned phase", shape: "Span" } },
  { method: "GET", path: `${P}/spans/{id}`, permission: "read:draft", tag: "Planned phases", summary: "Read a planned phase, with its version", success: { status: 200, description: "The planned phase", shape: "Span" } },
  { method: "PATCH", path: `${P}/spans/{id}`, permission: "edit:roadmap", tag: "Planned phases", summary: "Change a planned phase", body: s.spanChangeBody, versioned: true, success: { status: 200, description: "The planned phase", shape: "Span" } },
  { method: "DELETE", path: `${P}/spans/{id}`, permission: "edit:roadmap", tag: "Planned phases", summary: "Remove a planned phase", query: s.versionQuery, versioned: true, success: { status: 200, description: "The removed planned phase", shape: "Span" } },
  {
    method: "GET",
    path: `${P}/rollout`,
    permission: "read:draft",
    tag: "Rollout",
    summary: "Read a product's rollout records",
    description:
      "Observations and targets with their versions, each force's go-live date, and the fingerprint of the go-live dates (give it back to PUT …/rollout/go-lives). Whole, not a page at a time: a product's rollout is one record set of bounded size (at most one go-live per police force; a dated figure or two a month), read and fingerprinted together, as in the roadmap and its snapshots.",
    success: { status: 200, description: "The rollout records", shape: "Rollout" },
  },
  {
    method: "POST",
    path: `${P}/rollout/observations`,
    permission: "edit:roadmap",
    tag: "Rollout",
    summary: "Record how many forces are live",
    description: "Refused where go-live dates are recorded for the product: the count is then derived from them.",
    body: (total) => s.observationSchema(total),
    success: { status: 201, description: "The observation", shape: "Observation" },
  },
  { method: "DELETE", path: `${P}/rollout/observations/{id}`, permission: "edit:roadmap", tag: "Rollout", summary: "Remove an observation", query: s.versionQuery, versioned: true, success: { status: 200, description: "The removed observation", shape: "Observation" } },
  { method: "POST", path: `${P}/rollout/targets`, permission: "edit:roadmap", tag: "Rollout", summary: "Add a rollout target", body: (total) => s.targetSchema(total), success: { status: 201, description: "The target", shape: "Target" } },
  { method: "DELETE", path: `${P}/rollout/targets/{id}`, permission: "edit:roadmap", tag: "Rollout", summary: "Remove a rollout target", query: s.versionQuery, versioned: true, success: { status: 200, description: "The removed target", shape: "Target" } },
  {
    method: "PUT",
    path: `${P}/rollout/go-lives`,
    permission: "edit:roadmap",
    tag: "Rollout",
    summary: "Replace each force's go-live date",
    description: "The whole set: a force left out has not gone live. `fingerprint` is the one GET …/rollout gave; a stale one answers 409.",
    body: s.goLivesBody,
    versioned: true,
    success: { status: 200, description: "The go-live dates", shape: "GoLives" },
  },
  { method: "POST", path: `${P}/dependencies`, permission: "edit:roadmap", tag: "Dependencies", summary: "Add a dependency", body: s.dependencySchema, success: { status: 201, description: "The dependency", shape: "Dependency" } },
  { method: "GET", path: `${P}/dependencies/{id}`, permission: "read:draft", tag: "Dependencies", summary: "Read a dependency, with its version", success: { status: 200, description: "The dependency", shape: "Dependency" } },
  { method: "PATCH", path: `${P}/dependencies/{id}`, permission: "edit:roadmap", tag: "Dependencies", summary: "Change a dependency", body: s.dependencyChangeBody, versioned: true, success: { status: 200, description: "The dependency", shape: "Dependency" } },
  { method: "DELETE", path: `${P}/dependencies/{id}`, permission: "edit:roadmap", tag: "Dependencies", summary: "Remove a dependency", query: s.versionQuery, versioned: true, success: { status: 200, description: "The removed dependency", shape: "Dependency" } },
  { method: "POST", path: "/api/v1/factors", permission: "edit:roadmap", tag: "Factors", summary: "Add a programme-level dependency (factor)", body: s.factorSchema, success: { status: 201, description: "The factor", shape: "Factor" } },
  { method: "GET", path: "/api/v1/factors/{id}", permission: "read:draft", tag: "Factors", summary: "Read a factor, with its version", success: { status: 200, description: "The factor", shape: "Factor" } },
  { method: "PATCH", path: "/api/v1/factors/{id}", permission: "edit:roadmap", tag: "Factors", summary: "Change a factor", body: s.factorChangeBody, versioned: true, success: { status: 200, description: "The factor", shape: "Factor" } },
  {
    method: "DELETE",
    path: "/api/v1/factors/{id}",
    permission: "edit:roadmap",
    tag: "Factors",
    summary: "Remove a factor",
    description: "Also removes the products' dependencies on it.",
    query: s.versionQuery,
    versioned: true,
    success: { status: 200, description: "The removed factor", shape: "Factor" },
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    permission: "read:published",
    tag: "API",
    summary: "This document",
    success: { status: 200, description: "The OpenAPI 3.1 document", shape: "OpenApiDocument" },
  },
];

/** The route file that serves `path` (for the test that checks every row has its handler). */
export function routeFileOf(path: string): string {
  return `app${path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`;
}

/** The path's parameters, in order: `{slug}`, `{id}`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
