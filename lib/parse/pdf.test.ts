import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extractPdfText, renderPdfPages } from "./pdf";
import { ParseError } from "./types";

/** A valid one-page PDF with nothing drawn on it: what a scan looks like to a text extractor. */
function blankPdf(mediaBox = "0 0 612 792"): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((obj, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe("extractPdfText", () => {
  it("returns the text layer of a PDF rendering of a Form 4", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/pdf/form4-374water.pdf", import.meta.url)));
    const text = await extractPdfText(bytes);
    expect(text).toContain("374Water Inc.");
    expect(text).toContain("Melkote Rajesh Ramaswamy");
    expect(text).toContain("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP");
    // The caller's buffer is left intact for hashing and storage.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it("finds no text layer in a scan", async () => {
    expect((await extractPdfText(blankPdf())).trim()).toBe("");
  });

  it("ends a text layer that takes too long, which used to hold the server for 64 seconds and 2 GB", { timeout: 30_000 }, async () => {
    // 516 KB that inflate to 144 MB of text operators; pdf.js parses them in one synchronous run.
    const content = deflateSync("BT /F1 12 Tf 72 700 Td (FORM 4 Reporting Person) Tj ET\n".repeat(2_000_000));
    const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n4 0 obj << /Length ${content.length} /Filter /FlateDecode >>\nstream\n`;
    const bomb = new Uint8Array(Buffer.concat([Buffer.from(head), content, Buffer.from("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n")]));
    const start = performance.now();
    await expect(extractPdfText(bomb)).rejects.toThrow(new ParseError("the PDF could not be read within 10 seconds"));
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it("refuses a damaged PDF with a reason", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n" + "garbage ".repeat(1000));
    await expect(extractPdfText(bytes)).rejects.toBeInstanceOf(ParseError);
  });
});

describe("renderPdfPages", () => {
  it("refuses a page too large for OCR before rendering it, which took 17 seconds for a 100 × 14,400 point page", async () => {
    const start = performance.now();
    await expect(renderPdfPages(blankPdf("0 0 100 14400"))).rejects.toThrow(
      new ParseError("page 1 of the PDF would render at 2,200 × 316,800 pixels; a page is at most 40,000,000 pixels (a letter page at 600 dpi) and 32,767 on a side"),
    );
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it("renders a letter page", { timeout: 30_000 }, async () => {
    expect(await renderPdfPages(blankPdf())).toHaveLength(1);
  });
});
