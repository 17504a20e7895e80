import { DEMO, expect, test } from "./support/fixtures";
import { signedIn } from "./support/forms";
import { expectNoAxeViolations } from "./support/axe";

test.use({ role: "admin" });

test("an administrator reads the audit trail, filters it by entity and date, and downloads it as CSV", async ({ page }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit trail");
  const events = page.getByRole("table", { name: "Audit events, newest first" });
  // This test's own sign-in is listed (other workers sign in too, so it need not be the newest).
  await expect(events.getByRole("row").filter({ hasText: "sign_in.succeeded" }).filter({ hasText: "admin@example.gov.uk" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Entity").selectOption("user");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/entity=user/);
  const entities = await events.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(entities.length).toBeGreaterThan(0);
  expect(entities.every((e) => e.startsWith("user"))).toBe(true);

  const csv = await page.request.get(await page.getByRole("link", { name: "Download these events as CSV" }).getAttribute("href") as string);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toContain('"When (UK time)","Who"');
  expect(lines.length).toBe(entities.length + 1);
  expect(lines.slice(1).every((l) => l.includes('"user"'))).toBe(true);
  expect(lines.some((l) => l.includes("user.created"))).toBe(true);

  // A date that does not exist is an error at the field, in the summary.
  await page.getByRole("group", { name: "From" }).getByLabel("Day").fill("31");
  await page.getByRole("group", { name: "From" }).getByLabel("Month").fill("2");
  await page.getByRole("group", { name: "From" }).getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The from date must be a real date");
  await expectNoAxeViolations(page);

  // Events on a day in the future: none.
  await page.getByRole("group", { name: "From" }).getByLabel("Day").fill("1");
  await page.getByRole("group", { name: "From" }).getByLabel("Month").fill("1");
  await page.getByRole("group", { name: "From" }).getByLabel("Year").fill("2199");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No events match these filters.")).toBeVisible();
});

test("an administrator filters the audit trail by person: part of an email in any case, a name, or a user number", async ({ page, browser, baseURL }) => {
  // The clerk signs in, so the trail has an event of theirs however the tests are ordered.
  await (await signedIn(browser, baseURL!, DEMO.viewer)).context().close();
  await page.goto("/admin/users");
  const clerkRow = page.getByRole("row").filter({ hasText: DEMO.viewer });
  const userNumber = (await clerkRow.getByRole("link", { name: /Change/ }).getAttribute("href"))!.split("/").at(-1)!;
  const events = page.getByRole("table", { name: "Audit events, newest first" });

  for (const person of ["CLERK@EXAMPLE", "Demo Clerk", userNumber]) {
    await page.goto("/admin/audit");
    await page.getByLabel("Person").fill(person);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`person=${encodeURIComponent(person).replace(/%20/g, "\\+")}`));
    await expect(page.getByLabel("Person")).toHaveValue(person);
    const who = await events.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(who.length, person).toBeGreaterThan(0);
    expect(who.filter((w) => !w.includes(DEMO.viewer)), person).toEqual([]);
    await expect(events.getByRole("row").filter({ hasText: "sign_in.succeeded" }).first()).toBeVisible();

    const csv = await page.request.get((await page.getByRole("link", { name: "Download these events as CSV" }).getAttribute("href"))!);
    const lines = (await csv.text()).trimEnd().split("\r\n").slice(1);
    expect(lines.length, person).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.includes(DEMO.viewer)), person).toEqual([]);
  }
  await expectNoAxeViolations(page);

  await page.getByLabel("Person").fill("nobody-by-this-name");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No events match these filters.")).toBeVisible();
});
