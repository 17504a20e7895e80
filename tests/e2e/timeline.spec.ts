/**
 * The timeline as committee clerks read it (the default role here is the clerk, who reads the published
 * 2021 Q4 update): dates that never move with the time zone, every zoom, financial-year quarters,
 * filters, dependency lines drawn on the server, a keyboard walk through every bar and marker, print
 * rules, and all of it without JavaScript.
 *
 * The seed has no day-precision milestone (the letter gives months, quarters and years), so the
 * "31 March 2022" day check is not made here: the month-precision "March 2022" is checked instead,
 * and the day geometry is covered by the unit tests in lib/roadmap/timeline.test.ts.
 *
 * The quarter style is asked for in the address (`?quarters=financial`), never saved on the shared
 * clerk account, so other specs running at the same time keep seeing calendar quarters; the test that
 * saves it through the form does so on an account of its own.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs } from "./support/axe";
import { expect, signIn, test } from "./support/fixtures";
import { fillPeriod, today } from "./support/forms";
import { readPdf } from "./support/pdf";
import { addUserAsAdmin, adminPage } from "./support/users";

const ZOOMS = ["month", "quarter", "year"] as const;
const chart = (page: Page) => page.getByRole("figure", { name: /^Timeline from/ });
const timelineTable = (page: Page) => page.getByRole("table", { name: "Timeline as a table" });
const PROPERTY_BETA = "Beta release, Property: target March 2022, not assessed";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The seed: six products, each depending on the three programme factors. */
const SEED_DEPENDENCIES = 18;

/** The ids of the dependencies drawn in the chart, each with how many pieces end in an arrow and start at a dot. */
async function drawnDependencies(page: Page) {
  return chart(page).locator("svg [data-dependency-id]").evaluateAll((elements) => {
    const byId = new Map<string, { pieces: number; arrows: number; starts: number }>();
    // A piece that only passes through a row is shared by every line on that track: it lists them all.
    for (const el of elements) {
      for (const id of el.getAttribute("data-dependency-id")!.split(" ")) {
        const entry = byId.get(id) ?? { pieces: 0, arrows: 0, starts: 0 };
        entry.pieces++;
        if (el.getAttribute("marker-end")) entry.arrows++;
        if (el.getAttribute("marker-start")) entry.starts++;
        byId.set(id, entry);
      }
    }
    return [...byId.entries()].map(([id, e]) => ({ id, ...e })).sort((a, b) => Number(a.id) - Number(b.id));
  });
}

for (const timezoneId of ["Europe/London", "America/Los_Angeles", "Australia/Sydney"]) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test("Property's beta reads March 2022, in the same place, at month, quarter and year zoom, in the chart and the table", async ({ page }) => {
      let position: string | null = null;
      for (const zoom of ZOOMS) {
        await page.goto(`/timeline?zoom=${zoom}&quarters=calendar`);
        await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
        const marker = chart(page).getByRole("img", { name: PROPERTY_BETA, exact: true });
        await expect(marker).toBeVisible();
        await expect(marker).toContainText("Beta release: March 2022 (Not assessed)");
        // Its band is the whole of March: days 151 to 181 of the 457 from 1 October 2021, whatever the zoom.
        const band = marker.locator("xpath=preceding-sibling::span[1]");
        await expect(band).toHaveAttribute("style", /left:33\.0416%;width:6\.7834%/);
        const style = await marker.getAttribute("style");
        if (position === null) position = style;
        expect(style, `${zoom} zoom`).toBe(position);
        const row = timelineTable(page).getByRole("row", { name: /^Property Milestone: Beta release/ });
        await expect(row).toContainText("March 2022");
        // A quarter-precision milestone stays a quarter, a year-precision one the end of its year.
        await expect(chart(page)).toContainText("Discovery and alpha conclude for the first person product: Q1 2022 (Not assessed)");
        await expect(chart(page)).toContainText("Pre-discovery concludes: end of 2021 (Not assessed)");
      }
    });
  });
}

