import { createHash } from "node:crypto";
import { CONFIDENCE_THRESHOLD, ParseError, type Filing, type SourceFormat } from "./types";
import { parseEdgarXml } from "./edgar-xml";
import { parseEdgarHtml } from "./edgar-html";
import { parseEdgarSubmission } from "./edgar-submission";
import { parseOcrMarkdown } from "./ocr-markdown";
import { parseOcrText } from "./ocr-text";
import { extractPdfText, renderPdfPages } from "./pdf";
import { ocrImage } from "./ocr-image";
import type { Word } from "./ocr-layout";
import { applyWordConfidence } from "./word-confidence";
import { deriveVesting, deriveVestingFromOcr, unplacedSchedules } from "../vesting/derive";
import { valueAt } from "../review/fields";

export { ParseError } from "./types";
export type { Filing } from "./types";

/** Larger than any real ownership filing; a bigger file is rejected before any parsing. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A Form 4 fits in a few thousand lines even when OCR splits every cell. */
const MAX_TEXT_LINES = 20_000;

export type DetectedFormat = Exclude<SourceFormat, "image-ocr">;

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** Page images the OCR engine reads. */
const SCAN_MAGIC: [string, number[]][] = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["TIFF image", [0x49, 0x49, 0x2a, 0x00]],
  ["TIFF image", [0x4d, 0x4d, 0x00, 0x2a]],
];

