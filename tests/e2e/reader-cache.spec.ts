/**
 * The readers' page cache (lib/http/reader-cache.ts): a page re-read while nothing has changed is sent
 * as kept, with a fresh CSP nonce; each reader gets their own; any write, a deactivation included, is
 * seen at the next request.
 * The cache's key holds the database server's transaction snapshot, which every write to any database
 * on that server moves, and other specs write all the time: a hit is looked for over a few re-reads.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";
import { addUserAsAdmin } from "./support/users";

type Read = { cache: string | undefined; nonce: string; body: string };

async function read(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<Read> {
  const response = await request.get(url, { headers, maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  const csp = response.headers()["content-security-policy"] ?? "";
  return { cache: response.headers()["x-reader-cache"], nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? "", body: await response.text() };
}

/** Reads the page until a re-read comes from the cache; the miss before it and the hit. */
async function missThenHit(request: APIRequestContext, url: string): Promise<[Read, Read]> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const first = await read(request, url);
    const second = await read(request, url);
    if (second.cache === "hit") return [first, second];
  }
  throw new Error(`${url} never came from the cache in 30 re-reads`);
}

async function readerPage(page: Page, label: string): Promise<{ page: Page; id: number; name: string; email: string; password: string }> {
  const person = await addUserAsAdmin(page, "viewer", label);
  const theirs = await (await page.context().browser()!.newContext()).newPage();
  await signIn(theirs, person.email, person.password);
  return { page: theirs, ...person };
}

test("a page re-read while nothing has changed is sent as kept, with a fresh nonce in its policy and its scripts", async ({ page }) => {
  const [first, second] = await missThenHit(page.request, "/timeline?zoom=year&quarters=calendar");
  expect(second.nonce).not.toBe("");
  expect(second.nonce).not.toBe(first.nonce);
  const scriptNonces = [...second.body.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([second.nonce]));
  expect(second.body).not.toContain(first.nonce);
  // Apart from its nonce, the page is the one rendered.
  expect(second.body.split(second.nonce).join("N")).toBe(first.body.split(first.nonce).join("N"));

  // A hard reload (Cache-Control: no-cache) renders it afresh.
  expect((await read(page.request, "/timeline?zoom=year&quarters=calendar", { "cache-control": "no-cache" })).cache).toBe("miss");
  // The browser gets the kept page compressed if it can take it, and it works as a page.
  await page.goto("/timeline?zoom=year&quarters=calendar");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test.describe("as an administrator", () => {
  test.use({ role: "admin" });

  test("each reader gets their own page, their own preferences take effect at once, and a deactivated reader's kept page is not sent", async ({ page }) => {
    const one = await readerPage(page, "cache-one");
    const two = await readerPage(page, "cache-two");
    const url = "/timeline?zoom=quarter";
    const [, kept] = await missThenHit(one.page.request, url);
    expect(kept.body).toContain(one.name);
    expect(kept.body).toContain('data-quarters="calendar"');
    const theirs = await read(two.page.request, url);
    expect(theirs.body).toContain(two.name);
    expect(theirs.body).not.toContain(one.name);

    // One reader's change of preference is on their next page, not the page kept before it.
    await one.page.goto("/account");
    await one.page.getByRole("radio", { name: /UK financial-year quarters/ }).check();
    const saved = one.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/account"));
    await one.page.getByRole("button", { name: "Show quarters this way" }).click();
    await saved;
    await one.page.goto(url);
    await expect(one.page.locator("#timeline-chart")).toHaveAttribute("data-quarters", "financial");
    await expect(one.page.locator("main")).toContainText(/\b20\d\d-\d\d Q[1-4]\b/);

    // Deactivated: the page they had is not sent again; they are asked to sign in.
    await missThenHit(two.page.request, url);
    await page.goto(`/admin/users/${two.id}`);
    await page.getByRole("link", { name: /Deactivate .*account/ }).click();
    await page.getByRole("button", { name: "Yes, deactivate account" }).click();
    await expect(page.getByText("The account has been deactivated.")).toBeVisible();
    const after = await two.page.request.get(url, { maxRedirects: 0 });
    expect(after.status()).toBe(303);
    expect(after.headers().location).toContain("/sign-in");
  });
});

test("a published update's PDF is sent again from the cache, whole", async ({ page }) => {
  const first = await page.request.get("/updates/2021-q4/pdf?quarters=calendar");
  expect(first.status()).toBe(200);
  const bytes = await first.body();
  for (let attempt = 0; attempt < 30; attempt++) {
    const again = await page.request.get("/updates/2021-q4/pdf?quarters=calendar");
    expect(again.status()).toBe(200);
    expect((await again.body()).equals(bytes)).toBe(true);
    if (again.headers()["x-reader-cache"] === "hit") return;
  }
  throw new Error("the PDF never came from the cache");
});
