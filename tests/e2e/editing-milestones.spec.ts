/**
 * Programme staff edit milestones in the browser: a moved date shows as slippage everywhere the
 * milestone appears, bad input is refused at the field with the input kept, a save based on an old
 * version is refused with the other person's change shown, and a clerk can neither see nor use any of it.
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from "./support/axe";
import { fillDate, fillPeriod, signedIn } from "./support/forms";
import { DEMO, expect, test } from "./support/fixtures";

test.describe.configure({ mode: "serial" });
test.use({ role: "editor" });

const RUN = Date.now().toString(36);

async function openMilestone(page: Page, product: string, title: string) {
  await page.goto(`/products/${product}`);
  await page.getByRole("table", { name: new RegExp(`Milestones of`) }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
}

test("an editor moves Property's beta from March 2022 to June 2022 and sees a slippage of 3 months everywhere", async ({ page }) => {
  await openMilestone(page, "property", "Beta release");
  await page.getByRole("link", { name: "Change this milestone" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Change a milestone/);
  await expect(page.getByText("Baseline: March 2022")).toBeVisible();
  await expectNoAxeViolations(page);
  await fillPeriod(page, "Target date", "A month", { Month: "6", Year: "2022" });
  await page.getByRole("button", { name: "Save milestone" }).click();

  await expect(page).toHaveURL(/\/products\/property\?done=milestone-saved/);
  await expect(page.getByRole("status")).toContainText("The milestone has been saved");
  const row = page.getByRole("table", { name: "Milestones of Property" }).getByRole("row", { name: /Beta release/ });
  await expect(row).toContainText("March 2022");
  await expect(row).toContainText("June 2022");
  await expect(row).toContainText("Slipped 3 months");
  await expect(page.getByRole("heading", { name: "Change history" })).toBeVisible();
  await expect(page.locator("#history ~ ol").first()).toContainText(/Forecast:\s*March 2022\s*→\s*changed to\s*June 2022/);

  await page.goto("/");
  const overviewRow = page.getByRole("row", { name: /Property/ });
  await expect(overviewRow).toContainText("Beta release: June 2022");
  await expect(overviewRow).toContainText("Slipped 3 months from March 2022");

  await page.goto("/timeline");
  await expect(page.getByText("Beta release: June 2022 (Not assessed; slipped 3 months from March 2022)").first()).toBeVisible();
  const tableRow = page.getByRole("table", { name: "Timeline as a table" }).getByRole("row", { name: /Property Milestone: Beta release/ });
  await expect(tableRow).toContainText("June 2022");
  await expect(tableRow).toContainText("Slipped 3 months from March 2022");

  // The clerk still reads the published update: March 2022, no slippage, no working draft.
  const clerk = await signedIn(page.context().browser()!, new URL(page.url()).origin, DEMO.viewer);
  await clerk.goto("/products/property");
  const clerkRow = clerk.getByRole("table", { name: "Milestones of Property" }).getByRole("row", { name: /Beta release/ });
  await expect(clerkRow).toContainText("On baseline");
  await expect(clerkRow).not.toContainText("June 2022");
  await expect(clerk.getByText("Working draft")).toHaveCount(0);
  await clerk.context().close();
});

test("an editor adds a milestone with quarter precision, and removes one after confirming", async ({ page }) => {
  await page.goto("/products/vehicles");
  await page.getByRole("link", { name: "Add a milestone" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Milestone").fill("Discovery concludes");
  await fillPeriod(page, "Target date", "A quarter", { Quarter: "1", Year: "2022" });
  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/\/products\/vehicles\?done=milestone-added/);
  const row = page.getByRole("table", { name: "Milestones of Vehicles" }).getByRole("row", { name: /Discovery concludes/ });
  await expect(row).toContainText("Q1 2022");
  await expect(row).toContainText("Not yet published");
  await expect(row).toContainText("On track");

  await row.getByRole("link", { name: "Discovery concludes" }).click();
  await page.getByRole("link", { name: "Remove this milestone" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove “Discovery concludes”?");
  await expect(page.getByText("Nothing else depends on it.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove milestone" }).click();
  await expect(page).toHaveURL(/done=milestone-removed/);
  await expect(page.getByRole("table", { name: "Milestones of Vehicles" }).getByRole("row", { name: /Discovery concludes/ })).toHaveCount(0);
});

test("bad input is refused at the field, listed in the summary, and kept in the form", async ({ page }) => {
  await page.goto("/products/audit/milestones/new");
  await page.getByLabel("Milestone").fill('<script>alert("x")</script>');
  await fillPeriod(page, "Target date", "A day", { Day: "31", Month: "2", Year: "2022" });
  await page.getByRole("radio", { name: "On track" }).check();
  const done = page.getByRole("group", { name: /Date done/ });
  await done.getByLabel("Day").fill("1");
  await done.getByLabel("Month").fill("1");
  await done.getByLabel("Year").fill("2022");
  await page.getByRole("button", { name: "Save milestone" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("The target date must be a real date");
  await expect(summary).toContainText("Only a milestone that is done has an actual date");
  await expect(page.locator("#forecast-error")).toContainText("must be a real date");
  await expect(page.locator("#actualOn-error")).toContainText("Only a milestone that is done");
  // The input is kept as typed, script and all, and shown as text.
  await expect(page.getByLabel("Milestone")).toHaveValue('<script>alert("x")</script>');
  await expect(page.getByRole("group", { name: "Target date" }).getByLabel("Day", { exact: true })).toHaveValue("31");
  await expectNoAxeViolations(page);

  // The summary's links go to the fields.
  await summary.getByRole("link", { name: /must be a real date/ }).click();
  await expect(page).toHaveURL(/#forecast$/);

  // Now fix it: the title with HTML in it is saved as typed and shown escaped.
  await fillPeriod(page, "Target date", "A month", { Month: "9", Year: "2022" });
  await done.getByLabel("Day").fill("");
  await done.getByLabel("Month").fill("");
  await done.getByLabel("Year").fill("");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/\/products\/audit\?done=milestone-added/);
  await expect(page.getByRole("link", { name: '<script>alert("x")</script>' })).toBeVisible();
});

test("an editor marks a milestone done with the date it was done, and it is saved and shown on the milestone and product pages", async ({ page }) => {
  const title = `Data migration ${RUN}`;
  await page.goto("/products/audit/milestones/new");
  await page.getByLabel("Milestone").fill(title);
  await fillPeriod(page, "Target date", "A month", { Month: "2", Year: "2022" });
  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/\/products\/audit\?done=milestone-added/);

  await openMilestone(page, "audit", title);
  await page.getByRole("link", { name: "Change this milestone" }).click();
  await page.getByRole("radio", { name: "Done" }).check();
  await fillDate(page, "Date done (only when the status is Done)", "14", "2", "2022");
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/\/products\/audit\?done=milestone-saved/);
  const row = page.getByRole("table", { name: "Milestones of Audit" }).getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Done");
  await expect(row).toContainText("Done on 14 February 2022");

  await row.getByRole("link", { name: title }).click();
  await expect(page.locator("main dl").first()).toContainText(/Done on\s*14 February 2022/);
  await expect(page.locator("#history + ol > li").first()).toContainText(/Status:\s*On track\s*→\s*changed to\s*Done/);
  await expect(page.locator("#history + ol > li").first()).toContainText(/Done on:\s*None\s*→\s*changed to\s*14 February 2022/);
  // The form opens again with the date in its boxes.
  await page.getByRole("link", { name: "Change this milestone" }).click();
  await expect(page.getByRole("radio", { name: "Done" })).toBeChecked();
  const done = page.getByRole("group", { name: /Date done/ });
  await expect(done.getByLabel("Day")).toHaveValue("14");
  await expect(done.getByLabel("Month")).toHaveValue("2");
  await expect(done.getByLabel("Year")).toHaveValue("2022");
});

test("a title longer than 200 characters is refused at the field, with what was typed kept", async ({ page }) => {
  const title = `Long title ${RUN} `.padEnd(201, "x");
  await page.goto("/products/audit/milestones/new");
  await page.getByLabel("Milestone").fill(title);
  await fillPeriod(page, "Target date", "A month", { Month: "10", Year: "2022" });
  await page.getByRole("radio", { name: "Not started" }).check();
  await page.getByRole("button", { name: "Save milestone" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("listitem")).toHaveText(["The milestone's title must be 200 characters or fewer"]);
  await expect(summary.getByRole("link", { name: "The milestone's title must be 200 characters or fewer" })).toHaveAttribute("href", "#title");
  await expect(page.locator("#title-error")).toContainText("The milestone's title must be 200 characters or fewer");
  await expect(page.getByLabel("Milestone")).toHaveValue(title);
  await expect(page.getByLabel("Milestone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("group", { name: "Target date" }).getByLabel("Month", { exact: true })).toHaveValue("10");
  await expectNoAxeViolations(page);
  await page.goto("/products/audit");
  await expect(page.getByText(`Long title ${RUN}`)).toHaveCount(0);
});

test("two people edit the same milestone: the second save is refused with the first's change shown, and a retry saves", async ({ page, browser, baseURL }) => {
  const admin = await signedIn(browser, baseURL!, DEMO.admin);
  for (const p of [page, admin]) {
    await openMilestone(p, "drivers", "Beta release");
    await p.getByRole("link", { name: "Change this milestone" }).click();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(/Change a milestone/);
  }
  await fillPeriod(page, "Target date", "A month", { Month: "5", Year: "2022" });
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/done=milestone-saved/);

  await admin.getByRole("radio", { name: "At risk" }).check();
  await admin.getByLabel("Notes (optional)").fill("Supplier delay");
  await admin.getByRole("button", { name: "Save milestone" }).click();
  const conflict = admin.getByRole("alert").filter({ hasText: "Someone else changed this milestone while you were editing it" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(DEMO.editor);
  await expect(conflict).toContainText(/Forecast:\s*March 2022\s*→\s*changed to\s*May 2022/);
  // Their own input is kept to retry.
  await expect(admin.getByRole("radio", { name: "At risk" })).toBeChecked();
  await expect(admin.getByLabel("Notes (optional)")).toHaveValue("Supplier delay");
  await expectNoAxeViolations(admin);

  // Saving again is a deliberate choice, made with the other's change in view.
  await admin.getByRole("button", { name: "Save milestone" }).click();
  await expect(admin).toHaveURL(/done=milestone-saved/);

  // One audit event per accepted save: the editor's and the admin's retry, nothing for the refused one.
  await openMilestone(admin, "drivers", "Beta release");
  const history = admin.locator("#history + ol > li");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(DEMO.admin);
  await expect(history.nth(1)).toContainText(DEMO.editor);
  await admin.context().close();
});

test.describe("a committee clerk", () => {
  test.use({ role: "viewer" });

  test("sees no edit control, and cannot open an edit page", async ({ page }) => {
    await page.goto("/products/property");
    await expect(page.getByRole("link", { name: /Change|Add a|Remove|Record rollout/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Change history" })).toHaveCount(0);
    await page.getByRole("table", { name: "Milestones of Property" }).getByRole("link", { name: "Beta release" }).click();
    await expect(page.getByRole("link", { name: /Change|Remove/ })).toHaveCount(0);
    const response = await page.goto(page.url().replace(/\/?$/, "/edit"));
    expect(response?.status()).toBe(403);
    expect((await page.goto("/products/property/milestones/new"))?.status()).toBe(403);
  });

  test("a crafted post of the milestone form is refused and changes nothing", async ({ page, browser, baseURL }) => {
    // An editor's form carries the action's id; the clerk replays it with their own session.
    const editor = await signedIn(browser, baseURL!, DEMO.editor);
    await editor.goto("/products/person/milestones/new");
    const hidden = await editor.locator("form input[type=hidden]").evaluateAll((inputs) =>
      inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
    );
    const fields = {
      ...Object.fromEntries(hidden),
      title: "Crafted by a clerk",
      "forecast-precision": "month",
      "forecast-month": "1",
      "forecast-year": "2023",
      status: "on_track",
    };
    const post = (p: Page, title: string) =>
      p.request.post("/products/person/milestones/new", { multipart: { ...fields, title }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    // The replay is a real call of the action: made by the editor, it adds the milestone.
    expect([200, 303]).toContain((await post(editor, "Crafted by the editor")).status());
    const response = await post(page, "Crafted by a clerk");
    expect([303, 403, 404]).toContain(response.status());
    await editor.goto("/products/person");
    const milestones = editor.getByRole("table", { name: "Milestones of Person" });
    await expect(milestones.getByRole("link", { name: "Crafted by the editor" })).toHaveCount(1);
    await expect(editor.getByText("Crafted by a clerk")).toHaveCount(0);
    await editor.context().close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an editor changes a milestone's status, sees an error summary, and adds a milestone", async ({ page }) => {
    await openMilestone(page, "person", "Discovery and alpha conclude for the first person product");
    await page.getByRole("link", { name: "Change this milestone" }).click();
    await page.getByRole("radio", { name: "Done" }).check();
    await page.getByRole("button", { name: "Save milestone" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the date the milestone was done");
    await expect(page.getByRole("radio", { name: "Done" })).toBeChecked();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("radio", { name: "On track" }).check();
    await page.getByRole("button", { name: "Save milestone" }).click();
    await expect(page).toHaveURL(/\/products\/person\?done=milestone-saved/);
    await expect(page.getByRole("table", { name: /Milestones of Person/ }).getByRole("row", { name: /Discovery and alpha/ })).toContainText("On track");

    await page.goto("/products/audit/milestones/new");
    await page.getByLabel("Milestone").fill("Alpha concludes");
    await fillPeriod(page, "Target date", "A half-year", { Half: "2", Year: "2022" });
    await page.getByRole("radio", { name: "Not started" }).check();
    await page.getByRole("button", { name: "Save milestone" }).click();
    await expect(page).toHaveURL(/\/products\/audit\?done=milestone-added/);
    await expect(page.getByRole("row", { name: /Alpha concludes/ })).toContainText("H2 2022");
  });
});
