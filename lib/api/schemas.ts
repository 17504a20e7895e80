/**
 * What the API accepts: the forms' own zod schemas (lib/editing/schemas.ts, lib/updates/workflow.ts),
 * with the version read added where a change needs it, and the query strings. Route handlers parse with
 * these and lib/api/openapi.ts documents these, so the document cannot drift from what is checked.
 */
import { z } from "zod";
import {
  dependencySchema,
  factorSchema,
  goLivesSchema,
  milestoneSchema,
  observationSchema,
  productSchema,
  spanSchema,
  targetSchema,
  versionSchema,
} from "@/lib/editing/schemas";
import { changeUpdateSchema, startUpdateSchema } from "@/lib/updates/workflow";

/** safeExtend keeps the form schema's refinements and its strictness (unknown fields stay refused). */
export const productChangeBody = productSchema.safeExtend({ version: versionSchema });
export const milestoneChangeBody = milestoneSchema.safeExtend({ version: versionSchema });
export const spanChangeBody = spanSchema.safeExtend({ version: versionSchema });
export const dependencyChangeBody = dependencySchema.safeExtend({ version: versionSchema });
export const factorChangeBody = factorSchema.safeExtend({ version: versionSchema });
export const updateChangeBody = changeUpdateSchema.safeExtend({ version: versionSchema });
export const publishBody = z
  .object({
    version: versionSchema,
    roadmapHash: z
      .string({ error: "Give the roadmapHash of the preview you read" })
      .regex(/^[0-9a-f]{64}$/, { error: "Give the roadmapHash of the preview you read (64 hexadecimal digits)" })
      .optional()
      .describe("The roadmapHash of the draft's preview you checked (GET /api/v1/updates/{slug}). If the roadmap has changed since, nothing is published: 409."),
  })
  .strict();

/** The go-live set is versioned by a fingerprint of its content (see lib/editing/rollout.ts), read from GET …/rollout. */
export const goLivesBody = goLivesSchema.safeExtend({
  fingerprint: z.string({ error: "Give the fingerprint of the go-live dates you read" }).regex(/^[0-9a-f]{32}$/, { error: "Give the fingerprint of the go-live dates you read" }),
});

export { dependencySchema, factorSchema, milestoneSchema, observationSchema, productSchema, spanSchema, startUpdateSchema, targetSchema };

/** A whole number from the query string. */
function wholeNumber(message: string) {
  return z.string({ error: message }).regex(/^\d{1,9}$/, { error: message }).transform(Number);
}

/** Query schemas are strict, as bodies are: an unknown (or mistyped) parameter is a 422 naming it, never ignored. */
export const versionQuery = z
  .object({
    version: wholeNumber("Give the version you read, as ?version=N").pipe(versionSchema),
  })
  .strict();

export const MAX_PER_PAGE = 100;
export const pageQuery = z
  .object({
    page: wholeNumber("The page must be a whole number from 1").pipe(z.number().int().min(1, { error: "The page must be a whole number from 1" })).optional(),
    perPage: wholeNumber(`perPage must be a whole number from 1 to ${MAX_PER_PAGE}`)
      .pipe(z.number().int().min(1).max(MAX_PER_PAGE, { error: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` }))
      .optional(),
  })
  .strict();

const updateSlugParam = (label: string) =>
  z.string({ error: `Give the ${label} update, for example 2021-q4` }).regex(/^\d{4}-q[1-4]$/, { error: `Give the ${label} update as a slug, for example 2021-q4` });

export const compareQuery = z.object({ from: updateSlugParam("earlier"), to: updateSlugParam("later") }).strict();

export const roadmapQuery = z
  .object({
    view: z.enum(["published"], { error: 'The only view is "published"' }).optional(),
  })
  .strict();
