/**
 * The JSON API's route handlers against a real database seeded with the October 2021 roadmap, called
 * as Next.js calls them minus the cookie read (RouteHandler.call): every endpoint refuses bad input
 * (wrong types, unknown fields, too long, missing, malformed JSON) with problem+json naming the fields
 * at fault and writes nothing; a stale version answers 409 with what changed since; viewers never see
 * the draft; the quarterly cycle runs end to end; the OpenAPI document lists every endpoint and validates.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import * as t from "@/lib/db/schema";
import type { SessionUser } from "@/lib/auth/current-user";
import { createUser } from "@/lib/auth/users";
import { ENDPOINTS, routeFileOf, type Endpoint, type Method } from "@/lib/api/endpoints";
import { handleApi, type RouteHandler } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { queryRows, seededScratch } from "../setup/database";

const root = fileURLToPath(new URL("../..", import.meta.url));

let db: Db;
let dispose: () => Promise<void>;
let editor: SessionUser;
let viewer: SessionUser;
let ids: { milestone: number; span: number; dependency: number; factor: number; observation: number; target: number; fingerprint: string };

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
  const setUp = { userId: null, label: "Test set-up" };
  const e = await createUser(db, { name: "Erin Editor", email: "erin.editor@example.gov.uk", role: "editor", password: "erin long passphrase" }, setUp);
  const v = await createUser(db, { name: "Victor Viewer", email: "victor.viewer@example.gov.uk", role: "viewer", password: "victor long passphrase" }, setUp);
  editor = { id: e.id, email: e.email, name: e.name, role: e.role };
  viewer = { id: v.id, email: v.email, name: v.name, role: v.role };

  const property = (await db.select().from(t.products).where(eq(t.products.slug, "property")))[0]!;
  const first = async (table: typeof t.milestones | typeof t.phaseSpans | typeof t.dependencies) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.productId, property.id)).limit(1))[0]?.id;
  const [factor] = await db.select({ id: t.dependencyFactors.id }).from(t.dependencyFactors).limit(1);
  ids = { milestone: (await first(t.milestones))!, span: (await first(t.phaseSpans))!, dependency: 0, factor: factor!.id, observation: 0, target: 0, fingerprint: "" };
  // Property may have no dependency of its own: make one (on a factor), and a rollout observation and target, to address.
  const dependency = await call("POST", "/api/v1/products/{slug}/dependencies", { slug: "property" }, { body: { on: { kind: "factor", id: ids.factor }, status: "on_track" } });
  ids.dependency = dependency.status === 201 ? (dependency.json as { id: number }).id : (await first(t.dependencies))!;
  const observation = await call("POST", "/api/v1/products/{slug}/rollout/observations", { slug: "property" }, { body: { observedOn: "2021-10-01", forcesLive: 3 } });
  expect(observation.status).toBe(201);
  ids.observation = (observation.json as { id: number }).id;
  const target = await call("POST", "/api/v1/products/{slug}/rollout/targets", { slug: "property" }, { body: { target: { precision: "quarter", on: "2022-12-31" }, forcesCount: 20 } });
  expect(target.status).toBe(201);
  ids.target = (target.json as { id: number }).id;
  const rollout = await call("GET", "/api/v1/products/{slug}/rollout", { slug: "vehicles" });
  ids.fingerprint = (rollout.json as { fingerprint: string }).fingerprint;
});
afterAll(() => dispose?.());

type Answer = { status: number; type: string | null; cache: string | null; json: unknown };

const handlers = new Map<string, RouteHandler<Record<string, string>>>();

/** The exported handler of the route file serving `path` for `method`. */
async function handlerFor(method: Method, path: string): Promise<RouteHandler<Record<string, string>>> {
  const key = `${method} ${path}`;
  if (!handlers.has(key)) {
    const module = (await import(join(root, routeFileOf(path)))) as Record<string, RouteHandler<Record<string, string>>>;
    const handler = module[method];
    if (!handler) throw new Error(`${routeFileOf(path)} exports no ${method}`);
    handlers.set(key, handler);
  }
  return handlers.get(key)!;
}

