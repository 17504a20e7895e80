/**
 * The whole quarter in the browser, on a server and database of its own (see playwright.config.ts):
 * an editor starts 2022 Q1 (and corrects its title), moves Property's beta to June 2022, moves Vehicles to
 * Discovery, records Photographs at the Roadside at 38 forces and publishes. The preview and the publish
 * page say what changed; a publish page opened before the last change is refused and shows it again. The
 * comparison with 2021 Q4 shows exactly those three changes, the 2022 Q1 PDF states them, 2021 Q4's PDF
 * and JSON do not change by a byte, and a clerk sees nothing of 2022 Q1 (pages, files, comparison, API)
 * until it is published. Then 2022 Q2 is started and discarded, after a confirmation.
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

  // Start 2022 Q1, under a provisional title.
  await page.goto("/draft");
  await page.getByRole("link", { name: "Start the next quarterly update" }).click();
  await expect(page.getByLabel("Year")).toHaveValue("2022");
  await expect(page.getByRole("radio", { name: /Q1|1st|January/ })).toBeChecked();
  await page.getByLabel("Title").fill("Roadmap update (title to follow)");
  await page.getByLabel("Covering text").fill("The roadmap for the year ahead, updated for the first quarter of 2022.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start the draft update" }).click();
  await expect(page).toHaveURL(/\/draft/);
  await expect(page.getByText("Roadmap update (title to follow)").first()).toBeVisible();

  // Change the draft's title; the covering text stays.
  await page.getByRole("link", { name: /Change the title and covering text/ }).click();
  await expect(page.getByLabel("Covering text")).toHaveValue("The roadmap for the year ahead, updated for the first quarter of 2022.");
  await page.getByLabel("Title").fill("NLEDP product roadmap, January 2022");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save the draft update" }).click();
  await expect(page).toHaveURL(/done=update-saved/);
  await expect(page.getByText("NLEDP product roadmap, January 2022").first()).toBeVisible();
  await expect(page.getByText("Roadmap update (title to follow)")).toHaveCount(0);

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

  // The editor opens the publish page now: it says what changed so far (two changes, no rollout yet)...
  await page.goto("/draft/publish");
  await expect(page.getByRole("heading", { name: "What changed since the 2021 Q4 update" })).toBeVisible();
  const phases = page.getByRole("table", { name: /^Phase changes/ });
  await expect(phases.getByRole("row", { name: /Vehicles/ })).toContainText("Pre-Discovery → Discovery");
  await expect(page.getByRole("table", { name: /^Milestones whose forecast moved/ }).getByRole("row", { name: /Beta release \(Property\)/ })).toContainText(
    /March 2022 → June 2022\s*Slipped 3 months/,
  );
  await expect(page.getByRole("table", { name: /^Police forces live/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // ...and, before they press Publish, Photographs at the Roadside is recorded at 38 forces in another tab.
  const other = await page.context().newPage();
  await other.goto("/products/photographs-at-the-roadside/rollout");
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).format(new Date()).split("/");
  const when = other.getByRole("group", { name: "Date of the figure" });
  await when.getByLabel("Day").fill(today[0]!);
  await when.getByLabel("Month").fill(today[1]!);
  await when.getByLabel("Year").fill(today[2]!);
  await other.getByLabel("Forces live, out of 45").fill("38");
  for (const nation of ["England", "Wales", "Scotland", "Northern Ireland"]) await other.getByRole("checkbox", { name: nation }).check();
  await other.getByRole("button", { name: "Record figure" }).click();
  await expect(other).toHaveURL(/done=observation-added/);

  // The preview shows the draft as it will publish, with all three changes.
  await other.goto("/draft/preview");
  await expect(other.getByText("Preview: not published")).toBeVisible();
  const previewMain = other.getByRole("main");
  await expect(previewMain.getByRole("table", { name: /^Phase changes/ })).toContainText("Pre-Discovery → Discovery");
  await expect(previewMain.getByRole("table", { name: /^Milestones whose forecast moved/ })).toContainText("Slipped 3 months");
  await expect(previewMain.getByRole("table", { name: /^Police forces live/ }).getByRole("row", { name: /Photographs at the Roadside/ })).toContainText(
    /22 → 38 of 45 forces[\s\S]*Up 16 forces/,
  );
  await expectNoAxeViolations(other);
  await other.close();

  // Before publication the clerk sees none of it: not the update, its files, a comparison with it, nor the API.
  await clerk.goto("/updates");
  await expect(clerk.getByText("2022 Q1")).toHaveCount(0);
  expect((await clerk.goto("/updates/2022-q1"))?.status()).toBe(404);
  expect((await clerk.goto("/updates/2022-q1/print"))?.status()).toBe(404);
  await expect(clerk.getByRole("main")).not.toContainText("January 2022");
  for (const path of ["/updates/2022-q1/json", "/updates/2022-q1/pdf", "/updates/2022-q1/milestones-csv", "/updates/compare/csv?from=2021-q4&to=2022-q1", "/api/v1/updates/2022-q1"]) {
    const response = await clerk.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("January 2022");
  }
  const clerkCompare = await clerk.request.get("/api/v1/compare?from=2021-q4&to=2022-q1");
  expect(clerkCompare.status()).toBe(404);
  const clerkList = await (await clerk.request.get("/api/v1/updates")).json();
  expect(clerkList.items.map((u: { slug: string }) => u.slug)).toEqual(["2021-q4"]);
  await clerk.goto("/updates/compare?from=2021-q4&to=2022-q1");
  await expect(clerk.getByRole("main")).not.toContainText("2022 Q1");
  await expect(clerk.getByRole("main")).not.toContainText("Discovery");
  await clerk.goto("/products/property");
  await expect(clerk.getByRole("table", { name: "Milestones of Property" })).not.toContainText("June 2022");

  // Publishing from the page opened before the rollout figure is refused, and the page shows what changed now.
  await page.getByRole("button", { name: "Publish 2022 Q1" }).click();
  await expect(page).toHaveURL(/\/draft\/publish\?stale=roadmap/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The roadmap changed after you opened this page, so the update was not published");
  await expect(page.getByRole("table", { name: /^Police forces live/ })).toContainText("22 → 38 of 45 forces");
  expect((await clerk.request.get("/updates/2022-q1/json")).status()).toBe(404);
  await expectNoAxeViolations(page);

  // Checked again, it publishes.
  await page.getByRole("button", { name: "Publish 2022 Q1" }).click();
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

  // The 2022 Q1 PDF states the three changes, as the committee reads them; 2021 Q4's files have not changed by a byte.
  const q1 = await readPdf(await download(clerk, "/updates/2022-q1/pdf"));
  const changed = q1.text.slice(q1.text.indexOf("What changed since the previous update"));
  expect(changed, q1.text).toContain("3 changes since the 2021 Q4 update");
  expect(changed).toContain("Vehicles Pre-Discovery → Discovery");
  expect(changed).toContain("Beta release (Property) March 2022 → June 2022 Slipped 3 months");
  expect(changed).toMatch(/Photographs at the Roadside 22 → 38 of 45 forces( \(target [^)]*\))? Up 16 forces/);
  const q4Text = (await readPdf(q4Pdf)).text;
  expect(q4Text).not.toContain("Pre-Discovery → Discovery");
  expect(q4Text).not.toContain("22 → 38");
  expect((await download(clerk, "/updates/2021-q4/pdf")).equals(q4Pdf)).toBe(true);
  expect((await download(clerk, "/updates/2021-q4/json")).equals(q4Json)).toBe(true);

  // The next quarter: 2022 Q2 is started, then discarded after a confirmation; clerks never saw it.
  await page.goto("/draft");
  await page.getByRole("link", { name: "Start the next quarterly update" }).click();
  await expect(page.getByRole("radio", { name: /Q2/ })).toBeChecked();
  await page.getByLabel("Title").fill("Started by mistake");
  await page.getByRole("button", { name: "Start the draft update" }).click();
  await expect(page).toHaveURL(/done=update-started/);
  await page.getByRole("link", { name: "Discard this draft update" }).click();
  await expect(page.getByRole("heading", { name: "Are you sure you want to discard the draft 2022 Q2 update?" })).toBeVisible();
  await expectNoAxeViolations(page);
  // "No, keep it" keeps it.
  await page.getByRole("link", { name: "No, keep it" }).click();
  await expect(page.getByText("Started by mistake").first()).toBeVisible();
  await page.getByRole("link", { name: "Discard this draft update" }).click();
  await page.getByRole("button", { name: "Yes, discard the draft update" }).click();
  await expect(page).toHaveURL(/done=update-discarded/);
  await expect(page.getByText("The draft update has been discarded")).toBeVisible();
  await expect(page.getByText("Started by mistake")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start the next quarterly update" })).toBeVisible();
  expect((await page.request.get("/api/v1/updates/2022-q2")).status()).toBe(404);
  await clerk.context().close();
});
