/**
 * The permission matrix: every route of the app against signed out, viewer, editor and admin.
 * It is checked against the app's own route list, so a new route without an entry fails here.
 */
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn, type DemoRole } from "./support/fixtures";
import { fillDate, fillPeriod } from "./support/forms";
import { appRoutes, serverActions } from "./support/routes";

type Outcome = 200 | 400 | 403 | 404 | 405 | "sign-in" | 401;
type Who = "anonymous" | DemoRole;

const PUBLISHED: Record<Who, Outcome> = { anonymous: "sign-in", viewer: 200, editor: 200, admin: 200 };
const DRAFT: Record<Who, Outcome> = { anonymous: "sign-in", viewer: 403, editor: 200, admin: 200 };
const EDIT: Record<Who, Outcome> = { anonymous: "sign-in", viewer: 403, editor: 200, admin: 200 };
/** Route handlers of the JSON API: a signed-out request is 401 problem+json, never a redirect. */
const API_READ: Record<Who, Outcome> = { anonymous: 401, viewer: 200, editor: 200, admin: 200 };
const API_DRAFT: Record<Who, Outcome> = { anonymous: 401, viewer: 403, editor: 200, admin: 200 };
/** Routes that only take writes: a GET is 405 for anyone signed in (the writes are tested in tests/integration/api-*.test.ts). */
const API_WRITE_ONLY: Record<Who, Outcome> = { anonymous: 401, viewer: 405, editor: 405, admin: 405 };
const ADMIN: Record<Who, Outcome> = { anonymous: "sign-in", viewer: 403, editor: 403, admin: 200 };
const PUBLIC: Record<Who, Outcome> = { anonymous: 200, viewer: 200, editor: 200, admin: 200 };


