/**
 * The permission matrix: every route of the app against signed out, viewer, editor and admin.
 * It is checked against the app's own route list, so a new route without an entry fails here.
 */
import { test as base, expect, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO, signIn, type DemoRole } from "./support/fixtures";
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
