/**
 * Programme staff edit the rest of the roadmap in the browser: products (with their family), planned
 * phases, rollout (figures, targets, each force's go-live date), dependencies and programme-level
 * factors. Bad input is refused at the field with the input kept, removals say what else goes, a save
 * based on an old version is refused with the other person's change shown, every change is in the
 * audit trail, and a committee clerk can neither see nor use any of it.
 *
 * Other specs share this server and database, so these tests work on products and factors of their
 * own (named with RUN), and change nothing the others read, except the 38 forces of Photographs at
 * the Roadside in the working draft (clerks still read the published update).
 */
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from "./support/axe";
import { fillDate, fillPeriod, signedIn, today } from "./support/forms";
import { DEMO, expect, test } from "./support/fixtures";

test.describe.configure({ mode: "serial" });
test.use({ role: "editor" });

const RUN = Date.now().toString(36);
/** Adds a product through the form and returns its slug (from the page it lands on). */
async function addProduct(page: Page, name: string, description = `A product added by the browser tests (${RUN}).`): Promise<string> {
  await page.goto("/products/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description", { exact: true }).fill(description);
  await page.getByRole("radio", { name: "Discovery", exact: true }).check();
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page).toHaveURL(/\/products\/[^/?]+\?done=product-added/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return new URL(page.url()).pathname.split("/")[2]!;
}

const productTable = (page: Page) => page.getByRole("table", { name: "Products in the working draft" });
const rowheader = (page: Page, name: string) => page.getByRole("rowheader", { name: new RegExp(`^${escape(name)}`) });
const productRow = (page: Page, name: string) => productTable(page).getByRole("rowheader", { name: new RegExp(`^${escape(name)}`) });
const dependencyTable = (page: Page, name: string) => page.getByRole("table", { name: `What ${name} depends on` });
const factorTable = (page: Page) => page.getByRole("table", { name: "Programme-level dependencies" });

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Makes a record through the JSON API with the page's session, for tests whose subject is changing or removing it. */
async function made(page: Page, path: string, data: unknown): Promise<{ id: number; slug: string; version: number }> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as { id: number; slug: string; version: number };
}

