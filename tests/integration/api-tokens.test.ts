/**
 * Personal API tokens against a real database: a token is shown once and stored only as its SHA-256,
 * it acts as its user with the role the users row holds now (demoted → demoted, deactivated → refused),
 * revoking it refuses it at once, and a viewer's token reads but cannot write.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record";
import { changeRole, createUser, setActive, type UserRow } from "@/lib/auth/users";
import { createToken, listTokens, revokeToken, userForToken } from "@/lib/api/tokens";
import * as roadmapRoute from "@/app/api/v1/roadmap/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { queryRows, seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
const setUp: Actor = { userId: null, label: "Test set-up" };
let admin: Actor;

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
  const a = await createUser(db, { name: "Token Admin", email: "token.admin@example.gov.uk", role: "admin", password: "token admin passphrase" }, setUp);
  admin = { userId: a.id, label: a.email };
});
afterAll(() => dispose?.());

let serial = 0;
async function person(role: "viewer" | "editor" | "admin"): Promise<{ user: UserRow; actor: Actor }> {
  serial += 1;
  const user = await createUser(db, { name: `Script Person ${serial}`, email: `script${serial}@example.gov.uk`, role, password: "a long enough passphrase" }, setUp);
  return { user, actor: { userId: user.id, label: user.email, sourceAddress: "198.51.100.40" } };
}

function request(path: string, token: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  return new Request(`http://localhost${path}`, { ...init, headers });
}

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_events`);
  return row!.n;
}

const NEW_PRODUCT = { name: "Token Product", description: "Made by a script", currentPhaseKey: "discovery" };

describe("creating a token", () => {
  it("shows the token once and stores only its SHA-256 and a short prefix", async () => {
    const { user, actor } = await person("editor");
    const made = await createToken(db, user.id, "Quarterly script", actor);
    expect(made.token).toMatch(/^nledp_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    expect(made.prefix.length).toBeLessThan(made.token.length / 2);

    const [row] = await queryRows<Record<string, unknown>>(db, sql`SELECT * FROM api_tokens WHERE id = ${made.id}`);
    expect(row!["token_hash"]).toBe(createHash("sha256").update(made.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(made.token);

    const listed = await listTokens(db, user.id);
    expect(listed).toEqual([expect.objectContaining({ id: made.id, name: "Quarterly script", prefix: made.prefix, lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(listed[0]).not.toHaveProperty("tokenHash");

    const events = await queryRows<{ action: string; after: unknown; actor_user_id: number }>(
      db,
      sql`SELECT action, after, actor_user_id FROM audit_events WHERE entity_type = 'api_token' AND entity_id = ${String(made.id)}`,
    );
    expect(events).toEqual([{ action: "api_token.created", after: expect.objectContaining({ name: "Quarterly script" }), actor_user_id: user.id }]);
    expect(JSON.stringify(events)).not.toContain(made.token);
    expect(JSON.stringify(events)).not.toContain(String(row!["token_hash"]));
  });
});

describe("using a token", () => {
  it("acts as its user with their role, and notes when it was last used (at most once a minute)", async () => {
    const { user, actor } = await person("editor");
    const { token, id } = await createToken(db, user.id, "Reader", actor);
    const response = await roadmapRoute.GET.call({ db, request: request("/api/v1/roadmap", token), params: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { kind: string }).kind).toBe("draft");

    const [first] = await listTokens(db, user.id);
    expect(first!.id).toBe(id);
    expect(first!.lastUsedAt).not.toBeNull();
    await userForToken(db, token);
    const [second] = await listTokens(db, user.id);
    expect(second!.lastUsedAt).toEqual(first!.lastUsedAt);
  });

  it("reads the openapi document with the token alone", async () => {
    const { user, actor } = await person("viewer");
    const { token } = await createToken(db, user.id, "curl", actor);
    const response = await openapiRoute.GET.call({ db, request: request("/api/v1/openapi.json", token), params: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("lets a viewer's token read the published roadmap but never write", async () => {
    const { user, actor } = await person("viewer");
    const { token } = await createToken(db, user.id, "Viewer script", actor);
    const read = await roadmapRoute.GET.call({ db, request: request("/api/v1/roadmap", token), params: {} });
    expect(((await read.json()) as { kind: string }).kind).toBe("published");

    const before = await auditCount();
    const write = await productsRoute.POST.call({
      db,
      request: request("/api/v1/products", token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(NEW_PRODUCT) }),
      params: {},
    });
    expect(write.status).toBe(403);
    expect(write.headers.get("content-type")).toBe("application/problem+json");
    expect(await auditCount()).toBe(before);
    const [found] = await queryRows(db, sql`SELECT id FROM products WHERE name = ${NEW_PRODUCT.name}`);
    expect(found).toBeUndefined();
  });

  it("follows the user's role as it is now: a demoted editor's token cannot write any more", async () => {
    const { user, actor } = await person("editor");
    const { token } = await createToken(db, user.id, "Editor script", actor);
    await changeRole(db, user.id, "viewer", admin);
    const write = await productsRoute.POST.call({
      db,
      request: request("/api/v1/products", token, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(NEW_PRODUCT) }),
      params: {},
    });
    expect(write.status).toBe(403);
    const read = await roadmapRoute.GET.call({ db, request: request("/api/v1/roadmap", token), params: {} });
    expect(((await read.json()) as { kind: string }).kind).toBe("published");
  });

  it("refuses a token whose account is deactivated", async () => {
    const { user, actor } = await person("editor");
    const { token } = await createToken(db, user.id, "Leaver's script", actor);
    await setActive(db, user.id, false, admin);
    expect(await userForToken(db, token)).toBeNull();
    const response = await roadmapRoute.GET.call({ db, request: request("/api/v1/roadmap", token), params: {} });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses unknown, malformed and non-bearer credentials, even beside a signed-in session", async () => {
    const { user } = await person("admin");
    const session = async () => ({ id: user.id, email: user.email, name: user.name, role: user.role });
    for (const authorization of [`Bearer nledp_${"A".repeat(43)}`, "Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer"]) {
      const response = await roadmapRoute.GET.call({ db, request: new Request("http://localhost/api/v1/roadmap", { headers: { authorization } }), params: {}, session });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
    const signedIn = await roadmapRoute.GET.call({ db, request: new Request("http://localhost/api/v1/roadmap"), params: {}, session });
    expect(signedIn.status).toBe(200);
    const nobody = await roadmapRoute.GET.call({ db, request: new Request("http://localhost/api/v1/roadmap"), params: {} });
    expect(nobody.status).toBe(401);
  });
});

describe("revoking a token", () => {
  it("refuses it from then on, records who revoked it, and touches only the owner's own tokens", async () => {
    const { user, actor } = await person("editor");
    const other = await person("editor");
    const { token, id } = await createToken(db, user.id, "To revoke", actor);
    expect(await userForToken(db, token)).toMatchObject({ id: user.id, role: "editor" });

    expect(await revokeToken(db, other.user.id, id, other.actor)).toBe(false);
    expect(await userForToken(db, token)).not.toBeNull();

    expect(await revokeToken(db, user.id, id, actor)).toBe(true);
    expect(await revokeToken(db, user.id, id, actor)).toBe(false);
    expect(await userForToken(db, token)).toBeNull();
    const response = await roadmapRoute.GET.call({ db, request: request("/api/v1/roadmap", token), params: {} });
    expect(response.status).toBe(401);

    const [listed] = await listTokens(db, user.id);
    expect(listed!.revokedAt).not.toBeNull();
    const events = await queryRows<{ action: string; actor_user_id: number }>(
      db,
      sql`SELECT action, actor_user_id FROM audit_events WHERE entity_type = 'api_token' AND entity_id = ${String(id)} ORDER BY id`,
    );
    expect(events).toEqual([
      { action: "api_token.created", actor_user_id: user.id },
      { action: "api_token.revoked", actor_user_id: user.id },
    ]);
  });
});