/** Route pattern → the URL to try and who gets what. */
const MATRIX: Record<string, { url: string; expect: Record<Who, Outcome> }> = {
  "/": { url: "/", expect: PUBLISHED },
  "/roadmap": { url: "/roadmap", expect: PUBLISHED },
  "/timeline": { url: "/timeline", expect: PUBLISHED },
  "/products/[slug]": { url: "/products/person", expect: PUBLISHED },
  "/updates": { url: "/updates", expect: PUBLISHED },
  "/updates/[slug]": { url: "/updates/2021-q4", expect: PUBLISHED },
  "/updates/[slug]/print": { url: "/updates/2021-q4/print", expect: PUBLISHED },
  "/updates/[slug]/pdf": { url: "/updates/2021-q4/pdf", expect: PUBLISHED },
  "/draft": { url: "/draft", expect: DRAFT },
  "/draft/update/new": { url: "/draft/update/new", expect: EDIT },
  "/draft/update": { url: "/draft/update", expect: EDIT },
  "/draft/preview": { url: "/draft/preview", expect: EDIT },
  "/draft/publish": { url: "/draft/publish", expect: EDIT },
  "/draft/discard": { url: "/draft/discard", expect: EDIT },
  "/updates/compare": { url: "/updates/compare", expect: PUBLISHED },
  "/updates/[slug]/json": { url: "/updates/2021-q4/json", expect: PUBLISHED },
  "/updates/[slug]/milestones-csv": { url: "/updates/2021-q4/milestones-csv", expect: PUBLISHED },
  // Comparing an update with itself is refused (400); with two published updates it is a CSV (cycle tests).
  "/updates/compare/csv": { url: "/updates/compare/csv?from=2021-q4&to=2021-q4", expect: { anonymous: "sign-in", viewer: 400, editor: 400, admin: 400 } },
  "/account/tokens": { url: "/account/tokens", expect: { anonymous: "sign-in", viewer: 200, editor: 200, admin: 200 } },
  "/api/v1/roadmap": { url: "/api/v1/roadmap", expect: API_READ },
  "/api/v1/updates": { url: "/api/v1/updates", expect: API_READ },
  "/api/v1/updates/[slug]": { url: "/api/v1/updates/2021-q4", expect: API_READ },
  "/api/v1/updates/[slug]/publish": { url: "/api/v1/updates/2021-q4/publish", expect: API_WRITE_ONLY },
  "/api/v1/compare": { url: "/api/v1/compare?from=2021-q4&to=2021-q4", expect: API_READ },
  "/api/v1/openapi.json": { url: "/api/v1/openapi.json", expect: API_READ },
  "/api/v1/products": { url: "/api/v1/products", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]": { url: "/api/v1/products/property", expect: API_DRAFT },
  "/api/v1/products/[slug]/milestones": { url: "/api/v1/products/property/milestones", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/milestones/[id]": { url: "/api/v1/products/property/milestones/2", expect: API_DRAFT },
  "/api/v1/products/[slug]/spans": { url: "/api/v1/products/property/spans", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/spans/[id]": { url: "/api/v1/products/property/spans/2", expect: API_DRAFT },
  "/api/v1/products/[slug]/rollout": { url: "/api/v1/products/property/rollout", expect: API_DRAFT },
  "/api/v1/products/[slug]/rollout/go-lives": { url: "/api/v1/products/property/rollout/go-lives", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/rollout/observations": { url: "/api/v1/products/property/rollout/observations", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/rollout/observations/[id]": { url: "/api/v1/products/photographs-at-the-roadside/rollout/observations/1", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/rollout/targets": { url: "/api/v1/products/property/rollout/targets", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/rollout/targets/[id]": { url: "/api/v1/products/photographs-at-the-roadside/rollout/targets/1", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/dependencies": { url: "/api/v1/products/photographs-at-the-roadside/dependencies", expect: API_WRITE_ONLY },
  "/api/v1/products/[slug]/dependencies/[id]": { url: "/api/v1/products/photographs-at-the-roadside/dependencies/1", expect: API_DRAFT },
  "/api/v1/factors": { url: "/api/v1/factors", expect: API_WRITE_ONLY },
  "/api/v1/factors/[id]": { url: "/api/v1/factors/1", expect: API_DRAFT },
  "/products/new": { url: "/products/new", expect: EDIT },
  "/products/[slug]/edit": { url: "/products/property/edit", expect: EDIT },
  "/products/[slug]/remove": { url: "/products/property/remove", expect: EDIT },
  "/products/[slug]/milestones/[id]": { url: "/products/property/milestones/2", expect: PUBLISHED },
  "/products/[slug]/milestones/new": { url: "/products/property/milestones/new", expect: EDIT },
  "/products/[slug]/milestones/[id]/edit": { url: "/products/property/milestones/2/edit", expect: EDIT },
  "/products/[slug]/milestones/[id]/remove": { url: "/products/property/milestones/2/remove", expect: EDIT },
  "/products/[slug]/spans/new": { url: "/products/property/spans/new", expect: EDIT },
  "/products/[slug]/spans/[id]": { url: "/products/property/spans/2", expect: EDIT },
  "/products/[slug]/spans/[id]/remove": { url: "/products/property/spans/2/remove", expect: EDIT },
  "/products/[slug]/rollout": { url: "/products/photographs-at-the-roadside/rollout", expect: EDIT },
  "/products/[slug]/dependencies/new": { url: "/products/photographs-at-the-roadside/dependencies/new", expect: EDIT },
  "/products/[slug]/dependencies/[id]": { url: "/products/photographs-at-the-roadside/dependencies/1", expect: EDIT },
  "/products/[slug]/dependencies/[id]/remove": { url: "/products/photographs-at-the-roadside/dependencies/1/remove", expect: EDIT },
  "/factors/new": { url: "/factors/new", expect: EDIT },
  "/factors/[id]": { url: "/factors/1", expect: EDIT },
  "/factors/[id]/remove": { url: "/factors/1/remove", expect: EDIT },
  "/forbidden": { url: "/forbidden", expect: { anonymous: "sign-in", viewer: 200, editor: 200, admin: 200 } },
  "/account": { url: "/account", expect: { anonymous: "sign-in", viewer: 200, editor: 200, admin: 200 } },
  "/admin/users": { url: "/admin/users", expect: ADMIN },
  "/admin/audit": { url: "/admin/audit", expect: ADMIN },
  "/admin/audit/csv": { url: "/admin/audit/csv", expect: { anonymous: "sign-in", viewer: 403, editor: 403, admin: 200 } },
  "/admin/users/new": { url: "/admin/users/new", expect: ADMIN },
  "/admin/users/[id]": { url: "/admin/users/1", expect: ADMIN },
  "/sign-in": { url: "/sign-in", expect: { anonymous: 200, viewer: "sign-in", editor: "sign-in", admin: "sign-in" } },
  "/health": { url: "/health", expect: PUBLIC },
  // Only single sign-on's own steps are served, and only when it is configured (it is not, in tests).
  "/api/auth/[...nextauth]": { url: "/api/auth/session", expect: { anonymous: 404, viewer: 404, editor: 404, admin: 404 } },
};

/** Server action → the permission its checkpoint demands (the matrix above says who holds which). */
const ACTIONS: Record<string, string> = {
  "app/(site)/sign-in/actions.ts#signIn": "none: it is how one signs in",
  "lib/auth/actions/sign-out.ts#signOut": "a session",
  "app/(site)/account/actions.ts#changePassword": "update:own-account",
  "app/(site)/admin/users/actions.ts#addUser": "manage:users",
  "app/(site)/admin/users/actions.ts#updateRole": "manage:users",
  "app/(site)/admin/users/actions.ts#updateActive": "manage:users",
  "app/(site)/products/actions.ts#saveProduct": "edit:roadmap",
  "app/(site)/products/actions.ts#removeProductAction": "edit:roadmap",
  "app/(site)/products/[slug]/milestones/actions.ts#saveMilestone": "edit:roadmap",
  "app/(site)/products/[slug]/milestones/actions.ts#removeMilestoneAction": "edit:roadmap",
  "app/(site)/products/[slug]/spans/actions.ts#saveSpan": "edit:roadmap",
  "app/(site)/products/[slug]/spans/actions.ts#removeSpanAction": "edit:roadmap",
  "app/(site)/products/[slug]/rollout/actions.ts#recordObservation": "edit:roadmap",
  "app/(site)/products/[slug]/rollout/actions.ts#addTargetAction": "edit:roadmap",
  "app/(site)/products/[slug]/rollout/actions.ts#removeObservationAction": "edit:roadmap",
  "app/(site)/products/[slug]/rollout/actions.ts#removeTargetAction": "edit:roadmap",
  "app/(site)/products/[slug]/rollout/actions.ts#saveGoLivesAction": "edit:roadmap",
  "app/(site)/products/[slug]/dependencies/actions.ts#saveDependency": "edit:roadmap",
  "app/(site)/products/[slug]/dependencies/actions.ts#removeDependencyAction": "edit:roadmap",
  "app/(site)/factors/actions.ts#saveFactor": "edit:roadmap",
  "app/(site)/factors/actions.ts#removeFactorAction": "edit:roadmap",
  "app/(site)/draft/actions.ts#startUpdateAction": "publish:update",
  "app/(site)/draft/actions.ts#changeUpdateAction": "publish:update",
  "app/(site)/draft/actions.ts#publishUpdateAction": "publish:update",
  "app/(site)/draft/actions.ts#discardUpdateAction": "publish:update",
  "app/(site)/account/tokens/actions.ts#createApiToken": "update:own-account",
  "app/(site)/account/tokens/actions.ts#revokeApiToken": "update:own-account",
  "app/(site)/account/preferences-actions.ts#saveQuarterStyle": "update:own-account",
};

const test = base;

test("every route and server action of the app has an entry in the permission matrix", () => {
  expect(appRoutes()).toEqual(Object.keys(MATRIX).sort());
  expect(serverActions()).toEqual(Object.keys(ACTIONS).sort());
});

async function contextFor(browser: Browser, who: Who, baseURL: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  if (who !== "anonymous") await signIn(await context.newPage(), DEMO[who]);
  return context.request;
}

for (const who of ["anonymous", "viewer", "editor", "admin"] as const) {
  test(`routes as ${who}`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const request = await contextFor(browser, who, baseURL!);
    for (const [pattern, { url, expect: outcomes }] of Object.entries(MATRIX)) {
      const response = await request.get(url, { maxRedirects: 0 });
      const expected = outcomes[who];
      if (expected === "sign-in") {
        expect([302, 303, 307], `${who} ${pattern}`).toContain(response.status());
        expect(response.headers()["location"], `${who} ${pattern}`).toMatch(/\/sign-in|\/$|returnTo/);
      } else {
        expect(response.status(), `${who} ${pattern}`).toBe(expected);
      }
    }
  });
}

test("a crafted post to an admin server action by a clerk or an editor is refused and changes nothing", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // The admin's own form carries the action's id; others replay it with their own session.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin/users/new");
  const hidden = await admin.locator("form input[type=hidden]").evaluateAll((inputs) =>
    inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
  );
  expect(hidden.length).toBeGreaterThan(0);

  const post = (request: APIRequestContext, email: string) =>
    request.post("/admin/users/new", {
      multipart: { ...Object.fromEntries(hidden), name: "Crafted", email, role: "admin" },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
  // The replay is a real call of the action: made by the admin, it adds the user.
  const control = `crafted-by-admin-${Date.now()}@example.gov.uk`;
  expect((await post(admin.request, control)).status()).toBe(200);
  await admin.goto("/admin/users");
  await expect(admin.getByText(control)).toHaveCount(1);

  for (const who of ["viewer", "editor", "anonymous"] as const) {
    const request = await contextFor(browser, who, baseURL!);
    const email = `crafted-by-${who}-${Date.now()}@example.gov.uk`;
    const response = await post(request, email);
    expect([303, 403, 404], `${who}: ${response.status()}`).toContain(response.status());
    await admin.goto("/admin/users");
    await expect(admin.getByText(email)).toHaveCount(0);
  }
});

/** One editing form: where the editor finds it, what they change, and the button that sends it. */
type CraftedCase = { url: string; fill?: (page: Page) => Promise<void>; submit: string };

test("a crafted post to every editing server action by a clerk is refused and writes nothing, though the editor's same post writes", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const editor = await (await browser.newContext({ baseURL })).newPage();
  await signIn(editor, DEMO.editor);
  const clerk = await contextFor(browser, "viewer", baseURL!);

  // Records of this test's own, made through the JSON API with the editor's session.
  const make = async (path: string, data: unknown) => {
    const response = await editor.request.post(path, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: number; slug: string };
  };
  const factor = await make("/api/v1/factors", { title: `Crafted factor ${run}`, description: "Target of crafted posts.", status: "on_track" });
  const product = await make("/api/v1/products", { name: `Crafted target ${run}`, description: "Target of crafted posts.", currentPhaseKey: "discovery" });
  const doomedName = `Crafted removal ${run}`;
  const doomed = await make("/api/v1/products", { name: doomedName, description: "Target of a crafted removal.", currentPhaseKey: "discovery" });
  const P = `/api/v1/products/${product.slug}`;
  const milestone = await make(`${P}/milestones`, { title: `Crafted milestone ${run}`, forecast: { precision: "month", on: "2022-06-30" }, status: "on_track" });
  const span = await make(`${P}/spans`, { phaseKey: "beta" });
  const dependency = await make(`${P}/dependencies`, { on: { kind: "product", slug: "vehicles" }, status: "on_track" });
  const observation = await make(`${P}/rollout/observations`, { observedOn: "2021-10-01", forcesLive: 3 });
  const target = await make(`${P}/rollout/targets`, { target: { precision: "year", on: "2030-12-31" }, forcesCount: 10 });

  /** Everything the actions below could change, as the editor reads it through the API. */
  const reads = [`/api/v1/products/${product.slug}`, `/api/v1/products/${doomed.slug}`, `${P}/milestones/${milestone.id}`, `${P}/spans/${span.id}`, `${P}/dependencies/${dependency.id}`, `${P}/rollout`, `/api/v1/factors/${factor.id}`];
  const state = async () => JSON.stringify(await Promise.all(reads.map(async (path) => {
    const response = await editor.request.get(path);
    return [path, response.status(), response.ok() ? await response.json() : null];
  })));

  const web = `/products/${product.slug}`;
  // In order: every save before the removals, so each form is open on a record that still exists.
  const CASES: Record<string, CraftedCase> = {
    "app/(site)/products/actions.ts#saveProduct": { url: `${web}/edit`, fill: (p) => p.getByLabel("Description", { exact: true }).fill("Changed by a crafted post."), submit: "Save product" },
    "app/(site)/products/[slug]/milestones/actions.ts#saveMilestone": { url: `${web}/milestones/${milestone.id}/edit`, fill: (p) => p.getByLabel("Notes (optional)").fill("Changed by a crafted post."), submit: "Save milestone" },
    "app/(site)/products/[slug]/spans/actions.ts#saveSpan": { url: `${web}/spans/${span.id}`, fill: (p) => fillPeriod(p, "To (optional)", "A year", { Year: "2031" }), submit: "Save phase" },
    "app/(site)/products/[slug]/dependencies/actions.ts#saveDependency": { url: `${web}/dependencies/${dependency.id}`, fill: (p) => p.getByLabel("Owner (optional)").fill("Crafted owner"), submit: "Save dependency" },
    "app/(site)/factors/actions.ts#saveFactor": { url: `/factors/${factor.id}`, fill: (p) => p.getByLabel("Owner (optional)").fill("Crafted owner"), submit: "Save programme dependency" },
    "app/(site)/products/[slug]/rollout/actions.ts#recordObservation": {
      url: `${web}/rollout`,
      fill: async (p) => {
        await fillDate(p, "Date of the figure", "1", "11", "2021");
        await p.getByLabel("Forces live, out of 45").fill("7");
      },
      submit: "Record figure",
    },
    "app/(site)/products/[slug]/rollout/actions.ts#addTargetAction": {
      url: `${web}/rollout`,
      fill: async (p) => {
        await fillPeriod(p, "Target date", "A year", { Year: "2031" });
        await p.getByLabel("Forces expected to be live, out of 45").fill("20");
      },
      submit: "Add target",
    },
    "app/(site)/products/[slug]/rollout/actions.ts#saveGoLivesAction": {
      url: `${web}/rollout`,
      fill: async (p) => {
        await p.getByLabel("Day Devon & Cornwall Police went live").fill("1");
        await p.getByLabel("Month Devon & Cornwall Police went live").fill("10");
        await p.getByLabel("Year Devon & Cornwall Police went live").fill("2021");
      },
      submit: "Save go-live dates",
    },
    "app/(site)/products/[slug]/rollout/actions.ts#removeObservationAction": { url: `${web}/rollout?remove=observation-${observation.id}`, submit: "Yes, remove figure" },
    "app/(site)/products/[slug]/rollout/actions.ts#removeTargetAction": { url: `${web}/rollout?remove=target-${target.id}`, submit: "Yes, remove target" },
    "app/(site)/products/[slug]/spans/actions.ts#removeSpanAction": { url: `${web}/spans/${span.id}/remove`, submit: "Yes, remove it from the plan" },
    "app/(site)/products/[slug]/milestones/actions.ts#removeMilestoneAction": { url: `${web}/milestones/${milestone.id}/remove`, submit: "Yes, remove milestone" },
    "app/(site)/products/[slug]/dependencies/actions.ts#removeDependencyAction": { url: `${web}/dependencies/${dependency.id}/remove`, submit: "Yes, remove dependency" },
    "app/(site)/factors/actions.ts#removeFactorAction": { url: `/factors/${factor.id}/remove`, submit: "Yes, remove programme dependency" },
    "app/(site)/products/actions.ts#removeProductAction": { url: `/products/${doomed.slug}/remove`, submit: `Yes, remove ${doomedName}` },
  };
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(ACTIONS).filter((a) => ACTIONS[a] === "edit:roadmap").sort());

  for (const [action, { url, fill, submit }] of Object.entries(CASES)) {
    // The editor fills the form in the browser; its fields, hidden ones with the action's id included, are the post.
    await editor.goto(url);
    await fill?.(editor);
    const form = editor.locator("form").filter({ has: editor.getByRole("button", { name: submit, exact: true }) });
    const fields = await form.evaluate((f) => [...new FormData(f as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const));
    expect(fields.some(([name]) => name.startsWith("$ACTION")), action).toBe(true);
    const post = (request: APIRequestContext) =>
      request.post(url, { multipart: Object.fromEntries(fields), headers: { Origin: baseURL! }, maxRedirects: 0 });

    const before = await state();
    const refused = await post(clerk);
    // The checkpoint's forbidden() reaches a post made without JavaScript as Next's not-found page (Next 16
    // renders every refusal an MPA action throws that way); what matters is that nothing is written.
    expect([403, 404], action).toContain(refused.status());
    expect(await state(), `${action}: the clerk's post wrote something`).toBe(before);
    // The same post from the editor is a real call of the action, and writes.
    const accepted = await post(editor.request);
    expect(accepted.status(), action).toBe(303);
    expect(await state(), `${action}: the editor's post wrote nothing`).not.toBe(before);
  }
  await editor.context().close();
});
