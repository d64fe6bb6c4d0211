// Page images and scanned PDFs go through OCR on this machine, with either engine, offline.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { parseFiling, ParseError } from "./index";

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));
const hasCli = (() => {
  try {
    execFileSync("tesseract", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

// What the analyst checks first on the 374Water Form 4 (sec.gov's rendering, captured at screen resolution).
function expectTheForm(filing: Awaited<ReturnType<typeof parseFiling>>) {
  expect(filing.source.format).toBe("image-ocr");
  expect(filing.issuer).toMatchObject({ name: "374Water Inc.", ticker: "SCWO" });
  expect(filing.reportingOwners[0].name).toMatch(/^Melkote Rajesh Ramaswam/);
  expect(filing.periodOfReport).toBe("2025-04-30");
  expect(filing.nonDerivative[0]).toMatchObject({ transactionDate: "2025-04-30", transactionCode: "A", sharesOwnedFollowing: 757756 });
  expect(filing.derivative[0].securityTitle).toBe("Stock options (right to buy)");
}

describe("scanned filings", () => {
  const engine = process.env.OCR_ENGINE;
  afterEach(() => {
    if (engine === undefined) delete process.env.OCR_ENGINE;
    else process.env.OCR_ENGINE = engine;
  });

  it.skipIf(!hasCli)("reads a PNG page with Debian's tesseract", { timeout: 60_000 }, async () => {
    process.env.OCR_ENGINE = "tesseract";
    expectTheForm(await parseFiling(fixture("image/form4-374water.png")));
  });

  it("reads a PNG page with tesseract.js and its packaged language data", { timeout: 90_000 }, async () => {
    process.env.OCR_ENGINE = "tesseract.js";
    expectTheForm(await parseFiling(fixture("image/form4-374water.png")));
  });

  it("reads a JPEG page", { timeout: 60_000 }, async () => {
    const jpeg = new Uint8Array(await sharp(fixture("image/form4-374water.png")).jpeg({ quality: 85 }).toBuffer());
    expectTheForm(await parseFiling(jpeg));
  });

  it("renders and reads the pages of a PDF without a text layer", { timeout: 90_000 }, async () => {
    expectTheForm(await parseFiling(fixture("pdf/form4-374water-scan.pdf")));
  });

  it("names the image and the reason when a page cannot be read", { timeout: 30_000 }, async () => {
    const corrupt = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(parseFiling(corrupt)).rejects.toThrow(/^the PNG image cannot be decoded/);
    const blank = new Uint8Array(await sharp({ create: { width: 1700, height: 2200, channels: 3, background: "white" } }).png().toBuffer());
    await expect(parseFiling(blank)).rejects.toThrow(new ParseError("no text was found on the PNG image"));
  });

  it("refuses a page image too large for OCR before reading it, which used to keep tesseract busy for 40 seconds", { timeout: 30_000 }, async () => {
    const tall = new Uint8Array(await sharp({ create: { width: 1_000, height: 100_000, channels: 3, background: "white" } }).png().toBuffer());
    const start = performance.now();
    await expect(parseFiling(tall)).rejects.toThrow(
      new ParseError("the PNG image is 1,000 × 100,000 pixels; a page is at most 40,000,000 pixels (a letter page at 600 dpi) and 32,767 on a side"),
    );
    expect(performance.now() - start).toBeLessThan(5_000);
    const thin = new Uint8Array(await sharp({ create: { width: 1, height: 40_000, channels: 3, background: "white" } }).png().toBuffer());
    await expect(parseFiling(thin)).rejects.toThrow(/^the PNG image is 1 × 40,000 pixels/);
  });
});