async function call(
  method: Method,
  path: string,
  params: Record<string, string> = {},
  options: { body?: unknown; raw?: string; query?: string; as?: SessionUser; contentType?: string } = {},
): Promise<Answer> {
  const handler = await handlerFor(method, path);
  const url = `http://localhost${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}${options.query ?? ""}`;
  const hasBody = options.raw !== undefined || options.body !== undefined;
  const request = new Request(url, {
    method,
    headers: hasBody ? { "content-type": options.contentType ?? "application/json" } : {},
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const as = options.as ?? editor;
  const response = await handler.call({ db, request, params, session: async () => as });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), cache: response.headers.get("cache-control"), json: text ? JSON.parse(text) : null };
}

/** Everything a refused request could have written: the audit trail, and every row count of the roadmap's tables. */
async function footprint(): Promise<string> {
  const rows = await queryRows(
    db,
    sql`SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM milestones) AS milestones,
               (SELECT count(*) FROM phase_spans) AS spans, (SELECT count(*) FROM rollout_observations) AS observations,
               (SELECT count(*) FROM rollout_targets) AS targets, (SELECT count(*) FROM force_go_lives) AS go_lives,
               (SELECT count(*) FROM dependencies) AS dependencies, (SELECT count(*) FROM dependency_factors) AS factors,
               (SELECT count(*) FROM quarterly_updates) AS updates, (SELECT count(*) FROM snapshots) AS snapshots,
               (SELECT coalesce(sum(version), 0) FROM products) + (SELECT coalesce(sum(version), 0) FROM milestones) AS versions`,
  );
  return JSON.stringify(rows[0]);
}

function paths(answer: Answer): string[] {
  return ((answer.json as { errors?: Array<{ path: string }> }).errors ?? []).map((e) => e.path);
}

const long = (n: number) => "x".repeat(n);

/** `exact`: the answer names these paths and no others (a rule broken on its own, not among other errors). */
type BadCase = { name: string; body?: unknown; raw?: string; contentType?: string; query?: string; status: number; paths?: string[]; exact?: boolean };

