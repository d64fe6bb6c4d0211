import { extractText, getDocumentProxy, renderPageAsImage } from "unpdf";
import { refuseOversizedPage } from "./ocr-image";
import { ParseError } from "./types";

/** A Form 4 PDF has a page or two; reading one should take well under a second. */
const PDF_TIMEOUT_MS = 10_000;

/** A PDF a few kilobytes long can inflate to hundreds of megabytes of text; a real filing's text is far below these. */
const MAX_TEXT_PAGES = 50;
const MAX_TEXT_CHARS = 2_000_000;

async function readTextLayer(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy and the caller keeps theirs.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (pdf.numPages > MAX_TEXT_PAGES) {
      throw new ParseError(`the PDF has ${pdf.numPages} pages; a Form 3, 4 or 5 has at most ${MAX_TEXT_PAGES}`);
    }
    const { text } = await extractText(pdf, { mergePages: true });
    if (text.length > MAX_TEXT_CHARS) {
      throw new ParseError(`the PDF's text runs to ${text.length.toLocaleString("en-US")} characters; a Form 3, 4 or 5 has at most ${MAX_TEXT_CHARS.toLocaleString("en-US")}`);
    }
    return text;
  } finally {
    await pdf.destroy();
  }
}

/** A Form 4 has one to three pages; a longer PDF is not one filing, and each page costs seconds of OCR. */
export const MAX_SCANNED_PAGES = 10;
/** Pixels across a rendered page: about 200 dpi on a letter-size page, where Tesseract reads forms well. */
const RENDER_WIDTH = 1700;

async function renderPages(bytes: Uint8Array): Promise<Uint8Array[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (pdf.numPages > MAX_SCANNED_PAGES) {
      throw new ParseError(`the PDF has ${pdf.numPages} pages and no text layer; a scanned Form 3, 4 or 5 has at most ${MAX_SCANNED_PAGES}`);
    }
    const pages: Uint8Array[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      // Rendering allocates the whole page before OCR could refuse it: a 228-byte PDF with a page of 100 × 14,400
      // points took 17 seconds to render to 416 million pixels.
      const { width, height } = (await pdf.getPage(n)).getViewport({ scale: 1 });
      refuseOversizedPage(RENDER_WIDTH, Math.ceil((height * RENDER_WIDTH) / width), `page ${n} of the PDF would render at`);
      pages.push(new Uint8Array(await renderPageAsImage(pdf, n, { canvasImport: () => import("@napi-rs/canvas"), width: RENDER_WIDTH })));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ParseError(`the PDF could not be ${what} within ${ms / 1000} seconds`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (err) {
    if (err instanceof ParseError) throw err;
    throw new ParseError(`the PDF cannot be read (${(err as Error).message ?? String(err)})`);
  } finally {
    clearTimeout(timer);
  }
}

/** The text layer of a PDF, pages joined (empty for a scan); the OCR-text parser reads it from there. */
export function extractPdfText(bytes: Uint8Array): Promise<string> {
  return withTimeout(readTextLayer(bytes), PDF_TIMEOUT_MS, "read");
}

/** Each page of a PDF as a PNG image, for OCR when the PDF has no usable text layer. */
export function renderPdfPages(bytes: Uint8Array): Promise<Uint8Array[]> {
  return withTimeout(renderPages(bytes), PDF_TIMEOUT_MS * 3, "rendered");
}
