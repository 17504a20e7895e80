import { expect, test } from "./support/fixtures";
import { readPdf } from "./support/pdf";

test("the 2021 Q4 PDF carries every fact of the letter, tagged, titled, in English, with fonts embedded", async ({ page }) => {
  const request = page.request;
  test.setTimeout(120_000);
  const response = await request.get("/updates/2021-q4/pdf");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="nledp-roadmap-2021-q4.pdf"');
  const bytes = await response.body();
  const pdf = await readPdf(bytes);

  // A4 landscape: Chromium writes each page's MediaBox in points.
  expect(bytes.toString("latin1")).toMatch(/\/MediaBox \[0 0 841\.91998 594\.95996\]/);
  expect(pdf.title).toBe("NLEDP product roadmap, 2021 Q4");
  expect(pdf.tagged).toBe(true);
  expect(pdf.lang).toBe("en-GB");
  expect(pdf.fontsEmbedded).toBe(true);

  const facts = [
    // cover
    "National Law Enforcement Data Programme", "2021 Q4", "7 October 2021", "Matthew Rycroft, Permanent Secretary",
    // the six products
    "Photographs at the Roadside", "Property", "Drivers", "Person", "Audit", "Vehicles",
    // rollout and dates at their own precision
    "22 of 45 police forces live", "Target: 38 forces by end of 2021", "England, Wales, Scotland, Northern Ireland",
    "Beta release: March 2022", "Q1 2022", "1st Quarter 2022", "set of 9 person products", "First of a planned family of 9 person products",
    "Pre-discovery phase expected to conclude by end of 2021",
    // the three dependencies
    "Successful pilot of 2 way replication of data between the LEDS environment and PNC",
    "A robust approach and plan for the adoption of products by policing and other agencies",
    "A secure and flexible platform able to support agile development",
    // the five phases with the letter's descriptions
    "Pre-Discovery", "Mapping the existing system we're operating in, reviewing our existing knowledge - revealing the gaps in our current research",
    "Discovery", "Ensuring that we understand the problem that needs to be solved. Before we commit to building something",
    "Alpha", "Build an evidence base for the right approach. Test with real users. Prove or disprove our hypotheses.",
    "Beta", "Live", "Build out the best option from alpha. Continue to learn and iterate by operating a product for real users.",
    "Invite only", "Available to all",
    // descriptions and honest statuses
    "An improved register of stolen property.", "Full DVLA driver information accessible at roadside including driver image.",
    "Improved functionality supporting audit investigation underlying all products.", "Not assessed",
    "Inferred: the letter gives the beta release date, not the current phase.",
    // the 45 forces, names intact
    "The 45 territorial police forces", "Devon & Cornwall Police", "Dyfed-Powys Police (Heddlu Dyfed-Powys)",
    "North Wales Police (Heddlu Gogledd Cymru)", "Police Scotland (Poileas Alba)", "Police Service of Northern Ireland",
    // sender and addressee
    "2 Marsham Street", "Meg Hillier MP", "Chair, Public Accounts Committee",
    // sections
    "Covering text", "Timeline from 1 October 2021 to 31 December 2022", "Rollout against target", "What changed since the previous update", "Phase definitions",
  ];
  const missing = facts.filter((fact) => !pdf.text.includes(fact));
  expect(missing, "facts missing from the PDF text").toEqual([]);
  // Statuses the letter does not give are not invented.
  expect(pdf.text).not.toContain("On track");
});

test("the PDF is made once and kept: every download is the same bytes", async ({ page }) => {
  const request = page.request;
  test.setTimeout(120_000);
  const [first, second] = await Promise.all([request.get("/updates/2021-q4/pdf"), request.get("/updates/2021-q4/pdf")]);
  const third = await request.get("/updates/2021-q4/pdf");
  const bodies = await Promise.all([first.body(), second.body(), third.body()]);
  expect(bodies[0]!.length).toBeGreaterThan(10_000);
  expect(bodies[1]!.equals(bodies[0]!)).toBe(true);
  expect(bodies[2]!.equals(bodies[0]!)).toBe(true);

  // A browser that has it already is told so, without the file.
  const etag = third.headers()["etag"];
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  const revalidated = await request.get("/updates/2021-q4/pdf", { headers: { "if-none-match": etag! } });
  expect(revalidated.status()).toBe(304);
  expect((await revalidated.body()).length).toBe(0);
  expect((await request.get("/updates/2021-q4/pdf", { headers: { "if-none-match": '"something-else"' } })).status()).toBe(200);
});