/** Per endpoint with input: a valid body (or query) and the bad ones, each with the field paths it must name. */
function badInput(): Record<string, { params: Record<string, string>; cases: BadCase[] }> {
  const milestone = { title: "API milestone", forecast: { precision: "month", on: "2022-06-30" }, status: "on_track" };
  const product = { name: "API product", description: "Added through the API", currentPhaseKey: "discovery" };
  const span = { phaseKey: "beta" };
  const dependency = { on: { kind: "factor", id: ids.factor }, status: "at_risk" };
  const factor = { title: "API factor", description: "A factor", status: "on_track" };
  const versionCases = (): BadCase[] => [
    { name: "missing version", query: "", status: 422, paths: ["version"] },
    { name: "version not a number", query: "?version=abc", status: 422, paths: ["version"] },
    { name: "version zero", query: "?version=0", status: 422, paths: ["version"] },
    { name: "unknown query parameter", query: "?version=1&force=true", status: 422, paths: ["force"] },
  ];
  const bodyCases = (valid: Record<string, unknown>, wrong: { body: unknown; paths: string[] }, tooLong: { body: unknown; paths: string[] } | null, missing: string[]): BadCase[] => [
    { name: "malformed JSON", raw: '{"title": ', status: 400 },
    { name: "empty body", raw: "", status: 400 },
    { name: "not JSON at all", raw: "title=x", contentType: "application/x-www-form-urlencoded", status: 415 },
    { name: "an array, not an object", body: [valid], status: 422, paths: [""] },
    { name: "wrong types", body: wrong.body, status: 422, paths: wrong.paths },
    { name: "unknown field", body: { ...valid, isAdmin: true }, status: 422, paths: ["isAdmin"] },
    ...(tooLong ? [{ name: "too long", body: tooLong.body, status: 422, paths: tooLong.paths }] : []),
    { name: "missing fields", body: {}, status: 422, paths: missing },
  ];
  const P = "/api/v1/products/{slug}";
  return {
    "POST /api/v1/updates": {
      params: {},
      cases: bodyCases(
        { year: 2022, quarter: 1, title: "2022 Q1" },
        { body: { year: "2022", quarter: 1.5, title: 7 }, paths: ["year", "quarter", "title"] },
        { body: { year: 2022, quarter: 1, title: long(201) }, paths: ["title"] },
        ["year", "quarter", "title"],
      ),
    },
    "PATCH /api/v1/updates/{slug}": {
      params: { slug: "2022-q1" },
      cases: bodyCases(
        { version: 1, title: "2022 Q1" },
        { body: { version: "1", title: ["x"], coveringText: 5 }, paths: ["version", "title", "coveringText"] },
        { body: { version: 1, title: "ok", coveringText: long(20001) }, paths: ["coveringText"] },
        ["title", "version"],
      ),
    },
    "DELETE /api/v1/updates/{slug}": { params: { slug: "2022-q1" }, cases: versionCases() },
    "POST /api/v1/updates/{slug}/publish": {
      params: { slug: "2022-q1" },
      cases: [
        ...bodyCases({ version: 1 }, { body: { version: "one", roadmapHash: 7 }, paths: ["version", "roadmapHash"] }, null, ["version"]),
        { name: "roadmapHash not a fingerprint", body: { version: 1, roadmapHash: "abc" }, status: 422, paths: ["roadmapHash"] },
      ],
    },
    "POST /api/v1/products": {
      params: {},
      cases: [
        ...bodyCases(
          product,
          { body: { ...product, plannedFamilySize: "3", parentSlug: 4 }, paths: ["plannedFamilySize", "parentSlug"] },
          { body: { ...product, name: long(121) }, paths: ["name"] },
          ["name", "description", "currentPhaseKey"],
        ),
        // Names are compared without regard to case: "PROPERTY" is Property again.
        { name: "a name another product has", body: { ...product, name: "PROPERTY" }, status: 422, paths: ["name"], exact: true },
      ],
    },
    [`PATCH ${P}`]: {
      params: { slug: "property" },
      cases: bodyCases(
        { ...product, version: 1 },
        { body: { ...product, version: 1, description: { text: "x" } }, paths: ["description"] },
        { body: { ...product, version: 1, description: long(1001) }, paths: ["description"] },
        ["name", "description", "currentPhaseKey", "version"],
      ),
    },
    [`DELETE ${P}`]: { params: { slug: "property" }, cases: versionCases() },
    [`POST ${P}/milestones`]: {
      params: { slug: "property" },
      cases: [
        ...bodyCases(
          milestone,
          { body: { ...milestone, forecast: { precision: "month", on: 20220630 } }, paths: ["forecast.on"] },
          { body: { ...milestone, title: long(201) }, paths: ["title"] },
          ["title", "forecast", "status"],
        ),
        { name: "an actual date when not done", body: { ...milestone, actualOn: "2021-10-01" }, status: 422, paths: ["actualOn"], exact: true },
        { name: "31 February", body: { ...milestone, forecast: { precision: "day", on: "2022-02-31" } }, status: 422, paths: ["forecast.on"], exact: true },
        { name: "done on 31 February", body: { ...milestone, status: "done", actualOn: "2021-02-31" }, status: 422, paths: ["actualOn"], exact: true },
      ],
    },
    [`PATCH ${P}/milestones/{id}`]: {
      params: { slug: "property", id: String(ids.milestone) },
      cases: bodyCases(
        { ...milestone, version: 1 },
        { body: { ...milestone, version: 1, forecast: { precision: "fortnight", on: "2022-06-30" } }, paths: ["forecast.precision"] },
        { body: { ...milestone, version: 1, notes: long(2001) }, paths: ["notes"] },
        ["title", "forecast", "status", "version"],
      ),
    },
    [`DELETE ${P}/milestones/{id}`]: { params: { slug: "property", id: String(ids.milestone) }, cases: versionCases() },
    [`POST ${P}/spans`]: {
      params: { slug: "property" },
      cases: [
        ...bodyCases(
          span,
          { body: { ...span, start: { precision: "month", on: true } }, paths: ["start.on"] },
          { body: { ...span, note: long(501) }, paths: ["note"] },
          ["phaseKey"],
        ),
        {
          name: "an end before the start",
          body: { ...span, start: { precision: "month", on: "2022-04-30" }, end: { precision: "month", on: "2022-01-31" } },
          status: 422,
          paths: ["end"],
          exact: true,
        },
        // At different precisions the end may not end before the start begins: June 2022 ends before Q3 2022 begins.
        {
          name: "an end before the start, at another precision",
          body: { ...span, start: { precision: "quarter", on: "2022-09-30" }, end: { precision: "month", on: "2022-06-30" } },
          status: 422,
          paths: ["end"],
          exact: true,
        },
      ],
    },
    [`PATCH ${P}/spans/{id}`]: {
      params: { slug: "property", id: String(ids.span) },
      cases: bodyCases(
        { ...span, version: 1 },
        { body: { ...span, version: 1, phaseKey: 3 }, paths: ["phaseKey"] },
        { body: { ...span, version: 1, note: long(501) }, paths: ["note"] },
        ["phaseKey", "version"],
      ),
    },
    [`DELETE ${P}/spans/{id}`]: { params: { slug: "property", id: String(ids.span) }, cases: versionCases() },
    [`POST ${P}/rollout/observations`]: {
      params: { slug: "property" },
      cases: [
        ...bodyCases(
          { observedOn: "2021-11-01", forcesLive: 4 },
          { body: { observedOn: "2021-11-01", forcesLive: "4", nationsCovered: ["Atlantis"] }, paths: ["forcesLive", "nationsCovered.0"] },
          { body: { observedOn: "2021-11-01", forcesLive: 4, note: long(501) }, paths: ["note"] },
          ["observedOn", "forcesLive"],
        ),
        { name: "more forces than there are", body: { observedOn: "2021-11-01", forcesLive: 46 }, status: 422, paths: ["forcesLive"], exact: true },
        { name: "fewer than no forces", body: { observedOn: "2021-11-01", forcesLive: -1 }, status: 422, paths: ["forcesLive"], exact: true },
        { name: "observed on 31 February", body: { observedOn: "2021-02-31", forcesLive: 4 }, status: 422, paths: ["observedOn"], exact: true },
      ],
    },
    [`DELETE ${P}/rollout/observations/{id}`]: { params: { slug: "property", id: String(ids.observation) }, cases: versionCases() },
    [`POST ${P}/rollout/targets`]: {
      params: { slug: "property" },
      cases: bodyCases(
        { target: { precision: "quarter", on: "2022-12-31" }, forcesCount: 20 },
        { body: { target: "2022-12-31", forcesCount: "twenty" }, paths: ["target", "forcesCount"] },
        { body: { target: { precision: "quarter", on: "2022-12-31" }, forcesCount: 4500 }, paths: ["forcesCount"] },
        ["target", "forcesCount"],
      ),
    },
    [`DELETE ${P}/rollout/targets/{id}`]: { params: { slug: "property", id: String(ids.target) }, cases: versionCases() },
    [`PUT ${P}/rollout/go-lives`]: {
      params: { slug: "vehicles" },
      cases: bodyCases(
        { fingerprint: ids.fingerprint, goLives: [] },
        { body: { fingerprint: ids.fingerprint, goLives: [{ forceName: "Kent Police", liveOn: 20211001 }] }, paths: ["goLives.0.liveOn"] },
        { body: { fingerprint: ids.fingerprint, goLives: Array.from({ length: 1001 }, (_, i) => ({ forceName: `Force ${i}`, liveOn: "2021-10-01" })) }, paths: ["goLives"] },
        ["goLives", "fingerprint"],
      ),
    },
    [`POST ${P}/dependencies`]: {
      params: { slug: "property" },
      cases: bodyCases(
        dependency,
        { body: { ...dependency, on: { kind: "factor", id: "1" } }, paths: ["on.id"] },
        { body: { ...dependency, owner: long(201) }, paths: ["owner"] },
        ["on", "status"],
      ),
    },
    [`PATCH ${P}/dependencies/{id}`]: {
      params: { slug: "property", id: String(ids.dependency) },
      cases: bodyCases(
        { ...dependency, version: 1 },
        { body: { ...dependency, version: 1, status: "fine" }, paths: ["status"] },
        { body: { ...dependency, version: 1, note: long(1001) }, paths: ["note"] },
        ["on", "status", "version"],
      ),
    },
    [`DELETE ${P}/dependencies/{id}`]: { params: { slug: "property", id: String(ids.dependency) }, cases: versionCases() },
    "POST /api/v1/factors": {
      params: {},
      cases: bodyCases(factor, { body: { ...factor, status: 5 }, paths: ["status"] }, { body: { ...factor, title: long(201) }, paths: ["title"] }, ["title", "description", "status"]),
    },
    "PATCH /api/v1/factors/{id}": {
      params: { id: String(ids.factor) },
      cases: bodyCases(
        { ...factor, version: 1 },
        { body: { ...factor, version: 1.5 }, paths: ["version"] },
        { body: { ...factor, version: 1, description: long(2001) }, paths: ["description"] },
        ["title", "description", "status", "version"],
      ),
    },
    "DELETE /api/v1/factors/{id}": { params: { id: String(ids.factor) }, cases: versionCases() },
    "GET /api/v1/updates": {
      params: {},
      cases: [
        { name: "page not a number", query: "?page=first", status: 422, paths: ["page"] },
        { name: "perPage over 100", query: "?perPage=101", status: 422, paths: ["perPage"] },
        { name: "page zero", query: "?page=0", status: 422, paths: ["page"] },
        { name: "unknown (mistyped) parameter", query: "?page=1&per_page=5", status: 422, paths: ["per_page"] },
      ],
    },
    "GET /api/v1/compare": {
      params: {},
      cases: [
        { name: "missing both", query: "", status: 422, paths: ["from", "to"] },
        { name: "not update slugs", query: "?from=last&to=2021-q4", status: 422, paths: ["from"] },
        { name: "unknown parameter", query: "?from=2021-q4&to=2022-q1&format=csv", status: 422, paths: ["format"] },
      ],
    },
    "GET /api/v1/roadmap": {
      params: {},
      cases: [
        { name: "unknown view", query: "?view=draft", status: 422, paths: ["view"] },
        { name: "unknown (mistyped) parameter", query: "?veiw=published", status: 422, paths: ["veiw"] },
      ],
    },
  };
}

