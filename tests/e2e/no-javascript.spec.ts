import { DEMO, demoPassword, expect, test } from "./support/fixtures";

test.use({ javaScriptEnabled: false });

test("every page works with JavaScript turned off", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("table", { name: "The first 6 product areas" })).toContainText("Beta release: March 2022");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roadmap" }).click();
  await expect(page.getByRole("table", { name: "Products by phase" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page.getByRole("table", { name: "Timeline as a table" })).toBeVisible();
  await page.getByRole("link", { name: "Property" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Property");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quarterly updates" }).click();
  await page.getByRole("link", { name: "2021 Q4", exact: true }).click();
  await expect(page.getByText("Dear Chair,")).toBeVisible();
  // Refusals and unknown addresses are real pages too, not a blank body waiting for JavaScript.
  const missing = await page.goto("/products/no-such-product");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const refused = await page.goto("/draft");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
});

test.describe("signed out", () => {
  test.use({ role: null });

  test("the sign-in form shows its errors and signs in without JavaScript", async ({ page }) => {
    await page.goto("/sign-in?returnTo=%2Ftimeline");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await page.getByLabel("Email address").fill(DEMO.viewer);
    await page.getByLabel("Password", { exact: true }).fill(demoPassword());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/timeline$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
