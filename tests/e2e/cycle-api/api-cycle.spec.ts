/**
 * The quarter again, as a script runs it: an editor makes a personal API token in the browser, and a
 * client with nothing but that token (no cookies) starts 2022 Q1, makes the three changes, publishes with
 * the fingerprint of the preview it checked, and reads the comparison, over HTTP against a server and
 * database of its own. The published update's files (PDF, JSON, CSV) take the same token: 2021 Q4's PDF and
 * JSON are the same bytes before and after, and the 2022 Q1 PDF states the three changes. A clerk's token
 * reads but cannot write, and finds no draft; a revoked token is refused; `openapi.json` lists the endpoints.
 */
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { DEMO, expect, test } from "../support/fixtures";
import { signedIn } from "../support/forms";
import { readPdf } from "../support/pdf";

test.describe.configure({ mode: "serial" });
test.use({ role: "editor" });

async function makeToken(page: Page, name: string): Promise<string> {
  await page.goto("/account/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^nledp_/);
  await expectNoAxeViolations(page);
  return token;
}

async function client(baseURL: string, token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** A file of a published update, fetched with nothing but the token. */
async function file(api: APIRequestContext, path: string, type: string): Promise<Buffer> {
  const response = await api.get(path);
  expect(response.status(), `${path}: ${response.status() === 200 ? "" : await response.text()}`).toBe(200);
  expect(response.headers()["content-type"], path).toContain(type);
  return Buffer.from(await response.body());
}

test("a script runs the quarter with an editor's token; a clerk's token cannot write; a revoked one is refused", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const api = await client(baseURL!, await makeToken(page, "Quarterly update script"));
  const q4Before = await (await api.get("/api/v1/updates/2021-q4")).body();
  const q4Pdf = await file(api, "/updates/2021-q4/pdf", "application/pdf");
  const q4Json = await file(api, "/updates/2021-q4/json", "application/json");
  expect(JSON.parse(q4Json.toString("utf8")).update.slug).toBe("2021-q4");
  expect((await file(api, "/updates/2021-q4/milestones-csv", "text/csv")).toString("utf8")).toContain("Beta release");
  // A token that is not one is refused by the export as by the API (never a sign-in page), cookies or not.
  const forged = await client(baseURL!, "nledp_not-a-real-token");
  const refusedFile = await forged.get("/updates/2021-q4/json");
  expect(refusedFile.status()).toBe(401);
  expect(refusedFile.headers()["content-type"]).toContain("application/problem+json");
  await forged.dispose();
  // The token opens the files and the API only: a page still needs a session.
  for (const path of ["/updates/2021-q4", "/draft", "/updates/2021-q4/print"]) {
    const pageByToken = await api.get(path, { maxRedirects: 0 });
    expect(pageByToken.status(), path).toBe(303);
    expect(pageByToken.headers().location, path).toContain("/sign-in");
  }

  const openapi = await (await api.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toMatch(/^3\./);
  for (const path of ["/api/v1/roadmap", "/api/v1/updates", "/api/v1/updates/{slug}/publish", "/api/v1/compare", "/api/v1/products/{slug}/milestones/{id}"]) {
    expect(Object.keys(openapi.paths)).toContain(path);
  }

  const started = await api.post("/api/v1/updates", { data: { year: 2022, quarter: 1, title: "NLEDP product roadmap, January 2022", coveringText: "" } });
  expect(started.status(), await started.text()).toBe(201);

  // Property's beta: March 2022 → June 2022.
  const roadmap = await (await api.get("/api/v1/roadmap")).json();
  const beta = roadmap.roadmap.products.find((p: { slug: string }) => p.slug === "property").milestones.find((m: { title: string }) => m.title === "Beta release");
  const milestone = await (await api.get(`/api/v1/products/property/milestones/${beta.id}`)).json();
  const moved = await api.patch(`/api/v1/products/property/milestones/${beta.id}`, {
    data: { version: milestone.version, title: milestone.title, phaseKey: milestone.phaseKey, status: milestone.status, actualOn: milestone.actualOn, notes: milestone.notes, forecast: { precision: "month", on: "2022-06-01" } },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  // The same save again, on the old version: refused, 409, with who changed it.
  const stale = await api.patch(`/api/v1/products/property/milestones/${beta.id}`, {
    data: { version: milestone.version, title: milestone.title, phaseKey: milestone.phaseKey, status: "at_risk", actualOn: null, notes: "", forecast: { precision: "month", on: "2022-06-01" } },
  });
  expect(stale.status()).toBe(409);
  expect(stale.headers()["content-type"]).toContain("application/problem+json");
  expect(await stale.text()).toContain(DEMO.editor);

  // Vehicles: Pre-Discovery → Discovery.
  const vehicles = await (await api.get("/api/v1/products/vehicles")).json();
  const phase = await api.patch("/api/v1/products/vehicles", {
    data: { version: vehicles.version, name: vehicles.name, description: vehicles.description, statusSummary: vehicles.statusSummary, parentSlug: vehicles.parentSlug, plannedFamilySize: vehicles.plannedFamilySize, currentPhaseKey: "discovery" },
  });
  expect(phase.status(), await phase.text()).toBe(200);

  // The script checks the preview, then makes the last change: the fingerprint it read no longer holds.
  const previewed = await (await api.get("/api/v1/updates/2022-q1")).json();
  expect(previewed.roadmapHash).toMatch(/^[0-9a-f]{64}$/);

  // Photographs at the Roadside: 38 forces.
  const observed = await api.post("/api/v1/products/photographs-at-the-roadside/rollout/observations", {
    data: { observedOn: "2021-12-31", forcesLive: 38, nationsCovered: ["England", "Wales", "Scotland", "Northern Ireland"], note: "" },
  });
  expect(observed.status(), await observed.text()).toBe(201);

  // Bad input is refused with the field's path, and writes nothing.
  const bad = await api.post("/api/v1/products/photographs-at-the-roadside/rollout/observations", { data: { observedOn: "2021-02-31", forcesLive: 46, colour: "red" } });
  expect(bad.status()).toBeGreaterThanOrEqual(400);
  expect(bad.status()).toBeLessThan(500);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");

  // A clerk never sees the draft, and their token cannot write.
  const clerkPage = await signedIn(browser, baseURL!, DEMO.viewer);
  const clerk = await client(baseURL!, await makeToken(clerkPage, "Clerk's reader"));
  const clerkUpdates = await (await clerk.get("/api/v1/updates")).json();
  expect(clerkUpdates.items.map((u: { slug: string }) => u.slug)).toEqual(["2021-q4"]);
  expect((await clerk.get("/api/v1/updates/2022-q1")).status()).toBe(404);
  expect((await clerk.post("/api/v1/updates/2022-q1/publish", { data: { version: 1 } })).status()).toBe(403);
  for (const path of ["/updates/2022-q1/json", "/updates/2022-q1/pdf", "/updates/2022-q1/milestones-csv", "/updates/compare/csv?from=2021-q4&to=2022-q1", "/api/v1/compare?from=2021-q4&to=2022-q1"]) {
    expect((await clerk.get(path)).status(), path).toBe(404);
  }
  // The clerk's token reads the published files.
  expect((await file(clerk, "/updates/2021-q4/json", "application/json")).equals(q4Json)).toBe(true);

  const list = await (await api.get("/api/v1/updates")).json();
  const draft = list.items.find((u: { slug: string }) => u.slug === "2022-q1");
  expect(draft.state).toBe("draft");
  const stalePublish = await api.post("/api/v1/updates/2022-q1/publish", { data: { version: draft.version, roadmapHash: previewed.roadmapHash } });
  expect(stalePublish.status(), await stalePublish.text()).toBe(409);
  expect((await stalePublish.json()).detail).toContain("the roadmap has changed since the preview you read");
  expect((await clerk.get("/api/v1/updates/2022-q1")).status()).toBe(404);
  const checked = await (await api.get("/api/v1/updates/2022-q1")).json();
  expect(checked.roadmap.products.find((p: { slug: string }) => p.slug === "photographs-at-the-roadside").rollout.observations.map((o: { forcesLive: number }) => o.forcesLive)).toContain(38);
  const published = await api.post("/api/v1/updates/2022-q1/publish", { data: { version: draft.version, roadmapHash: checked.roadmapHash } });
  expect(published.status(), await published.text()).toBe(200);

  const c = await (await api.get("/api/v1/compare?from=2021-q4&to=2022-q1")).json();
  expect(c.phaseMoves).toEqual([expect.objectContaining({ productSlug: "vehicles", fromPhases: "Pre-Discovery", toPhases: "Discovery" })]);
  expect(c.milestoneMoves).toEqual([expect.objectContaining({ productSlug: "property", title: "Beta release", to: { precision: "month", on: "2022-06-30" } })]);
  expect(c.rollout).toEqual([expect.objectContaining({ productSlug: "photographs-at-the-roadside", fromLive: 22, toLive: 38 })]);
  for (const none of ["milestonesAdded", "milestonesRemoved", "milestoneStatusChanges", "productsAdded", "productsRemoved", "dependencyChanges"]) expect(c[none], none).toEqual([]);
  expect((await (await api.get("/api/v1/updates/2021-q4")).body()).equals(q4Before)).toBe(true);

  // The files, by token: 2021 Q4's are the same bytes; 2022 Q1's PDF and CSV state the three changes.
  expect((await file(api, "/updates/2021-q4/pdf", "application/pdf")).equals(q4Pdf)).toBe(true);
  expect((await file(api, "/updates/2021-q4/json", "application/json")).equals(q4Json)).toBe(true);
  const q1 = (await readPdf(await file(api, "/updates/2022-q1/pdf", "application/pdf"))).text;
  const changed = q1.slice(q1.indexOf("What changed since the previous update"));
  expect(changed, q1).toContain("3 changes since the 2021 Q4 update");
  expect(changed).toContain("Vehicles Pre-Discovery → Discovery");
  expect(changed).toContain("Beta release (Property) March 2022 → June 2022 Slipped 3 months");
  expect(changed).toMatch(/Photographs at the Roadside 22 → 38 of 45 forces( \(target [^)]*\))? Up 16 forces/);
  // Started with no covering text: the PDF says so rather than leaving its heading bare.
  expect(q1).toContain("No covering text was published with this update.");
  const csv = (await file(api, "/updates/compare/csv?from=2021-q4&to=2022-q1", "text/csv")).toString("utf8");
  expect(csv.trim().split(/\r?\n/)).toHaveLength(4); // the header and the three changes

  // Now the clerk sees it.
  expect((await clerk.get("/api/v1/updates/2022-q1")).status()).toBe(200);

  // Revoking the editor's token: refused from then on.
  await page.goto("/account/tokens");
  await page.getByRole("link", { name: /Revoke Quarterly update script/ }).click();
  await page.getByRole("button", { name: "Yes, revoke token" }).click();
  await expect(page).toHaveURL(/done=revoked/);
  expect((await api.get("/api/v1/roadmap")).status()).toBe(401);
  await Promise.all([api.dispose(), clerk.dispose(), clerkPage.context().close()]);
});