describe("bad input", () => {
  it("is covered here for every endpoint that takes a body or a query", () => {
    const covered = new Set(Object.keys(badInput()));
    const needing = ENDPOINTS.filter((e) => e.body || e.query).map((e) => `${e.method} ${e.path}`);
    expect(needing.filter((key) => !covered.has(key))).toEqual([]);
  });

  it("is refused with problem+json naming the fields at fault, and writes nothing", async () => {
    const failures: string[] = [];
    for (const [key, { params, cases }] of Object.entries(badInput())) {
      const [method, path] = key.split(" ") as [Method, string];
      for (const c of cases) {
        const before = await footprint();
        const answer = await call(method, path, params, { body: c.body, raw: c.raw, query: c.query, contentType: c.contentType });
        const label = `${key} (${c.name})`;
        if (answer.status !== c.status) failures.push(`${label}: ${answer.status} ${JSON.stringify(answer.json)}`);
        if (answer.type !== "application/problem+json") failures.push(`${label}: content-type ${answer.type}`);
        if (answer.cache !== "no-store") failures.push(`${label}: cache-control ${answer.cache}`);
        const problem = answer.json as { status?: number; title?: string; detail?: string };
        if (problem.status !== c.status || !problem.title || !problem.detail) failures.push(`${label}: not a problem document ${JSON.stringify(problem)}`);
        const missing = (c.paths ?? []).filter((p) => !paths(answer).includes(p));
        if (missing.length) failures.push(`${label}: no error at ${missing.join(", ")}; got ${JSON.stringify(paths(answer))}`);
        const extra = paths(answer).filter((p) => !(c.paths ?? []).includes(p));
        if (c.exact && extra.length) failures.push(`${label}: errors at ${extra.join(", ")} as well`);
        if ((await footprint()) !== before) failures.push(`${label}: something was written`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses renaming a product to another's name at the name, at the version read, writing nothing", async () => {
    const property = (await call("GET", "/api/v1/products/{slug}", { slug: "property" })).json as Record<string, unknown> & { version: number };
    const { id: _id, slug: _slug, ...fields } = property;
    const before = await footprint();
    const renamed = await call("PATCH", "/api/v1/products/{slug}", { slug: "property" }, { body: { ...fields, name: "vehicles" } });
    expect(renamed.status).toBe(422);
    expect(renamed.type).toBe("application/problem+json");
    expect(renamed.json).toMatchObject({ errors: [{ path: "name", message: "There is already a product called Vehicles" }] });
    expect(paths(renamed)).toEqual(["name"]);
    expect(await footprint()).toBe(before);
    expect(((await call("GET", "/api/v1/products/{slug}", { slug: "property" })).json as { name: string }).name).toBe("Property");
  });

  it("refuses query parameters sent to an endpoint that takes none, naming each, and writes nothing", async () => {
    const before = await footprint();
    const read = await call("GET", "/api/v1/products/{slug}", { slug: "property" }, { query: "?view=published&fields=name" });
    expect(read.status).toBe(422);
    expect(read.type).toBe("application/problem+json");
    expect((read.json as { errors: unknown[] }).errors).toEqual([
      { path: "view", message: 'Unknown query parameter "view": remove it' },
      { path: "fields", message: 'Unknown query parameter "fields": remove it' },
    ]);
    const milestone = { title: "Dry run", forecast: { precision: "month", on: "2022-06-30" }, status: "on_track" };
    const write = await call("POST", "/api/v1/products/{slug}/milestones", { slug: "property" }, { body: milestone, query: "?dryRun=true" });
    expect(write.status).toBe(422);
    expect(paths(write)).toEqual(["dryRun"]);
    expect(await footprint()).toBe(before);
    // Without them, the same requests are answered.
    expect((await call("GET", "/api/v1/products/{slug}", { slug: "property" })).status).toBe(200);
    expect((await call("GET", "/api/v1/openapi.json", {})).status).toBe(200);
  });

  it("answers 404 for an address that names nothing, and 403 for a viewer, writing nothing", async () => {
    const before = await footprint();
    const milestone = { title: "Nowhere", forecast: { precision: "month", on: "2022-06-30" }, status: "on_track" };
    expect((await call("POST", "/api/v1/products/{slug}/milestones", { slug: "no-such-product" }, { body: milestone })).status).toBe(404);
    expect((await call("PATCH", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: "abc" }, { body: { ...milestone, version: 1 } })).status).toBe(404);
    expect((await call("PATCH", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: "999999" }, { body: { ...milestone, version: 1 } })).status).toBe(404);
    expect((await call("GET", "/api/v1/products/{slug}", { slug: "no-such-product" })).status).toBe(404);
    const refused = await call("POST", "/api/v1/products/{slug}/milestones", { slug: "property" }, { body: milestone, as: viewer });
    expect(refused.status).toBe(403);
    expect(refused.type).toBe("application/problem+json");
    expect((await call("GET", "/api/v1/products/{slug}", { slug: "property" }, { as: viewer })).status).toBe(403);
    expect(await footprint()).toBe(before);
  });

  it("answers 500 without details when something unexpected breaks, and logs them", async () => {
    const response = await handleApi("read:published", async () => {
      throw new Error("relation secret_table does not exist");
    }, { db, request: new Request("http://localhost/api/v1/roadmap"), params: {}, session: async () => viewer });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.text();
    expect(body).toContain("Something went wrong");
    expect(body).not.toContain("secret_table");
    const logged = vi.mocked(console.error);
    expect(logged.mock.calls.flat().map(String).join(" ")).toContain("secret_table");
    logged.mockClear(); // expected here: the test set-up fails any test that logs an error
  });
});

type Conflict = { status: number; title: string; current: { version: number } | null; changes: Array<{ who: string; when: string; what: string; fields: Array<{ field: string; before: string; after: string }> }> };

describe("stale versions", () => {
  it("answer 409 with who changed what since, and write nothing", async () => {
    const read = await call("GET", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: String(ids.milestone) });
    const milestone = read.json as { version: number; title: string; forecast: { precision: string; on: string }; status: string; actualOn: string | null; notes: string; phaseKey: string | null };
    const body = { title: milestone.title, phaseKey: milestone.phaseKey, forecast: milestone.forecast, status: milestone.status, actualOn: milestone.actualOn, notes: milestone.notes };
    const saved = await call("PATCH", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: String(ids.milestone) }, { body: { ...body, version: milestone.version, notes: "Moved by the API" } });
    expect(saved.status).toBe(200);
    expect((saved.json as { version: number }).version).toBe(milestone.version + 1);

    const before = await footprint();
    const stale = await call("PATCH", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: String(ids.milestone) }, { body: { ...body, version: milestone.version, notes: "Mine" } });
    expect(stale.status).toBe(409);
    expect(stale.type).toBe("application/problem+json");
    const conflict = stale.json as Conflict;
    expect(conflict.current?.version).toBe(milestone.version + 1);
    expect(conflict.changes).toEqual([expect.objectContaining({ who: editor.email, fields: [expect.objectContaining({ field: "notes", after: "Moved by the API" })] })]);
    expect(conflict.changes[0]!.when).toMatch(/\d/);

    const staleRemove = await call("DELETE", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: String(ids.milestone) }, { query: `?version=${milestone.version}` });
    expect(staleRemove.status).toBe(409);
    const staleProduct = await call("DELETE", "/api/v1/products/{slug}", { slug: "audit" }, { query: "?version=99" });
    expect(staleProduct.status).toBe(409);
    const staleGoLives = await call("PUT", "/api/v1/products/{slug}/rollout/go-lives", { slug: "vehicles" }, { body: { fingerprint: "0".repeat(32), goLives: [] } });
    expect(staleGoLives.status).toBe(409);
    expect(await footprint()).toBe(before);
  });

  it("says so when the record was removed after it was read", async () => {
    const added = await call("POST", "/api/v1/factors", {}, { body: { title: "Short-lived factor", description: "Soon gone", status: "met" } });
    expect(added.status).toBe(201);
    const { id, version } = added.json as { id: number; version: number };
    expect((await call("DELETE", "/api/v1/factors/{id}", { id: String(id) }, { query: `?version=${version}` })).status).toBe(200);
    const stale = await call("PATCH", "/api/v1/factors/{id}", { id: String(id) }, { body: { title: "Changed", description: "Soon gone", status: "met", version } });
    expect(stale.status).toBe(409);
    expect((stale.json as Conflict).current).toBeNull();
  });
});

