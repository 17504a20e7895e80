/**
 * A large roadmap as clerks read it (issue 6): the scale server runs on the synthetic programme
 * (lib/db/seed/synthetic.ts at scale 10 with 2 published updates: 60 products, about 300 milestones
 * and 100 dependencies; the latest update is 2022 Q1), seeded by scripts/test.mjs or, run alone, by the
 * server's own command in playwright.config.ts. The default role is the committee clerk.
 *
 * - A day-precision milestone due 31 March 2022 (KNOWN_DAY_MILESTONE in the synthetic seed) reads
 *   "31 March 2022" on the chart, in the table, the milestones CSV and the PDF, in London, Los Angeles and
 *   Sydney; a month-precision milestone reads "<Month> <year>" at month, quarter and year zoom.
 * - Every dependency is drawn (or, when what it depends on is outside the range, cut at the edge and
 *   said so in the table), on the timeline and in the print layout the PDF is made from.
 * - axe passes on the timeline at every zoom; the keyboard reaches every bar and marker in order.
 * - The PDF has no blank page, its footer ("Page N of M") on every page, the timeline's column header on every
 *   page the chart spans, and no row split between pages.
 *
 * The scale server runs in Australia/Sydney (playwright.config.ts), east of London, where the other
 * servers run west of it in America/Los_Angeles: the 31 March 2022 checks are made on both sides.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectNoAxeViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { readPdf } from "../support/pdf";

/** The latest of the two synthetic updates (the first is 2021 Q4, published 7 October 2021). */
const LATEST = "2022-q1";
/** lib/db/seed/synthetic.ts KNOWN_DAY_MILESTONE (kept as text here: the test states what a reader sees). */
const KNOWN = { product: "Roadside checks", title: "Cutover on the last day of the financial year", on: "2022-03-31", reads: "31 March 2022" };
const ZOOMS = ["month", "quarter", "year"] as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type Period = { on: string; precision: "day" | "month" | "quarter" | "half" | "year" };
type SnapshotMilestone = { id: number; title: string; forecast: Period };
type SnapshotDependency = { id: number; on: { kind: "product"; slug: string } | { kind: "factor"; id: number } | { kind: "milestone"; id: number; productSlug: string } };
type SnapshotProduct = { slug: string; name: string; parentSlug: string | null; milestones: SnapshotMilestone[]; dependencies: SnapshotDependency[] };
type Snapshot = { update: { slug: string }; roadmap: { products: SnapshotProduct[] } };

