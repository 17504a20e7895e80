/**
 * The seed is typed from two source files kept outside the repository (../shared/input). Where they are
 * present, the seed must match them: the forces list exactly, and every sentence taken from the letter
 * word for word. On a clone without them these tests are skipped (their names say so).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LETTER_2021_10_07 } from "@/lib/db/seed/letter";
import { FACTORS, PHASES, PRODUCTS } from "@/lib/db/seed/nledp";
import { POLICE_FORCES } from "@/lib/db/seed/police-forces";

const input = fileURLToPath(new URL("../../../shared/input/", import.meta.url));
const CSV = path.join(input, "uk-territorial-police-forces.csv");
const LETTER = path.join(input, "nledp-roadmap-letter-2021-10-07.txt");
const hasCsv = fs.existsSync(CSV);
const hasLetter = fs.existsSync(LETTER);

/** Minimal RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") fields.push(field), (field = "");
      else field += c;
    }
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

/** The letter's markdown emphasis removed, and all runs of whitespace (tabs, no-break spaces) made one space. */
const normalise = (text: string) => text.replace(/\*/g, "").replace(/[\s\u00a0]+/g, " ").trim();

describe(`the police forces (skipped when ${path.relative(process.cwd(), CSV)} is absent)`, () => {
  it.skipIf(!hasCsv)("match the CSV exactly: names, nations and order", () => {
    const [header, ...rows] = parseCsv(fs.readFileSync(CSV, "utf8"));
    expect(header).toEqual(["name", "nation"]);
    expect(POLICE_FORCES.map((f) => [f.name, f.nation])).toEqual(rows);
  });
});

describe(`the letter's words (skipped when ${path.relative(process.cwd(), LETTER)} is absent)`, () => {
  const letter = hasLetter ? normalise(fs.readFileSync(LETTER, "utf8")) : "";

  /** In the letter as written, allowing for a capital first letter and a full stop the seed added. */
  const inLetter = (sentence: string) => {
    const s = normalise(sentence).replace(/\.$/, "");
    const lower = s.charAt(0).toLowerCase() + s.slice(1);
    const upper = s.charAt(0).toUpperCase() + s.slice(1);
    return letter.includes(lower) || letter.includes(upper);
  };

  it.skipIf(!hasLetter)("contain every product description and status line in the seed", () => {
    for (const p of PRODUCTS) {
      expect(inLetter(p.description), `${p.slug} description: ${p.description}`).toBe(true);
      expect(inLetter(p.statusSummary), `${p.slug} status: ${p.statusSummary}`).toBe(true);
    }
  });

  it.skipIf(!hasLetter)("contain every phase description and dependency factor in the seed", () => {
    for (const phase of PHASES) expect(inLetter(phase.description), phase.key).toBe(true);
    for (const factor of FACTORS) {
      expect(inLetter(factor.title), factor.title).toBe(true);
      if (factor.description) expect(inLetter(factor.description), factor.description).toBe(true);
    }
  });

  it.skipIf(!hasLetter)("contain every line of the covering text, emphasis removed", () => {
    const lines = new Set(fs.readFileSync(LETTER, "utf8").split(/\r?\n/).map(normalise));
    for (const line of LETTER_2021_10_07.split("\n").map(normalise).filter(Boolean)) {
      expect(lines.has(line), line).toBe(true);
    }
  });
});
