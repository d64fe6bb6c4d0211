import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { getDocumentProxy, renderPageAsImage } from "unpdf";
import { refuseOversizedPage } from "./ocr-image";
import { ParseError } from "./types";

/** A Form 4 PDF has a page or two; reading one should take well under a second. */
const PDF_TIMEOUT_MS = 10_000;

/** A PDF a few kilobytes long can inflate to hundreds of megabytes of text; a real filing's text is far below these. */
const MAX_TEXT_PAGES = 50;
const MAX_TEXT_CHARS = 2_000_000;
/** Far more than a filing's PDF needs; a worker over it is ended rather than the server. */
const TEXT_WORKER_HEAP_MB = 512;

type TextLayer = { pages: number; text?: string; chars?: number } | { error: string };

// Source, not a file beside this one, so the worker needs nothing from the bundler; it sends the page count, and
// the text only when it is within bounds, so a huge text layer is not copied back to be refused.
const TEXT_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { getDocumentProxy, extractText } = require(workerData.unpdf);
(async () => {
  const pdf = await getDocumentProxy(workerData.bytes);
  if (pdf.numPages > workerData.maxPages) return { pages: pdf.numPages };
  const { text } = await extractText(pdf, { mergePages: true });
  return text.length > workerData.maxChars ? { pages: pdf.numPages, chars: text.length } : { pages: pdf.numPages, text };
})().then(
  (layer) => parentPort.postMessage(layer),
  (err) => parentPort.postMessage({ error: String((err && err.message) || err) }),
);
`;

/**
 * pdf.js reads a page's content in one synchronous run, where a timer on the same thread never fires: a 516 KB PDF
 * whose content stream inflates to 144 MB of text operators held the server for 64 seconds and 2 GB of memory.
 * The text layer is read on a worker thread instead, which the timeout and a heap limit can end.
 */
function readTextLayer(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TEXT_WORKER, {
      eval: true,
      // The worker gets its own copy of the bytes; pdf.js detaches the buffer it is given, and the caller keeps theirs.
      workerData: { unpdf: createRequire(import.meta.url).resolve("unpdf"), bytes: new Uint8Array(bytes), maxPages: MAX_TEXT_PAGES, maxChars: MAX_TEXT_CHARS },
      resourceLimits: { maxOldGenerationSizeMb: TEXT_WORKER_HEAP_MB },
    });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new ParseError(`the PDF could not be read within ${PDF_TIMEOUT_MS / 1000} seconds`))), PDF_TIMEOUT_MS);
    worker.once("message", (layer: TextLayer) =>
      settle(() => {
        if ("error" in layer) reject(new ParseError(`the PDF cannot be read (${layer.error})`));
        else if (layer.pages > MAX_TEXT_PAGES) reject(new ParseError(`the PDF has ${layer.pages} pages; a Form 3, 4 or 5 has at most ${MAX_TEXT_PAGES}`));
        else if (layer.text === undefined) {
          const n = (v: number) => v.toLocaleString("en-US");
          reject(new ParseError(`the PDF's text runs to ${n(layer.chars ?? 0)} characters; a Form 3, 4 or 5 has at most ${n(MAX_TEXT_CHARS)}`));
        } else resolve(layer.text);
      }),
    );
    worker.once("error", (err: Error) =>
      settle(() => {
        const outOfMemory = (err as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
        reject(new ParseError(outOfMemory ? `the PDF needs more than ${TEXT_WORKER_HEAP_MB} MB of memory to read` : `the PDF cannot be read (${err.message})`));
      }),
    );
  });
}

/** A Form 4 has one to three pages; a longer PDF is not one filing, and each page costs seconds of OCR. */
export const MAX_SCANNED_PAGES = 10;
/** Pixels across a rendered page: about 260 dpi on a letter-size page, the width page images are upscaled to for OCR. */
const RENDER_WIDTH = 2200;

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
  return readTextLayer(bytes);
}

/** Each page of a PDF as a PNG image, for OCR when the PDF has no usable text layer. */
export function renderPdfPages(bytes: Uint8Array): Promise<Uint8Array[]> {
  return withTimeout(renderPages(bytes), PDF_TIMEOUT_MS * 3, "rendered");
}
