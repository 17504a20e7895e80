/**
 * The one wrapper every /api/v1 route handler goes through: `api(permission, run)`. It authenticates
 * (a session cookie, or `Authorization: Bearer <token>`), checks the permission with the same table as
 * the browser, parses JSON bodies, and turns what went wrong into application/problem+json with the
 * paths of the fields at fault. Stores write in transactions, so a refused request has written nothing.
 * Every answer is JSON and never cached (it can hold the draft, which viewers must never see).
 */
import { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { viewChange, type ChangeView } from "@/lib/editing/changes";
import { viewGoLivesChange } from "@/lib/editing/rollout";
import type { Outcome, RecordedChange } from "@/lib/editing/versioned";
import { ENDPOINTS } from "./endpoints";
import { userForToken } from "./tokens";

/** Larger than any real change (1,000 go-live dates fit many times over), small enough to refuse abuse early. */
const MAX_BODY_BYTES = 1_000_000;

export type FieldError = { path: string; message: string };

/** A refusal with its status; thrown anywhere inside a handler, answered as problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export type ApiContext<P> = {
  request: Request;
  url: URL;
  db: Db;
  user: SessionUser;
  /** Who the audit trail names for a change made by this request. */
  actor: Actor;
  params: P;
  /** The JSON body, validated: malformed JSON is a 400, a body the schema refuses a 422 with field paths. */
  body<S extends z.ZodType>(schema: S): Promise<z.output<S>>;
  /** The query string, validated the same way (paths are the parameters' names). */
  query<S extends z.ZodType>(schema: S): z.output<S>;
};

export type ApiRun<P> = (context: ApiContext<P>) => Promise<Response | unknown>;

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...HEADERS, "content-type": "application/json", ...headers } });
}

export function problemResponse(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { ...HEADERS, "content-type": "application/problem+json", ...headers },
  });
}

/** "forecast.on", "goLives.3.liveOn"; "" for the body (or query) as a whole. */
function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}

/** zod's issues as field errors. An unknown field (or query parameter) is named by its own path, so a client sees which one to drop. */
export function fieldErrorsOf(error: z.ZodError, noun: "field" | "query parameter" = "field"): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: unknownMessage(noun, key) }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}

function unknownMessage(noun: string, key: string): string {
  return `Unknown ${noun} "${key}": remove it`;
}

function invalid(errors: FieldError[], detail = "Some of what was sent is not valid: see errors for each field."): ApiProblem {
  return new ApiProblem(422, "Invalid request", detail, { errors });
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, noun: "field" | "query parameter" = "field"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error, noun));
  return parsed.data;
}

/** `/api/v1/products/{slug}` as a pattern matching the addresses it names. */
function addressPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
}

const ADDRESSES = ENDPOINTS.map((endpoint) => ({ endpoint, pattern: addressPattern(endpoint.path) }));

/**
 * The query parameters of a request to an endpoint that takes none (the endpoint table declares no query
 * schema): each is unknown, refused as a declared schema's .strict() refuses an unknown one, so a client's
 * mistyped parameter is never silently ignored.
 */
function undeclaredParameters(method: string, url: URL): FieldError[] {
  const keys = [...new Set(url.searchParams.keys())];
  if (keys.length === 0) return [];
  const found = ADDRESSES.find(({ endpoint, pattern }) => endpoint.method === method && pattern.test(url.pathname));
  if (!found || found.endpoint.query) return [];
  return keys.map((key) => ({ path: key, message: unknownMessage("query parameter", key) }));
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type && !/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(415, "Unsupported media type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiProblem(413, "Request too large", `The body must be ${MAX_BODY_BYTES} bytes or fewer.`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiProblem(413, "Request too large", `The body must be ${MAX_BODY_BYTES} bytes or fewer.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "Malformed JSON", text.trim() === "" ? "The request needs a JSON body." : "The body is not valid JSON.");
  }
  // PostgreSQL refuses NUL in text: said here, with the field's path, rather than as a 500 from the database.
  const nul = pathOfNul(value);
  if (nul !== null) throw invalid([{ path: nul, message: "Text must not contain a NUL character" }]);
  return value;
}

function pathOfNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOfNul(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

function describeChange(change: RecordedChange): ChangeView {
  return change.action.startsWith("force_go_lives.") ? viewGoLivesChange(change) : viewChange(change);
}

/**
 * A store's outcome as the answer: saved → the record (201 when `created`); invalid → 422 with the
 * fields at fault; conflict → 409 with the record as it is now and each change made since (who, when,
 * which fields); not-found → 404.
 */
export function fromOutcome<T>(outcome: Outcome<T>, noun: string, options: { created?: boolean } = {}): Response {
  switch (outcome.kind) {
    case "saved":
      return json(outcome.record, options.created ? 201 : 200);
    case "invalid":
      throw invalid(Object.entries(outcome.errors).map(([path, message]) => ({ path: path === "form" ? "" : path, message })), `The ${noun} was not saved: see errors.`);
    case "conflict":
      throw new ApiProblem(
        409,
        "Conflict",
        outcome.current
          ? `The ${noun} was not saved: it has changed since the version you read. Read it again, then repeat your change if it is still right.`
          : `The ${noun} was not saved: it was removed after you read it.`,
        { current: outcome.current, changes: outcome.changes.map(describeChange) },
      );
    case "not-found":
      throw notFound(`There is no such ${noun}.`);
  }
}

export function notFound(detail = "There is nothing at this address."): ApiProblem {
  return new ApiProblem(404, "Not found", detail);
}

/** A record id from the path: digits only, or the record cannot exist (404, not 422: the address names nothing). */
export function idParam(raw: string, noun: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) throw notFound(`There is no such ${noun}.`);
  return Number(raw);
}