test("each zoom has its own columns, in calendar or financial-year quarters", async ({ page }) => {
  const header = (p: Page) => chart(p).locator(".timeline-column-label");
  await page.goto("/timeline?zoom=month&quarters=calendar");
  await expect(header(page)).toHaveCount(15);
  await expect(header(page).first()).toHaveText("Oct 2021");
  await expect(header(page).last()).toHaveText("Dec 2022");
  await page.goto("/timeline?quarters=calendar");
  await expect(header(page)).toHaveText(["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]);
  await page.goto("/timeline?zoom=year&quarters=calendar");
  await expect(header(page)).toHaveText(["2021", "2022"]);

  await page.goto("/timeline?quarters=financial");
  await expect(header(page)).toHaveText(["2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3"]);
  await expect(chart(page)).toContainText("Discovery and alpha conclude for the first person product: 2021-22 Q4 (Not assessed)");
  await expect(timelineTable(page).getByRole("row", { name: /Discovery and alpha conclude/ })).toContainText("2021-22 Q4");
  // Months are months in either style: Property's beta is still March 2022.
  await expect(chart(page).getByRole("img", { name: PROPERTY_BETA, exact: true })).toBeVisible();
  await page.goto("/timeline?zoom=year&quarters=financial");
  await expect(header(page)).toHaveText(["2021-22", "2022-23"]);
});

test("axe passes on the timeline at every zoom, in both kinds of quarter", async ({ page }) => {
  for (const zoom of ZOOMS) {
    for (const quarters of ["calendar", "financial"]) {
      await page.goto(`/timeline?zoom=${zoom}&quarters=${quarters}`);
      await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
      await expectNoAxeViolations(page);
    }
  }
});

test("the keyboard alone reaches every bar and marker, in the chart's reading order, and each says what it is", async ({ page }) => {
  await page.goto("/timeline?quarters=calendar");
  const items = chart(page).locator("[data-timeline-item]");
  const expected = await items.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-timeline-item")!));
  // Every phase bar and milestone marker of the seed inside the range.
  expect(expected.filter((i) => i.startsWith("span-"))).toHaveLength(10);
  expect(expected.filter((i) => i.startsWith("milestone-"))).toHaveLength(5);

  // Clicking the caption (which cannot take focus) makes Tab continue from there, as a keyboard user would arrive.
  await chart(page).locator("figcaption").click();
  const reached: string[] = [];
  for (let presses = 0; presses < expected.length * 2 + 20 && reached.length < expected.length; presses++) {
    await page.keyboard.press("Tab");
    const item = await page.evaluate(() => document.activeElement?.getAttribute("data-timeline-item") ?? null);
    if (item) {
      reached.push(item);
      if (reached.length === 1) {
        // The GOV.UK focus style: a yellow outline that shows where the keyboard is.
        await expect(page.locator(`[data-timeline-item="${item}"]`)).toHaveCSS("outline-color", "rgb(255, 221, 0)");
      }
    }
  }
  expect(reached).toEqual(expected);

  await expect(chart(page).getByRole("img", { name: "Photographs at the Roadside, Live phase, already under way to ongoing", exact: true })).toBeVisible();
  await expect(chart(page).getByRole("img", { name: "Property, Beta phase, March 2022 to ongoing", exact: true })).toBeVisible();
  await expect(chart(page).getByRole("img", { name: "Person, Discovery phase, already under way to Q1 2022", exact: true })).toBeVisible();
  await expect(
    chart(page).getByRole("img", { name: "Discovery and alpha conclude for the first person product, Person: target Q1 2022 (January to March 2022), not assessed", exact: true }),
  ).toBeVisible();
});

test("filters by product, phase and milestone status, keeping the table in step", async ({ page }) => {
  await page.goto("/timeline");
  await page.getByText("Filter by product, phase or milestone status").click();
  const products = page.getByRole("group", { name: "Products", exact: true });
  await products.getByLabel("Property", { exact: true }).check();
  await products.getByLabel("Drivers", { exact: true }).check();
  await page.getByRole("button", { name: "Update the timeline" }).click();
  await expect(page).toHaveURL(/product=property&product=drivers/);
  const rows = chart(page).locator("tr[data-row]");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["p-property", "p-drivers", "factors"]);
  await expect(timelineTable(page).getByRole("rowheader", { name: "Person" })).toHaveCount(0);
  await expect(timelineTable(page).getByRole("row").filter({ hasText: "Milestone: Beta release" })).toHaveCount(2);
  // The chosen filters are shown as chosen, so the form says what the chart shows.
  await expect(products.getByLabel("Property", { exact: true })).toBeChecked();
  await expect(page.getByText("Filter by product, phase or milestone status (2 chosen)")).toBeVisible();

  // Phase: only products with something in beta, and only their beta items.
  await page.goto("/timeline?phase=beta");
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["p-property", "p-drivers", "factors"]);
  await expect(chart(page).getByRole("img", { name: /Alpha phase/ })).toHaveCount(0);
  await expect(chart(page).getByRole("img", { name: "Property, Beta phase, March 2022 to ongoing", exact: true })).toBeVisible();

  // Status: the letter gives no RAG status, so nothing is on track.
  await page.goto("/timeline?status=on_track");
  await expect(chart(page)).toContainText("No products match these filters.");
  await expect(timelineTable(page)).toContainText("No products match these filters.");
  await page.goto("/timeline?status=not_assessed&status=on_track");
  await expect(chart(page).locator("tr[data-row^='p-']")).toHaveCount(5);
});

