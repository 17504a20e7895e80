import { expect, test } from "./support/fixtures";

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
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
});