describe("the quarterly cycle through the API", () => {
  type UpdateList = { items: Array<{ slug: string; state: string; version?: number }>; page: number; perPage: number; total: number };

  it("starts 2022 Q1, changes the roadmap, keeps the draft from viewers, publishes, and compares", async () => {
    const started = await call("POST", "/api/v1/updates", {}, { body: { year: 2022, quarter: 1, title: "2022 Q1 update", coveringText: "What moved" } });
    expect(started.status).toBe(201);
    const draft = started.json as { slug: string; version: number; state: string };
    expect(draft).toMatchObject({ slug: "2022-q1", state: "draft" });

    const again = await call("POST", "/api/v1/updates", {}, { body: { year: 2022, quarter: 2, title: "Another" } });
    expect(again.status).toBe(422);

    // Editors see the draft first; viewers never learn it exists.
    const editorList = (await call("GET", "/api/v1/updates")).json as UpdateList;
    expect(editorList.items.map((u) => `${u.slug}:${u.state}`)).toEqual(["2022-q1:draft", "2021-q4:published"]);
    const viewerList = (await call("GET", "/api/v1/updates", {}, { as: viewer })).json as UpdateList;
    expect(viewerList).toEqual({ items: [expect.objectContaining({ slug: "2021-q4", state: "published" })], page: 1, perPage: 20, total: 1 });
    const paged = (await call("GET", "/api/v1/updates", {}, { query: "?page=2&perPage=1" })).json as UpdateList;
    expect(paged).toMatchObject({ page: 2, perPage: 1, total: 2, items: [{ slug: "2021-q4" }] });
    expect((await call("GET", "/api/v1/updates/{slug}", { slug: "2022-q1" }, { as: viewer })).status).toBe(404);
    const preview = await call("GET", "/api/v1/updates/{slug}", { slug: "2022-q1" });
    expect(preview.status).toBe(200);
    expect((preview.json as { update: { slug: string } }).update.slug).toBe("2022-q1");
    expect((await call("GET", "/api/v1/compare", {}, { query: "?from=2021-q4&to=2022-q1" })).status).toBe(404);

    const renamed = await call("PATCH", "/api/v1/updates/{slug}", { slug: "2022-q1" }, { body: { version: draft.version, title: "2022 Q1: what moved", coveringText: "Covering letter" } });
    expect(renamed.status).toBe(200);
    const staleRename = await call("PATCH", "/api/v1/updates/{slug}", { slug: "2022-q1" }, { body: { version: draft.version, title: "Stale", coveringText: "" } });
    expect(staleRename.status).toBe(409);

    // Move Vehicles to Discovery.
    const vehicles = (await call("GET", "/api/v1/products/{slug}", { slug: "vehicles" })).json as Record<string, unknown> & { version: number };
    const { id: _id, slug: _slug, version, ...fields } = vehicles;
    const moved = await call("PATCH", "/api/v1/products/{slug}", { slug: "vehicles" }, { body: { ...fields, currentPhaseKey: "discovery", version } });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);

    // Viewers still read the published roadmap; the editor reads the draft.
    expect(((await call("GET", "/api/v1/roadmap", {}, { as: viewer })).json as { kind: string }).kind).toBe("published");
    const drafted = (await call("GET", "/api/v1/roadmap")).json as { kind: string; roadmap: { products: Array<{ slug: string; currentPhaseKey: string }> } };
    expect(drafted.kind).toBe("draft");
    expect(drafted.roadmap.products.find((p) => p.slug === "vehicles")?.currentPhaseKey).toBe("discovery");

    const current = (renamed.json as { version: number }).version;
    const published = await call("POST", "/api/v1/updates/{slug}/publish", { slug: "2022-q1" }, { body: { version: current } });
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(published.json).toMatchObject({ slug: "2022-q1", state: "published", publishedByName: editor.name });
    expect((await call("POST", "/api/v1/updates/{slug}/publish", { slug: "2022-q1" }, { body: { version: current } })).status).toBe(409);

    const compared = await call("GET", "/api/v1/compare", {}, { query: "?from=2021-q4&to=2022-q1", as: viewer });
    expect(compared.status).toBe(200);
    expect((compared.json as { phaseMoves: Array<{ productSlug: string }> }).phaseMoves.map((m) => m.productSlug)).toContain("vehicles");
    const snapshot = await call("GET", "/api/v1/updates/{slug}", { slug: "2022-q1" }, { as: viewer });
    expect(snapshot.status).toBe(200);
    expect((snapshot.json as { update: { state: string } }).update.state).toBe("published");
    const latest = (await call("GET", "/api/v1/roadmap", {}, { as: viewer })).json as { kind: string; update: { slug: string } };
    expect(latest).toMatchObject({ kind: "published", update: { slug: "2022-q1" } });
  });
});