test("an editor adds a product, sees it on the overview, puts it in Person's family, and a duplicate name is refused at the field", async ({ page }) => {
  const name = `Fingerprints ${RUN}`;
  await page.goto("/");
  await page.getByRole("link", { name: "Add a product" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a product");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description", { exact: true }).fill("Fingerprint searches from the roadside.");
  await page.getByRole("radio", { name: "Discovery", exact: true }).check();
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page).toHaveURL(/\/products\/fingerprints-[a-z0-9-]+\?done=product-added/);
  await expect(page.getByRole("status")).toContainText("The product has been added");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText("Fingerprint searches from the roadside.").first()).toBeVisible();

  // Programme staff read the working draft: the new product is on the overview straight away.
  await page.goto("/");
  await expect(productRow(page, name)).toBeVisible();
  await expect(productTable(page).getByRole("row").filter({ has: rowheader(page, name) })).toContainText("Discovery");

  // Change its details, and make it part of Person's family.
  await productRow(page, name).getByRole("link", { name }).click();
  await page.getByRole("link", { name: `Change ${name}'s details` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Change the product's details");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expectNoAxeViolations(page);
  await page.getByLabel("Description", { exact: true }).fill("Fingerprint searches from the roadside, against IDENT1.");
  await page.getByRole("radio", { name: "Alpha", exact: true }).check();
  await page.getByLabel("Part of a product family (optional)").selectOption({ label: "Person" });
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/\?done=product-saved/);
  await expect(page.getByRole("status")).toContainText("The product's details have been saved");
  await expect(page.getByText("Fingerprint searches from the roadside, against IDENT1.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Person", exact: true })).toBeVisible();
  await expect(page.locator("dl").first()).toContainText(/Part of\s*Person/);
  await expect(page.locator("dl").first()).toContainText(/Phase\s*Alpha/);
  await expect(page.locator("#history ~ ol").first()).toContainText(/Description:\s*Fingerprint searches from the roadside\.\s*→\s*changed to\s*Fingerprint searches from the roadside, against IDENT1\./);

  // On the overview it is grouped under Person: the row straight after Person's, indented.
  await page.goto("/");
  const names = (await productTable(page).getByRole("rowheader").allTextContents()).map((t) => t.trim());
  const person = names.findIndex((n) => n.startsWith("Person"));
  expect(person).toBeGreaterThanOrEqual(0);
  expect(names.findIndex((n) => n.startsWith(name))).toBe(person + 1);
  await expect(productRow(page, name)).toHaveClass(/pl-6/);
  await expect(productRow(page, "Person")).not.toHaveClass(/pl-6/);

  // The same name in other letters is refused at the field, and what was typed is kept.
  await page.goto("/products/new");
  await page.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
  await page.getByLabel("Description", { exact: true }).fill("A second try.");
  await page.getByRole("radio", { name: "Beta", exact: true }).check();
  await page.getByRole("button", { name: "Add product" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText(`There is already a product called ${name}`);
  await expect(page.locator("#name-error")).toContainText(`There is already a product called ${name}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name.toUpperCase());
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("A second try.");
  await expect(page.getByRole("radio", { name: "Beta", exact: true })).toBeChecked();
  await expect(page).toHaveURL(/\/products\/new$/);
  await expectNoAxeViolations(page);
  await page.goto("/");
  await expect(productRow(page, name)).toHaveCount(1);
  await expect(productRow(page, name.toUpperCase())).toHaveCount(0);
});

test("an editor plans a phase from April 2022 to Q4 2022, an end before the start is refused, and removes the phase after confirming", async ({ page }) => {
  const name = `Biometrics ${RUN}`;
  const slug = await addProduct(page, name);
  await page.getByRole("link", { name: "Add a phase to the plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Add a phase to the plan");
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: "Beta", exact: true }).check();
  await fillPeriod(page, "From (optional)", "A month", { Month: "4", Year: "2022" });
  await fillPeriod(page, "To (optional)", "A month", { Month: "1", Year: "2022" });
  await page.getByRole("button", { name: "Add phase" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The end must not be before the start");
  await expect(page.locator("#end-error")).toContainText("The end must not be before the start");
  await expect(page.locator("#start-error")).toHaveCount(0);
  const to = page.getByRole("group", { name: "To (optional)" });
  await expect(to.getByLabel("Month", { exact: true })).toHaveValue("1");
  await expect(page.getByRole("group", { name: "From (optional)" }).getByLabel("Month", { exact: true })).toHaveValue("4");
  await expect(page.getByRole("radio", { name: "Beta", exact: true })).toBeChecked();
  await expectNoAxeViolations(page);

  await fillPeriod(page, "To (optional)", "A quarter", { Quarter: "4", Year: "2022" });
  await page.getByRole("button", { name: "Add phase" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${slug}\\?done=span-added#phase-plan$`));
  await expect(page.getByRole("status")).toContainText("The phase has been added to the plan");
  const plan = page.getByRole("table", { name: `Planned phases of ${name}` });
  const beta = plan.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Beta", exact: true }) });
  await expect(beta).toContainText("April 2022");
  await expect(beta).toContainText("Q4 2022");

  await beta.getByRole("link", { name: "Change the Beta phase" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Change the planned Beta phase");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Remove this phase from the plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove the planned Beta phase?");
  await expect(page.getByText("It is planned from April 2022, to Q4 2022.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove it from the plan" }).click();
  await expect(page).toHaveURL(/done=span-removed/);
  await expect(page.getByRole("status")).toContainText("The planned phase has been removed");
  await expect(plan.getByRole("rowheader", { name: "Beta", exact: true })).toHaveCount(0);
});

test("an editor records Photographs at the Roadside live in 38 forces, and 46 is refused", async ({ page }) => {
  const now = today();
  await page.goto("/products/photographs-at-the-roadside");
  await page.getByRole("link", { name: "Record rollout of Photographs at the Roadside" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rollout to police forces");
  await expectNoAxeViolations(page);

  await fillDate(page, "Date of the figure", now.day, now.month, now.year);
  await page.getByLabel("Forces live, out of 45").fill("46");
  for (const nation of ["England", "Wales"]) await page.getByRole("checkbox", { name: nation }).check();
  await page.getByRole("button", { name: "Record figure" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Forces live must be between 0 and 45");
  await expect(page.locator("#forcesLive-error")).toContainText("between 0 and 45");
  await expect(page.getByLabel("Forces live, out of 45")).toHaveValue("46");
  await expect(page.getByRole("checkbox", { name: "Wales" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Date of the figure" }).getByLabel("Day")).toHaveValue(now.day);
  await expectNoAxeViolations(page);

  await page.getByLabel("Forces live, out of 45").fill("38");
  await page.getByRole("button", { name: "Record figure" }).click();
  await expect(page).toHaveURL(/\/rollout\?done=observation-added#observations$/);
  await expect(page.getByRole("status")).toContainText("The rollout figure has been recorded");
  const figures = page.getByRole("table", { name: "Forces live as reported, oldest first" });
  await expect(figures.getByRole("row").filter({ has: page.getByRole("rowheader", { name: now.long }) }).last()).toContainText("38 of 45");

  await page.goto("/products/photographs-at-the-roadside");
  await expect(page.getByText(`38 of 45 police forces live on ${now.long}`)).toBeVisible();
  await page.goto("/");
  await expect(page.getByText(`38 of 45 police forces live on ${now.long}`)).toBeVisible();
});

test("an editor sets a rollout target, and records two forces' go-live dates so the count is derived from them", async ({ page }) => {
  const name = `Mobile search ${RUN}`;
  const slug = await addProduct(page, name);
  await page.getByRole("link", { name: `Record rollout to police forces of ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${slug}/rollout$`));
  await expectNoAxeViolations(page);

  // A target, still to come.
  const year = String(Number(today().year) + 1);
  await fillPeriod(page, "Target date", "A year", { Year: year });
  await page.getByLabel("Forces expected to be live, out of 45").fill("0");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The target must be between 1 and 45 forces");
  await expect(page.getByLabel("Forces expected to be live, out of 45")).toHaveValue("0");
  await expectNoAxeViolations(page);
  await page.getByLabel("Forces expected to be live, out of 45").fill("40");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page).toHaveURL(/done=target-added#targets$/);
  const targets = page.getByRole("table", { name: "Forces expected to be live, by date" });
  await expect(targets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `By end of ${year}` }) })).toContainText("40 of 45");
  await expect(page.getByText(`Target: 40 forces by end of ${year}.`)).toBeVisible();

  // Two forces' go-live dates, with the ampersand and the Welsh name as typed.
  await expect(page.getByRole("rowheader", { name: "Devon & Cornwall Police", exact: true })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Dyfed-Powys Police (Heddlu Dyfed-Powys)", exact: true })).toBeVisible();
  await page.getByLabel("Day Devon & Cornwall Police went live").fill("1");
  await page.getByLabel("Month Devon & Cornwall Police went live").fill("10");
  await page.getByLabel("Year Devon & Cornwall Police went live").fill("2021");
  await page.getByLabel("Day Dyfed-Powys Police (Heddlu Dyfed-Powys) went live").fill("15");
  await page.getByLabel("Month Dyfed-Powys Police (Heddlu Dyfed-Powys) went live").fill("11");
  await page.getByLabel("Year Dyfed-Powys Police (Heddlu Dyfed-Powys) went live").fill("2021");
  await page.getByRole("button", { name: "Save go-live dates" }).click();
  await expect(page).toHaveURL(/done=go-lives-saved#go-lives$/);
  await expect(page.getByRole("status")).toContainText("The forces' go-live dates have been saved");
  await expect(page.getByText("Go-live dates are recorded for 2 of 45 forces")).toBeVisible();
  await expect(page.getByText(/^2 of 45 police forces live on 15 November 2021 \(4%\), counted from each force's go-live date\.$/)).toBeVisible();
  await expect(page.getByText("Devon & Cornwall Police — live 1 October 2021")).toBeVisible();
  await expect(page.getByText("Dyfed-Powys Police (Heddlu Dyfed-Powys) — live 15 November 2021")).toBeVisible();
  await expect(page.getByLabel("Day Devon & Cornwall Police went live")).toHaveValue("1");
  await expect(page.locator("main")).not.toContainText("&amp;");
  // While dates are recorded, a figure cannot also be typed: the count would be kept twice.
  await expect(page.getByRole("button", { name: "Record figure" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto(`/products/${slug}`);
  await expect(page.getByText(/^2 of 45 police forces live on 15 November 2021/)).toBeVisible();
  await expect(page.getByText("Devon & Cornwall Police — live 1 October 2021")).toBeVisible();

  // The target is removed after confirming.
  await page.goto(`/products/${slug}/rollout`);
  await page.getByRole("link", { name: `Remove the target of 40 forces by end of ${year}` }).click();
  await expect(page).toHaveURL(/\?remove=target-\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove this target?");
  await expect(page.getByText(`40 of 45 forces by end of ${year}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove target" }).click();
  await expect(page).toHaveURL(/done=target-removed#targets$/);
  await expect(page.getByText(`No targets are set for ${name}.`)).toBeVisible();
});

test("an editor adds dependencies on a product and a programme factor, a duplicate is refused, then changes one and removes it", async ({ page }) => {
  const name = `Custody ${RUN}`;
  const slug = await addProduct(page, name);
  const platform = "A secure and flexible platform able to support agile development";

  await page.getByRole("link", { name: "Add a dependency" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Add a dependency");
  await expectNoAxeViolations(page);
  // Nothing chosen: refused at the field.
  await page.getByLabel("Owner (optional)").fill("Data team");
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Select what the product depends on");
  await expect(page.locator("#on-error")).toContainText("Select what the product depends on");
  await expect(page.getByLabel("Owner (optional)")).toHaveValue("Data team");
  await expectNoAxeViolations(page);
  await page.getByLabel("Depends on").selectOption({ label: "Vehicles" });
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${slug}\\?done=dependency-added#dependencies$`));
  await expect(page.getByRole("status")).toContainText("The dependency has been added");
  const deps = dependencyTable(page, name);
  await expect(deps.getByRole("row").filter({ hasText: "Vehicles" })).toContainText("Not assessed");
  await expect(deps.getByRole("row").filter({ hasText: "Vehicles" })).toContainText("Data team");

  await page.getByRole("link", { name: "Add a dependency" }).click();
  await page.getByLabel("Depends on").selectOption({ label: platform });
  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-added/);
  await expect(deps.getByRole("row").filter({ hasText: `Programme dependency: ${platform}` })).toContainText("On track");

  // The same product again: refused, with the choice kept.
  await page.getByRole("link", { name: "Add a dependency" }).click();
  await page.getByLabel("Depends on").selectOption({ label: "Vehicles" });
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page.locator("#on-error")).toContainText(`${name} already depends on Vehicles`);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(`${name} already depends on Vehicles`);
  await expect(page.getByLabel("Depends on")).toHaveValue("product:vehicles");
  await expectNoAxeViolations(page);
  await page.goto(`/products/${slug}`);
  await expect(deps.getByRole("row").filter({ hasText: "Vehicles" })).toHaveCount(1);

  // Change its status and owner.
  await deps.getByRole("row").filter({ hasText: "Vehicles" }).getByRole("link", { name: "Change this dependency" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Change a dependency");
  await expect(page.getByLabel("Depends on")).toHaveValue("product:vehicles");
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "At risk" }).check();
  await page.getByLabel("Owner (optional)").fill("DVLA integration team");
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-saved#dependencies$/);
  const vehicles = deps.getByRole("row").filter({ hasText: "Vehicles" });
  await expect(vehicles).toContainText("At risk");
  await expect(vehicles).toContainText("DVLA integration team");

  // Remove it after confirming; the other stays.
  await vehicles.getByRole("link", { name: "Change this dependency" }).click();
  await expect(page.locator("#history + ol > li")).toHaveCount(2);
  await page.getByRole("link", { name: "Remove this dependency" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove this dependency?");
  await expect(page.locator("main dl")).toContainText(/Depends on:\s*Product: Vehicles/);
  await expect(page.locator("main dl")).toContainText(/Status:\s*At risk/);
  await expect(page.locator("main dl")).toContainText(/Owner:\s*DVLA integration team/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-removed#dependencies$/);
  await expect(deps.getByRole("row").filter({ hasText: "Vehicles" })).toHaveCount(0);
  await expect(deps.getByRole("row").filter({ hasText: platform })).toHaveCount(1);
});

test("an editor adds a programme dependency, changes its status, and removes it with the products' dependencies on it", async ({ page }) => {
  const title = `National identity matching ${RUN}`;
  await page.goto("/");
  await page.getByRole("link", { name: "Add a programme dependency" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Add a programme dependency");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save programme dependency" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Enter the title");
  await expect(summary).toContainText("Enter a description");
  await expect(page.locator("#title-error")).toContainText("Enter the title");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description", { exact: true }).fill("A matching service shared by every product.");
  await page.getByRole("button", { name: "Save programme dependency" }).click();
  await expect(page).toHaveURL(/\/\?done=factor-added#dependencies$/);
  await expect(page.getByRole("status")).toContainText("The programme dependency has been added");
  const row = factorTable(page).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Not assessed");
  await expect(row).toContainText("A matching service shared by every product.");

  // A product of ours depends on it.
  const product = `Intelligence ${RUN}`;
  const slug = await addProduct(page, product);
  await page.goto(`/products/${slug}/dependencies/new`);
  await page.getByLabel("Depends on").selectOption({ label: title });
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-added/);
  await expect(dependencyTable(page, product)).toContainText(`Programme dependency: ${title}`);

  // Change its status and owner.
  await page.goto("/");
  await row.getByRole("link", { name: `Change ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Change a programme dependency");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Blocked" }).check();
  await page.getByLabel("Owner (optional)").fill("Home Office Biometrics");
  await page.getByRole("button", { name: "Save programme dependency" }).click();
  await expect(page).toHaveURL(/\/\?done=factor-saved#dependencies$/);
  await expect(row).toContainText("Blocked");
  await expect(row).toContainText("Home Office Biometrics");

  // Removing it says which products' dependencies go with it.
  await row.getByRole("link", { name: `Change ${title}` }).click();
  await expect(page.locator("#history + ol > li")).toHaveCount(2);
  await page.getByRole("link", { name: "Remove this programme dependency" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Are you sure you want to remove “${title}”?`);
  await expect(page.getByText("This also removes 1 product’s dependency on it:")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${product} depends on this programme dependency` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, remove programme dependency" }).click();
  await expect(page).toHaveURL(/\/\?done=factor-removed#dependencies$/);
  await expect(page.getByRole("status")).toContainText("The programme dependency has been removed");
  await expect(factorTable(page).getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await expect(factorTable(page).getByRole("row").filter({ hasText: "A secure and flexible platform able to support agile development" })).toHaveCount(1);
  await page.goto(`/products/${slug}`);
  await expect(page.getByText(`No dependencies are recorded for ${product}.`)).toBeVisible();
});

test("removing a product says what else goes with it, and after confirming it is gone from the overview", async ({ page }) => {
  const name = `Firearms licensing ${RUN}`;
  const other = `Warrants ${RUN}`;
  const otherSlug = await addProduct(page, other);
  const slug = await addProduct(page, name);

  await page.getByRole("link", { name: "Add a milestone" }).click();
  await page.getByLabel("Milestone").fill("Private beta opens");
  await fillPeriod(page, "Target date", "A month", { Month: "6", Year: "2022" });
  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/done=milestone-added/);
  await page.goto(`/products/${slug}/dependencies/new`);
  await page.getByLabel("Depends on").selectOption({ label: "Drivers" });
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-added/);
  // Another product depends on this one.
  await page.goto(`/products/${otherSlug}/dependencies/new`);
  await page.getByLabel("Depends on").selectOption({ label: name });
  await page.getByRole("button", { name: "Save dependency" }).click();
  await expect(page).toHaveURL(/done=dependency-added/);

  await page.goto(`/products/${slug}`);
  await page.getByRole("link", { name: `Change ${name}'s details` }).click();
  await page.getByRole("link", { name: "Remove this product" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Are you sure you want to remove ${name}?`);
  await expect(page.getByText("This also removes:")).toBeVisible();
  const goes = page.locator("main ul").last();
  await expect(goes.getByRole("listitem")).toHaveText([
    "The milestone “Private beta opens”",
    "Its dependency on the product Drivers",
    `${other}'s dependency on the product ${name}`,
  ]);
  await expectNoAxeViolations(page);
  // "No, keep it" keeps it.
  await page.getByRole("link", { name: "No, keep it" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${slug}$`));

  await page.goto(`/products/${slug}/remove`);
  await page.getByRole("button", { name: `Yes, remove ${name}` }).click();
  await expect(page).toHaveURL(/\/\?done=product-removed$/);
  await expect(page.getByRole("status")).toContainText("The product has been removed");
  await expect(productRow(page, name)).toHaveCount(0);
  await expect(productRow(page, other)).toHaveCount(1);
  expect((await page.goto(`/products/${slug}`))?.status()).toBe(404);
  await page.goto(`/products/${otherSlug}`);
  await expect(page.getByText(`No dependencies are recorded for ${other}.`)).toBeVisible();
});

test("two people change the same product: the second save is refused naming the first, with the input kept", async ({ page, browser, baseURL }) => {
  const name = `Penalty notices ${RUN}`;
  const slug = await addProduct(page, name, "Fixed penalty notices issued at the roadside.");
  const admin = await signedIn(browser, baseURL!, DEMO.admin);
  for (const p of [page, admin]) {
    await p.goto(`/products/${slug}/edit`);
    await expect(p.getByRole("heading", { level: 1 })).toContainText("Change the product's details");
  }
  await page.getByLabel("Description", { exact: true }).fill("Fixed penalty notices, issued and paid at the roadside.");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/done=product-saved/);

  await admin.getByLabel("Name", { exact: true }).fill(`${name} (renamed)`);
  await admin.getByRole("radio", { name: "Alpha", exact: true }).check();
  await admin.getByRole("button", { name: "Save product" }).click();
  const conflict = admin.getByRole("alert").filter({ hasText: "Someone else changed this product while you were editing it" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(DEMO.editor);
  await expect(conflict).toContainText(/Description:\s*Fixed penalty notices issued at the roadside\.\s*→\s*changed to\s*Fixed penalty notices, issued and paid at the roadside\./);
  await expect(admin.getByLabel("Name", { exact: true })).toHaveValue(`${name} (renamed)`);
  await expect(admin.getByRole("radio", { name: "Alpha", exact: true })).toBeChecked();
  await expectNoAxeViolations(admin);

  // Nothing of the admin's was saved.
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("(renamed)");
  await expect(page.locator("dl").first()).toContainText(/Phase\s*Discovery/);

  // Saving again, with the first change in view, is a deliberate choice, and is saved.
  await admin.getByRole("button", { name: "Save product" }).click();
  await expect(admin).toHaveURL(/done=product-saved/);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(`${name} (renamed)`);
  await admin.context().close();
});

test("the audit trail lists the product changes, for an administrator", async ({ page, browser, baseURL }) => {
  const name = `Roads policing ${RUN}`;
  const slug = await addProduct(page, name);
  await page.goto(`/products/${slug}/edit`);
  await page.getByRole("radio", { name: "Alpha", exact: true }).check();
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/done=product-saved/);

  const admin = await signedIn(browser, baseURL!, DEMO.admin);
  await admin.goto("/admin/audit");
  await admin.getByLabel("Entity").selectOption("product");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/entity=product/);
  const events = admin.getByRole("table", { name: "Audit events, newest first" });
  const created = events.getByRole("row").filter({ hasText: "product.created" }).filter({ hasText: name });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(DEMO.editor);
  const updated = events.getByRole("row").filter({ hasText: "product.updated" }).filter({ hasText: name });
  await expect(updated.first()).toContainText(DEMO.editor);
  await expect(updated.first()).toContainText('"currentPhaseKey":"alpha"');
  const entities = await events.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(entities.every((e) => e.startsWith("product"))).toBe(true);
  await expectNoAxeViolations(admin);
  await admin.context().close();
});

test("names with HTML and script in them are stored as typed and shown as text on the overview, the timeline, the change history and the audit page", async ({ page, browser, baseURL }) => {
  // Attributes unquoted, so the audit page's JSON shows the names character for character.
  const name = `<b id=xss-p-${RUN}>Bold</b><script>window.xssRan = 1</script> Tickets ${RUN}`;
  const title = `<img id=xss-m-${RUN} src=x> & <i>Go live</i>`;
  const slug = await addProduct(page, name);
  await page.getByRole("link", { name: "Add a milestone" }).click();
  await page.getByLabel("Milestone").fill(title);
  await fillPeriod(page, "Target date", "A month", { Month: "6", Year: "2022" });
  await page.getByRole("radio", { name: "On track" }).check();
  await page.getByRole("button", { name: "Save milestone" }).click();
  await expect(page).toHaveURL(/done=milestone-added/);

  /** The text is there as typed, and none of it became an element or ran. */
  const shownAsText = async (p: Page, where: string, texts: string[]) => {
    for (const text of texts) await expect(p.getByText(text).first(), `${where}: ${text}`).toBeVisible();
    await expect(p.locator(`#xss-p-${RUN}, #xss-m-${RUN}`), where).toHaveCount(0);
    expect(await p.evaluate(() => (window as unknown as { xssRan?: number }).xssRan), where).toBeUndefined();
  };

  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator("#history ~ ol").first()).toContainText(`Product added: ${name}`);
  await shownAsText(page, "product page", [name, title]);
  await page.getByRole("table", { name: `Milestones of ${name}` }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.locator("#history + ol > li").first()).toContainText(`Milestone added: ${title}`);
  await shownAsText(page, "milestone page", [name, title]);

  await page.goto("/");
  await expect(productRow(page, name)).toBeVisible();
  await shownAsText(page, "overview", [name]);

  await page.goto(`/timeline?product=${encodeURIComponent(slug)}`);
  await expect(page.getByRole("table", { name: "Timeline as a table" }).getByRole("row", { name: new RegExp(`Milestone: ${escape(title)}`) })).toContainText("June 2022");
  await shownAsText(page, "timeline", [name, title]);

  const admin = await signedIn(browser, baseURL!, DEMO.admin);
  for (const entity of ["product", "milestone"]) {
    await admin.goto(`/admin/audit?entity=${entity}&person=${encodeURIComponent(DEMO.editor)}`);
    const events = admin.getByRole("table", { name: "Audit events, newest first" });
    await expect(events.getByRole("row").filter({ hasText: entity === "product" ? `"name":"${name}"` : `"title":"${title}"` })).toHaveCount(1);
    await shownAsText(admin, `audit page (${entity})`, [entity === "product" ? name : title]);
  }
  await admin.context().close();
});

test("the go-live form with an error shown, and the confirmation to remove a figure, pass axe", async ({ page }) => {
  const name = `Roadside drug tests ${RUN}`;
  const product = await made(page, "/api/v1/products", { name, description: "Drug test results.", currentPhaseKey: "beta" });
  await made(page, `/api/v1/products/${product.slug}/rollout/observations`, { observedOn: "2021-10-01", forcesLive: 4 });
  await page.goto(`/products/${product.slug}/rollout`);
  await page.getByLabel("Day Kent Police went live").fill("31");
  await page.getByLabel("Month Kent Police went live").fill("2");
  await page.getByLabel("Year Kent Police went live").fill("2021");
  await page.getByLabel("Day Devon & Cornwall Police went live").fill("1");
  await page.getByLabel("Month Devon & Cornwall Police went live").fill("13");
  await page.getByLabel("Year Devon & Cornwall Police went live").fill("2021");
  await page.getByRole("button", { name: "Save go-live dates" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("listitem")).toHaveCount(2);
  await expect(summary).toContainText("The date Kent Police went live must be a real date");
  await expect(page.getByLabel("Day Kent Police went live")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.goto(`/products/${product.slug}/rollout`);
  await page.getByRole("link", { name: "Remove the figure of 1 October 2021" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove this figure?");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "No, keep it" }).click();
  await expect(page.getByRole("table", { name: "Forces live as reported, oldest first" }).getByRole("rowheader", { name: "1 October 2021" })).toBeVisible();
});

test.describe("a committee clerk", () => {
  test.use({ role: "viewer" });

  test("sees no edit control on the overview or a product page, and cannot open the forms", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /Change|Add a|Remove|Record rollout/ })).toHaveCount(0);
    await page.goto("/products/photographs-at-the-roadside");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Photographs at the Roadside");
    await expect(page.getByRole("link", { name: /Change|Add a|Remove|Record rollout/ })).toHaveCount(0);
    // The clerk reads the published update: the working draft's 38 is not shown.
    await expect(page.getByText("22 of 45 police forces live on 7 October 2021")).toBeVisible();
    for (const path of ["/products/new", "/products/photographs-at-the-roadside/edit", "/products/photographs-at-the-roadside/rollout", "/products/vehicles/dependencies/new", "/products/vehicles/spans/new", "/factors/new"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });

  test("a crafted post of the product form is refused and adds nothing", async ({ page, browser, baseURL }) => {
    const editor = await signedIn(browser, baseURL!, DEMO.editor);
    await editor.goto("/products/new");
    const hidden = await editor.locator("form input[type=hidden]").evaluateAll((inputs) =>
      inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const fields = { ...Object.fromEntries(hidden), description: "Replayed form.", currentPhaseKey: "discovery", parentSlug: "" };
    const post = (p: Page, name: string) =>
      p.request.post("/products/new", { multipart: { ...fields, name }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    // The replay is a real call of the action: made by the editor, it adds the product.
    expect([200, 303]).toContain((await post(editor, `Replayed by the editor ${RUN}`)).status());
    const response = await post(page, `Crafted by a clerk ${RUN}`);
    expect([303, 403, 404]).toContain(response.status());
    await editor.goto("/");
    await expect(productRow(editor, `Replayed by the editor ${RUN}`)).toHaveCount(1);
    await expect(editor.getByText(`Crafted by a clerk ${RUN}`)).toHaveCount(0);
    expect((await editor.goto(`/products/crafted-by-a-clerk-${RUN}`))?.status()).toBe(404);
    await editor.context().close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an editor adds a product, a planned phase, a rollout figure and a dependency, each after an error", async ({ page }) => {
    const name = `Court results ${RUN}`;
    // The product form.
    await page.goto("/products/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add product" }).click();
    let summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter a description");
    await expect(summary).toContainText("Select the current phase");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Description", { exact: true }).fill("Court results sent to the police.");
    await page.getByRole("radio", { name: "Pre-Discovery", exact: true }).check();
    await page.getByRole("button", { name: "Add product" }).click();
    await expect(page).toHaveURL(/\/products\/court-results-[a-z0-9-]+\?done=product-added/);
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

    // The span form.
    await page.goto(`/products/${slug}/spans/new`);
    await page.getByRole("radio", { name: "Alpha", exact: true }).check();
    await fillPeriod(page, "From (optional)", "A quarter", { Quarter: "3", Year: "2022" });
    await fillPeriod(page, "To (optional)", "A month", { Month: "6", Year: "2022" });
    await page.getByRole("button", { name: "Add phase" }).click();
    summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("The end must not be before the start");
    await expect(page.getByRole("group", { name: "From (optional)" }).getByLabel("Quarter", { exact: true })).toHaveValue("3");
    await expectNoAxeViolationsWithoutJs(page);
    await fillPeriod(page, "To (optional)", "A half-year", { Half: "2", Year: "2022" });
    await page.getByRole("button", { name: "Add phase" }).click();
    await expect(page).toHaveURL(/done=span-added/);
    const alpha = page.getByRole("table", { name: `Planned phases of ${name}` }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Alpha", exact: true }) });
    await expect(alpha).toContainText("Q3 2022");
    await expect(alpha).toContainText("H2 2022");

    // The rollout figure form.
    await page.goto(`/products/${slug}/rollout`);
    await fillDate(page, "Date of the figure", "1", "3", "2022");
    await page.getByLabel("Forces live, out of 45").fill("46");
    await page.getByRole("button", { name: "Record figure" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Forces live must be between 0 and 45");
    await expect(page.getByLabel("Forces live, out of 45")).toHaveValue("46");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Forces live, out of 45").fill("12");
    await page.getByRole("button", { name: "Record figure" }).click();
    await expect(page).toHaveURL(/done=observation-added/);
    await expect(page.getByText("12 of 45 police forces live on 1 March 2022")).toBeVisible();

    // The dependency form.
    await page.goto(`/products/${slug}/dependencies/new`);
    await page.getByRole("button", { name: "Save dependency" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Select what the product depends on");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Depends on").selectOption({ label: "Person" });
    await page.getByRole("radio", { name: "Met" }).check();
    await page.getByRole("button", { name: "Save dependency" }).click();
    await expect(page).toHaveURL(/done=dependency-added/);
    await expect(dependencyTable(page, name).getByRole("row").filter({ hasText: "Person" })).toContainText("Met");
  });

  test("an editor changes a product, a planned phase, a dependency and a programme dependency, and removes a milestone, the phase and the dependency", async ({ page }) => {
    const name = `Warrant checks ${RUN}`;
    const product = await made(page, "/api/v1/products", { name, description: "Warrant checks at the roadside.", currentPhaseKey: "discovery" });
    const P = `/api/v1/products/${product.slug}`;
    const milestone = await made(page, `${P}/milestones`, { title: "Discovery ends", forecast: { precision: "month", on: "2022-05-31" }, status: "on_track" });
    const span = await made(page, `${P}/spans`, { phaseKey: "alpha", start: { precision: "month", on: "2022-06-30" } });
    const dependency = await made(page, `${P}/dependencies`, { on: { kind: "product", slug: "person" }, status: "on_track" });
    const factorTitle = `Warrant data feed ${RUN}`;
    const factor = await made(page, "/api/v1/factors", { title: factorTitle, description: "A feed of warrants.", status: "on_track" });
    const web = `/products/${product.slug}`;

    // The product's details, after an error.
    await page.goto(`${web}/edit`);
    await page.getByLabel("Description", { exact: true }).fill("");
    await page.getByRole("radio", { name: "Alpha", exact: true }).check();
    await page.getByRole("button", { name: "Save product" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a description");
    await expect(page.getByRole("radio", { name: "Alpha", exact: true })).toBeChecked();
    await page.getByLabel("Description", { exact: true }).fill("Warrant checks at the roadside, against the PNC.");
    await page.getByRole("button", { name: "Save product" }).click();
    await expect(page).toHaveURL(new RegExp(`${web}\\?done=product-saved`));
    await expect(page.getByText("Warrant checks at the roadside, against the PNC.").first()).toBeVisible();
    await expect(page.locator("dl").first()).toContainText(/Phase\s*Alpha/);

    // The planned phase: changed, then removed after confirming.
    await page.goto(`${web}/spans/${span.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Change the planned Alpha phase");
    await fillPeriod(page, "To (optional)", "A quarter", { Quarter: "1", Year: "2023" });
    await page.getByRole("button", { name: "Save phase" }).click();
    await expect(page).toHaveURL(/done=span-saved/);
    const plan = page.getByRole("table", { name: `Planned phases of ${name}` });
    const alpha = plan.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Alpha", exact: true }) });
    await expect(alpha).toContainText("June 2022");
    await expect(alpha).toContainText("Q1 2023");
    await alpha.getByRole("link", { name: "Change the Alpha phase" }).click();
    await page.getByRole("link", { name: "Remove this phase from the plan" }).click();
    await expect(page.getByText("It is planned from June 2022, to Q1 2023.")).toBeVisible();
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: "Yes, remove it from the plan" }).click();
    await expect(page).toHaveURL(/done=span-removed/);
    await expect(plan.getByRole("rowheader", { name: "Alpha", exact: true })).toHaveCount(0);

    // The dependency: changed, then removed after confirming.
    const deps = dependencyTable(page, name);
    await page.goto(`${web}/dependencies/${dependency.id}`);
    await page.getByRole("radio", { name: "At risk" }).check();
    await page.getByLabel("Owner (optional)").fill("PNC team");
    await page.getByRole("button", { name: "Save dependency" }).click();
    await expect(page).toHaveURL(/done=dependency-saved/);
    const person = deps.getByRole("row").filter({ hasText: "Person" });
    await expect(person).toContainText("At risk");
    await expect(person).toContainText("PNC team");
    await person.getByRole("link", { name: "Change this dependency" }).click();
    await page.getByRole("link", { name: "Remove this dependency" }).click();
    await expect(page.locator("main dl")).toContainText(/Owner:\s*PNC team/);
    await page.getByRole("button", { name: "Yes, remove dependency" }).click();
    await expect(page).toHaveURL(/done=dependency-removed/);
    await expect(page.getByText(`No dependencies are recorded for ${name}.`)).toBeVisible();

    // The milestone, removed after confirming.
    await page.goto(`${web}/milestones/${milestone.id}`);
    await page.getByRole("link", { name: "Remove this milestone" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove “Discovery ends”?");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: "Yes, remove milestone" }).click();
    await expect(page).toHaveURL(/done=milestone-removed/);
    await expect(page.getByText(`No dated milestones are recorded for ${name}.`)).toBeVisible();

    // The programme dependency's status and owner.
    await page.goto(`/factors/${factor.id}`);
    await page.getByRole("radio", { name: "Blocked" }).check();
    await page.getByLabel("Owner (optional)").fill("Warrants team");
    await page.getByRole("button", { name: "Save programme dependency" }).click();
    await expect(page).toHaveURL(/\/\?done=factor-saved/);
    const row = factorTable(page).getByRole("row").filter({ hasText: factorTitle });
    await expect(row).toContainText("Blocked");
    await expect(row).toContainText("Warrants team");
  });

  test("an editor sets a rollout target, records each force's go-live date after an error, and removes a figure", async ({ page }) => {
    const name = `Stop and search ${RUN}`;
    const product = await made(page, "/api/v1/products", { name, description: "Stop and search records.", currentPhaseKey: "beta" });
    await made(page, `/api/v1/products/${product.slug}/rollout/observations`, { observedOn: "2021-09-01", forcesLive: 5 });
    await made(page, `/api/v1/products/${product.slug}/rollout/observations`, { observedOn: "2021-10-01", forcesLive: 9 });
    await page.goto(`/products/${product.slug}/rollout`);
    await expect(page.getByText("9 of 45 police forces live on 1 October 2021")).toBeVisible();

    // A figure, removed after confirming: the one before it counts again.
    await page.getByRole("link", { name: "Remove the figure of 1 October 2021" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove this figure?");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByRole("button", { name: "Yes, remove figure" }).click();
    await expect(page).toHaveURL(/done=observation-removed#observations$/);
    await expect(page.getByRole("status")).toContainText("The rollout figure has been removed");
    await expect(page.getByText("5 of 45 police forces live on 1 September 2021")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "1 October 2021" })).toHaveCount(0);

    // A target.
    const year = String(Number(today().year) + 1);
    await fillPeriod(page, "Target date", "A year", { Year: year });
    await page.getByLabel("Forces expected to be live, out of 45").fill("30");
    await page.getByRole("button", { name: "Add target" }).click();
    await expect(page).toHaveURL(/done=target-added#targets$/);
    await expect(page.getByRole("table", { name: "Forces expected to be live, by date" }).getByRole("row").filter({ hasText: `By end of ${year}` })).toContainText("30 of 45");

    // Go-live dates: a date that does not exist is refused at the force, with every box kept.
    await page.getByLabel("Day Kent Police went live").fill("31");
    await page.getByLabel("Month Kent Police went live").fill("2");
    await page.getByLabel("Year Kent Police went live").fill("2021");
    await page.getByLabel("Day Devon & Cornwall Police went live").fill("3");
    await page.getByLabel("Month Devon & Cornwall Police went live").fill("8");
    await page.getByLabel("Year Devon & Cornwall Police went live").fill("2021");
    await page.getByRole("button", { name: "Save go-live dates" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary.getByRole("listitem")).toHaveText(["The date Kent Police went live must be a real date"]);
    await expect(page.getByLabel("Day Kent Police went live")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Day Kent Police went live")).toHaveValue("31");
    await expect(page.getByLabel("Day Devon & Cornwall Police went live")).toHaveValue("3");
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Day Kent Police went live").fill("28");
    await page.getByRole("button", { name: "Save go-live dates" }).click();
    await expect(page).toHaveURL(/done=go-lives-saved#go-lives$/);
    await expect(page.getByText(/^2 of 45 police forces live on 3 August 2021 \(4%\), counted from each force's go-live date\.$/)).toBeVisible();
    await expect(page.getByText("Kent Police — live 28 February 2021")).toBeVisible();
  });

  test("a stale save is refused with the other person's change shown and the input kept, and saving again saves", async ({ page, browser, baseURL }) => {
    const name = `Licence checks ${RUN}`;
    const product = await made(page, "/api/v1/products", { name, description: "Driving licence checks.", currentPhaseKey: "alpha" });
    const milestone = await made(page, `/api/v1/products/${product.slug}/milestones`, { title: "Private beta", forecast: { precision: "month", on: "2022-07-31" }, status: "on_track" });
    const edit = `/products/${product.slug}/milestones/${milestone.id}/edit`;
    await page.goto(edit);

    const admin = await signedIn(browser, baseURL!, DEMO.admin);
    await admin.goto(edit);
    await fillPeriod(admin, "Target date", "A month", { Month: "9", Year: "2022" });
    await admin.getByRole("button", { name: "Save milestone" }).click();
    await expect(admin).toHaveURL(/done=milestone-saved/);
    await admin.context().close();

    await page.getByRole("radio", { name: "At risk" }).check();
    await page.getByLabel("Notes (optional)").fill("Waiting for DVLA");
    await page.getByRole("button", { name: "Save milestone" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Someone else changed this milestone while you were editing it" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(DEMO.admin);
    await expect(conflict).toContainText(/Forecast:\s*July 2022\s*→\s*changed to\s*September 2022/);
    await expect(page.getByRole("radio", { name: "At risk" })).toBeChecked();
    await expect(page.getByLabel("Notes (optional)")).toHaveValue("Waiting for DVLA");
    await expectNoAxeViolationsWithoutJs(page);
    // Nothing of the refused save was written.
    const read = await page.request.get(`/api/v1/products/${product.slug}/milestones/${milestone.id}`);
    expect(await read.json()).toMatchObject({ status: "on_track", notes: "", forecast: { precision: "month", on: "2022-09-30" } });

    await page.getByRole("button", { name: "Save milestone" }).click();
    await expect(page).toHaveURL(/done=milestone-saved/);
    const row = page.getByRole("table", { name: `Milestones of ${name}` }).getByRole("row", { name: /Private beta/ });
    await expect(row).toContainText("At risk");
    await expect(row).toContainText("Waiting for DVLA");
  });

  test("an editor adds a programme dependency after an error, and removes it", async ({ page }) => {
    const title = `Shared address lookup ${RUN}`;
    await page.goto("/factors/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Save programme dependency" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a description");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
    await expectNoAxeViolationsWithoutJs(page);
    await page.getByLabel("Description", { exact: true }).fill("One address service for every product.");
    await page.getByRole("button", { name: "Save programme dependency" }).click();
    await expect(page).toHaveURL(/\/\?done=factor-added#dependencies$/);
    const row = factorTable(page).getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("Not assessed");

    await row.getByRole("link", { name: `Change ${title}` }).click();
    await page.getByRole("link", { name: "Remove this programme dependency" }).click();
    await expect(page.getByText("No product depends on it.")).toBeVisible();
    await page.getByRole("button", { name: "Yes, remove programme dependency" }).click();
    await expect(page).toHaveURL(/done=factor-removed/);
    await expect(factorTable(page).getByRole("row").filter({ hasText: title })).toHaveCount(0);
  });
});
