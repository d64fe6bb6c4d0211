// Page images to text, on this machine: Debian's `tesseract` when it is installed (several times
// faster), otherwise tesseract.js with the language data shipped as an npm package. Nothing is
// downloaded at run time.
import { execFile, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { reflow, tsvWords, type Word } from "./ocr-layout";
import { eraseRuling } from "./ruling";
import { ParseError } from "./types";

/** A page takes seconds; a minute means the engine is stuck, and the upload must not hang on it. */
const OCR_TIMEOUT_MS = 120_000;

export type OcrEngine = "tesseract" | "tesseract.js";

let cliPresent: boolean | undefined;
function hasTesseractCli(): boolean {
  if (cliPresent === undefined) {
    try {
      execFileSync("tesseract", ["--version"], { stdio: "ignore", timeout: 10_000 });
      cliPresent = true;
    } catch {
      cliPresent = false;
    }
  }
  return cliPresent;
}

/** `OCR_ENGINE` picks one engine (tests run both); by default the CLI when present. */
export function ocrEngine(): OcrEngine {
  const asked = process.env.OCR_ENGINE;
  if (asked === "tesseract" || asked === "tesseract.js") return asked;
  return hasTesseractCli() ? "tesseract" : "tesseract.js";
}

/** Both engines are asked for TSV: every word with its box and confidence. */
function withCli(image: Uint8Array, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "tesseract",
      ["stdin", "stdout", "tsv"],
      { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, timeout: OCR_TIMEOUT_MS, env: { ...process.env, OMP_THREAD_LIMIT: "1" } },
      (err, stdout, stderr) => {
        if (err) reject(new ParseError(`the ${what} could not be read by tesseract (${(stderr || err.message).trim().split("\n").pop()})`));
        else resolve(stdout);
      },
    );
    child.stdin?.on("error", () => {});
    child.stdin?.end(Buffer.from(image));
  });
}

async function withTesseractJs(image: Uint8Array, what: string): Promise<string> {
  const { createWorker } = await import("tesseract.js");
  // The package's own index points at the "fast" data; the "best_int" folder beside it reads forms better.
  const langPath = join(dirname(createRequire(import.meta.url).resolve("@tesseract.js-data/eng")), "4.0.0_best_int");
  const worker = await createWorker("eng", 1, { langPath, cacheMethod: "none", gzip: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ParseError(`the ${what} could not be read within ${OCR_TIMEOUT_MS / 1000} seconds`)), OCR_TIMEOUT_MS);
    });
    const { data } = await Promise.race([worker.recognize(Buffer.from(image), {}, { tsv: true }), timeout]).catch((err: unknown) => {
      if (err instanceof ParseError) throw err;
      throw new ParseError(`the ${what} could not be read (${err instanceof Error ? err.message : String(err)})`);
    });
    return data.tsv ?? "";
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

/**
 * Tesseract reads print best at about 30 px per capital; a page captured at screen resolution (a
 * letter-size form about 1,100 px wide) has half that, and upscaling it first raised one real
 * filing's fields read from 36 to 50 of 57. Larger pages are left as they are.
 */
const MIN_PAGE_WIDTH = 1600;
const UPSCALED_WIDTH = 2200;
/**
 * Pixels Tesseract is given for one page: a letter page scanned at 600 dpi has 34 million. Tesseract's time grows
 * with the pixels, so a 500 KB PNG of 1,000 × 100,000 blank pixels, upscaled, kept it busy for 40 seconds.
 */
export const MAX_PAGE_PIXELS = 40_000_000;
/** Tesseract refuses an image longer than this on either side ("Image too large"). */
const MAX_PAGE_SIDE = 32_767;

/** Refuses a page OCR would take too long over, or could not read at all; `is` names it ("the PNG image is"). */
export function refuseOversizedPage(width: number, height: number, is: string): void {
  if (width * height <= MAX_PAGE_PIXELS && width <= MAX_PAGE_SIDE && height <= MAX_PAGE_SIDE) return;
  const n = (v: number) => v.toLocaleString("en-US");
  throw new ParseError(`${is} ${n(width)} × ${n(height)} pixels; a page is at most ${n(MAX_PAGE_PIXELS)} pixels (a letter page at 600 dpi) and ${n(MAX_PAGE_SIDE)} on a side`);
}

/** The page as Tesseract reads it best: gray, large enough, its ruling erased (ruling.ts says why). */
async function prepare(image: Uint8Array, what: string): Promise<Uint8Array> {
  const { default: sharp } = await import("sharp");
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(image, { limitInputPixels: false }).metadata());
  } catch (err) {
    throw new ParseError(`the ${what} cannot be decoded (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!width || !height) throw new ParseError(`the ${what} cannot be decoded (it states no size)`);
  refuseOversizedPage(width, height, `the ${what} is`);
  try {
    let page = sharp(image, { limitInputPixels: MAX_PAGE_PIXELS }).flatten({ background: "#ffffff" }).grayscale();
    if (width < MIN_PAGE_WIDTH) {
      // A narrow, tall image is upscaled only as far as the page's bounds allow.
      const scale = Math.min(UPSCALED_WIDTH / width, Math.sqrt(MAX_PAGE_PIXELS / (width * height)), MAX_PAGE_SIDE / height);
      page = page.resize({ width: Math.max(1, Math.floor(width * scale)), kernel: "lanczos3" });
    }
    const { data, info } = await page.raw().toBuffer({ resolveWithObject: true });
    const gray = eraseRuling({ data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height });
    return new Uint8Array(await sharp(gray.data, { raw: { width: gray.width, height: gray.height, channels: 1 } }).png().toBuffer());
  } catch (err) {
    throw new ParseError(`the ${what} cannot be decoded (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * The text Tesseract reads on one page image (PNG, JPEG or TIFF bytes), a printed row per line
 * (ocr-layout.ts), and its words with their boxes and confidences; `what` names it in errors.
 */
export async function ocrImage(image: Uint8Array, what = "image"): Promise<{ text: string; words: Word[]; engine: OcrEngine }> {
  const engine = ocrEngine();
  const page = await prepare(image, what);
  const tsv = engine === "tesseract" ? await withCli(page, what) : await withTesseractJs(page, what);
  const words = tsvWords(tsv);
  return { text: reflow(words), words, engine };
}
