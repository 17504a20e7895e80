import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfFacts = { text: string; pages: number; title: string | undefined; tagged: boolean; lang: string | undefined; fontsEmbedded: boolean };

/** The text of every page (with whitespace folded), and the document facts a reader relies on. */
export async function readPdf(bytes: Buffer): Promise<PdfFacts> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // A line that ends in a hyphen ("Dyfed-" / "Powys") joins the next without a space.
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL && !item.str.endsWith("-") ? " " : "") : "")).join(""));
  }
  const meta = (await doc.getMetadata()).info as { Title?: string };
  const mark = await doc.getMarkInfo();
  const raw = bytes.toString("latin1");
  const lang = /\/Lang\s*\(([^)]*)\)/.exec(raw)?.[1];
  // Every font must be embedded: each font descriptor points at a font file, except those of Type 3
  // fonts, whose glyphs are drawn inside the PDF itself.
  const objects = new Map([...raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map((m) => [m[1]!, m[2]!]));
  const type3Descriptors = new Set(
    [...objects.values()].filter((o) => /\/Subtype\s*\/Type3/.test(o)).map((o) => /\/FontDescriptor (\d+) 0 R/.exec(o)?.[1]),
  );
  const descriptors = [...objects.entries()].filter(([id, o]) => /\/Type\s*\/FontDescriptor\b/.test(o) && !type3Descriptors.has(id));
  const unembedded = descriptors.filter(([, o]) => !/\/FontFile[23]?\b/.test(o));
  await doc.destroy();
  return {
    text: pages.join("\n").replace(/\s+/g, " "),
    pages: doc.numPages,
    title: meta.Title,
    tagged: !!mark?.Marked,
    lang,
    fontsEmbedded: descriptors.length > 0 && unembedded.length === 0,
  };
}