describe("the OpenAPI document", () => {
  const document = () => openApiDocument({ totalForces: 45 }) as { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };

  it("lists every endpoint of the table, with its body, its problems and its security", () => {
    const doc = document();
    for (const endpoint of ENDPOINTS) {
      const operation = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation!.responses).toHaveProperty("401");
      expect(operation!.responses).toHaveProperty("403");
      if (endpoint.body) expect(operation!.requestBody, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      if (endpoint.body) expect(operation!.responses).toHaveProperty("422");
      if (endpoint.versioned) expect(operation!.responses).toHaveProperty("409");
    }
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p))).toHaveLength(ENDPOINTS.length);
  });

  it("describes bodies with the forms' own rules", () => {
    const doc = openApiDocument({ totalForces: 45 }) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { maxLength?: number; maximum?: number }>; additionalProperties?: boolean; required?: string[] } }> } }>> };
    const milestone = doc.paths["/api/v1/products/{slug}/milestones/{id}"]!["patch"]!.requestBody!.content["application/json"]!.schema;
    expect(milestone.additionalProperties).toBe(false);
    expect(milestone.required).toEqual(expect.arrayContaining(["title", "forecast", "status", "version"]));
    expect(milestone.properties["title"]!.maxLength).toBe(200);
    const observation = doc.paths["/api/v1/products/{slug}/rollout/observations"]!["post"]!.requestBody!.content["application/json"]!.schema;
    expect(observation.properties["forcesLive"]!.maximum).toBe(45);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document())));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("matches the route handlers: each row has its handler with the same permission, and no handler is left out", async () => {
    for (const endpoint of ENDPOINTS) {
      const file = routeFileOf(endpoint.path);
      expect(existsSync(join(root, file)), file).toBe(true);
      const handler = await handlerFor(endpoint.method, endpoint.path);
      expect(handler.permission, `${endpoint.method} ${endpoint.path}`).toBe(endpoint.permission);
    }
    const routeFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : []));
    const served: string[] = [];
    for (const file of routeFiles(join(root, "app/api/v1"))) {
      const module = (await import(file)) as Record<string, unknown>;
      const path = "/" + relative(join(root, "app"), file).replace(/\/route\.ts$/, "").replace(/\[([^\]]+)\]/g, "{$1}");
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) if (module[method]) served.push(`${method} ${path}`);
    }
    expect(served.sort()).toEqual(ENDPOINTS.map((e: Endpoint) => `${e.method} ${e.path}`).sort());
  });

  it("is served to any signed-in reader as JSON", async () => {
    const answer = await call("GET", "/api/v1/openapi.json", {}, { as: viewer });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("application/json");
    expect(Object.keys((answer.json as { paths: object }).paths)).toContain("/api/v1/roadmap");
  });
});

// Keeps the ownership query honest: a milestone id of one product is not found under another.
describe("ownership", () => {
  it("does not find one product's milestone under another product", async () => {
    const [other] = await db
      .select({ id: t.milestones.id })
      .from(t.milestones)
      .innerJoin(t.products, eq(t.products.id, t.milestones.productId))
      .where(and(eq(t.products.slug, "drivers")))
      .limit(1);
    if (!other) return;
    expect((await call("GET", "/api/v1/products/{slug}/milestones/{id}", { slug: "property", id: String(other.id) })).status).toBe(404);
  });
});
