/**
 * A whole quarter run by a script through the API, with an editor's personal token: start 2022 Q1,
 * move Property's beta to June 2022, move Vehicles to Discovery, record Photographs at the Roadside at
 * 38 forces, publish. The comparison with 2021 Q4 shows exactly those three changes, and the 2021 Q4
 * snapshot the API serves is the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createUser } from "@/lib/auth/users";
import { createToken } from "@/lib/api/tokens";
import type { RouteHandler } from "@/lib/api/handler";
import * as roadmapRoute from "@/app/api/v1/roadmap/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import * as updateRoute from "@/app/api/v1/updates/[slug]/route";
import * as publishRoute from "@/app/api/v1/updates/[slug]/publish/route";
import * as compareRoute from "@/app/api/v1/compare/route";
import * as productRoute from "@/app/api/v1/products/[slug]/route";
import * as milestoneRoute from "@/app/api/v1/products/[slug]/milestones/[id]/route";
import * as observationsRoute from "@/app/api/v1/products/[slug]/rollout/observations/route";
import { seededScratch } from "../setup/database";

let db: Db;
let dispose: () => Promise<void>;
let token: string;

beforeAll(async () => {
  ({ db, dispose } = await seededScratch());
  const editor = await createUser(db, { name: "Sam Script", email: "sam.script@example.gov.uk", role: "editor", password: "sam long passphrase" }, { userId: null, label: "Test set-up" });
  ({ token } = await createToken(db, editor.id, "Quarterly update script", { userId: editor.id, label: editor.email }));
});
afterAll(() => dispose?.());

/** One request as a script sends it: bearer token, JSON in and out. */
async function send<P extends Record<string, string>>(handler: RouteHandler<P>, method: string, url: string, params: P, body?: unknown): Promise<{ status: number; json: any }> {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler.call({ db, request, params });
  return { status: response.status, json: await response.json() };
}

describe("a quarter through the API", () => {
  it("publishes 2022 Q1 with exactly the three changes made", async () => {
    const before = await send(updateRoute.GET, "GET", "/api/v1/updates/2021-q4", { slug: "2021-q4" });
    expect(before.status).toBe(200);

    const started = await send(updatesRoute.POST, "POST", "/api/v1/updates", {}, { year: 2022, quarter: 1, title: "NLEDP roadmap: 2022 Q1 update", coveringText: "What moved this quarter." });
    expect(started.status).toBe(201);

    const draft = await send(roadmapRoute.GET, "GET", "/api/v1/roadmap", {});
    expect(draft.json.kind).toBe("draft");
    const property = draft.json.roadmap.products.find((p: { slug: string }) => p.slug === "property");
    const beta = property.milestones.find((m: { title: string }) => m.title === "Beta release");

    // Property's beta: March 2022 → June 2022.
    const read = await send(milestoneRoute.GET, "GET", `/api/v1/products/property/milestones/${beta.id}`, { slug: "property", id: String(beta.id) });
    const { title, phaseKey, status, actualOn, notes, version } = read.json;
    const moved = await send(milestoneRoute.PATCH, "PATCH", `/api/v1/products/property/milestones/${beta.id}`, { slug: "property", id: String(beta.id) }, {
      version, title, phaseKey, status, actualOn, notes, forecast: { precision: "month", on: "2022-06-01" },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(moved.json.forecast).toEqual({ precision: "month", on: "2022-06-30" });

    // Vehicles: Pre-Discovery → Discovery.
    const vehicles = (await send(productRoute.GET, "GET", "/api/v1/products/vehicles", { slug: "vehicles" })).json;
    const phase = await send(productRoute.PATCH, "PATCH", "/api/v1/products/vehicles", { slug: "vehicles" }, {
      version: vehicles.version, name: vehicles.name, description: vehicles.description, statusSummary: vehicles.statusSummary,
      parentSlug: vehicles.parentSlug, plannedFamilySize: vehicles.plannedFamilySize, currentPhaseKey: "discovery",
    });
    expect(phase.status, JSON.stringify(phase.json)).toBe(200);

    // The script checks the preview before the last change: the fingerprint it gives back no longer holds after it.
    const previewed = await send(updateRoute.GET, "GET", "/api/v1/updates/2022-q1", { slug: "2022-q1" });
    expect(previewed.json.roadmapHash).toMatch(/^[0-9a-f]{64}$/);

    // Photographs at the Roadside: live in 38 forces.
    const observed = await send(observationsRoute.POST, "POST", "/api/v1/products/photographs-at-the-roadside/rollout/observations", { slug: "photographs-at-the-roadside" }, {
      observedOn: "2021-12-31", forcesLive: 38, nationsCovered: ["England", "Wales", "Scotland", "Northern Ireland"],
    });
    expect(observed.status, JSON.stringify(observed.json)).toBe(201);

    const list = await send(updatesRoute.GET, "GET", "/api/v1/updates", {});
    const draftItem = list.json.items.find((u: { slug: string }) => u.slug === "2022-q1");
    const stale = await send(publishRoute.POST, "POST", "/api/v1/updates/2022-q1/publish", { slug: "2022-q1" }, { version: draftItem.version, roadmapHash: previewed.json.roadmapHash });
    expect(stale.status, JSON.stringify(stale.json)).toBe(409);
    expect(stale.json.detail).toContain("the roadmap has changed since the preview you read");
    expect(stale.json.current).toMatchObject({ slug: "2022-q1", state: "draft", version: draftItem.version });
    expect(stale.json.roadmapHash).not.toBe(previewed.json.roadmapHash);
    expect((await send(updatesRoute.GET, "GET", "/api/v1/updates", {})).json.items[0]).toMatchObject({ slug: "2022-q1", state: "draft" });

    const checked = await send(updateRoute.GET, "GET", "/api/v1/updates/2022-q1", { slug: "2022-q1" });
    expect(checked.json.roadmapHash).toBe(stale.json.roadmapHash);
    const published = await send(publishRoute.POST, "POST", "/api/v1/updates/2022-q1/publish", { slug: "2022-q1" }, { version: draftItem.version, roadmapHash: checked.json.roadmapHash });
    expect(published.status, JSON.stringify(published.json)).toBe(200);

    const compared = await send(compareRoute.GET, "GET", "/api/v1/compare?from=2021-q4&to=2022-q1", {});
    expect(compared.status).toBe(200);
    const c = compared.json;
    expect(c.phaseMoves).toEqual([expect.objectContaining({ productSlug: "vehicles", fromPhases: "Pre-Discovery", toPhases: "Discovery" })]);
    expect(c.milestoneMoves).toEqual([expect.objectContaining({ productSlug: "property", title: "Beta release", to: { precision: "month", on: "2022-06-30" } })]);
    expect(c.rollout).toEqual([expect.objectContaining({ productSlug: "photographs-at-the-roadside", fromLive: 22, toLive: 38 })]);
    for (const none of ["milestonesAdded", "milestonesRemoved", "milestoneStatusChanges", "productsAdded", "productsRemoved", "dependencyChanges"]) expect(c[none], none).toEqual([]);

    const after = await send(updateRoute.GET, "GET", "/api/v1/updates/2021-q4", { slug: "2021-q4" });
    expect(after.json).toEqual(before.json);
  });
});
