import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with the list of violations (WCAG 2.2 A and AA rules, and axe's best practices). */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation the title can arrive a moment after the content: wait for it, so the
  // scan sees the page as it settles (a page with no title still fails, here and in axe).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, "axe violations").toEqual([]);
}

/**
 * axe cannot run in a page without JavaScript (its script is never evaluated, and the call hangs).
 * So the page as served, HTML and all, is loaded into a page of its own with JavaScript on but the
 * app's scripts blocked, at the same address so its styles load, and axe runs there.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page) {
  const [html, url] = [await page.content(), page.url()];
  const context = await page.context().browser()!.newContext({ baseURL: new URL(url).origin, javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.isNavigationRequest()) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    await expect(copy.locator("h1")).toHaveCount(1);
    await expectNoAxeViolations(copy);
  } finally {
    await context.close();
  }
}