test("values the timeline cannot use fall back to the defaults, with a message at the field", async ({ page }) => {
  await page.goto("/timeline?zoom=fortnight&from=2021-13&to=2022-12&product=nothing");
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(chart(page)).toHaveAccessibleName(/^Timeline from 1 October 2021 to 31 December 2022, by quarter/);
  await expect(page.getByRole("group", { name: "Show the timeline by" })).toContainText("Choose months, quarters or years. Showing quarters.");
  await expect(page.getByLabel("First month")).toHaveValue("2021-13");
  await expect(page.getByLabel("First month")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("group", { name: "Months shown" })).toContainText("Showing from October 2021");
  await expect(page.getByRole("group", { name: "Products", exact: true })).toContainText("There is no product “nothing”");
  await expectNoAxeViolations(page);

  await page.goto("/timeline?from=2022-06&to=2022-01");
  await expect(page.getByRole("group", { name: "Months shown" })).toContainText("The last month must be the same as or after the first month");
  await expect(chart(page)).toHaveAccessibleName(/^Timeline from 1 October 2021 to 31 December 2022/);

  // A good range is used: six months, by month.
  await page.goto("/timeline?zoom=month&from=2022-01&to=2022-06");
  await expect(chart(page)).toHaveAccessibleName(/^Timeline from 1 January 2022 to 30 June 2022, by month/);
  await expect(chart(page).locator(".timeline-column-label")).toHaveText(["Jan 2022", "Feb 2022", "Mar 2022", "Apr 2022", "May 2022", "Jun 2022"]);
});

test("every dependency is a line from its product to what it depends on, and a row of the table", async ({ page }) => {
  await page.goto("/timeline");
  const drawn = await drawnDependencies(page);
  expect(drawn).toHaveLength(SEED_DEPENDENCIES);
  for (const d of drawn) {
    expect(d.arrows, `dependency ${d.id} ends in one arrow`).toBe(1);
    expect(d.starts, `dependency ${d.id} starts at one dot`).toBe(1);
  }
  // They end at the programme dependencies row, which lists the three factors.
  const factors = chart(page).locator("tr[data-row='factors']");
  await expect(factors).toContainText("Programme dependencies");
  await expect(factors).toContainText("Successful pilot of 2 way replication of data between the LEDS environment and PNC");
  await expect(factors.locator("[data-dependency-part='end']")).toHaveCount(SEED_DEPENDENCIES);
  // Each line also appears in the table, with the same ids.
  const tableIds = await timelineTable(page).locator("tr[data-dependency-row]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-dependency-row")));
  expect([...tableIds].sort((a, b) => Number(a) - Number(b))).toEqual(drawn.map((d) => d.id));
  await expect(timelineTable(page).getByRole("row", { name: /^Property Depends on programme dependency 1/ })).toContainText("Not assessed");

  // Filtered to one product, only its three lines are drawn, still each with its arrow.
  await page.goto("/timeline?product=property&zoom=month");
  const filtered = await drawnDependencies(page);
  expect(filtered).toHaveLength(3);
  expect(filtered.every((d) => d.arrows === 1)).toBe(true);
});

