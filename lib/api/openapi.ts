/**
 * The OpenAPI 3.1 document, made from the endpoint table and the very zod schemas the handlers parse
 * with (z.toJSONSchema, input side: what a client sends). OpenAPI 3.1 uses JSON Schema 2020-12, which
 * is what zod writes, so the schemas go in as they are (without their "$schema" line).
 */
import { z } from "zod";
import { ENDPOINTS, pathParameters, type Endpoint, type ResponseShape } from "./endpoints";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (description: string, properties: Json = {}, required: string[] = []): Json => ({
  type: "object",
  description,
  properties,
  ...(required.length ? { required } : {}),
});

const period = { type: "object", properties: { precision: { type: "string", enum: ["day", "month", "quarter", "half", "year"] }, on: { type: "string", format: "date" } }, required: ["precision", "on"] };
const version = { type: "integer", minimum: 1, description: "Give it back unchanged when you change or remove the record" };

/** Response shapes: described, not derived (they are TypeScript types, lib/roadmap/types.ts and the stores' records). */
const SHAPES: Record<ResponseShape, Json> = {
  RoadmapView: object(
    'The working draft (`kind: "draft"`, with the latest published update as `latest`) or the latest published update (`kind: "published"`, with `update`).',
    { kind: { type: "string", enum: ["draft", "published"] }, roadmap: ref("Roadmap"), update: ref("UpdateSummary"), latest: { anyOf: [ref("UpdateSummary"), { type: "null" }] } },
    ["kind", "roadmap"],
  ),
  UpdateList: object(
    "A page of updates, newest first",
    { items: { type: "array", items: ref("UpdateSummary") }, page: { type: "integer", minimum: 1 }, perPage: { type: "integer", minimum: 1, maximum: 100 }, total: { type: "integer", minimum: 0 } },
    ["items", "page", "perPage", "total"],
  ),
  Snapshot: object(
    "A snapshot: the update as published (or, for the draft's preview, as it would publish) and the whole roadmap",
    {
      formatVersion: { const: 1 },
      update: ref("UpdateSummary"),
      roadmap: ref("Roadmap"),
      roadmapHash: { type: "string", pattern: "^[0-9a-f]{64}$", description: "The draft's preview only: the fingerprint of this roadmap, to give back when publishing" },
    },
    ["formatVersion", "update", "roadmap"],
  ),
  ComparisonResult: object(
    "What changed from one published update to another",
    {
      from: ref("UpdateSummary"),
      to: ref("UpdateSummary"),
      phaseMoves: { type: "array", items: { type: "object" } },
      milestoneMoves: { type: "array", items: { type: "object" } },
      milestonesAdded: { type: "array", items: { type: "object" } },
      milestonesRemoved: { type: "array", items: { type: "object" } },
      milestoneStatusChanges: { type: "array", items: { type: "object" } },
      productsAdded: { type: "array", items: { type: "object" } },
      productsRemoved: { type: "array", items: { type: "object" } },
      rollout: { type: "array", items: { type: "object" } },
      dependencyChanges: { type: "array", items: { type: "object" } },
    },
    ["from", "to"],
  ),
  Update: object(
    "A quarterly update",
    {
      id: { type: "integer" },
      slug: { type: "string", pattern: "^\\d{4}-q[1-4]$" },
      year: { type: "integer" },
      quarter: { type: "integer", minimum: 1, maximum: 4 },
      title: { type: "string" },
      coveringText: { type: "string" },
      state: { type: "string", enum: ["draft", "published"] },
      version,
      publishedOn: { type: ["string", "null"], format: "date" },
      publishedByName: { type: ["string", "null"] },
    },
    ["id", "slug", "state", "version"],
  ),
  Product: object("A product as it stands in the draft", { id: { type: "integer" }, slug: { type: "string" }, name: { type: "string" }, currentPhaseKey: { type: "string" }, version }, ["id", "slug", "version"]),
  Milestone: object("A milestone", { id: { type: "integer" }, productSlug: { type: "string" }, title: { type: "string" }, forecast: period, baseline: { anyOf: [period, { type: "null" }] }, version }, ["id", "version"]),
  Span: object("A planned phase", { id: { type: "integer" }, productSlug: { type: "string" }, phaseKey: { type: "string" }, version }, ["id", "version"]),
  Rollout: object("A product's rollout records", {
    totalForces: { type: "integer" },
    observations: { type: "array", items: ref("Observation") },
    targets: { type: "array", items: ref("Target") },
    forces: { type: "array", items: { type: "object", properties: { forceName: { type: "string" }, nation: { type: "string" }, liveOn: { type: ["string", "null"], format: "date" } } } },
    fingerprint: { type: "string", description: "Stands for the go-live dates as read: give it to PUT …/rollout/go-lives" },
    derived: { type: "boolean", description: "Go-live dates are recorded, so the count of forces live comes from them" },
  }),
  Observation: object("How many forces were live on a date", { id: { type: "integer" }, observedOn: { type: "string", format: "date" }, forcesLive: { type: "integer" }, version }, ["id", "version"]),
  Target: object("A rollout target", { id: { type: "integer" }, target: period, forcesCount: { type: "integer" }, version }, ["id", "version"]),
  GoLives: object("Each force's go-live date", { goLives: { type: "array", items: { type: "object", properties: { forceName: { type: "string" }, liveOn: { type: "string", format: "date" } } } }, fingerprint: { type: "string" } }),
  Dependency: object("A product's dependency", { id: { type: "integer" }, productSlug: { type: "string" }, on: { type: "object" }, status: { type: "string" }, version }, ["id", "version"]),
  Factor: object("A programme-level dependency", { id: { type: "integer" }, title: { type: "string" }, status: { type: "string" }, version }, ["id", "version"]),
  OpenApiDocument: { type: "object", description: "An OpenAPI 3.1 document" },
};

