import { test as base, expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: "admin@example.gov.uk",
  editor: "editor@example.gov.uk",
  viewer: "clerk@example.gov.uk",
} as const;

export type DemoRole = keyof typeof DEMO;

export function demoPassword(): string {
  const password = process.env.E2E_DEMO_PASSWORD;
  if (!password) throw new Error("E2E_DEMO_PASSWORD is set by playwright.config.ts");
  return password;
}

/** Signs in through the form, as a person would, and waits to land on `returnTo`'s page. */
export async function signIn(page: Page, email: string, password = demoPassword(), returnTo = "/") {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * `page` is signed in as the demo account for `role` (the committee clerk unless a test says
 * otherwise with `test.use({ role: ... })`); `role: null` leaves it signed out.
 */
export const test = base.extend<{ role: DemoRole | null }>({
  role: ["viewer", { option: true }],
  page: async ({ page, role }, use) => {
    if (role) await signIn(page, DEMO[role]);
    await use(page);
  },
});

export { expect };
