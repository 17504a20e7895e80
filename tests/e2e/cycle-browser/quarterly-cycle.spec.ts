/**
 * The whole quarter in the browser, on a server and database of its own (see playwright.config.ts):
 * an editor starts 2022 Q1, moves Property's beta to June 2022, moves Vehicles to Discovery, records
 * Photographs at the Roadside at 38 forces and publishes. The comparison with 2021 Q4 shows exactly
 * those three changes, the 2022 Q1 PDF has them, 2021 Q4's PDF and JSON do not change by a byte, and a
 * clerk sees nothing of 2022 Q1 until it is published.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { DEMO, expect, test } from "../support/fixtures";
import { signedIn } from "../support/forms";
import { readPdf } from "../support/pdf";

test.describe.configure({ mode: "serial" });
test.use({ role: "editor" });

async function download(page: Page, path: string): Promise<Buffer> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return Buffer.from(await response.body());
}

test("a quarter from start to publication, as an editor, while a clerk sees only what is published", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const clerk = await signedIn(browser, baseURL!, DEMO.viewer);
  const q4Pdf = await download(clerk, "/updates/2021-q4/pdf");
  const q4Json = await download(clerk, "/updates/2021-q4/json");

  // Start 2022 Q1.
  await page.goto("/draft");
  await page.getByRole("link", { name: "Start the next quarterly update" }).click();
  await expect(page.getByLabel("Year")).toHaveValue("2022");
  await expect(page.getByRole("radio", { name: /Q1|1st|January/ })).toBeChecked();
  await page.getByLabel("Title").fill("NLEDP product roadmap, January 2022");
  await page.getByLabel("Covering text").fill("The roadmap for the year ahead, updated for the first quarter of 2022.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start the draft update" }).click();
  await expect(page).toHaveURL(/\/draft/);
  await expect(page.getByText("NLEDP product roadmap, January 2022").first()).toBeVisible();

  // Move Property's beta to June 2022.
  await page.goto("/products/property");
  await page.getByRole("table", { name: "Milestones of Property" }).getByRole("link", { name: "Beta release" }).click();
  await page.getByRole("link", { name: "Change this milestone" }).click();
  const target = page.getByRole("group", { name: "Target date" });
  await target.getByRole("radio", { name: "A month" }).check();
  await target.getByLabel("Month", { exact: true }).fill("6");
  await target.getByLabel("Year", { exact: true }).fill("2022");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/done=milestone-saved/);

  // Move Vehicles to Discovery.
  await page.goto("/products/vehicles/edit");
  await page.getByRole("radio", { name: "Discovery", exact: true }).check();
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/\/products\/vehicles\?done=product-saved/);

  // Record Photographs at the Roadside at 38 forces.
  await page.goto("/products/photographs-at-the-roadside/rollout");
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).format(new Date()).split("/");
  const when = page.getByRole("group", { name: "Date of the figure" });
  await when.getByLabel("Day").fill(today[0]!);
  await when.getByLabel("Month").fill(today[1]!);
  await when.getByLabel("Year").fill(today[2]!);
  await page.getByLabel("Forces live, out of 45").fill("38");
  for (const nation of ["England", "Wales", "Scotland", "Northern Ireland"]) await page.getByRole("checkbox", { name: nation }).check();
  await page.getByRole("button", { name: "Record figure" }).click();
  await expect(page).toHaveURL(/done=observation-added/);

  // Before publication the clerk sees none of it.
  await clerk.goto("/updates");
  await expect(clerk.getByText("2022 Q1")).toHaveCount(0);
  expect((await clerk.goto("/updates/2022-q1"))?.status()).toBe(404);
  await clerk.goto("/products/property");
  await expect(clerk.getByRole("table", { name: "Milestones of Property" })).not.toContainText("June 2022");

  // The preview shows what changed; publish.
  await page.goto("/draft/publish");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page).toHaveURL(/\/updates\/2022-q1/);

  // The comparison shows exactly the three changes.
  await page.goto("/updates/compare?from=2021-q4&to=2022-q1");
  await expectNoAxeViolations(page);
  const changes = page.getByRole("main").locator("table tbody tr");
  await expect(changes).toHaveCount(3);
  await expect(page.getByRole("main")).toContainText("Vehicles");
  await expect(page.getByRole("main")).toContainText("Discovery");
  await expect(page.getByRole("main")).toContainText(/Beta release[\s\S]*June 2022/);
  await expect(page.getByRole("main")).toContainText("Slipped 3 months");
  await expect(page.getByRole("main")).toContainText(/22[\s\S]*38/);

  // The clerk now sees 2022 Q1, leading with what changed.
  await clerk.goto("/updates/2022-q1");
  await expect(clerk.getByRole("heading", { name: /What changed since the previous update/ })).toBeVisible();
  await expect(clerk.getByRole("main")).toContainText("Slipped 3 months");
  await clerk.goto("/products/property");
  await expect(clerk.getByRole("table", { name: "Milestones of Property" })).toContainText("June 2022");

  // The 2022 Q1 PDF has the changes; 2021 Q4's files have not changed by a byte.
  const q1 = await readPdf(await download(clerk, "/updates/2022-q1/pdf"));
  expect(q1.text).toContain("What changed since the previous update");
  expect(q1.text).toContain("June 2022");
  expect(q1.text).toContain("Slipped 3 months");
  expect(q1.text).toMatch(/Vehicles[\s\S]*Discovery/);
  expect(q1.text).toMatch(/38/);
  expect((await download(clerk, "/updates/2021-q4/pdf")).equals(q4Pdf)).toBe(true);
  expect((await download(clerk, "/updates/2021-q4/json")).equals(q4Json)).toBe(true);
  await clerk.context().close();
});