const COMMON: Record<string, Json> = {
  UpdateSummary: object("An update as a snapshot records it", {
    slug: { type: "string" },
    year: { type: "integer" },
    quarter: { type: "integer" },
    title: { type: "string" },
    coveringText: { type: "string" },
    state: { type: "string", enum: ["draft", "published"] },
    publishedOn: { type: ["string", "null"], format: "date" },
    publishedAt: { type: ["string", "null"], format: "date-time" },
    publishedByName: { type: ["string", "null"] },
  }),
  Roadmap: object("The whole roadmap: programme, phases, products (with planned phases, milestones, rollout and dependencies), factors and police forces", {
    programme: { type: "object" },
    phases: { type: "array", items: { type: "object" } },
    products: { type: "array", items: { type: "object" } },
    factors: { type: "array", items: { type: "object" } },
    forces: { type: "array", items: { type: "object" } },
  }),
  Problem: object(
    "RFC 9457 problem details",
    {
      type: { type: "string" },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string" },
      errors: {
        type: "array",
        description: "For 422: each field at fault, by its path in the body or the query's parameter name (\"forecast.on\"); \"\" for the request as a whole",
        items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } }, required: ["path", "message"] },
      },
      current: { description: "For 409: the record as it is now (null when it was removed)" },
      changes: {
        type: "array",
        description: "For 409: each change made since the version you read, oldest first",
        items: {
          type: "object",
          properties: {
            who: { type: "string" },
            when: { type: "string" },
            what: { type: "string" },
            fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, label: { type: "string" }, before: { type: "string" }, after: { type: "string" } } } },
          },
        },
      },
    },
    ["title", "status"],
  ),
};

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

function operationId(endpoint: Endpoint): string {
  const words = endpoint.path
    .replace(/^\/api\/v1\//, "")
    .replace(/\.json$/, "")
    .split("/")
    .map((part) => (part.startsWith("{") ? `by-${part.slice(1, -1)}` : part));
  return [endpoint.method.toLowerCase(), ...words].join("-").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function operation(endpoint: Endpoint, totalForces: number): Json {
  const parameters: Json[] = pathParameters(endpoint.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: name === "id" ? { type: "integer", minimum: 1 } : { type: "string" },
  }));
  if (endpoint.query) {
    const schema = jsonSchema(endpoint.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  const responses: Record<string, Json> = {
    [endpoint.success.status]: { description: endpoint.success.description, content: { "application/json": { schema: ref(endpoint.success.shape) } } },
    "401": problem("Not signed in, or the API token is not valid"),
    "403": problem(`Needs the ${endpoint.permission} permission`),
    "500": problem("Something went wrong (nothing was changed)"),
  };
  if (endpoint.body || endpoint.query) responses["422"] = problem("Not valid: `errors` gives the path of each field at fault");
  if (endpoint.body) {
    responses["400"] = problem("The body is not valid JSON");
    responses["413"] = problem("The body is too large");
    responses["415"] = problem("The body is not sent as application/json");
  }
  if (pathParameters(endpoint.path).length || endpoint.path.endsWith("/roadmap") || endpoint.path.endsWith("/compare")) responses["404"] = problem("Not found (or not for you to see)");
  if (endpoint.versioned) responses["409"] = problem("Changed or removed since the version you read: `changes` says who changed what, and when");
  const body = typeof endpoint.body === "function" ? endpoint.body(totalForces) : endpoint.body;
  return {
    operationId: operationId(endpoint),
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    "x-permission": endpoint.permission,
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } } } : {}),
    responses,
  };
}

/** The document. `totalForces` sets the bounds of the rollout counts, as the handlers do. */
export function openApiDocument(options: { totalForces: number; serverUrl?: string; sessionCookie?: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const endpoint of ENDPOINTS) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint, options.totalForces);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "NLEDP roadmap API",
      version: "1",
      description:
        "The quarterly update cycle of the National Law Enforcement Data Programme roadmap: read the roadmap, list, read and compare updates, change products, milestones, rollout and dependencies, start and publish an update. Authenticate with a personal API token (create one at /account/tokens) as `Authorization: Bearer <token>`, or with a browser session. Each operation's `x-permission` names the permission it needs. Errors are application/problem+json.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, nledp_…, created at /account/tokens. It carries its user's role." },
        sessionCookie: { type: "apiKey", in: "cookie", name: options.sessionCookie ?? "next-auth.session-token", description: "The browser's session after signing in" },
      },
      schemas: { ...COMMON, ...SHAPES },
    },
  };
}