const OTHER_BINARY_MAGIC: [string, number[]][] = [
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Decodes bytes as text, refusing binary data with a reason a person understands. */
export function decodeText(bytes: Uint8Array): string {
  for (const [what, magic] of OTHER_BINARY_MAGIC) {
    if (startsWith(bytes, magic)) throw new ParseError(`it is a ${what}, not a filing (send a PNG, JPEG or TIFF page image, a PDF, text, XML or HTML)`);
  }
  // A file saved as "Unicode" by Windows tools is UTF-16 with a byte-order mark; its zero bytes are not binary data.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) return decodeText(new TextEncoder().encode(new TextDecoder(utf16).decode(bytes)));
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new ParseError("it is binary data, not a text, XML, HTML or PDF filing");
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample.length * 0.05) throw new ParseError("it is binary data, not a text, XML, HTML or PDF filing");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: older filings (and files saved on Windows) are Latin-1/Windows-1252, where "é" is one byte.
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Tells the format from the content alone. */
// A namespace prefix (<edgar:ownershipDocument>) does not make it another document.
const OWNERSHIP_ROOT = /<(?:[\w.-]+:)?ownershipDocument[\s/>]/;

export function detectFormat(text: string): DetectedFormat {
  const head = text.slice(0, 200_000);
  if (/<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>/i.test(head) && OWNERSHIP_ROOT.test(text)) return "edgar-submission";
  // A DOCTYPE before the root still goes to the XML parser, which refuses it with the reason (no entity expansion).
  if (OWNERSHIP_ROOT.test(head) && !/<html[\s>]/i.test(head)) return "edgar-xml";
  // Other XML (a Form 144, a 13F, a Form 25) goes to the XML parser too, which names its root element in the refusal.
  if (/^\s*<\?xml[\s?]/.test(head) && !/<html[\s>]/i.test(head)) return "edgar-xml";
  if (/<html[\s>]|<body[\s>]|<table[\s>]/i.test(head)) return "edgar-html";
  // Tesseract prints a table's rules as "|", so a few lines framed by bars are not yet markdown:
  // markdown has a header separator row, or most of its lines are table rows.
  const lines = head.split("\n", 5000).filter((l) => l.trim());
  const pipeLines = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length;
  const separator = lines.some((l) => l.includes("|") && /^\s*\|?[\s:|-]*-{2,}[\s:|-]*$/.test(l));
  if (pipeLines >= 3 && (separator || pipeLines >= 0.4 * lines.length)) return "ocr-markdown";
  return "ocr-text";
}

const looksLikeOwnershipText = (text: string) =>
  /(beneficial\s*ownership|reporting\s*person|issuer\s*name|form\s*[345]\b|derivative\s*securit|ownershipDocument)/i.test(text);

export interface ParseOptions {
  /** Shown in messages; never used to pick the format. */
  fileName?: string;
}

/**
 * Why a file over MAX_FILE_BYTES is refused, in MB to one decimal, or in bytes when rounding
 * would make the size read as the limit itself ("10.0 MB; the limit is 10 MB").
 */
export function tooLargeReason(size: number): string {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const limitMb = MAX_FILE_BYTES / 1048576;
  if (mb(size) === mb(MAX_FILE_BYTES)) {
    const bytes = (n: number) => n.toLocaleString("en-US");
    return `the file is ${bytes(size)} bytes; the limit is ${bytes(MAX_FILE_BYTES)} bytes (${limitMb} MB) per file`;
  }
  return `the file is ${mb(size)} MB; the limit is ${limitMb} MB per file`;
}

/** Parses one uploaded file into the canonical filing, or throws ParseError with the reason. */
export async function parseFiling(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Filing> {
  return (await readFiling(bytes, opts)).filing;
}

/** Like parseFiling, and also returns the text it read (a PDF's text layer), which the review screen shows as the source. */
export async function readFiling(bytes: Uint8Array, _opts: ParseOptions = {}): Promise<{ filing: Filing; text: string }> {
  if (bytes.length === 0) throw new ParseError("the file is empty");
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ParseError(tooLargeReason(bytes.length));
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let format: DetectedFormat;
  let text: string;
  const scan = SCAN_MAGIC.find(([, magic]) => startsWith(bytes, magic));
  if (scan) return readScan([bytes], scan[0], sha256);
  if (isPdf(bytes)) {
    format = "pdf-text";
    text = await extractPdfText(bytes);
    // A scan saved as PDF has no text layer, or one (from a copier's OCR) without the form's labels.
    if (!looksLikeOwnershipText(text)) return readScan(await renderPdfPages(bytes), "scanned PDF", sha256);
  } else {
    text = decodeText(bytes);
    format = detectFormat(text);
  }
  const filing = parseText(text, format);
  filing.source = { format, sha256 };
  return { filing, text };
}

/** Page images read through the same text reader as the Tesseract text they become. */
async function readScan(pages: Uint8Array[], what: string, sha256: string): Promise<{ filing: Filing; text: string }> {
  const texts: string[] = [];
  const words: Word[] = [];
  for (const page of pages) {
    const read = await ocrImage(page, what);
    texts.push(read.text);
    words.push(...read.words);
  }
  const text = texts.join("\n");
  if (!text.trim()) throw new ParseError(`no text was found on the ${what}`);
  const filing = parseText(text, "ocr-text", words);
  filing.source = { format: "image-ocr", sha256 };
  return { filing, text };
}

/**
 * What one filing may hold. The largest real Forms 4 run to a few hundred rows and a few dozen footnotes;
 * beyond these bounds a file is not one filing, and storing and showing it would cost the server gigabytes.
 */
export const FILING_BOUNDS = { rows: 2_000, footnotes: 1_000, reportingOwners: 100 } as const;

function refuseOversized(filing: Filing): void {
  const counts: [number, number, string][] = [
    [filing.nonDerivative.length + filing.derivative.length, FILING_BOUNDS.rows, "table rows"],
    [filing.footnotes.length, FILING_BOUNDS.footnotes, "footnotes"],
    [filing.reportingOwners.length, FILING_BOUNDS.reportingOwners, "reporting persons"],
  ];
  for (const [count, bound, what] of counts) {
    if (count > bound) {
      throw new ParseError(`the filing has ${count.toLocaleString("en-US")} ${what}; a Form 3, 4 or 5 has at most ${bound.toLocaleString("en-US")}`);
    }
  }
}

/**
 * Parses already-decoded text in a known format (the PDF path lands here with its text layer).
 * `words`, for text OCR'd here: the engine's words, whose confidences the fields read from them take.
 */
export function parseText(text: string, format: DetectedFormat, words?: Word[]): Filing {
  if (!text.trim()) throw new ParseError("the file has no text");
  if (format === "ocr-text" || format === "ocr-markdown" || format === "pdf-text") {
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1 && lines <= MAX_TEXT_LINES; i = text.indexOf("\n", i + 1)) lines++;
    if (lines > MAX_TEXT_LINES) throw new ParseError(`the text has more than ${MAX_TEXT_LINES.toLocaleString("en-US")} lines; a Form 3, 4 or 5 has far fewer`);
    if (!looksLikeOwnershipText(text)) throw new ParseError("it does not look like a Form 3, 4 or 5 (no ownership-form labels found)");
  }
  let filing: Filing;
  switch (format) {
    case "edgar-xml":
      filing = parseEdgarXml(text);
      break;
    case "edgar-submission":
      filing = parseEdgarSubmission(text);
      break;
    case "edgar-html":
      filing = parseEdgarHtml(text);
      break;
    case "ocr-markdown":
      filing = parseOcrMarkdown(text);
      break;
    case "ocr-text":
    case "pdf-text":
      filing = parseOcrText(text);
      break;
  }
  refuseOversized(filing);
  filing.source = { format };
  if (words) applyWordConfidence(filing, words);
  if (format.startsWith("edgar")) filing.vesting = deriveVesting(filing);
  else {
    const conf = filing.fieldConfidence;
    const { schedules, linked } = deriveVestingFromOcr(filing, (table, i) => (conf[`/${table}/${i}/footnoteIds`] ?? 1) < CONFIDENCE_THRESHOLD);
    flagVesting(filing, schedules, linked);
    filing.vesting = schedules;
    flagUnplacedSchedules(filing, unplacedSchedules(filing, schedules));
  }
  flagSuspiciousNames(filing);
  dropDanglingConfidence(filing);
  return filing;
}

// Box 1's own printed words: a name made of them was read from the form, not from the filer.
const FORM_LABELS = /\b(name|address|reporting\s+person)\b|\((last|first|middle|street|city|state|zip)\)/i;

/**
 * A reporting person's name of one word ("MARK" for GARRETT MARK), or one repeating a label of the
 * form, is flagged whatever the reader thought of it: readers are sure of what they read, not of
 * whether the line they read was the name.
 */
export function flagSuspiciousNames(filing: Filing): void {
  filing.reportingOwners.forEach((owner, i) => {
    const name = owner.name.trim();
    const label = FORM_LABELS.exec(name)?.[0];
    const why = !name ? "was not read" : label ? `"${name}" repeats the form's label "${label}"` : name.split(/\s+/).length === 1 ? `"${name}" is one word` : null;
    if (!why) return;
    const pointer = `/reportingOwners/${i}/name`;
    filing.fieldConfidence[pointer] = Math.min(filing.fieldConfidence[pointer] ?? 1, 0.4);
    filing.warnings.push(`reporting person ${i + 1}: the name ${why}; check it against box 1`);
  });
}

const ROW_TABLES = ["nonDerivative", "derivative"] as const;

/**
 * Confidences the readers gave fields the filing does not have (rows they expected but did not
 * read) are dropped, so the review screen can count and settle every one it is told of. A row
 * that went missing this way leaves its table flagged instead: the analyst is told rows may be lost.
 */
export function dropDanglingConfidence(filing: Filing): void {
  const conf = filing.fieldConfidence;
  for (const [pointer, c] of Object.entries(conf)) {
    if (valueAt(filing, pointer) !== undefined) continue;
    delete conf[pointer];
    const table = ROW_TABLES.find((t) => pointer.startsWith(`/${t}/`));
    if (table) conf[`/${table}`] = Math.min(conf[`/${table}`] ?? 1, c);
  }
}

/**
 * A schedule is as sure as what it was computed from: the row's count and dates and the footnote's text.
 * One read from a footnote the row does not visibly cite (`linked`) is a guess the analyst should check.
 */
export function flagVesting(filing: Filing, vesting: Filing["vesting"], linked: Set<number>): void {
  const conf = filing.fieldConfidence;
  vesting.forEach((v, k) => {
    const row = `/${v.row.table}/${v.row.index}`;
    const inputs = [`${row}/shares`, `${row}/underlyingShares`, `${row}/transactionDate`, `${row}/exerciseDate`, `${row}/footnoteIds`];
    for (const id of v.sourceFootnoteIds) inputs.push(`/footnotes/${filing.footnotes.findIndex((f) => f.id === id)}/text`);
    const sure = Math.min(linked.has(k) ? 0.6 : 1, ...inputs.map((p) => conf[p] ?? 1));
    // Every field of the entry, the row it belongs to and the model behind it included.
    if (sure < CONFIDENCE_THRESHOLD) flagLeaves(conf, v, `/vesting/${k}`, sure);
  });
}

/** Lowers the confidence of every scored field under `path` (a list of ids is one field). */
function flagLeaves(conf: Filing["fieldConfidence"], value: unknown, path: string, to: number): void {
  if (Array.isArray(value) && !value.every((v) => typeof v === "string")) value.forEach((v, i) => flagLeaves(conf, v, `${path}/${i}`, to));
  else if (value && typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flagLeaves(conf, v, `${path}/${k}`, to);
  else conf[path] = Math.min(conf[path] ?? 1, to);
}

/**
 * A footnote states a schedule no entry was built from: the entry its row should have is missing.
 * There is no field to flag for a schedule that does not exist, so the parser's note says so.
 */
function flagUnplacedSchedules(filing: Filing, missing: Filing["vesting"]): void {
  for (const s of missing) {
    filing.warnings.push(`footnote (${s.sourceFootnoteIds[0]}) states a vesting schedule that no row's figures carry; if a grant row was misread, its schedule is missing`);
  }
}