const chart = (page: Page, id = "timeline-chart") => page.locator(`figure#${id}`);
const timelineTable = (page: Page) => page.getByRole("table", { name: "Timeline as a table" });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function snapshot(request: APIRequestContext, slug = LATEST): Promise<Snapshot> {
  const response = await request.get(`/updates/${slug}/json`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Snapshot;
}

/** "1 January 2022" → "2022-01-01". */
function isoOf(words: string): string {
  const [day, month, year] = words.split(" ");
  return `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/** The range a chart shows, read from its caption ("Timeline from 1 January 2022 to 31 March 2023, by quarter"). */
async function rangeOf(figure: ReturnType<typeof chart>): Promise<{ start: string; end: string }> {
  const caption = (await figure.locator("figcaption").textContent()) ?? "";
  const match = /Timeline from (\d+ \w+ \d{4}) to (\d+ \w+ \d{4})/.exec(caption);
  expect(match, `range in "${caption}"`).not.toBeNull();
  return { start: isoOf(match![1]!), end: isoOf(match![2]!) };
}

/** The first day of the period whose last day is `on` (worked out here, independently of the app). */
function firstDay(period: Period): string {
  const [y, m] = period.on.split("-").map(Number) as [number, number];
  const months = { day: 0, month: 1, quarter: 3, half: 6, year: 12 }[period.precision];
  if (months === 0) return period.on;
  const first = m - months + 1;
  return `${y}-${String(first).padStart(2, "0")}-01`;
}
const overlaps = (period: Period, range: { start: string; end: string }) => firstDay(period) <= range.end && period.on >= range.start;

/**
 * Every dependency line of a chart, by id: how many pieces, how many end in an arrow or start at a dot,
 * and whether it is a stub cut at the chart's edge.
 */
async function linesOf(figure: ReturnType<typeof chart>) {
  return figure.locator("svg [data-dependency-id]").evaluateAll((elements) => {
    const byId: Record<string, { pieces: number; arrows: number; starts: number; cut: boolean }> = {};
    // A piece that only passes through a row is shared by every line on that track: it lists them all.
    for (const el of elements) {
      for (const id of el.getAttribute("data-dependency-id")!.split(" ")) {
        const entry = (byId[id] ??= { pieces: 0, arrows: 0, starts: 0, cut: false });
        entry.pieces++;
        if (el.getAttribute("data-dependency-part") === "cut") entry.cut = true;
        else {
          if (el.getAttribute("marker-end")) entry.arrows++;
          if (el.getAttribute("marker-start")) entry.starts++;
        }
      }
    }
    return byId;
  });
}

/**
 * Checks a chart's lines against the snapshot: every dependency has a line; each whose other end is in
 * the range is drawn whole (one dot, one arrow), and only those out of range are cut at the edge.
 */
async function expectEveryDependencyDrawn(figure: ReturnType<typeof chart>, content: Snapshot) {
  const range = await rangeOf(figure);
  const milestones = new Map(content.roadmap.products.flatMap((p) => p.milestones.map((m) => [m.id, m] as const)));
  const dependencies = content.roadmap.products.flatMap((p) => p.dependencies);
  expect(dependencies.length, "the synthetic programme has about 100 dependencies").toBeGreaterThanOrEqual(90);
  const lines = await linesOf(figure);
  expect(Object.keys(lines).map(Number).sort((a, b) => a - b), "a line for every dependency").toEqual(dependencies.map((d) => d.id).sort((a, b) => a - b));
  const inRange = dependencies.filter((d) => d.on.kind !== "milestone" || overlaps(milestones.get(d.on.id)!.forecast, range));
  expect(inRange.length, "most dependencies are within the range").toBeGreaterThan(dependencies.length / 2);
  const problems: string[] = [];
  for (const d of dependencies) {
    const line = lines[d.id]!;
    const shouldDraw = inRange.includes(d);
    if (shouldDraw && (line.cut || line.arrows !== 1 || line.starts !== 1)) problems.push(`${d.id} (${d.on.kind}): ${JSON.stringify(line)}`);
    if (!shouldDraw && (!line.cut || line.pieces !== 1)) problems.push(`${d.id} (out of range): ${JSON.stringify(line)}`);
  }
  expect(problems, "dependencies drawn wrongly").toEqual([]);
  return { range, drawn: inRange.map((d) => d.id), all: dependencies.map((d) => d.id) };
}

type PdfItem = { str: string; x: number; y: number };

/** Each page of a PDF: its text, whitespace folded (readPdf gives the whole document's), and its pieces of text with where they start. */
async function pdfPages(bytes: Buffer): Promise<Array<{ text: string; items: PdfItem[] }>> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: Array<{ text: string; items: PdfItem[] }> = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join(" ").replace(/\s+/g, " ").trim();
    const items = content.items.flatMap((item) =>
      "str" in item && item.str.trim() ? [{ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number }] : [],
    );
    pages.push({ text, items });
  }
  await doc.destroy();
  return pages;
}

/**
 * The text in the chart's first column (product names) on a page of the timeline: the pieces left of
 * the first column label and not below the chart's last row, top to bottom (PDF y grows upwards), so a name wrapped over two lines reads whole.
 */
function nameColumn(items: PdfItem[], firstLabel: string): string {
  const label = items.find((i) => i.str === firstLabel);
  if (!label) return "";
  // The chart's last row ends it: what follows on that page (the table's own "Product" column) is not the chart.
  // Its name may wrap: "Programme" on one line, "dependencies" on the next.
  const firstColumn = items.filter((i) => i.x < label.x - 2);
  const last = firstColumn.find((i) => /^Programme( dependencies)?$/.test(i.str));
  const wrapped = last && firstColumn.find((i) => i.str === "dependencies" && i.y < last.y && i.y > last.y - 20);
  const end = (wrapped ?? last)?.y ?? -Infinity;
  return firstColumn
    .filter((i) => i.y >= end)
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((i) => i.str)
    .join(" ")
    // A row's note under its name ("2 items outside this range") is not part of the name: "Person 2" is another product.
    .replace(/\b\d+ items? outside this range\b/g, " | ")
    .replace(/\s+/g, " ");
}

/** Which names a text holds, longest first, each taken out once found ("Person: victims" is not also "Person"). */
function namesIn(text: string, names: string[]): Set<string> {
  const found = new Set<string>();
  let rest = ` ${text} `;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<=\\s)${escape(name)}(?=\\s)`, "g");
    if (pattern.test(rest)) {
      found.add(name);
      rest = rest.replace(pattern, " ");
    }
  }
  return found;
}