function sourceAddress(request: Request): string {
  // server.mjs replaces X-Forwarded-For with the one address it trusts (see lib/auth/current-user.ts clientAddress).
  return (request.headers.get("x-forwarded-for") || "unknown").slice(0, 64);
}

type Authenticated = { user: SessionUser } | { response: Response };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller: with an Authorization header, its token and nothing else (a bad token is refused even
 * beside a good cookie, so a script never silently acts as whoever is signed in to the browser);
 * otherwise the session.
 */
export async function authenticate(db: Db, request: Request, session: () => Promise<SessionUser | null>): Promise<Authenticated> {
  const challenge = { "www-authenticate": 'Bearer realm="nledp"' };
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return { response: problemResponse(401, "Sign in required", "Use Authorization: Bearer <your API token>.", {}, challenge) };
    const user = await userForToken(db, token);
    if (!user) return { response: problemResponse(401, "Invalid token", "This API token is not valid: it may have been revoked, or its account deactivated.", {}, challenge) };
    return { user };
  }
  const user = await session();
  return user ? { user } : { response: problemResponse(401, "Sign in required", "Sign in, or send Authorization: Bearer <your API token>.", {}, challenge) };
}

export type ApiCall<P> = { db: Db; request: Request; params: P; session?: () => Promise<SessionUser | null> };

/** The whole request after the database is open: what the route handler runs, and what tests call directly. */
export async function handleApi<P>(permission: Permission, run: ApiRun<P>, call: ApiCall<P>): Promise<Response> {
  const { db, request, params } = call;
  // A NUL or other control character in the address names nothing (and PostgreSQL would refuse it).
  if (Object.values(params ?? {}).some((v) => typeof v === "string" && /[\u0000-\u001F\u007F]/.test(v))) {
    return problemResponse(404, "Not found", "There is nothing at this address.");
  }
  try {
    const auth = await authenticate(db, request, call.session ?? (async () => null));
    if ("response" in auth) return auth.response;
    const { user } = auth;
    if (!can(user.role, permission)) return problemResponse(403, "Forbidden", "You do not have permission to do this.");
    const url = new URL(request.url);
    const undeclared = undeclaredParameters(request.method, url);
    if (undeclared.length) throw invalid(undeclared, "This endpoint takes no query parameters: see errors.");
    const result = await run({
      request,
      url,
      db,
      user,
      actor: { userId: user.id, label: user.email, sourceAddress: sourceAddress(request) },
      params,
      body: async (schema) => parseWith(schema, await readJson(request)),
      query: (schema) => parseWith(schema, Object.fromEntries(url.searchParams), "query parameter"),
    });
    return result instanceof Response ? result : json(result);
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error.status, error.title, error.detail, error.extra);
    if (error instanceof z.ZodError) return problemResponse(422, "Invalid request", "Some of what was sent is not valid.", { errors: fieldErrorsOf(error) });
    // The details stay in the server log: they can name tables, queries or values.
    console.error(`API ${request.method} ${new URL(request.url).pathname} failed:`, error);
    return problemResponse(500, "Something went wrong", "The request could not be completed. Nothing was changed; try again later.");
  }
}

export type RouteHandler<P> = ((request: Request, context?: { params?: Promise<P> }) => Promise<Response>) & {
  permission: Permission;
  /** The handler's logic without the cookie read: for tests, with a database and a session of their choosing. */
  call: (call: ApiCall<P>) => Promise<Response>;
};

/** A route handler needing `permission`. */
export function api<P = Record<string, never>>(permission: Permission, run: ApiRun<P>): RouteHandler<P> {
  const handler = async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    let db: Db;
    try {
      db = await getDb();
    } catch (error) {
      console.error("Database unavailable:", error instanceof Error ? error.message : error);
      return problemResponse(503, "Service unavailable", "The roadmap cannot be reached at the moment. Try again in a few minutes.", {}, { "retry-after": "60" });
    }
    // A route without dynamic segments may be given no params at all.
    const params = ((await context?.params) ?? {}) as P;
    return handleApi(permission, run, { db, request, params, session: currentUser });
  };
  return Object.assign(handler, { permission, call: (call: ApiCall<P>) => handleApi(permission, run, call) });
}
