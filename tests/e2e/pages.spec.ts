import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";

const PRODUCTS = [
  ["photographs-at-the-roadside", "Photographs at the Roadside"],
  ["property", "Property"],
  ["drivers", "Drivers"],
  ["person", "Person"],
  ["audit", "Audit"],
  ["vehicles", "Vehicles"],
] as const;

const PAGES = ["/", "/roadmap", "/timeline", "/updates", "/updates/2021-q4", "/updates/2021-q4/print", ...PRODUCTS.map(([slug]) => `/products/${slug}`)];

for (const path of PAGES) {
  test(`${path} renders and passes axe`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
}

test("the overview lists the six products with phase, next milestone and status, and the three dependencies", async ({ page }) => {
  await page.goto("/");
  const products = page.getByRole("table", { name: "The first 6 product areas" });
  for (const [, name] of PRODUCTS) await expect(products.getByRole("rowheader", { name: new RegExp(`^${name}`) })).toBeVisible();
  const row = (name: string) => products.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row("Property")).toContainText("Alpha");
  await expect(row("Property")).toContainText("Beta release: March 2022");
  await expect(row("Drivers")).toContainText("Beta release: March 2022");
  await expect(row("Person")).toContainText("Discovery and Alpha");
  await expect(row("Person")).toContainText("Q1 2022");
  await expect(row("Person")).toContainText("First of a planned family of 9 person products");
  await expect(row("Vehicles")).toContainText("Pre-Discovery");
  await expect(row("Vehicles")).toContainText("end of 2021");
  // The letter gives no RAG status, and the app does not invent one.
  await expect(row("Photographs at the Roadside")).toContainText("Not assessed");
  await expect(products).not.toContainText("On track");
  await expect(page.getByText("22 of 45 police forces live on 7 October 2021")).toBeVisible();
  await expect(page.getByText("Target: 38 forces by end of 2021")).toBeVisible();
  const dependencies = page.getByRole("table", { name: "Programme-level dependencies" });
  await expect(dependencies.getByRole("row")).toHaveCount(4);
  await expect(dependencies).toContainText("Successful pilot of 2 way replication of data between the LEDS environment and PNC");
  await expect(dependencies).toContainText("A robust approach and plan for the adoption of products by policing and other agencies");
  await expect(dependencies).toContainText("A secure and flexible platform able to support agile development");
});

test("the roadmap grid places each product in the letter's phase columns, with their descriptions", async ({ page }) => {
  await page.goto("/roadmap");
  const grid = page.getByRole("table", { name: "Products by phase" });
  for (const column of ["Pre-Discovery", "Discovery", "Alpha", "Beta & Live", "Invite only", "Available to all"]) {
    await expect(grid.getByRole("columnheader", { name: new RegExp(`^${column}`) }).first()).toBeVisible();
  }
  await expect(grid).toContainText("Ensuring that we understand the problem that needs to be solved");
  await expect(grid).toContainText("Build an evidence base for the right approach");
  // Person is in discovery and alpha at once: one cell spanning both columns.
  const personCell = grid.getByRole("row").filter({ hasText: "Discovery/alpha phase for the first of a set of 9" }).locator("td[colspan='2']");
  await expect(personCell).toContainText("Discovery and Alpha");
});

test("the timeline runs by quarter from October 2021 to December 2022 with the same content as a table", async ({ page }) => {
  await page.goto("/timeline");
  const chart = page.getByRole("figure", { name: /Timeline from 1 October 2021 to 31 December 2022/ });
  await expect(chart).toBeVisible();
  for (const quarter of ["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]) await expect(chart.getByText(quarter, { exact: true })).toBeVisible();
  await expect(chart).toContainText("Beta release: March 2022 (Not assessed)");
  const table = page.getByRole("table", { name: "Timeline as a table" });
  await expect(table.getByRole("row").filter({ hasText: "Milestone: Beta release" })).toHaveCount(2);
  await expect(table.getByRole("row").filter({ hasText: "Discovery and alpha conclude for the first person product" })).toContainText("Q1 2022");
  // 2021 Q4 was long ago: today is outside the range, and the chart says so instead of drawing a line.
  await expect(chart).toContainText("Today is outside this range.");
});

test("a product page shows description, phases, milestones with baseline and forecast, rollout and dependencies", async ({ page }) => {
  await page.goto("/products/photographs-at-the-roadside");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Photographs at the Roadside");
  await expect(page.getByText("Driver image from Driving Licence viewable on police-issued mobile devices.")).toBeVisible();
  const milestones = page.getByRole("table", { name: "Milestones of Photographs at the Roadside" });
  await expect(milestones.getByRole("row").filter({ hasText: "Live in a total of 38 police forces" })).toContainText("end of 2021");
  await expect(milestones).toContainText("On baseline");
  await expect(page.getByText("Nations covered: England, Wales, Scotland, Northern Ireland")).toBeVisible();
  // The forces rollout is counted against, with their Welsh and Gaelic names and ampersands intact.
  for (const force of ["Devon & Cornwall Police", "Dyfed-Powys Police (Heddlu Dyfed-Powys)", "Police Scotland (Poileas Alba)", "Police Service of Northern Ireland"]) {
    await expect(page.getByText(force, { exact: true })).toBeVisible();
  }
  await expect(page.getByText("England (39)")).toBeVisible();
  await expect(page.getByRole("table", { name: "What Photographs at the Roadside depends on" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("table", { name: /Phase of Photographs at the Roadside in each published update/ })).toContainText("2021 Q4");

  await page.goto("/products/person");
  await expect(page.getByText("First of a planned family of 9 person products.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Milestones of Person" })).toContainText("Q1 2022");
});

test("the published update shows its covering letter, publisher and PDF download", async ({ page }) => {
  await page.goto("/updates");
  await page.getByRole("link", { name: "2021 Q4", exact: true }).click();
  await expect(page).toHaveURL(/\/updates\/2021-q4$/);
  await expect(page.getByText("Matthew Rycroft, Permanent Secretary, Home Office").first()).toBeVisible();
  await expect(page.getByText("Dear Chair,")).toBeVisible();
  await expect(page.getByText("7 October 2021").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Download this update as a PDF" })).toHaveAttribute("href", "/updates/2021-q4/pdf");
  await expect(page.getByText("This is the first published update")).toBeVisible();
});

test("unknown products and updates answer a 404 page, not an error", async ({ page }) => {
  for (const path of ["/products/no-such-product", "/updates/2099-q1", "/updates/not-an-update", "/no/such/page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
  await expectNoAxeViolations(page);
  const pdf = await page.request.get("/updates/2099-q1/pdf");
  expect(pdf.status()).toBe(404);
});

test("the whole site can be walked with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  // Tab to the Timeline link in the header and follow it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/timeline$/);
});

test("/health answers UP with the database's state, without signing in", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const response = await request.get("/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("UP");
  expect(body.components.database.status).toBe("UP");
  expect(body.components.database.migrations.applied).toBe(body.components.database.migrations.expected);
});