/** The app's CSV: every cell quoted, quotes doubled, rows ending in CRLF (no line breaks inside cells here). */
function csvRows(text: string): string[][] {
  return text
    .split("\r\n")
    .filter((line) => line.length > 0)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

async function latestPdf(request: APIRequestContext): Promise<Buffer> {
  const response = await request.get(`/updates/${LATEST}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return response.body();
}

/** A month-precision milestone in the range, on a product with no other milestone of that title. */
function monthMilestone(content: Snapshot, range: { start: string; end: string }) {
  for (const product of content.roadmap.products) {
    for (const m of product.milestones) {
      if (m.forecast.precision !== "month" || !overlaps(m.forecast, range)) continue;
      if (product.milestones.filter((o) => o.title === m.title).length > 1) continue;
      const [y, mo] = m.forecast.on.split("-").map(Number) as [number, number];
      return { product, milestone: m, reads: `${MONTHS[mo - 1]} ${y}` };
    }
  }
  throw new Error("no month-precision milestone in the range");
}

test.describe.configure({ timeout: 300_000 });

for (const timezoneId of ["Europe/London", "America/Los_Angeles", "Australia/Sydney"]) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test("the milestone due 31 March 2022 reads 31 March 2022 on the timeline, in the table, the CSV and the PDF", async ({ page }) => {
      const known = new RegExp(`^${escape(`${KNOWN.title}, ${KNOWN.product}: target ${KNOWN.reads}`)}, `);
      let position: string | null = null;
      for (const zoom of ZOOMS) {
        await page.goto(`/timeline?zoom=${zoom}&quarters=calendar`);
        await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
        const marker = chart(page).getByRole("img", { name: known });
        await expect(marker).toHaveCount(1);
        await expect(marker).toContainText(`${KNOWN.title}: ${KNOWN.reads} (`);
        // The same place at every zoom: it is a day, and the day does not move.
        const style = await marker.getAttribute("style");
        position ??= style;
        expect(style, `${zoom} zoom`).toBe(position);
        const row = timelineTable(page).getByRole("row", { name: new RegExp(`^${escape(KNOWN.product)} Milestone: ${escape(KNOWN.title)}`) });
        await expect(row).toHaveCount(1);
        await expect(row.getByRole("cell").nth(2)).toHaveText(KNOWN.reads);
      }

      const csv = await page.request.get(`/updates/${LATEST}/milestones-csv`);
      expect(csv.status()).toBe(200);
      const rows = csvRows(await csv.text());
      expect(rows[0]!.slice(3, 7)).toEqual(["Baseline", "Forecast", "Forecast precision", "Forecast by (last day)"]);
      const row = rows.filter((r) => r[0] === KNOWN.product && r[1] === KNOWN.title);
      expect(row).toHaveLength(1);
      // Baseline and forecast as read, the precision, and the last day (the baseline was set by the first update).
      expect(row[0]!.slice(3, 7)).toEqual([KNOWN.reads, KNOWN.reads, "day", KNOWN.on]);

      const pdf = await readPdf(await latestPdf(page.request));
      const mentions = [...pdf.text.matchAll(new RegExp(`${escape(KNOWN.title)}.{0,120}?(\\d{1,2} [A-Z][a-z]+ \\d{4})`, "g"))].map((m) => m[1]);
      expect(mentions.length, "the milestone with its date, in the PDF").toBeGreaterThanOrEqual(2);
      expect(new Set(mentions)).toEqual(new Set([KNOWN.reads]));
    });

    test("a month-precision milestone reads as its month at month, quarter and year zoom", async ({ page }) => {
      await page.goto("/timeline?quarters=calendar");
      const content = await snapshot(page.request);
      const { product, milestone, reads } = monthMilestone(content, await rangeOf(chart(page)));
      const name = new RegExp(`^${escape(`${milestone.title}, ${product.name}: target ${reads}`)}, `);
      for (const zoom of ZOOMS) {
        await page.goto(`/timeline?zoom=${zoom}&quarters=calendar`);
        await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
        const marker = chart(page).getByRole("img", { name });
        await expect(marker, `${zoom} zoom`).toHaveCount(1);
        await expect(marker).toContainText(`${milestone.title}: ${reads} (`);
        const row = timelineTable(page).getByRole("row", { name: new RegExp(`^${escape(product.name)} Milestone: ${escape(milestone.title)}`) });
        await expect(row.getByRole("cell").nth(2)).toContainText(reads);
      }
    });
  });
}

test("every dependency is drawn on the large timeline, as the table and the roadmap say, at every zoom", async ({ page }) => {
  const content = await snapshot(page.request);
  expect(content.roadmap.products).toHaveLength(60);
  for (const zoom of ZOOMS) {
    await page.goto(`/timeline?zoom=${zoom}&quarters=calendar`);
    await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
    await expect(chart(page).locator("tr[data-row^='p-']")).toHaveCount(60);
    const { drawn, all } = await expectEveryDependencyDrawn(chart(page), content);
    // The table lists every dependency, and says which are not drawn: the rest are the chart's whole lines.
    const rows = await timelineTable(page)
      .locator("tr[data-dependency-row]")
      .evaluateAll((trs) => trs.map((tr) => ({ id: Number(tr.getAttribute("data-dependency-row")), cut: /Not drawn on the chart/.test(tr.textContent ?? "") })));
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
    expect(rows.filter((r) => !r.cut).map((r) => r.id).sort((a, b) => a - b), `${zoom} zoom`).toEqual([...drawn].sort((a, b) => a - b));
  }

  // The published roadmap as the API gives it is the same update, with the same dependencies.
  const api = await page.request.get("/api/v1/roadmap?view=published");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { kind: string; update: { slug: string }; roadmap: Snapshot["roadmap"] };
  expect([body.kind, body.update.slug]).toEqual(["published", LATEST]);
  const ids = (products: SnapshotProduct[]) => products.flatMap((p) => p.dependencies.map((d) => d.id)).sort((a, b) => a - b);
  expect(ids(body.roadmap.products)).toEqual(ids(content.roadmap.products));
});

test("the chart reads in the table's order, and each family's products are listed under their parent in both", async ({ page }) => {
  const content = await snapshot(page.request);
  const parentOf = new Map(content.roadmap.products.map((p) => [p.slug, p.parentSlug]));
  const children = content.roadmap.products.filter((p) => p.parentSlug !== null);
  expect(children.length, "the synthetic programme has families").toBeGreaterThan(2);
  const isUnder = (slug: string, ancestor: string): boolean => {
    const parent = parentOf.get(slug) ?? null;
    return parent !== null && (parent === ancestor || isUnder(parent, ancestor));
  };

  await page.goto("/timeline?quarters=calendar");
  // Every bar and marker, in the chart's reading order, is the table's phase and milestone rows in its order
  // (the table also lists what falls outside the range, and says so; the chart cannot draw those).
  const chartItems = await chart(page).locator("[data-timeline-item]").evaluateAll((els) => els.map((e) => e.getAttribute("data-timeline-item")!));
  const tableItems = await timelineTable(page)
    .locator("tr[data-table-item]")
    .evaluateAll((trs) => trs.filter((tr) => !/Outside this range/.test(tr.textContent ?? "")).map((tr) => tr.getAttribute("data-table-item")!));
  expect(chartItems.length).toBeGreaterThan(200);
  expect(chartItems).toEqual(tableItems);

  // The same products in the same order, the chart's rows and the table's row headers.
  const chartRows = await chart(page)
    .locator("tr[data-row^='p-']")
    .evaluateAll((trs) => trs.map((tr) => ({ slug: tr.getAttribute("data-row")!.slice(2), indent: parseFloat((tr.querySelector("td > div") as HTMLElement).style.paddingLeft || "0") })));
  const slugByName = new Map(content.roadmap.products.map((p) => [p.name, p.slug]));
  const tableOrder = (await timelineTable(page).locator("tbody th[scope='row']").allTextContents())
    .map((name) => slugByName.get(name.trim()))
    .filter((slug, i, all) => slug !== all[i - 1]);
  expect(chartRows.map((r) => r.slug)).toEqual(tableOrder);
  expect(chartRows).toHaveLength(content.roadmap.products.length);

  // A child comes after its parent, with nothing but the parent's family between them, and indented further.
  const order = chartRows.map((r) => r.slug);
  const problems = children.flatMap((child) => {
    const at = order.indexOf(child.slug);
    const parentAt = order.indexOf(child.parentSlug!);
    const between = order.slice(parentAt + 1, at);
    if (parentAt < 0 || at < parentAt || between.some((slug) => !isUnder(slug, child.parentSlug!))) return [`${child.slug} is not under ${child.parentSlug}: ${order.slice(parentAt, at + 1).join(", ")}`];
    if (!(chartRows[at]!.indent > chartRows[parentAt]!.indent)) return [`${child.slug} is not indented under ${child.parentSlug}`];
    return [];
  });
  expect(problems).toEqual([]);
  // In the table too: a child's row header is indented further than its parent's.
  const family = children[0]!;
  const indent = async (slug: string) =>
    timelineTable(page)
      .locator("tbody th[scope='row']", { hasText: new RegExp(`^${escape(content.roadmap.products.find((p) => p.slug === slug)!.name)}$`) })
      .first()
      .evaluate((th) => parseFloat(getComputedStyle(th).paddingLeft));
  expect(await indent(family.slug)).toBeGreaterThan(await indent(family.parentSlug!));
});

test("axe passes on the large timeline at month, quarter and year zoom", async ({ page }) => {
  test.setTimeout(600_000);
  for (const zoom of ZOOMS) {
    await page.goto(`/timeline?zoom=${zoom}&quarters=calendar`);
    await expect(chart(page)).toHaveAttribute("data-zoom", zoom);
    await expectNoAxeViolations(page);
  }
});

test("the keyboard alone reaches every bar and marker of the large timeline, in the chart's order", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/timeline?quarters=calendar");
  const items = chart(page).locator("[data-timeline-item]");
  const expected = await items.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-timeline-item")!));
  expect(expected.filter((i) => i.startsWith("milestone-")).length).toBeGreaterThan(100);
  await chart(page).locator("figcaption").click();
  const reached: string[] = [];
  for (let presses = 0; presses < expected.length * 3 + 50 && reached.length < expected.length; presses++) {
    await page.keyboard.press("Tab");
    const item = await page.evaluate(() => document.activeElement?.getAttribute("data-timeline-item") ?? null);
    if (item) reached.push(item);
  }
  expect(reached).toEqual(expected);
});

test("the PDF of the latest update: no blank page, the timeline's header on every page it spans, every line in the print layout", async ({ page }) => {
  // The print layout the PDF is made from: every dependency line is in its DOM.
  const content = await snapshot(page.request);
  await page.goto(`/updates/${LATEST}/print`);
  const printed = chart(page, "snapshot-timeline");
  await expect(printed).toBeVisible();
  await expectEveryDependencyDrawn(printed, content);
  const labels = (await printed.locator(".timeline-column-label").allTextContents()).map((l) => l.trim());
  expect(labels.length).toBeGreaterThanOrEqual(4);
  // "Timeline from 1 January 2022 to 31 March 2023" (the PDF's text may put a space before the comma that follows).
  const caption = /Timeline from \d+ \w+ \d{4} to \d+ \w+ \d{4}/.exec((await printed.locator("figcaption").textContent()) ?? "")?.[0] ?? "(no caption)";

  const bytes = await latestPdf(page.request);
  const facts = await readPdf(bytes);
  const pdf = await pdfPages(bytes);
  const pages = pdf.map((p) => p.text);
  expect(pages).toHaveLength(facts.pages);
  expect(pages.length, "a long document").toBeGreaterThan(10);
  // Every page has its footer ("NLEDP product roadmap, 2022 Q1 Page 3 of 206"), numbered in order; a page with only that is blank.
  const footer = /\S+ product roadmap, \d{4} Q\d Page (\d+) of (\d+)/g;
  const footers = pages.map((text, i) => ({ page: i + 1, numbers: [...text.matchAll(footer)].map((m) => `${m[1]} of ${m[2]}`) }));
  expect(
    footers.filter((f) => f.numbers.length !== 1 || f.numbers[0] !== `${f.page} of ${pages.length}`),
    `pages without their own footer "Page N of ${pages.length}"`,
  ).toEqual([]);
  const blank = pages.flatMap((text, i) => (text.replace(footer, "").trim().length === 0 ? [i + 1] : []));
  expect(blank, "blank pages").toEqual([]);

  // The chart runs from the page with its caption to the page with its last row, the programme
  // dependencies. (A page's text comes in the order it was painted, not the DOM's, so each page is
  // checked as a whole: its header is the column labels one after another.)
  const first = pages.findIndex((text) => text.includes(caption));
  expect(first, `the page with "${caption}"`).toBeGreaterThan(0);
  const last = pages.findIndex((text, i) => i >= first && text.includes("Programme dependencies"));
  expect(last, "the page with the chart's last row").toBeGreaterThanOrEqual(first);
  expect(last - first + 1, "60 products take more than one page").toBeGreaterThan(1);
  const header = new RegExp(labels.map(escape).join("\\s*"));
  const withoutHeader = pages.slice(first, last + 1).flatMap((text, i) => (header.test(text) ? [] : [`page ${first + i + 1}: ${text.slice(0, 160)}`]));
  expect(withoutHeader, `pages of the timeline (${first + 1} to ${last + 1}) without its header "${labels.join(" ")}"`).toEqual([]);

  // No row is split between pages: each product's name is in the chart's first column on exactly one
  // page, and each of its milestones in the range is on that same page.
  const range = await rangeOf(printed);
  const onPage = new Map<string, number[]>();
  const productNames = content.roadmap.products.map((p) => p.name);
  for (let i = first; i <= last; i++) {
    for (const name of namesIn(nameColumn(pdf[i]!.items, labels[0]!), [...productNames, "Programme dependencies"])) onPage.set(name, [...(onPage.get(name) ?? []), i + 1]);
  }
  const notOnOnePage = [...productNames, "Programme dependencies"].flatMap((name) =>
    onPage.get(name)?.length === 1 ? [] : [`${name}: pages ${JSON.stringify(onPage.get(name) ?? [])} ${(onPage.get(name) ?? []).map((n) => nameColumn(pdf[n - 1]!.items, labels[0]!)).join(" / ")}`],
  );
  expect(notOnOnePage, "rows whose name is not on exactly one page of the timeline").toEqual([]);
  const strayMilestones = content.roadmap.products.flatMap((product) => {
    const pageText = pages[onPage.get(product.name)![0]! - 1]!;
    return product.milestones.filter((m) => overlaps(m.forecast, range) && !new RegExp(`${escape(m.title)}\\s*:`).test(pageText)).map((m) => `${product.name}: ${m.title}`);
  });
  expect(strayMilestones, "milestones not on the page of their product's row").toEqual([]);

  // The section after the timeline starts on a page of its own, after the chart.
  const rollout = pages.findIndex((text, i) => i > first && text.includes("Rollout against target"));
  expect(rollout).toBeGreaterThan(last);
});
