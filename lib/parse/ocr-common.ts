/**
 * Primitives shared by the two OCR parsers (markdown tables and plain Tesseract text).
 * Everything here reads damaged text: each reader returns its value together with a
 * confidence in [0,1] and, when it had to repair the text, a note saying how, so the
 * parsers can put the note in `warnings` and the confidence in `fieldConfidence`.
 * Every regular expression is linear (no nested quantifiers) because input can be hostile.
 */
import type { DerivativeRow, Filing, Footnote, IsoDate, NonDerivativeRow, Signature } from "./types";

/** Confidence of a value read cleanly from a clear cell, before any cross-check. */
export const CLEAN = 0.93;
/** Confidence of a value the reader had to repair (digit misreads, split pieces, guessed separators). */
export const REPAIRED = 0.7;

/** A confidence map keyed by JSON pointer (or by field name, inside a row reading). */
export type Confidences = Record<string, number>;

// ---------------------------------------------------------------------------
// Text clean-up

/**
 * Turns one markdown cell or line into plain text: `<br>` becomes a space,
 * `<sup>(1)</sup>` / `<sup>1</sup>` and Unicode superscripts become `(1)`, other tags
 * go, `\$`-style escapes and `**` bold marks are undone, whitespace is single-spaced.
 */
export function cleanCell(raw: string): string {
  if (!MARKUP.test(raw)) return SPACE_RUN.test(raw) ? raw.replace(/\s+/g, " ").trim() : raw.trim();
  let t = raw;
  if (t.includes("<")) {
    t = t
      // "Rights -<br>2024": a dash after a space is punctuation, not a word hyphenated over two lines.
      .replace(/(\s?)-\s*<br\s*\/?>\s*/gi, (_, space: string) => (space ? " - " : "-"))
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/<sup>\s*\(?([0-9]{1,2})\)?\s*<\/sup>/gi, "($1)")
      .replace(/<\/?[a-z][a-z0-9]{0,10}(?:\s[^<>]{0,200})?\/?>/gi, "");
  }
  // A converter keeps EDGAR's links ("[Sergey Brin](/cgi-bin/browse-edgar?…)"): the printed text is the link's.
  if (t.includes("](")) t = t.replace(MARKDOWN_LINK, "$1");
  if (SUPERSCRIPT_RUN.test(t)) t = t.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, (m) => `(${[...m].map((c) => SUPERSCRIPT[c]).join("")})`);
  if (t.includes("\\")) t = t.replace(/\\([\\`*_{}[\]()#+\-.!$|<>~])/g, "$1");
  if (t.includes("**")) t = t.replace(/\*\*/g, "");
  if (t.includes("&")) t = t.replace(/&amp;/g, "&").replace(/&nbsp;/g, " ");
  return t.replace(/\s+/g, " ").trim();
}

const MARKUP = /[<\\*&¹²³⁴⁵⁶⁷⁸⁹⁰]|\]\(/;
const MARKDOWN_LINK = /!?\[([^[\]]{0,300})\]\((?:[^()\s]|\([^()\s]{0,100}\)){0,500}\)/g;
const SUPERSCRIPT_RUN = /[¹²³⁴⁵⁶⁷⁸⁹⁰]/;
const SPACE_RUN = /\s\s|[\t\n\r]/;

const SUPERSCRIPT: Record<string, string> = {
  "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0",
};

/** Result of {@link stripFootnoteMarkers}. */
export interface Marked {
  text: string;
  footnoteIds: string[];
}

/**
 * Removes footnote markers — `(1)`, `(1)(2)`, `(1, 2)`, `(F1)` — from a value and returns
 * their bare ids in order. Parenthesised words such as `(right to buy)` or `(A)` stay.
 */
export function stripFootnoteMarkers(text: string): Marked {
  if (!text.includes("(")) return { text, footnoteIds: [] };
  const ids: string[] = [];
  const stripped = text.replace(/\(\s*F?([0-9]{1,2}(?:\s*,\s*F?[0-9]{1,2}){0,9})\s*\)/g, (_m, list: string) => {
    for (const id of list.split(",")) {
      const bare = id.trim().replace(/^F/, "");
      if (!ids.includes(bare)) ids.push(bare);
    }
    return " ";
  });
  return { text: stripped.replace(/\s+/g, " ").trim(), footnoteIds: ids };
}

/** Single-spaces and trims; the canonical form for names and titles "as filed". */
export function singleSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Dates

/** A date read from OCR text. `note` is set when the reading needed a repair. */
export interface DateReading {
  value: IsoDate;
  confidence: number;
  note: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds `YYYY-MM-DD`, or null when the parts are not a real calendar date in 1930..2099. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1930 || year > 2099) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Adds whole years (Feb 29 falls back to Feb 28); used to test "expires ten years after grant". */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return isoDate(y, m, d) ?? date;
}

/** Whole days from a to b (b later is positive), computed without time zones. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const t = (s: IsoDate) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

// Letters OCR puts where a digit was printed; applied only inside otherwise numeric text.
const DIGIT_LOOKALIKE: Record<string, string> = { O: "0", o: "0", D: "0", Q: "0", l: "1", I: "1", i: "1", "|": "1", "!": "1", S: "5", s: "5", B: "8", Z: "2", z: "2", g: "9", G: "6" };

/** Replaces digit look-alikes (O->0, l/I->1, S->5, B->8 ...) in text holding at least one digit (or any text, with `force`); reports whether it changed anything. */
export function fixDigits(text: string, force = false): { text: string; changed: boolean } {
  let digits = 0;
  let out = "";
  let changed = false;
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") {
      digits++;
      out += ch;
    } else if (DIGIT_LOOKALIKE[ch] !== undefined) {
      out += DIGIT_LOOKALIKE[ch];
      changed = true;
    } else out += ch;
  }
  return digits === 0 && !force ? { text, changed: false } : { text: out, changed };
}

function fullYear(y: string): { year: number; twoDigit: boolean } {
  if (y.length === 4) return { year: Number(y), twoDigit: false };
  const n = Number(y);
  return { year: n < 50 ? 2000 + n : 1900 + n, twoDigit: true };
}

const NUMERIC_DATE = /^([0-9]{1,2}) ?([/.,\-]) ?([0-9]{1,2}) ?([/.,\-]) ?([0-9]{4}|[0-9]{2})$/;
const NAMED_DATE = /^([A-Za-z]{3,9})\.? ?([0-9]{1,2}),? ?([0-9]{4})$/;
const ISO_LIKE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * Reads a token that should be exactly one date: `12/17/2007`, `12/17/07`, `12-17-2007`,
 * `12.17.2007`, `2007-12-17`, `Dec. 17, 2007`, `l2/l7/2OO7` (look-alikes fixed, lower confidence).
 * Footnote markers must be stripped first. Returns null when it is not a real date.
 */
export function readDate(raw: string): DateReading | null {
  const text = raw.trim();
  if (text.length < 6 || text.length > 24) return null;
  const named = NAMED_DATE.exec(text);
  if (named) {
    const month = MONTHS[named[1].toLowerCase().slice(0, named[1].toLowerCase() === "sept" ? 4 : 3)];
    const value = month ? isoDate(Number(named[3]), month, Number(named[2])) : null;
    return value ? { value, confidence: CLEAN, note: null } : null;
  }
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const value = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { value, confidence: CLEAN, note: null } : null;
  }
  const fixed = fixDigits(text);
  const m = NUMERIC_DATE.exec(fixed.text);
  if (!m) return null;
  const { year, twoDigit } = fullYear(m[5]);
  const notes: string[] = [];
  let confidence = CLEAN;
  let value = isoDate(year, Number(m[1]), Number(m[3]));
  if (!value) {
    // "10/81/2025": a month or day that cannot be has one digit misread; the likeliest confusion that fits is taken.
    const month = Number(m[1]);
    const fits = (month < 1 || month > 12 ? digitSwaps(m[1]).map((mo) => isoDate(year, Number(mo), Number(m[3]))) : digitSwaps(m[3]).map((d) => isoDate(year, month, Number(d)))).filter((v): v is IsoDate => v !== null);
    if (!fits.length) return null;
    value = fits[0];
    notes.push(`read "${text}" as ${value} (a digit of an impossible month or day taken as misread)`);
    confidence = 0.6;
  }
  if (fixed.changed) {
    notes.push(`read "${text}" as ${value} (letters taken for digits)`);
    confidence = Math.min(confidence, REPAIRED);
  }
  if (m[2] !== m[4] || m[2] === ",") {
    notes.push(`read "${text}" as ${value} (odd separators)`);
    confidence = Math.min(confidence, 0.8);
  }
  if (twoDigit) confidence = Math.min(confidence, 0.9);
  return { value, confidence, note: notes.length ? notes.join("; ") : null };
}

// Digits a blurred scan confuses, likeliest first; used only to mend a month or day that cannot exist.
const DIGIT_CONFUSION: Record<string, string[]> = { "8": ["3", "0", "6"], "3": ["8"], "9": ["0"], "7": ["1"], "4": ["1"], "6": ["5"], "5": ["6"] };

function digitSwaps(part: string): string[] {
  return [...part].flatMap((ch, i) => (DIGIT_CONFUSION[ch] ?? []).map((to) => part.slice(0, i) + to + part.slice(i + 1)));
}

/** A date found inside longer text, with where it was. */
export interface FoundDate extends DateReading {
  index: number;
  end: number;
}

const DATE_IN_TEXT = /(?<![0-9A-Za-z])(?:[0-9OolI]{1,2} ?[/.\-] ?[0-9OolI]{1,2} ?[/.\-] ?[0-9OolISB]{2,4}|[A-Z][a-z]{2,8}\.? [0-9]{1,2},? [0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])/g;

/** Finds every readable date in free text (a label cell such as "3. Date of Earliest Transaction (Month/Day/Year) 12/17/2007"). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const r = readDate(m[0]);
    if (r) out.push({ ...r, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/**
 * Joins a date the OCR split across two cells or words: `12/29/2` + `2014`, `12/29/` + `2014`,
 * `12/29/20` + `14`. Returns the joined date (always flagged as repaired) or null when the
 * pieces do not make one.
 */
export function joinDatePieces(head: string, tail: string): DateReading | null {
  const h = /^([0-9]{1,2}) ?[/.\-] ?([0-9]{1,2}) ?[/.\-] ?([0-9]{0,3})$/.exec(fixDigits(head.trim()).text);
  const t = /^[0-9]{1,4}$/.exec(fixDigits(tail.trim()).text)?.[0];
  if (!h || !t) return null;
  const partial = h[3];
  let year: string | null = null;
  if (t.length === 4 && t.startsWith(partial)) year = t;
  else if ((partial + t).length === 4) year = partial + t;
  else if (partial === "" && t.length === 2) year = t;
  if (!year) return null;
  const r = readDate(`${h[1]}/${h[2]}/${year}`);
  return r ? { value: r.value, confidence: Math.min(r.confidence, 0.78), note: `joined split date "${head.trim()}" + "${tail.trim()}" as ${r.value}` } : null;
}

// ---------------------------------------------------------------------------
// Numbers

/** A number read from OCR text. `money` when a `$` was printed. */
export interface NumberReading {
  value: number;
  confidence: number;
  note: string | null;
  money: boolean;
  /** The other value the printed digits allow ("8.626": 8,626 shares or 8.626 of a unit), or null. */
  alternative: number | null;
}

/** What a number is expected to be; decides how an ambiguous `40.000` or `6,10` is read. */
export type NumberKind = "shares" | "price" | "any";

/**
 * Reads one number token: `40,000`, `$6.1`, `\$ 5.52`, `$0`, `-0-`, `1,234.5678`, `4O,OOO`
 * (look-alikes fixed). `40.000` is 40000 for share counts and 40 for prices; `6,10` is 6.10
 * for prices. Footnote markers must be stripped first. Returns null when it is not a number.
 */
export function readNumber(raw: string, kind: NumberKind = "any"): NumberReading | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 30) return null;
  const money = text.includes("$");
  text = text.replace(/\\?\$/g, "").replace(/\s/g, "").replace(/\*+$/, "");
  if (text === "-0-" || text === "--0--") return { value: 0, confidence: CLEAN, note: null, money, alternative: null };
  const fixed = fixDigits(text, money || text === "O");
  text = fixed.text;
  if (!/^[0-9][0-9.,]*$/.test(text)) return null;
  text = text.replace(/[.,]$/, "");
  let value: number;
  let confidence = fixed.changed ? REPAIRED : CLEAN;
  let note: string | null = fixed.changed ? `read "${raw.trim()}" as a number with letters taken for digits` : null;
  // Thousands with a misread comma, or a fractional count (dividend equivalents, plan units) printed exactly so.
  const dotted = kind !== "price" && /^[0-9]{1,3}\.[0-9]{3}$/.test(text);
  if (/^[0-9]+(\.[0-9]+)?$/.test(text) && !(kind === "shares" && /^[0-9]{1,3}\.[0-9]{3}$/.test(text))) {
    value = Number(text);
  } else if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(text)) {
    value = Number(text.replace(/,/g, ""));
  } else if (/^[0-9]{1,3}(\.[0-9]{3})+$/.test(text) && kind !== "price") {
    value = Number(text.replace(/\./g, ""));
    confidence = Math.min(confidence, 0.75);
    note = `read "${raw.trim()}" as ${value} (dots taken for thousands separators)`;
  } else if (/^[0-9]+,[0-9]{1,2}$/.test(text) && kind === "price") {
    value = Number(text.replace(",", "."));
    confidence = Math.min(confidence, 0.72);
    note = `read "${raw.trim()}" as ${value} (comma taken for a decimal point)`;
  } else if (/^[0-9][0-9,]*$/.test(text)) {
    value = Number(text.replace(/,/g, ""));
    confidence = Math.min(confidence, 0.6);
    note = `read "${raw.trim()}" as ${value} (thousands separators out of place)`;
  } else return null;
  if (!Number.isFinite(value)) return null;
  const alternative = dotted ? (value === Number(text) ? Number(text.replace(".", "")) : Number(text)) : null;
  return { value, confidence, note, money, alternative };
}

// ---------------------------------------------------------------------------
// Codes and the D/I column

/** SEC Form 4 transaction codes and their meanings (General Instruction 8). */
export const TRANSACTION_CODES: Readonly<Record<string, string>> = {
  P: "Open market or private purchase",
  S: "Open market or private sale",
  V: "Transaction voluntarily reported earlier than required",
  A: "Grant, award or other acquisition from the issuer (Rule 16b-3(d))",
  D: "Disposition to the issuer (Rule 16b-3(e))",
  F: "Payment of exercise price or tax liability by delivering or withholding securities",
  I: "Discretionary transaction (Rule 16b-3(f))",
  M: "Exercise or conversion of derivative security exempted under Rule 16b-3",
  C: "Conversion of derivative security",
  E: "Expiration of short derivative position",
  H: "Expiration or cancellation of long derivative position with value received",
  O: "Exercise of out-of-the-money derivative security",
  X: "Exercise of in-the-money or at-the-money derivative security",
  G: "Bona fide gift",
  L: "Small acquisition under Rule 16a-6",
  W: "Acquisition or disposition by will or the laws of descent and distribution",
  Z: "Deposit into or withdrawal from voting trust",
  J: "Other acquisition or disposition (described in a footnote)",
  K: "Transaction in equity swap or similar instrument",
  U: "Disposition pursuant to a tender of shares in a change of control transaction",
};

/** A transaction code read from a cell such as `A`, `S(1)`, `M V`, `5` (read as S). */
export interface CodeReading {
  code: string;
  equitySwap: boolean;
  confidence: number;
  note: string | null;
}

const CODE_LOOKALIKE: Record<string, string> = { "5": "S", "$": "S", "0": "D", "1": "I", l: "I", "8": "S" };

/** Reads the code column (code letter, optionally followed by the V mark). Footnote markers must be stripped first. */
export function readTransactionCode(raw: string): CodeReading | null {
  const m = /^([A-Za-z0-9$])(?:\s*[\-/]?\s*\(?([Vv])\)?)?$/.exec(raw.trim());
  if (!m) {
    // "sO", "S®": the code with its footnote marker glued on and misread. D and I stay out: a D/I mark looks the same.
    const glued = /^([A-HJ-Za-hj-z])(?:[O0o®©°”“’"lhts)]{1,2}|\([0-9]{0,2}\)?)$/.exec(raw.trim());
    const code = glued?.[1].toUpperCase();
    if (!code || code === "D" || TRANSACTION_CODES[code] === undefined) return null;
    return { code, equitySwap: false, confidence: 0.75, note: `read code "${raw.trim()}" as ${code} with a footnote marker the OCR garbled` };
  }
  const ch = m[1];
  const equitySwap = Boolean(m[2]);
  if (TRANSACTION_CODES[ch] !== undefined) return { code: ch, equitySwap, confidence: CLEAN, note: null };
  const up = ch.toUpperCase();
  if (TRANSACTION_CODES[up] !== undefined && /[a-z]/.test(ch)) {
    return { code: up, equitySwap, confidence: 0.8, note: `read code "${ch}" as ${up}` };
  }
  const look = CODE_LOOKALIKE[ch];
  if (look) return { code: look, equitySwap, confidence: 0.6, note: `read code "${ch}" as ${look}` };
  return null;
}

/**
 * The direction a code implies for the reported security when the (A)/(D) cell cannot be
 * told apart: a grant acquires, a sale disposes; in Table II an exercise disposes of the option.
 * Null for codes that go either way.
 */
export function impliedDirection(code: string | null, table: "nonDerivative" | "derivative"): "A" | "D" | null {
  if (!code) return null;
  if ("APL".includes(code)) return "A";
  if ("SDFUEHG".includes(code)) return "D";
  if ("MXCO".includes(code)) return table === "derivative" ? "D" : "A";
  return null;
}

/** Reads the ownership-form column: `D`, `I`, `(D)`, `Direct`, `Indirect`, `l` (read as I). */
export function readDirectIndirect(raw: string): { value: "D" | "I"; confidence: number } | null {
  const t = raw.trim().replace(/^\((.*)\)$/, "$1").trim();
  if (t === "D" || /^direct$/i.test(t)) return { value: "D", confidence: CLEAN };
  if (t === "I" || /^indirect$/i.test(t)) return { value: "I", confidence: CLEAN };
  if (t === "l" || t === "|" || t === "1") return { value: "I", confidence: 0.6 };
  if (t === "0" || t === "O") return { value: "D", confidence: 0.55 };
  return null;
}

// ---------------------------------------------------------------------------
// Fuzzy labels

/** Printed labels of the form, used as landmarks. Keys are stable names; values are the printed words. */
export const LANDMARKS = {
  reportingPerson: "Name and Address of Reporting Person",
  issuer: "Issuer Name and Ticker or Trading Symbol",
  earliestTransaction: "Date of Earliest Transaction",
  eventRequiringStatement: "Date of Event Requiring Statement",
  fiscalYearEnded: "Statement for Issuer's Fiscal Year Ended",
  amendment: "If Amendment, Date of Original Filed",
  relationship: "Relationship of Reporting Person(s) to Issuer",
  jointFiling: "Individual or Joint/Group Filing",
  tableI: "Table I - Non-Derivative Securities",
  tableII: "Table II - Derivative Securities",
  explanation: "Explanation of Responses",
  remarks: "Remarks",
  signature: "Signature of Reporting Person",
  reminder: "Reminder: Report on a separate line",
} as const;

/** Lower-cased words of letters and digits; the unit the fuzzy matcher compares. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9%']+/g)) {
    out.push({ word: m[0].toLowerCase().replace(/'/g, ""), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Levenshtein distance, giving up (returns max+1) once it exceeds `max`; words are short. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > ROW_A.length) return a === b ? 0 : max + 1;
  let prev = ROW_A;
  let cur = ROW_B;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

// Reused rows for editDistance: labels are short words, so 64 columns cover them.
const ROW_A = new Int32Array(64);
const ROW_B = new Int32Array(64);

/** How well an OCR word stands for a label word: exact 1, one slip 0.85, half-eaten (`ansaction`) 0.75, else 0. */
export function wordSimilarity(ocr: string, label: string): number {
  if (ocr === label) return 1;
  if (label.length >= 4 && ocr.length >= 3) {
    // One edit leaves the first or the last letter in place; both changed is not worth the full comparison.
    const ends = ocr[0] === label[0] || ocr[ocr.length - 1] === label[label.length - 1];
    const d = ends ? editDistance(ocr, label, 2) : 3;
    if (d === 1 || (d === 2 && label.length >= 8)) return 0.85;
    if (ocr.length >= 4 && ocr.length < label.length && (label.endsWith(ocr) || label.startsWith(ocr))) return 0.75;
  }
  return 0;
}

const LABEL_CACHE = new Map<string, { words: string[]; stems: string[] }>();

function labelWords(label: string): string[] {
  let e = LABEL_CACHE.get(label);
  if (!e) {
    const ws = words(label).map((w) => w.word);
    // Four-letter pieces of the long words: a half-eaten label still shows some of them.
    const stems = ws.filter((w) => w.length >= 6).flatMap((w) => [w.slice(0, 4), w.slice(-4), w.slice(2, 6)]);
    e = { words: ws, stems };
    LABEL_CACHE.set(label, e);
  }
  return e.words;
}

// Cheap reject before the word-by-word match: the text must hold a piece of some long label word.
function mayContain(text: string, label: string, lw: string[]): boolean {
  const stems = LABEL_CACHE.get(label)!.stems;
  if (stems.length === 0) return true;
  const lower = (text.length > 4000 ? text.slice(0, 4000) : text).toLowerCase();
  let hits = 0;
  for (const s of stems) if (lower.includes(s) && ++hits >= Math.min(2, lw.length)) return true;
  return false;
}

/** Where a label was found in text: its score (share of label words matched, weighted) and the char span. */
export interface LabelMatch {
  score: number;
  start: number;
  end: number;
}

/**
 * Finds a printed label in OCR text, tolerating misread, half-eaten and missing words
 * (token overlap in order, each word compared by edit distance). `end` is where the
 * value printed after the label begins. Returns the best match or null under `threshold`.
 */
export function findLabel(text: string, label: string, threshold = 0.6): LabelMatch | null {
  const lw = labelWords(label);
  if (lw.length === 0 || !mayContain(text, label, lw)) return null;
  const tw = words(text.length > 4000 ? text.slice(0, 4000) : text);
  let best: LabelMatch | null = null;
  for (let i = 0; i < tw.length; i++) {
    if (wordSimilarity(tw[i].word, lw[0]) === 0 && (lw.length < 2 || wordSimilarity(tw[i].word, lw[1]) === 0)) continue;
    let score = 0;
    let k = i;
    let end = tw[i].end;
    for (let j = 0; j < lw.length && k < tw.length; j++) {
      let hit = 0;
      for (let look = k; look < Math.min(tw.length, k + 3); look++) {
        const s = wordSimilarity(tw[look].word, lw[j]);
        if (s > 0) {
          hit = s;
          end = tw[look].end;
          k = look + 1;
          break;
        }
      }
      score += hit;
    }
    const total = score / lw.length;
    if (total >= threshold && (!best || total > best.score)) best = { score: total, start: tw[i].start, end };
  }
  return best;
}

// ---------------------------------------------------------------------------
// State from ZIP code

// First three ZIP digits -> state; lets a garbled state be checked against a clean ZIP.
const ZIP3: [number, number, string][] = [
  [5, 5, "NY"], [6, 9, "PR"], [10, 27, "MA"], [28, 29, "RI"], [30, 38, "NH"], [39, 49, "ME"], [50, 59, "VT"], [60, 69, "CT"],
  [70, 89, "NJ"], [100, 149, "NY"], [150, 196, "PA"], [197, 199, "DE"], [200, 205, "DC"], [206, 219, "MD"], [220, 246, "VA"],
  [247, 268, "WV"], [270, 289, "NC"], [290, 299, "SC"], [300, 319, "GA"], [320, 349, "FL"], [350, 369, "AL"], [370, 385, "TN"],
  [386, 397, "MS"], [398, 399, "GA"], [400, 427, "KY"], [430, 459, "OH"], [460, 479, "IN"], [480, 499, "MI"], [500, 528, "IA"],
  [530, 549, "WI"], [550, 567, "MN"], [570, 577, "SD"], [580, 588, "ND"], [590, 599, "MT"], [600, 629, "IL"], [630, 658, "MO"],
  [660, 679, "KS"], [680, 693, "NE"], [700, 714, "LA"], [716, 729, "AR"], [730, 749, "OK"], [750, 799, "TX"], [800, 816, "CO"],
  [820, 831, "WY"], [832, 838, "ID"], [840, 847, "UT"], [850, 865, "AZ"], [870, 884, "NM"], [885, 885, "TX"], [889, 898, "NV"],
  [900, 961, "CA"], [967, 968, "HI"], [970, 979, "OR"], [980, 994, "WA"], [995, 999, "AK"],
];

/** The US state a ZIP code belongs to, or null (foreign or unknown prefix). */
export function stateForZip(zip: string): string | null {
  if (!/^[0-9]{5}/.test(zip)) return null;
  const p = Number(zip.slice(0, 3));
  for (const [lo, hi, st] of ZIP3) if (p >= lo && p <= hi) return st;
  return null;
}

/** The two-letter postal codes of US states and territories. */
export const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY".split(" "),
);

/**
 * Postcodes of the countries filers abroad write most (UK "EC3M 7DQ", Canada "M5V 3L9", Netherlands "1017 AB"),
 * ending a city line as a ZIP code does; such a line has no US state.
 */
// UK, Canadian and Dutch shapes, and the six digits of China, India, Taiwan, Singapore and others.
export const FOREIGN_POSTCODE = /(?:^|\s)([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[0-9]{4} ?[A-Z]{2}|[0-9]{6})$/;

/** City, state and ZIP read from the address line, each with its confidence. */
export interface CityStateZip {
  city: string | null;
  state: string | null;
  zip: string | null;
  confidence: { city: number; state: number; zip: number };
  notes: string[];
}

/**
 * Reads "WESTFORD MA 01886" — or the OCR's pieces of it, e.g. ["SFORD M", "IA", "01824"] —
 * into city, state and ZIP. The ZIP's own state settles a garbled state when the printed
 * letters agree with it; a city whose line was visibly damaged is kept at low confidence.
 */
export function readCityStateZip(pieces: string[]): CityStateZip {
  const notes: string[] = [];
  const cleaned = pieces.map((p) => singleSpace(p.replace(/\((City|State|Zip|Street)\)/gi, " "))).filter(Boolean);
  const joined = cleaned.join(" | ");
  const zipM = /(?<![0-9])([0-9OoIl]{5}(?:-[0-9]{4})?)\s*(?:\|\s*)?$/.exec(joined);
  const abroad = zipM ? null : FOREIGN_POSTCODE.exec(singleSpace(cleaned.join(" ")));
  if (abroad) {
    const before = singleSpace(abroad.input.slice(0, abroad.index));
    // A province ("TORONTO ON") or EDGAR's code for a country or province ("LONDON X0", "TORONTO A6") sits between
    // city and postcode; it is the state box, unsure, since a two-letter last word of a city reads the same.
    const region = /^(.+?) ((?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)|[A-Z][0-9])$/.exec(before);
    const city = (region ? region[1] : before) || null;
    const state = region ? region[2] : null;
    return { city, state, zip: abroad[1], confidence: { city: city ? 0.85 : 0.3, state: state ? 0.75 : 0.85, zip: 0.85 }, notes };
  }
  let zip: string | null = null;
  let zipConf = 0.3;
  let rest = joined;
  if (zipM) {
    const f = fixDigits(zipM[1]);
    zip = f.text;
    zipConf = f.changed ? REPAIRED : CLEAN;
    rest = joined.slice(0, zipM.index);
  }
  rest = rest.replace(/[|\s]+$/, "");
  const zipState = zip ? stateForZip(zip) : null;
  let state: string | null = null;
  let stateConf = 0.3;
  let city: string | null = null;
  let cityConf = 0.3;
  // Cells split at word boundaries are harmless; a state that disagrees with the ZIP means the split ate letters.
  const spaced = singleSpace(rest.replace(/\|/g, " "));
  const clean = /(?:^| )([A-Z]{2})$/.exec(spaced);
  if (clean && US_STATES.has(clean[1]) && (!zipState || zipState === clean[1]) && !/(?:^| )[A-Z]$/.test(spaced.slice(0, clean.index))) {
    state = clean[1];
    stateConf = zipState ? 0.97 : zip ? 0.8 : 0.85;
    city = singleSpace(spaced.slice(0, clean.index)) || null;
    cityConf = city ? 0.9 : 0.3;
  } else {
    // The line was split across cells: find the state letters, allowing a cell border read as "I" or "|".
    const tail = rest.slice(-8).replace(/[|Il1\s]/g, "");
    if (zipState && (tail.endsWith(zipState) || subsequence(zipState, rest.slice(-8)))) {
      state = zipState;
      stateConf = 0.82;
      notes.push(`state read as ${state} from damaged text "${rest.slice(-8).trim()}" agreeing with ZIP ${zip}`);
    } else if (clean && US_STATES.has(clean[1])) {
      state = clean[1];
      stateConf = 0.6;
    }
    const cityText = singleSpace(rest.replace(/\|/g, " ").replace(/\s+[A-Z]{1,2}(\s+[A-Z]{1,2})*$/, ""));
    city = cityText || null;
    cityConf = 0.4;
    notes.push(`city line damaged by OCR ("${joined}"); city ${city ? `read as "${city}"` : "not read"}`);
  }
  return { city, state, zip, confidence: { city: cityConf, state: stateConf, zip: zip ? zipConf : 0.3 }, notes };
}

function subsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

// ---------------------------------------------------------------------------
// Footnotes, remarks, signatures

/** Footnotes, remarks and signatures read from the lines under the tables. */
export interface Trailer {
  footnotes: Footnote[];
  remarks: string | null;
  signatures: Signature[];
  confidence: Confidences;
  warnings: string[];
}

const FOOTNOTE_START = /^(?:[-*] )?\(?([0-9]{1,2})(?:[.)]|,(?= [A-Z]))\)? ?(?=\S)/;
const BOILERPLATE = /^(?:[-*+'] ?)?(?:\*+ ?)?(?:Reminder:|If ?the form is f\w{0,3}ed by more|Intentional misstatements|Note: File three copies|Persons who respond to the collection|SEC \d{4}|Potential persons who are to respond)/i;

/**
 * Reads the part of the form under the tables, given as plain lines (markdown already cleaned):
 * numbered footnotes after "Explanation of Responses" (a footnote may run over several lines),
 * the remarks, and the signature blocks — the name and date lines just before
 * "** Signature of Reporting Person" / "Date". Pointers in `confidence` are absolute
 * (`/footnotes/0/text`, `/remarks`, `/signatures/0/date`).
 */
export function readTrailer(lines: string[]): Trailer {
  const warnings: string[] = [];
  const confidence: Confidences = {};
  let explanationAt = -1;
  let remarksAt = -1;
  let signatureAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 120) continue;
    if (explanationAt < 0 && l.length < 60 && findLabel(l, LANDMARKS.explanation, 0.65)) explanationAt = i;
    else if (remarksAt < 0 && /^\W{0,4}remarks?\W{0,3}(?::|$)/i.test(l)) remarksAt = i;
    // A footnote line that merely mentions "the reporting person" is not the signature label: it must say signature.
    // Tesseract may cut the label after its first word: "** Signature", the rest lines below.
    else if (signatureAt < 0 && l.length < 80 && /s[il1]gn|nature/i.test(l) && (findLabel(l, LANDMARKS.signature, 0.7) || /^\W{0,2}\*\*\s*Signature\s*$/i.test(l))) signatureAt = i;
  }
  const end = signatureAt >= 0 ? signatureAt : lines.length;
  // With its label lost, the footnotes still start at "1." above the remarks.
  const numbered = remarksAt > 0 && lines.slice(0, remarksAt).some((l) => /^\W{0,2}1\s?[.,]\s?[A-Z][a-z]/.test(l.trim()));
  const start = explanationAt >= 0 ? explanationAt + 1 : remarksAt >= 0 && !numbered ? remarksAt : 0;
  const body: { i: number; text: string }[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i].trim().replace(/^remarks?\W{0,3}:\s*/i, "");
    if (text && !BOILERPLATE.test(text) && !(i === remarksAt && !text)) body.push({ i, text });
  }
  // Signature blocks sit last: name line then date line (or both on one line), read backwards.
  const signatures: { sig: Signature; conf: number; nameConf?: number }[] = [];
  // A signature too long for its box wraps: "/s/ April Edwards, attorney-in-fact for" over "Amity Millhiser".
  // `at` is the index in body of the name's last line; returns the whole name and how many lines it took.
  const wrappedName = (at: number, tail: string): { name: string; lines: number } => {
    let name = tail;
    let k = at;
    while (k > 0 && at - k < 2 && !/^\W{0,2}\/s\//i.test(name)) {
      const above = body[k - 1];
      if (above.i === remarksAt || FOOTNOTE_START.test(above.text) || readDate(above.text) || above.text.length > 120) break;
      if (!/^\W{0,2}\/s\//i.test(above.text) && !/(?:\b(?:for|by|of|as|and|its|the)|[,&-])\s*$/i.test(above.text)) break;
      name = `${above.text} ${name}`;
      k--;
    }
    return { name, lines: at - k + 1 };
  };
  const block = signatureBlock(body, remarksAt);
  if (block && signatureAt >= 0) {
    // The date may be printed under the signature label, beside "Date".
    block.date ??= dateBelow(lines, signatureAt) ?? null;
    signatures.push({ sig: { name: cleanSignatureName(block.name), date: block.date?.value ?? null }, conf: block.date ? Math.min(block.date.confidence, 0.9) : 0.3, nameConf: block.noise ? 0.6 : 0.85 });
    body.length -= block.lines;
  }
  while (body.length && signatureAt >= 0) {
    const last = body[body.length - 1].text;
    const dateOnly = readDate(stripFootnoteMarkers(last).text);
    const nameWithDate = /^(.*\S)\s+([0-9OolI]{1,2}[/.\-][0-9OolI]{1,2}[/.\-][0-9OolI]{2,4})$/.exec(last);
    const prev = body[body.length - 2];
    if (dateOnly && prev && prev.i !== remarksAt && !readDate(prev.text) && looksLikeSignatureName(prev.text)) {
      const w = wrappedName(body.length - 2, prev.text);
      signatures.unshift({ sig: { name: cleanSignatureName(w.name), date: dateOnly.value }, conf: dateOnly.confidence });
      body.length -= 1 + w.lines;
    } else if (nameWithDate && looksLikeSignatureName(nameWithDate[1]) && readDate(nameWithDate[2])) {
      const d = readDate(nameWithDate[2])!;
      const w = wrappedName(body.length - 1, nameWithDate[1]);
      signatures.unshift({ sig: { name: cleanSignatureName(w.name), date: d.value }, conf: d.confidence });
      body.length -= w.lines;
    } else if (!dateOnly && !nameWithDate && prev && prev.i !== remarksAt && last.length < 60 && /\s[0-9OolI]{1,2}[/.\-][0-9OolI]{1,2}[/.\-][0-9OolI]{2,4}$/.test(prev.text) && (SIGNATURE_GOES_ON.test(last) || (/\b(?:for|by)(?: [A-Z][a-z]+)?\s+\S+$/.test(prev.text) && /^[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?$/.test(last)))) {
      // … or "… Attorney-in-Fact for Amy 08/18/2025" over "Coleman": the name it signs for, wrapped.
      // "By: Aaron Beckman, Power of Attorney 05/15/2026" over "For: Vaibhav Taneja": the signature goes on under its date.
      body[body.length - 2] = { ...prev, text: prev.text.replace(/(\s[0-9OolI]{1,2}[/.\-][0-9OolI]{1,2}[/.\-][0-9OolI]{2,4})$/, ` ${last}$1`) };
      body.length -= 1;
    } else if (signatures.length === 0 && looksLikeSignatureName(last) && last.length < 100) {
      const w = wrappedName(body.length - 1, last);
      // The date may be printed under the signature label, beside "Date".
      const below = dateBelow(lines, signatureAt);
      signatures.unshift({ sig: { name: cleanSignatureName(w.name), date: below?.value ?? null }, conf: below ? Math.min(below.confidence, 0.85) : 0.3 });
      if (!below) {
        // Without its date the line may be any text left above the label, not a signature at all.
        confidence["/signatures"] = 0.6;
        warnings.push("signature date not found");
      }
      body.length -= w.lines;
    } else break;
  }
  if (signatures.length === 0 && signatureAt >= 0) readSignaturesBelow(lines, signatureAt, signatures);
  const footnotes: Footnote[] = [];
  const remarkLines: string[] = [];
  let current: Footnote | null = null;
  for (const { i, text } of body) {
    if (remarksAt >= 0 && i >= remarksAt) {
      remarkLines.push(text);
      continue;
    }
    // OCR sometimes drops the period after the number: accept "2 Held by ..." only as the next footnote.
    const m = FOOTNOTE_START.exec(text) ?? (/^([0-9]{1,2}) (?=[A-Z])/.exec(text)?.[1] === String(footnotes.length + 1) ? /^([0-9]{1,2}) /.exec(text) : null);
    if (m && (!current || Number(m[1]) > Number(current.id))) {
      current = { id: m[1], text: text.slice(m[0].length).trim() };
      footnotes.push(current);
    } else if (current) current.text = `${current.text} ${text}`;
    else remarkLines.push(text);
  }
  signatures.forEach(({ sig, conf, nameConf }, s) => {
    confidence[`/signatures/${s}/date`] = conf;
    // Names are capitalised; a line of mostly lower-case words ("alae Kee aetna yaa") is OCR of something else.
    const words = sig.name.split(" ");
    const lower = words.filter((w) => /^[a-z]/.test(w) && !/^(?:as|by|for|of|the|and|on|behalf|its|attorney|attorney-in-fact|power|in|fact)\b/i.test(w)).length;
    confidence[`/signatures/${s}/name`] = Math.min(nameConf ?? (words.length >= 2 ? 0.9 : 0.75), lower * 2 >= words.length ? 0.5 : 1);
  });
  if (signatures.length === 0) warnings.push('no signature found above "Signature of Reporting Person"');
  const remarks = remarkLines.length ? singleSpace(remarkLines.join(" ")) : null;
  confidence["/remarks"] = remarks ? 0.85 : remarksAt >= 0 || explanationAt >= 0 ? 0.9 : 0.6;
  // Each signature block has its date line: more of them above the label than signatures read means a block
  // not taken for one, most likely left in the remarks.
  const dateLines = signatureAt < 0 ? 0 : lines.slice(0, signatureAt).filter((l) => l.trim().length <= 12 && readDate(l.trim())).length;
  if (dateLines > signatures.length) {
    warnings.push(`${dateLines} signature dates above the signature line but ${signatures.length} signature(s) read; the rest may sit in the remarks`);
    if (remarks) confidence["/remarks"] = 0.6;
    signatures.forEach((s, i) => {
      confidence[`/signatures/${i}/name`] = 0.6;
      confidence[`/signatures/${i}/date`] = Math.min(s.conf, 0.75);
    });
  }
  footnotes.forEach((f, i) => {
    f.text = singleSpace(f.text);
    confidence[`/footnotes/${i}/text`] = f.text.length > 10 ? 0.9 : 0.6;
    confidence[`/footnotes/${i}/id`] = f.id === String(i + 1) ? 0.97 : 0.7;
  });
  return { footnotes, remarks, signatures: signatures.map((s) => s.sig), confidence, warnings };
}

/** A signature's date printed under its label, beside "Date", or pushed to the page's end by the OCR. */
function dateBelow(lines: string[], labelAt: number): DateReading | null {
  return lines.slice(labelAt + 1, labelAt + 16).map((l) => (l.trim().length <= 14 ? readDate(l.trim()) : null)).find(Boolean) ?? null;
}

/**
 * One signer's block as Tesseract prints it above the label: a "/s/" line, the name wrapped over the
 * next line or two, the date printed right of one of them ("/s/ Wednesday Shipp, attorney-in-fact" |
 * "SOP. ¥ 03/11/2026" | "for Ashley McEvoy"). Null unless exactly one "/s/" line opens the last lines.
 */
function signatureBlock(body: { i: number; text: string }[], remarksAt: number): { name: string; date: DateReading | null; lines: number; noise: boolean } | null {
  const tail = body.slice(-4);
  const opens = tail.map((b, k) => (/^\W{0,2}\/s\//i.test(b.text) ? k : -1)).filter((k) => k >= 0);
  if (opens.length !== 1 || tail.filter((b) => /\/s\//i.test(b.text)).length !== 1) return null;
  const lines = tail.slice(opens[0]);
  if (lines.some((b) => b.i === remarksAt || b.text.length > 130) || lines.slice(1).some((b) => FOOTNOTE_START.test(b.text))) return null;
  let date: DateReading | null = null;
  let noise = false;
  const parts: string[] = [];
  lines.forEach((b, k) => {
    const m = /([0-9OolI]{1,2}[/.\-][0-9OolI]{1,2}[/.\-][0-9OolI]{2,4})\s*$/.exec(b.text);
    const d = m ? readDate(m[1]) : null;
    let text = b.text;
    if (m && d) {
      date = d;
      text = b.text.slice(0, m.index).trim();
      // What is left beside a date on a line of its own is the signature's ink, not its words.
      if (k > 0 && (text.length <= 12 || !/[A-Za-z]{3}/.test(text))) {
        noise ||= text.length > 0;
        text = "";
      }
    } else if (readDate(b.text.trim())) text = "";
    if (text) parts.push(text);
  });
  if (!parts.length) return null;
  return { name: parts.join(" "), date, lines: lines.length, noise };
}

// Some scans put the signature under its label: "** Signature of Reporting Person", "Date", then name and date.
function readSignaturesBelow(lines: string[], labelAt: number, out: { sig: Signature; conf: number }[]): void {
  const below = lines.slice(labelAt + 1, labelAt + 8).map((l) => l.trim()).filter((l) => l && !/^date$/i.test(l) && !BOILERPLATE.test(l));
  for (let k = 0; k + 1 < below.length; k++) {
    const d = readDate(stripFootnoteMarkers(below[k + 1]).text);
    if (d && !readDate(below[k]) && looksLikeSignatureName(below[k])) {
      out.push({ sig: { name: cleanSignatureName(below[k]), date: d.value }, conf: Math.min(d.confidence, 0.85) });
      k++;
    } else if (out.length) break;
  }
}

// A fund signing through its adviser and general partner runs to a few hundred characters; past a person's
// length the line must read as such a chain and not open like a footnote, or a footnote over a date would pass.
const SIGNING_FOR = /\/s\/|\bby\b|\b(?:L\.?P|LLC|Inc|Ltd|GP|attorney|adviser|manager|partner|trustee)\b/i;

function looksLikeSignatureName(line: string): boolean {
  const t = line.trim();
  if (t.length > 160 && (t.length > 400 || FOOTNOTE_START.test(t) || !SIGNING_FOR.test(t))) return false;
  return t.length >= 3 && /[A-Za-z]{2}/.test(t) && !/^(date|remarks?:?|signature)/i.test(t) && !BOILERPLATE.test(t) && !/^\W{0,2}(?:Name|Address|Relationship)\s?[:;]/i.test(t);
}

// The line under a dated signature that finishes it: "For: Vaibhav Taneja", "as attorney-in-fact", "Trustee".
const SIGNATURE_GOES_ON = /^(?:(?:for|as|by|its|on behalf)\b|(?:Trustee|Attorney-in-Fact|Attorney|Agent|Manager|Member|Secretary)\W*$)/i;

function cleanSignatureName(line: string): string {
  // A word hyphenated at the box's edge ("Attorney-in-" / "Fact") is one word; a comma doubled by a
  // speck is one comma; a lone lower-case letter at the end is a speck, never part of a name.
  return singleSpace(line.replace(/^\*+/, "").replace(/[_]{2,}/g, " "))
    .replace(/(?<=[A-Za-z]-) (?=[A-Za-z])/g, "")
    .replace(/,{2,}/g, ",")
    .replace(/ [a-z]$/, "");
}

// ---------------------------------------------------------------------------
// Table rows from typed tokens

/** One value-bearing piece of a table row: a cell, or a run of words from a text line. */
export interface RowToken {
  /** The text with footnote markers removed. */
  text: string;
  footnoteIds: string[];
  /** Grid column in a markdown table, when known; lets callers tell the (A) and (D) cells apart. */
  cell?: number;
}

/**
 * Splits a row's cells (markdown) or a single line (plain text: pass `[line]`) into tokens:
 * dates, numbers, code letters and the D/I mark become their own tokens; consecutive words
 * stay together as one text token ("Common Stock", "Class A Common Stock"). A date split
 * across cells (`12/29/2` + `2014`) is joined. Footnote-only cells become tokens with empty text.
 */
export function tokenizeCells(cells: string[]): RowToken[] {
  const out: RowToken[] = [];
  cells.forEach((cell, index) => {
    const clean = cleanCell(cell);
    if (!clean) return;
    const prev = out[out.length - 1];
    const afterText = Boolean(prev && /[A-Za-z]{2}/.test(prev.text) && !/[0-9]/.test(prev.text));
    for (const t of splitValues(clean, cells.length > 1, afterText)) out.push({ ...t, cell: index });
  });
  const merged: RowToken[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    const next = out[i + 1];
    if (next && /^[0-9OolI]{1,2} ?[/.\-] ?[0-9OolI]{1,2} ?[/.\-] ?[0-9]{0,3}$/.test(t.text)) {
      const joined = joinDatePieces(t.text, next.text);
      if (joined) {
        merged.push({ text: `${t.text}+${next.text}`, footnoteIds: [...t.footnoteIds, ...next.footnoteIds], cell: t.cell });
        i++;
        continue;
      }
    }
    merged.push(t);
  }
  return merged;
}

// `bare` has its footnote markers stripped already.
function isValueWord(bare: string): boolean {
  if (!/[0-9$]/.test(bare)) return false;
  return Boolean(readDate(bare) || readNumber(bare) || /^\\?\$/.test(bare) || /^[0-9OolI]{1,2}[/.\-][0-9OolI]{1,2}[/.\-][0-9]{0,3}$/.test(bare));
}

const UNDERLYING_START = /^(?:Class|Common|Ordinary|Series)$/;

// In a grid a marker shares its value's cell; in a line of text a spaced-out marker may stand for a whole column.
function splitValues(text: string, markersAttach: boolean, afterText: boolean): RowToken[] {
  // Dates written with spaces ("Dec. 17, 2007") are protected by reading them first.
  const ws = text.replace(/\$ +/g, "$").split(" ");
  const bare = ws.map(stripFootnoteMarkers);
  // "Common Stock, $.25 Par Value": an amount before "par value" is the title's, never a price.
  const isValue = bare.map((b, i) => isValueWord(b.text) && !(/^\$/.test(b.text) && /^par$/i.test(ws[i + 1] ?? "")));
  const out: RowToken[] = [];
  let textRun: string[] = [];
  let runIds: string[] = [];
  const flush = () => {
    if (textRun.length) out.push({ text: textRun.join(" "), footnoteIds: runIds });
    textRun = [];
    runIds = [];
  };
  for (let i = 0; i < ws.length; i++) {
    const three = MONTHS[ws[i].slice(0, 3).toLowerCase()] && i + 2 < ws.length ? ws.slice(i, i + 3).join(" ") : "";
    if (three && NAMED_DATE.test(stripFootnoteMarkers(three).text) && readDate(stripFootnoteMarkers(three).text)) {
      flush();
      const s = stripFootnoteMarkers(three);
      out.push({ text: s.text, footnoteIds: s.footnoteIds });
      i += 2;
      continue;
    }
    const s = bare[i];
    if (s.text === "") {
      // A bare marker: it belongs to the value before it, or stands alone in its cell.
      const prev = textRun.length ? null : out[out.length - 1];
      // In a line of text, a marker between a title and "Class B Common Stock" ends the first title.
      if (textRun.length && !markersAttach && UNDERLYING_START.test(bare[i + 1]?.text ?? "")) {
        runIds.push(...s.footnoteIds);
        flush();
      } else if (textRun.length) runIds.push(...s.footnoteIds);
      else if (prev && markersAttach) prev.footnoteIds.push(...s.footnoteIds);
      else out.push({ text: "", footnoteIds: s.footnoteIds });
      continue;
    }
    const single = /^[A-Z]$/.test(s.text);
    // "Class | A Common Stock": a letter between words, even across a cell border, is part of the title.
    const prevIsText = textRun.length > 0 || (i === 0 && afterText);
    const next = bare[i + 1];
    const nextIsText = next !== undefined && !isValue[i + 1] && !/^[A-Z]$/.test(next.text) && next.text !== "";
    // "Class A 200,000": the class letter belongs to its title even with a number after it.
    const classLetter = single && /^(?:Class|Series)$/.test(textRun[textRun.length - 1] ?? "");
    if (isValue[i] || (single && !classLetter && !(prevIsText && nextIsText))) {
      flush();
      out.push({ text: s.text, footnoteIds: s.footnoteIds });
    } else {
      textRun.push(s.text);
      runIds.push(...s.footnoteIds);
    }
  }
  flush();
  return out;
}

/** Which table a row belongs to. */
export type TableKind = "nonDerivative" | "derivative";

/** Form whose column layout applies: Form 5 uses Form 4's columns, Form 3 its own shorter ones. */
export type LayoutForm = "3" | "4" | "5";

/** A row read from tokens: the canonical row, per-field confidence (keys are field names) and repair notes. */
export interface RowReading<R> {
  row: R;
  confidence: Confidences;
  warnings: string[];
  /**
   * Fields whose reading has another as likely: a count printed "8.626", a price printed as a bare "0" (a
   * stray mark as likely as a zero price). A cross-check agreeing with one reading agrees with either.
   */
  ambiguous: Set<string>;
}

/** Hints a caller with a grid can give: the cells under the "(A)" and "(D)" headings of Table II. */
export interface RowHints {
  acquiredCell?: number;
  disposedCell?: number;
  /** The cells under "Code" and "Date Exercisable": a row whose values sit elsewhere drifted by that many cells. */
  codeCell?: number;
  exerciseCell?: number;
}

type Slot =
  | "title" | "convPrice" | "txDate" | "deemed" | "code" | "v" | "amount" | "ad" | "price" | "owned"
  | "exDate" | "expDate" | "undTitle" | "undAmount" | "di" | "nature";

const LAYOUTS: Record<string, Slot[]> = {
  "4:nonDerivative": ["title", "txDate", "deemed", "code", "v", "amount", "ad", "price", "owned", "di", "nature"],
  "4:derivative": ["title", "convPrice", "txDate", "deemed", "code", "v", "amount", "exDate", "expDate", "undTitle", "undAmount", "price", "owned", "di", "nature"],
  "3:nonDerivative": ["title", "owned", "di", "nature"],
  "3:derivative": ["title", "exDate", "expDate", "undTitle", "undAmount", "convPrice", "di", "nature"],
};

const SLOT_FIELD: Record<Slot, string> = {
  title: "securityTitle", convPrice: "conversionOrExercisePrice", txDate: "transactionDate", deemed: "deemedExecutionDate",
  code: "transactionCode", v: "equitySwap", amount: "shares", ad: "acquiredDisposed", price: "price", owned: "sharesOwnedFollowing",
  exDate: "exerciseDate", expDate: "expirationDate", undTitle: "underlyingTitle", undAmount: "underlyingShares",
  di: "directOrIndirect", nature: "natureOfOwnership",
};

/**
 * Where each column's value sits in the ownership XML; a row's footnote ids are listed in the
 * document's order, which differs from the printed one (Form 3 prints the exercise price after the
 * dates; Form 4 prints column 8's price after the dates, which the XML holds with the amount).
 */
const XML_RANK: Record<Slot, number> = {
  title: 0, convPrice: 1, txDate: 2, deemed: 3, code: 4, v: 5, amount: 6, price: 7, ad: 8,
  exDate: 9, expDate: 10, undTitle: 11, undAmount: 12, owned: 13, di: 14, nature: 15,
};

/** The row's footnote ids, each once, ordered by where the value it marks sits in the XML. */
function idsInXmlOrder(tokens: RowToken[], assignment: (Slot | null)[]): string[] {
  const ranked: { id: string; rank: number; at: number }[] = [];
  // A marker standing alone marks the value before it.
  let rank = 0;
  tokens.forEach((t, i) => {
    const slot = assignment[i];
    if (slot) rank = XML_RANK[slot];
    for (const id of t.footnoteIds) if (!ranked.some((r) => r.id === id)) ranked.push({ id, rank, at: ranked.length });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.at - b.at).map((r) => r.id);
}

const TEXT_SLOTS = new Set<Slot>(["title", "undTitle", "nature"]);

interface Typed {
  tok: RowToken;
  date: DateReading | null;
  num: NumberReading | null;
  code: CodeReading | null;
  di: ReturnType<typeof readDirectIndirect>;
  text: boolean;
  /** A cell holding only a footnote marker: the value is "see footnote" (null). */
  markerOnly: boolean;
  immediate: boolean;
  notApplicable: boolean;
}

function typeToken(tok: RowToken): Typed {
  const t = tok.text;
  const digits = /[0-9]/.test(t) || t === "O" || /^\$[OoSlI]/.test(t);
  const date = !digits && !MONTHS[t.slice(0, 3).toLowerCase()] ? null : t.includes("+") ? joinDatePieces(t.slice(0, t.indexOf("+")), t.slice(t.indexOf("+") + 1)) : readDate(t);
  const num = date || !digits ? null : readNumber(t);
  const short = t.length <= 12;
  const code = short ? readTransactionCode(t) : null;
  const di = short ? readDirectIndirect(t) : null;
  const text = !date && !num && /[A-Za-z]{2}/.test(t);
  return {
    tok, date, num, code, di, text, markerOnly: t === "",
    immediate: t.length <= 14 && (IMMEDIATE.test(t) || (t.length >= 5 && "immediately".endsWith(t.toLowerCase()))),
    notApplicable: short && (NOT_APPLICABLE.test(t) || /^(none|no expiration)$/i.test(t)),
  };
}

const IMMEDIATE = /^(immed(iately|\.)?|immediate|now|currently|exercisable)$/i;
const NOT_APPLICABLE = /^(n\/?a|none|\(?n\/a\)?|-+|—)$/i;

// How well a typed token fits a slot; 0 means it cannot go there.
function fit(t: Typed, slot: Slot): number {
  const txt = t.tok.text;
  if (t.markerOnly) return MARKER_FIT[slot] ?? 0;
  switch (slot) {
    case "title":
    case "undTitle":
      return t.text && !t.immediate ? 1 : 0;
    case "nature":
      // A second ownership letter ("I | I (1)") is printed in the nature column more often than it is noise.
      return t.text && !t.di ? 0.9 : /^[DI]$/.test(txt) ? 0.3 : 0;
    case "txDate":
      return t.date ? 1 : 0;
    case "deemed":
      return t.date ? 0.8 : 0;
    case "exDate":
      return t.date ? 1 : t.immediate ? 1 : t.notApplicable ? 0.5 : 0;
    case "expDate":
      return t.date ? 1 : t.notApplicable ? 0.6 : 0;
    case "code":
      return t.code && !t.code.equitySwap ? (t.code.confidence >= 0.9 ? 1.05 : 0.5) : t.code ? 1.1 : 0;
    case "v":
      return txt === "V" || txt === "v" ? 0.9 : 0;
    case "ad":
      return txt === "A" || txt === "D" ? 1 : txt === "(A)" || txt === "(D)" ? 1 : 0;
    case "di":
      return t.di ? (t.di.confidence >= 0.9 ? 1 : 0.3) : 0;
    case "amount":
    case "owned":
    case "undAmount":
      // A well-formed count ("10,000") is likelier a real value than a stray "0" from a cell border;
      // nobody reports a transaction of zero shares.
      if (txt === "0") return slot === "amount" ? 0.5 : 0.6;
      return t.num ? (t.num.money ? 0.3 : /,|[0-9]{3}/.test(txt) ? 0.95 : 0.9) : 0;
    case "price":
    case "convPrice":
      return t.num ? (t.num.money ? 1.1 : 0.75) : 0;
  }
}

// Where a value shown only as "(1)" is usually found: the date exercisable most of all.
const MARKER_FIT: Partial<Record<Slot, number>> = { exDate: 0.7, expDate: 0.3, convPrice: 0.5, price: 0.4 };

const SKIP_PENALTY = -0.4;
const TITLE_JOIN = 0.2;

/**
 * Assigns a row's tokens to the columns of Table I or Table II by type and order (a small
 * sequence alignment: every token goes to a later column than the one before, or is dropped
 * as OCR noise at a cost), then reads each value. Works for markdown cells and for tokens of
 * a plain-text line alike. Returns the canonical row with per-field confidences.
 */
export function readRow(tokens: RowToken[], table: "nonDerivative", form: LayoutForm, hints?: RowHints): RowReading<NonDerivativeRow>;
export function readRow(tokens: RowToken[], table: "derivative", form: LayoutForm, hints?: RowHints): RowReading<DerivativeRow>;
export function readRow(tokens: RowToken[], table: TableKind, form: LayoutForm, hints: RowHints = {}): RowReading<NonDerivativeRow | DerivativeRow> {
  // A Form 4/5 Table I line with no date and at most one count is a holding: that count is the amount owned
  // and a lone D or I the ownership form, not the (A)/(D) column of a transaction (nor an I read as code I).
  // Form 3's columns are exactly a holding's.
  const holdingLine = table === "nonDerivative" && form !== "3" && !tokens.some((t) => t.text.includes("+") || findDates(t.text).length > 0) && tokens.filter((t) => /[0-9]/.test(t.text)).length <= 1;
  const slots = LAYOUTS[`${form === "3" || holdingLine ? "3" : "4"}:${table}`];
  const typed = tokens.slice(0, 120).map(typeToken);
  const assignment = align(typed, slots);
  const footnoteIds = idsInXmlOrder(tokens, assignment);
  const warnings: string[] = [];
  const confidence: Confidences = {};
  const got = new Map<Slot, Typed[]>();
  typed.forEach((t, i) => {
    const s = assignment[i];
    if (s === null) {
      if (t.markerOnly) return;
      warnings.push(`dropped "${t.tok.text}" as OCR noise`);
      return;
    }
    const list = got.get(s) ?? [];
    list.push(t);
    got.set(s, list);
  });
  const one = (s: Slot) => got.get(s)?.[0] ?? null;
  const textOf = (s: Slot) => (got.get(s) ? singleSpace(got.get(s)!.map((t) => t.tok.text).join(" ")) : null);
  const dateOf = (s: Slot, key: string): IsoDate | null => {
    const t = one(s);
    if (!t) {
      confidence[key] = 0.9;
      return null;
    }
    if (t.markerOnly) {
      confidence[key] = 0.85;
      return null;
    }
    if (t.date?.note) warnings.push(t.date.note);
    confidence[key] = t.date ? t.date.confidence : 0.85;
    return t.date?.value ?? null;
  };
  const ambiguous = new Set<string>();
  // "196.356" is 196,356 shares or 196.356 of a unit; a count like "12,629.042" on the same row
  // shows the filer reports fractions.
  const fractionalRow = (["amount", "owned", "undAmount"] as Slot[]).some((s) =>
    (got.get(s) ?? []).some((t) => /^[0-9,]*[0-9]\.[0-9]+$/.test(t.tok.text.trim()) && !/^[0-9]{1,3}(\.[0-9]{3})+$/.test(t.tok.text.trim())),
  );
  const numOf = (s: Slot, key: string, kind: NumberKind): number | null => {
    const t = one(s);
    if (!t) {
      confidence[key] = 0.88;
      return null;
    }
    if (t.markerOnly) {
      confidence[key] = 0.8;
      return null;
    }
    const fraction = kind === "shares" && fractionalRow && /^[0-9]{1,3}\.[0-9]{3}$/.test(t.tok.text.trim());
    const r = readNumber(t.tok.text, fraction ? "any" : kind);
    if (r?.note) warnings.push(r.note);
    if (r && (r.alternative !== null || (kind === "price" && r.value === 0 && !r.money))) ambiguous.add(key);
    confidence[key] = r ? (fraction ? Math.min(r.confidence, 0.85) : r.confidence) : 0.4;
    // Filers give prices to four places at most; a fifth digit is mostly a raised footnote marker read as one ("213.3049⁽³⁾").
    if (r && kind === "price" && /\.[0-9]{5,}$/.test(t.tok.text.trim().replace(/[^0-9.]/g, ""))) confidence[key] = Math.min(confidence[key], 0.6);
    return r?.value ?? null;
  };
  const titleToks = got.get("title");
  const title = repairTitle(textOf("title") ?? "", warnings);
  const securityTitle = title.text;
  confidence.securityTitle = securityTitle ? Math.min(title.confidence, titleToks && titleToks.length > 1 ? 0.85 : 0.92) : 0.2;
  const codeTok = one("code");
  const code = codeTok?.code ?? null;
  if (code?.note) warnings.push(code.note);
  confidence.transactionCode = codeTok ? (code?.confidence ?? 0.4) : 0.9;
  const equitySwap = Boolean(one("v")) || Boolean(code?.equitySwap);
  confidence.equitySwap = 0.9;
  const diTok = one("di");
  const directOrIndirect = diTok?.di?.value ?? null;
  confidence.directOrIndirect = diTok?.di ? diTok.di.confidence : 0.5;
  const nature = textOf("nature") ? fixDigitWords(textOf("nature")!) : null;
  // "By Trust®", "Footnotes“": a raised footnote marker the OCR could not read, glued to the text.
  const garbledMarker = nature ? /\s?[®©°?“”"’]+$/.exec(nature.text) : null;
  if (nature && garbledMarker) nature.text = nature.text.slice(0, garbledMarker.index);
  // One word alone is mostly the middle of a wrapped phrase ("Supplemental" of "By Supplemental 401(k) Plan").
  const fragment = nature !== null && !/\s/.test(nature.text.trim()) && !WHOLE_ONE_WORD_NATURE.test(nature.text.trim());
  confidence.natureOfOwnership = nature ? (/^[a-z]/.test(nature.text) || nature.changed || /^[DI]$/.test(nature.text) || fragment ? 0.6 : 0.85) : directOrIndirect === "I" ? 0.6 : 0.9;
  if (nature && /^[DI]$/.test(nature.text)) warnings.push(`"${nature.text}" in the nature-of-ownership column after the ownership form; kept as printed`);
  const transactionDate = dateOf("txDate", "transactionDate");
  const deemedExecutionDate = dateOf("deemed", "deemedExecutionDate");
  const kind: "transaction" | "holding" = transactionDate || code ? "transaction" : "holding";
  confidence.kind = 0.92;
  let shares = numOf("amount", "shares", "shares");
  let sharesOwnedFollowing = numOf("owned", "sharesOwnedFollowing", "shares");
  if (kind === "holding" && shares !== null && sharesOwnedFollowing === null) {
    // A holding row has no transaction amount: its only count is the amount owned.
    sharesOwnedFollowing = shares;
    confidence.sharesOwnedFollowing = confidence.shares;
    if (ambiguous.delete("shares")) ambiguous.add("sharesOwnedFollowing");
    shares = null;
    confidence.shares = 0.9;
  }
  let price = numOf("price", "price", "price");
  // Prices are printed with "$"; one without it that starts with 3, 5 or 8 may be the "$" misread ("3628" for $628).
  const priceTok = one("price");
  if (price !== null && priceTok?.num && !priceTok.num.money && /^[358S][0-9]{2,}/.test(priceTok.tok.text)) confidence.price = Math.min(confidence.price, 0.7);
  if (kind === "holding" && price !== null && table === "nonDerivative") {
    // A holding has no transaction, so no price: the number is a stray mark from the empty columns.
    warnings.push(`dropped "${price}" in the price column of a holding as OCR noise`);
    price = null;
    ambiguous.delete("price");
    confidence.price = 0.85;
  }
  let acquiredDisposed: "A" | "D" | null = null;
  const implied = impliedDirection(code?.code ?? null, table);
  if (table === "nonDerivative") {
    const adTok = one("ad");
    acquiredDisposed = adTok ? (adTok.tok.text.replace(/[()]/g, "") as "A" | "D") : null;
    confidence.acquiredDisposed = adTok ? (implied && implied !== acquiredDisposed ? 0.7 : implied ? 0.96 : 0.9) : kind === "holding" ? 0.9 : 0.4;
    if (!adTok && kind === "transaction" && implied) {
      acquiredDisposed = implied;
      confidence.acquiredDisposed = 0.72;
      warnings.push(`(A)/(D) not read; taken as ${implied} from code ${code?.code}`);
    }
  } else if (shares !== null) {
    const cell = one("amount")?.tok.cell;
    const under = (at: number | undefined): "A" | "D" | null => (at === undefined ? null : at === hints.disposedCell ? "D" : at === hints.acquiredCell ? "A" : null);
    // The code on the left and the date exercisable on the right each tell how far the row drifted
    // from its headings; when they disagree an empty cell was lost or added between them.
    const drift = (tokCell: number | undefined, headCell: number | undefined) => (tokCell !== undefined && headCell !== undefined && cell !== undefined ? under(cell - (tokCell - headCell)) : undefined);
    const anchored = [drift(codeTok?.tok.cell, hints.codeCell), drift(one("exDate")?.tok.cell, hints.exerciseCell)].filter((r) => r !== undefined);
    const votes = anchored.length ? anchored : [under(cell)];
    const split = votes.some((r) => r !== votes[0]);
    const byCell = split ? (implied ?? votes.find((r) => r) ?? null) : votes[0];
    acquiredDisposed = byCell ?? implied;
    confidence.acquiredDisposed = split ? 0.7 : byCell && implied ? (byCell === implied ? 0.96 : 0.6) : byCell ? 0.85 : implied ? 0.75 : 0.4;
    if (byCell && implied && byCell !== implied) warnings.push(`amount sits under (${byCell}) but code ${code?.code} implies (${implied})`);
  } else confidence.acquiredDisposed = 0.9;
  confidence.footnoteIds = garbledMarker ? 0.6 : 0.9;
  // A value next to a token dropped as noise may itself be misplaced, and the columns it could have filled are unsure.
  typed.forEach((t, i) => {
    if (assignment[i] !== null || t.markerOnly) return;
    let before = -1;
    for (let k = i - 1; k >= 0 && before < 0; k--) if (assignment[k]) before = slots.indexOf(assignment[k]!);
    let after = slots.length;
    for (let k = i + 1; k < typed.length && after === slots.length; k++) if (assignment[k]) after = slots.indexOf(assignment[k]!);
    for (let k = before + 1; k < after; k++) {
      const field = SLOT_FIELD[slots[k]];
      if (!got.has(slots[k]) && confidence[field] !== undefined) confidence[field] = Math.min(confidence[field], 0.6);
    }
    for (const k of [i - 1, i + 1]) {
      const slot = assignment[k];
      if (!slot) continue;
      const field = slot === "amount" && kind === "holding" && shares === null ? "sharesOwnedFollowing" : SLOT_FIELD[slot];
      if (confidence[field] !== undefined) confidence[field] = Math.min(confidence[field], 0.78);
    }
  });
  if (table === "nonDerivative") {
    const row: NonDerivativeRow = {
      kind, securityTitle, transactionDate, deemedExecutionDate, transactionCode: code?.code ?? null, equitySwap,
      shares, acquiredDisposed, price, sharesOwnedFollowing, directOrIndirect, natureOfOwnership: nature?.text ?? null, footnoteIds,
    };
    return { row, confidence, warnings, ambiguous };
  }
  const exTok = one("exDate");
  const exercisableImmediately = Boolean(exTok?.immediate);
  const exerciseDate = dateOf("exDate", "exerciseDate");
  confidence.exercisableImmediately = 0.9;
  if (!exTok && footnoteIds.length) confidence.exerciseDate = 0.82;
  const expirationDate = dateOf("expDate", "expirationDate");
  const und = repairTitle(textOf("undTitle") ?? "", warnings);
  const underlyingTitle = und.text || null;
  confidence.underlyingTitle = underlyingTitle ? Math.min(und.confidence, 0.92) : 0.5;
  const underlyingShares = numOf("undAmount", "underlyingShares", "shares");
  const conversionOrExercisePrice = numOf("convPrice", "conversionOrExercisePrice", "price");
  const row: DerivativeRow = {
    kind, securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, transactionCode: code?.code ?? null,
    equitySwap, shares, acquiredDisposed, exerciseDate, exercisableImmediately, expirationDate, underlyingTitle,
    underlyingShares, price, sharesOwnedFollowing: form === "3" ? null : sharesOwnedFollowing, directOrIndirect,
    natureOfOwnership: nature?.text ?? null, footnoteIds,
  };
  return { row, confidence, warnings, ambiguous };
}

// Titles the forms use most; a title whose front the OCR ate ("mon Stock") is restored from its tail.
const COMMON_TITLES = [
  "Common Stock", "Class A Common Stock", "Class B Common Stock", "Class C Common Stock", "Ordinary Shares", "Restricted Stock Units",
  "Restricted Stock", "Performance Share Units", "Stock Option (right to buy)", "Employee Stock Option (right to buy)",
  "Non-qualified Stock Option (right to buy)", "Incentive Stock Option (right to buy)", "Warrants", "Warrants (right to buy)",
  "Series A Preferred Stock", "Convertible Preferred Stock", "Phantom Stock", "Stock Appreciation Rights", "Common Units",
];

const WHOLE_ONE_WORD_NATURE = /^(?:Trust|Spouse|IRA|Custodian|Partnership|LLC|LP|GRAT|Foundation|Wife|Husband|Children|Son|Daughter|Family|Trustee|Indirect|401\(k\))$/i;

// The words a security's title ends with; a narrow title column clips the last letter or two off them.
const TITLE_TAILS = ["Stock", "Shares", "Units", "Options", "Warrants", "Rights", "Notes", "Securities", "Interests", "Debentures"];

function repairTitle(raw: string, warnings: string[]): { text: string; confidence: number } {
  let text = raw;
  let clipped = false;
  const end = /(?:^|\s)([A-Z][a-z]{2,9})[!|'’l1I]?$/.exec(text);
  if (end) {
    const whole = TITLE_TAILS.filter((w) => w.length > end[1].length && w.startsWith(end[1]) && w.length - end[1].length <= 2);
    if (whole.length === 1 && !TITLE_TAILS.includes(end[1]) && !TITLE_TAILS.includes(`${end[1]}s`) && end[1] !== "Security") {
      text = `${text.slice(0, end.index)}${end[0].startsWith(" ") ? " " : ""}${whole[0]}`;
      clipped = true;
      warnings.push(`title "${raw}" read as "${text}" (end clipped by its column)`);
    }
  }
  if (!text || !/^[a-z-]/.test(text)) return { text, confidence: clipped ? 0.8 : 1 };
  const lower = text.toLowerCase().replace(/^-/, "");
  const whole = COMMON_TITLES.filter((t) => t.toLowerCase().endsWith(lower) && t.length > text.length).sort((a, b) => a.length - b.length)[0];
  if (whole) {
    warnings.push(`title "${text}" read as "${whole}" (front eaten by OCR)`);
    return { text: whole, confidence: 0.75 };
  }
  // "series E Preferred Stock": only the capital of a whole first word was lost.
  if (/^(?:series|class|common|restricted|deferred|performance|phantom|ordinary|preferred|stock)\s[A-Z(]/.test(text)) {
    return { text: text[0].toUpperCase() + text.slice(1), confidence: 0.75 };
  }
  return { text, confidence: 0.6 };
}

/**
 * Repairs digits inside words that start with a digit (street numbers, "4O1(k)", "3OTH"):
 * an O or o next to a digit is a zero. Letters elsewhere are left alone.
 */
export function fixDigitWords(text: string): { text: string; changed: boolean } {
  let changed = false;
  const out = text.replace(/\b[0-9][0-9A-Za-z]{0,15}/g, (w) => {
    let cur = w;
    for (let k = 0; k < 4; k++) {
      const next = cur.replace(/(?<=[0-9])[Oo]|[Oo](?=[0-9])/g, "0");
      if (next === cur) break;
      cur = next;
    }
    if (cur !== w) changed = true;
    return cur;
  });
  return { text: out, changed };
}

// Best order-preserving assignment of tokens to slots (null = dropped as noise), by dynamic programming
// over (token i, next free slot j, whether token i may extend the text slot j-1).
function align(typed: Typed[], slots: Slot[]): (Slot | null)[] {
  const n = typed.length;
  const m = slots.length;
  const W = (m + 1) * 2;
  const score = new Float64Array((n + 1) * W);
  const choice = new Int16Array((n + 1) * W);
  const fits = typed.map((t) => slots.map((s) => fit(t, s)));
  const textSlot = slots.map((s) => TEXT_SLOTS.has(s));
  for (let i = n - 1; i >= 0; i--) {
    const next = (i + 1) * W;
    for (let j = 0; j <= m; j++) {
      for (let c = 0; c < 2; c++) {
        let best = (typed[i].markerOnly ? 0 : SKIP_PENALTY) + score[next + j * 2];
        let pick = -1;
        if (c === 1 && typed[i].text && TITLE_JOIN + score[next + j * 2 + 1] > best) {
          best = TITLE_JOIN + score[next + j * 2 + 1];
          pick = -2;
        }
        for (let k = j; k < m; k++) {
          const f = fits[i][k];
          if (f <= 0) continue;
          const v = f + score[next + (k + 1) * 2 + (textSlot[k] ? 1 : 0)];
          if (v > best) {
            best = v;
            pick = k;
          }
        }
        score[i * W + j * 2 + c] = best;
        choice[i * W + j * 2 + c] = pick;
      }
    }
  }
  const out: (Slot | null)[] = [];
  let j = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const pick = choice[i * W + j * 2 + c];
    if (pick === -1) {
      out.push(null);
      c = 0;
    } else if (pick === -2) out.push(slots[j - 1]);
    else {
      out.push(slots[pick]);
      j = pick + 1;
      c = textSlot[pick] ? 1 : 0;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Cross-checks

/**
 * Checks the filing against itself and moves confidences: agreements raise them (a grant's
 * underlying shares equal its shares, price 0 for code A, expiry ten years after the grant,
 * an exercise date the vesting footnote predicts, transaction dates inside the period and
 * before the signature, owned-following chains that add up); disagreements lower them and
 * add a warning. Pointers in `ambiguous` (readings with another as likely, see `RowReading.ambiguous`) are
 * never raised: an agreement holds under either reading. Mutates `filing.fieldConfidence` and `filing.warnings`.
 */
export function crossCheck(filing: Filing, ambiguous: ReadonlySet<string> = new Set()): void {
  const conf = filing.fieldConfidence;
  const raise = (p: string, to = 0.97) => {
    if (ambiguous.has(p)) return;
    conf[p] = Math.max(conf[p] ?? 1, to) === 1 ? 1 : Math.max(conf[p] ?? 0, to);
  };
  const lower = (p: string, to: number) => {
    conf[p] = Math.min(conf[p] ?? 1, to);
  };
  const sigDate = filing.signatures.find((s) => s.date)?.date ?? null;
  const txDates: IsoDate[] = [];
  const fnText = (ids: string[]) => filing.footnotes.filter((f) => ids.includes(f.id)).map((f) => f.text).join(" ");

  filing.derivative.forEach((r, i) => {
    const p = `/derivative/${i}`;
    if (r.transactionDate) txDates.push(r.transactionDate);
    if (r.shares !== null && r.underlyingShares !== null) {
      // Two readings that were both unsure agree by the same misreading as often as by being right.
      if (r.shares === r.underlyingShares && Math.max(conf[`${p}/shares`] ?? 1, conf[`${p}/underlyingShares`] ?? 1) >= 0.8) {
        raise(`${p}/shares`);
        raise(`${p}/underlyingShares`);
      } else if (r.transactionCode === "A" && r.underlyingTitle && /common/i.test(r.underlyingTitle) && /option/i.test(r.securityTitle)) {
        lower(`${p}/shares`, 0.7);
        lower(`${p}/underlyingShares`, 0.7);
        filing.warnings.push(`derivative row ${i + 1}: option grant of ${r.shares} but ${r.underlyingShares} underlying shares`);
      }
    }
    // A grant's zero price and echoing counts confirm them only when the code itself was read surely.
    if (r.transactionCode === "A" && (conf[`${p}/transactionCode`] ?? 1) >= 0.8) {
      if (r.price === 0) raise(`${p}/price`);
      if (r.sharesOwnedFollowing !== null && r.shares !== null && r.sharesOwnedFollowing === r.shares) {
        raise(`${p}/sharesOwnedFollowing`, 0.95);
      }
      if (r.shares !== null && r.acquiredDisposed === "A") raise(`${p}/acquiredDisposed`, 0.95);
    }
    if (r.transactionDate && r.expirationDate && /option|right to buy/i.test(r.securityTitle)) {
      const years = [10, 7, 5, 3];
      const exact = years.find((y) => addYears(r.transactionDate!, y) === r.expirationDate || addYears(r.transactionDate!, y) === addDays(r.expirationDate!, 1));
      if (exact) {
        raise(`${p}/expirationDate`, 0.97);
        raise(`${p}/transactionDate`, 0.97);
      } else if (r.transactionCode === "A") {
        const span = daysBetween(r.transactionDate, r.expirationDate) / 365.25;
        if (span < 1 || span > 15) {
          lower(`${p}/expirationDate`, 0.6);
          filing.warnings.push(`derivative row ${i + 1}: expiration ${r.expirationDate} is ${span.toFixed(1)} years after the grant`);
        }
      }
    }
    // The vesting footnote often states the first exercise date outright or as "one year from grant".
    const text = fnText(r.footnoteIds);
    if (text && r.transactionDate) {
      const oneYear = /(one|1) ?years? (from|after) (the )?(grant|date of grant)|first anniversary/i.test(text) ? addYears(r.transactionDate, 1) : null;
      const stated = findDates(text).map((d) => d.value);
      if (r.exerciseDate) {
        if (oneYear === r.exerciseDate || stated.includes(r.exerciseDate)) raise(`${p}/exerciseDate`, 0.96);
        else if (stated.length && !stated.includes(r.exerciseDate)) lower(`${p}/exerciseDate`, 0.75);
      }
    }
  });

  const lastOwned = new Map<string, number>();
  const doubtful = new Set<string>();
  filing.nonDerivative.forEach((r, i) => {
    const p = `/nonDerivative/${i}`;
    if (r.transactionDate) txDates.push(r.transactionDate);
    const key = `${r.securityTitle.toLowerCase()}|${r.directOrIndirect}|${r.natureOfOwnership ?? ""}`;
    const before = lastOwned.get(key);
    if (before !== undefined && r.shares !== null && r.sharesOwnedFollowing !== null && r.acquiredDisposed) {
      const expected = before + (r.acquiredDisposed === "A" ? r.shares : -r.shares);
      if (Math.abs(expected - r.sharesOwnedFollowing) < 0.5) {
        raise(`${p}/shares`, 0.97);
        raise(`${p}/acquiredDisposed`, 0.97);
        // A chain that starts from a doubtful total carries the doubt: a digit lost there is lost all the way down.
        if (doubtful.has(key)) lower(`${p}/sharesOwnedFollowing`, 0.7);
        else raise(`${p}/sharesOwnedFollowing`, 0.97);
      } else {
        // Either count may be the misread one (or the row above's).
        lower(`${p}/sharesOwnedFollowing`, 0.78);
        lower(`${p}/shares`, 0.78);
        filing.warnings.push(`non-derivative row ${i + 1}: ${before} ${r.acquiredDisposed === "A" ? "+" : "-"} ${r.shares} does not give ${r.sharesOwnedFollowing}`);
      }
    }
    // Holding fewer shares after acquiring them is impossible: one of the two counts lost a digit.
    if (r.acquiredDisposed === "A" && r.shares !== null && r.sharesOwnedFollowing !== null && r.sharesOwnedFollowing < r.shares) {
      lower(`${p}/sharesOwnedFollowing`, 0.6);
      lower(`${p}/shares`, 0.7);
      filing.warnings.push(`non-derivative row ${i + 1}: ${r.sharesOwnedFollowing} owned after acquiring ${r.shares}`);
    }
    if (r.sharesOwnedFollowing !== null) {
      lastOwned.set(key, r.sharesOwnedFollowing);
      if ((conf[`${p}/sharesOwnedFollowing`] ?? 1) < 0.8) doubtful.add(key);
      else doubtful.delete(key);
    }
    if (r.transactionCode && r.acquiredDisposed && impliedDirection(r.transactionCode, "nonDerivative") === r.acquiredDisposed) {
      raise(`${p}/transactionCode`, 0.96);
    }
  });

  if (filing.periodOfReport && txDates.length) {
    const earliest = txDates.reduce((a, b) => (a < b ? a : b));
    if (earliest === filing.periodOfReport) raise("/periodOfReport", 0.98);
    else {
      lower("/periodOfReport", filing.formType.startsWith("5") ? 0.9 : 0.75);
      if (!filing.formType.startsWith("5")) filing.warnings.push(`box 3 says ${filing.periodOfReport} but the earliest transaction is ${earliest}`);
    }
    filing.derivative.forEach((r, i) => r.transactionDate && checkTxDate(r.transactionDate, `/derivative/${i}/transactionDate`));
    filing.nonDerivative.forEach((r, i) => r.transactionDate && checkTxDate(r.transactionDate, `/nonDerivative/${i}/transactionDate`));
  }
  function checkTxDate(d: IsoDate, p: string) {
    if (d === filing.periodOfReport) raise(p, 0.97);
    else if (d < filing.periodOfReport! || (sigDate && d > sigDate)) {
      lower(p, 0.7);
      filing.warnings.push(`${p.slice(1)} ${d} falls outside the period ${filing.periodOfReport} .. ${sigDate ?? "?"}`);
    }
  }
  for (const [t, rows] of [["derivative", filing.derivative], ["nonDerivative", filing.nonDerivative]] as const) {
    rows.forEach((r, i) => {
      // D rows carry no nature of ownership, I rows do: agreement confirms the D/I reading.
      if ((r.directOrIndirect === "D" && !r.natureOfOwnership) || (r.directOrIndirect === "I" && r.natureOfOwnership)) {
        if ((conf[`/${t}/${i}/directOrIndirect`] ?? 1) >= 0.75) raise(`/${t}/${i}/directOrIndirect`, 0.9);
      } else if (r.directOrIndirect === "I" && !r.natureOfOwnership) lower(`/${t}/${i}/natureOfOwnership`, 0.7);
    });
  }
  filing.signatures.forEach((s, i) => {
    if (!s.date || !filing.periodOfReport) return;
    const lag = daysBetween(filing.periodOfReport, s.date);
    if (lag >= 0 && lag <= 60) raise(`/signatures/${i}/date`, 0.96);
    else if (lag < 0 || lag > 800) {
      lower(`/signatures/${i}/date`, 0.7);
      filing.warnings.push(`signature date ${s.date} is ${lag} days from the period ${filing.periodOfReport}`);
    }
  });
}

function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return t.toISOString().slice(0, 10);
}