test("in print the header repeats on every page, rows never split and labels stay inside the chart", async ({ page }) => {
  for (const zoom of ZOOMS) {
    await page.goto(`/timeline?zoom=${zoom}`);
    await page.emulateMedia({ media: "print" });
    const grid = chart(page).locator("table.timeline-grid");
    await expect(grid.locator("thead")).toHaveCSS("display", "table-header-group");
    await expect(grid.locator("tr.timeline-row").first()).toHaveCSS("break-inside", "avoid");
    await expect(page.getByRole("button", { name: "Update the timeline" })).toBeHidden();
    const outside = await grid.evaluate((table) => {
      const box = table.getBoundingClientRect();
      return [...table.querySelectorAll(".timeline-marker, .timeline-cut, .timeline-bar")]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.right > box.right + 0.5 || r.left < box.left - 0.5;
        })
        .map((el) => el.textContent);
    });
    expect(outside, `${zoom} zoom`).toEqual([]);
    await page.emulateMedia({ media: "screen" });
  }
});

test("a reader saves financial-year quarters through the form: remembered on a later visit, and used in their PDF and the print layout", async ({ browser }) => {
  test.setTimeout(180_000);
  // An account of its own: the shared clerk keeps calendar quarters for the other specs.
  const admin = await adminPage(browser);
  const person = await addUserAsAdmin(admin, "viewer", "quarters");
  await admin.context().close();
  const header = (p: Page) => chart(p).locator(".timeline-column-label");

  const first = await (await browser.newContext()).newPage();
  await signIn(first, person.email, person.password);
  await first.goto("/timeline");
  await expect(header(first)).toHaveText(["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]);
  await first.getByRole("radio", { name: /^UK financial-year quarters/ }).check();
  await first.getByRole("button", { name: "Show quarters this way" }).click();
  await expect(first).toHaveURL(/\/timeline(\?|$)/);
  await expect(chart(first)).toHaveAttribute("data-quarters", "financial");
  await expect(header(first)).toHaveText(["2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3"]);
  await first.context().close();

  // A later visit, signed in afresh: the choice is on the account, not in the session or the address.
  const later = await (await browser.newContext()).newPage();
  await signIn(later, person.email, person.password);
  await later.goto("/timeline");
  await expect(chart(later)).toHaveAttribute("data-quarters", "financial");
  await expect(chart(later)).toHaveAccessibleName(/^Timeline from 1 October 2021 to 31 December 2022, by quarter \(UK financial-year quarters\)/);
  await expect(header(later)).toHaveText(["2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3"]);
  await expect(later.getByRole("radio", { name: /^UK financial-year quarters/ })).toBeChecked();
  await expect(timelineTable(later).getByRole("row", { name: /Discovery and alpha conclude/ })).toContainText("2021-22 Q4");

  // The PDF they download then is in financial-year quarters.
  await later.goto("/updates/2021-q4");
  const [download] = await Promise.all([later.waitForEvent("download"), later.getByRole("link", { name: "Download this update as a PDF" }).click()]);
  expect(download.suggestedFilename()).toBe("nledp-roadmap-2021-q4-financial-year.pdf");
  const pdf = await readPdf(fs.readFileSync((await download.path())!));
  for (const text of ["Timeline from 1 October 2021 to 31 December 2022", "UK financial-year quarters", "2021-22 Q3", "2021-22 Q4", "2022-23 Q1"]) {
    expect(pdf.text, `the PDF says "${text}"`).toContain(text);
  }
  expect(pdf.text).toMatch(/Discovery and alpha conclude for the first person product\s*:\s*2021-22 Q4/);

  // The print layout the PDF is made from, asked for in financial-year quarters.
  await later.goto("/updates/2021-q4/print?quarters=financial");
  const printed = later.locator("figure.timeline-chart");
  await expect(printed).toHaveAttribute("data-quarters", "financial");
  await expect(printed.locator(".timeline-column-label")).toHaveText(["2021-22 Q3", "2021-22 Q4", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3"]);
  await expect(printed).toContainText("Discovery and alpha conclude for the first person product: 2021-22 Q4 (Not assessed)");
  await expect(later.getByText("2021 Q4 (2021-22 Q3 in the financial year)")).toBeVisible();

  // And back to calendar quarters, through the same form.
  await later.goto("/timeline");
  await later.getByRole("radio", { name: /^Calendar quarters/ }).check();
  await later.getByRole("button", { name: "Show quarters this way" }).click();
  await expect(header(later)).toHaveText(["Q4 2021", "Q1 2022", "Q2 2022", "Q3 2022", "Q4 2022"]);
  await later.context().close();
});

test("the rollout chart shows forces live against the target and all 45 forces, on the product page and in print", async ({ page }) => {
  for (const path of ["/products/photographs-at-the-roadside", "/updates/2021-q4/print"]) {
    await page.goto(path);
    const svg = page.getByRole("img", { name: "Photographs at the Roadside: forces live over time, against the target and all 45 forces", exact: true });
    await expect(svg, path).toBeVisible();
    const figure = page.locator("figure", { has: svg });
    await expect(figure.locator("figcaption")).toContainText("22 of 45 forces live on 7 October 2021; target 38 by the end of 2021.");
    await expect(svg).toContainText("Target 38");
    await expect(svg).toContainText("by the end of 2021");
    await expect(svg).toContainText("All 45 forces");
    await expect(svg).toContainText("22 live");
    // Where they are drawn: heights in proportion to the counts, from the zero line up to the line of all 45.
    const drawn = await svg.evaluate((el) => {
      const zero = el.querySelector("line[stroke-width='1.5']")!;
      const total = el.querySelector("line[stroke-dasharray='2 4']")!;
      const points = [...el.querySelectorAll("circle")].map((c) => ({ x: Number(c.getAttribute("cx")), y: Number(c.getAttribute("cy")) }));
      const diamond = el.querySelector("path[fill='#fff']")!.getAttribute("d")!;
      const [x, top] = /^M([\d.]+),([\d.]+)/.exec(diamond)!.slice(1).map(Number) as [number, number];
      return { zero: Number(zero.getAttribute("y1")), total: Number(total.getAttribute("y1")), points, target: { x, y: top + 7 } };
    });
    const height = (y: number) => (drawn.zero - y) / (drawn.zero - drawn.total);
    expect(drawn.points.length, `${path}: a point for each figure`).toBeGreaterThan(0);
    const live = drawn.points.at(-1)!;
    expect(height(live.y) * 45, `${path}: the last point is at 22`).toBeCloseTo(22, 0);
    expect(height(drawn.target.y) * 45, `${path}: the target is at 38`).toBeCloseTo(38, 0);
    expect(drawn.target.x, `${path}: the end of 2021 is after 7 October 2021`).toBeGreaterThan(live.x);
  }
});

test.describe("the editor's working draft", () => {
  test.use({ role: "editor" });

  test("today's line is drawn at today, and a 200-character milestone title leaves its date and status in view", async ({ page }) => {
    const now = today();
    const month = Number(now.month);
    const year = Number(now.year);
    // Due next month: inside the draft's range, which runs from this quarter for a year.
    const due = { month: (month % 12) + 1, year: month === 12 ? year + 1 : year };
    const title = `${`Long milestone ${Date.now().toString(36)} `.padEnd(199, "long words ").slice(0, 199)}.`;
    expect(title).toHaveLength(200);
    await page.goto("/products/audit/milestones/new");
    await page.getByLabel("Milestone").fill(title);
    await fillPeriod(page, "Target date", "A month", { Month: String(due.month), Year: String(due.year) });
    await page.getByRole("radio", { name: "Not started" }).check();
    await page.getByRole("button", { name: "Save milestone" }).click();
    await expect(page).toHaveURL(/\/products\/audit\?done=milestone-added/);

    try {
      await page.goto("/draft");
      const draft = page.locator("figure#draft-timeline");
      await expect(draft).toContainText(`The dashed red line is today, ${now.long}.`);

      // Today: half way through today's day in its quarter's column, in every row.
      const lines = draft.locator(".timeline-today");
      expect(await lines.count()).toBeGreaterThan(5);
      const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
      const column = draft.locator(".timeline-column-label", { hasText: `Q${(quarterStart + 2) / 3} ${year}` });
      const box = (await column.boundingBox())!;
      const dayOfQuarter = (Date.UTC(year, month - 1, Number(now.day)) - Date.UTC(year, quarterStart - 1, 1)) / 86_400_000;
      const daysInQuarter = (Date.UTC(year, quarterStart + 2, 1) - Date.UTC(year, quarterStart - 1, 1)) / 86_400_000;
      const expectedX = box.x + ((dayOfQuarter + 0.5) / daysInQuarter) * box.width;
      for (const line of await lines.all()) {
        const at = (await line.boundingBox())!;
        // The dashed border is 2px wide, on the line's left edge.
        expect(Math.abs(at.x - expectedX), `today's line at ${at.x}, expected ${expectedX}`).toBeLessThan(2);
      }
      await expect(draft.getByText("Today", { exact: true })).toBeVisible();

      // The long title is cut short on its own line; the date and status, on theirs, are whole and in view.
      const marker = draft.getByRole("img", { name: new RegExp(`^${escape(title)}, Audit: target ${MONTHS[due.month - 1]} ${due.year}, not started$`) });
      await expect(marker).toHaveAttribute("title", new RegExp(`^${escape(title)}, `));
      const when = marker.locator(".timeline-marker-when");
      await expect(when).toHaveText(`${MONTHS[due.month - 1]} ${due.year} (Not started)`);
      await expect(when).toBeVisible();
      const fits = (el: Element) => el.scrollWidth <= el.clientWidth;
      expect(await when.evaluate(fits), "the date and status are not cut short").toBe(true);
      expect(await marker.locator(".timeline-marker-title").evaluate(fits), "the title is cut short").toBe(false);
      const [markerBox, whenBox, cellBox] = [await marker.boundingBox(), await when.boundingBox(), await marker.locator("xpath=ancestor::td[1]").boundingBox()];
      // Inside its marker, below the title, inside the chart and within the milestone's lane (40px).
      expect(whenBox!.y + whenBox!.height).toBeLessThanOrEqual(markerBox!.y + markerBox!.height + 0.5);
      expect(whenBox!.x).toBeGreaterThanOrEqual(cellBox!.x - 0.5);
      expect(whenBox!.x + whenBox!.width).toBeLessThanOrEqual(cellBox!.x + cellBox!.width + 0.5);
      expect(markerBox!.height).toBeLessThanOrEqual(40);
    } finally {
      // Leave the shared draft as it was.
      await page.goto("/products/audit");
      await page.getByRole("table", { name: "Milestones of Audit" }).getByRole("link", { name: title }).click();
      await page.getByRole("link", { name: "Remove this milestone" }).click();
      await page.getByRole("button", { name: "Yes, remove milestone" }).click();
      await expect(page).toHaveURL(/done=milestone-removed/);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form changes the zoom and filters, and the lines are already drawn", async ({ page }) => {
    await page.goto("/timeline");
    expect(await drawnDependencies(page)).toHaveLength(SEED_DEPENDENCIES);
    await page.getByRole("radio", { name: "Months", exact: true }).check();
    await page.getByLabel("Last month").fill("2022-06");
    await page.getByText("Filter by product, phase or milestone status").click();
    await page.getByRole("group", { name: "Products", exact: true }).getByLabel("Property", { exact: true }).check();
    await page.getByRole("button", { name: "Update the timeline" }).click();
    await expect(page).toHaveURL(/zoom=month&from=2021-10&to=2022-06&product=property/);
    await expect(chart(page)).toHaveAccessibleName(/^Timeline from 1 October 2021 to 30 June 2022, by month/);
    await expect(chart(page).getByRole("img", { name: PROPERTY_BETA, exact: true })).toBeVisible();
    expect(await drawnDependencies(page)).toHaveLength(3);
    await expectNoAxeViolationsWithoutJs(page);
  });
});
