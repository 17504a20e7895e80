import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfFacts = { text: string; pages: number; title: string | undefined; tagged: boolean; lang: string | undefined; fontsEmbedded: boolean };

/** The text of every page (with whitespace folded), and the document facts a reader relies on. */
export async function readPdf(bytes: Buffer): Promise<PdfFacts> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join(""));
  }
  const meta = (await doc.getMetadata()).info as { Title?: string };
  const mark = await doc.getMarkInfo();
  const raw = bytes.toString("latin1");
  const lang = /\/Lang\s*\(([^)]*)\)/.exec(raw)?.[1];
  // Every font descriptor must point at an embedded font file.
  const descriptors = raw.match(/\/Type\s*\/FontDescriptor\b/g)?.length ?? 0;
  const embedded = raw.match(/\/FontFile[23]?\b/g)?.length ?? 0;
  await doc.destroy();
  return {
    text: pages.join("\n").replace(/\s+/g, " "),
    pages: doc.numPages,
    title: meta.Title,
    tagged: !!mark?.Marked,
    lang,
    fontsEmbedded: descriptors > 0 && embedded === descriptors,
  };
}
