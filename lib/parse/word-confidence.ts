// Tesseract's own doubt, carried into the filing: a field read from words the engine itself was
// unsure of is marked for review, however well the text reader liked their place on the form.
import { CONFIDENCE_THRESHOLD, type Filing } from "./types";
import type { Word } from "./ocr-layout";

/** Tesseract's word confidence (0–100) under which a word is taken as doubtful. */
const DOUBTFUL_WORD = 60;

/** What a field becomes when a word it was read from is doubtful: below the review line. */
const DOUBTED = CONFIDENCE_THRESHOLD - 0.2;

const textKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function numberOf(word: string): number | null {
  const m = /^[($]*([0-9][0-9,]*(?:\.[0-9]+)?)/.exec(word);
  if (!m) return null;
  const n = Number(m[1].replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function isoDateOf(word: string): string | null {
  const m = /^([01]?[0-9])\/([0-3]?[0-9])\/([0-9]{4})/.exec(word);
  return m ? `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}` : null;
}

/** Each spelling on the page with the best confidence Tesseract gave any word spelt so. */
function lexicon(words: Word[]): Map<string, number> {
  const best = new Map<string, number>();
  const put = (key: string | null, conf: number) => {
    if (key) best.set(key, Math.max(best.get(key) ?? -1, conf));
  };
  for (const w of words) {
    put(`t:${textKey(w.text)}`, w.conf);
    const n = numberOf(w.text);
    if (n !== null) put(`n:${n}`, w.conf);
    put(`d:${isoDateOf(w.text)}`, w.conf);
  }
  return best;
}

/** The confidence of the words a value was read from, or null when they are not all on the page as such. */
function wordsConfidence(value: unknown, best: Map<string, number>): number | null {
  let keys: string[];
  if (typeof value === "number") keys = [`n:${value}`];
  else if (typeof value === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) keys = [`d:${value}`];
  else if (typeof value === "string") keys = value.split(/\s+/).map(textKey).filter(Boolean).map((k) => `t:${k}`);
  else return null;
  if (!keys.length) return null;
  let low = Infinity;
  for (const k of keys) {
    const c = best.get(k);
    if (c === undefined) return null;
    low = Math.min(low, c);
  }
  return low;
}

const READ_PARTS = ["issuer", "reportingOwners", "nonDerivative", "derivative", "footnotes", "signatures", "periodOfReport", "remarks"] as const;

function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  if (Array.isArray(value) && !value.every((v) => typeof v === "string")) value.forEach((v, i) => walk(v, `${path}/${i}`, visit));
  else if (value && typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, visit);
  else visit(path, value);
}

/**
 * Lowers every field whose words Tesseract gave a low confidence. A field the reader put together
 * from pieces (a date joined from two words, a corrected figure) is not on the page as one word and
 * keeps the reader's own confidence. A footnote's text is judged by its share of doubtful words,
 * since one smudged word in a paragraph is no reason to doubt the paragraph.
 */
export function applyWordConfidence(filing: Filing, words: Word[]): void {
  const best = lexicon(words);
  const conf = filing.fieldConfidence;
  const lower = (path: string) => (conf[path] = Math.min(conf[path] ?? 1, DOUBTED));
  for (const part of READ_PARTS) {
    walk(filing[part], `/${part}`, (path, value) => {
      if (/\/footnotes\/[0-9]+\/text$|^\/remarks$/.test(path)) {
        if (typeof value !== "string") return;
        const parts = value.split(/\s+/).map((w) => best.get(`t:${textKey(w)}`)).filter((c) => c !== undefined);
        if (parts.length >= 5 && parts.filter((c) => c < DOUBTFUL_WORD).length / parts.length > 0.2) lower(path);
        return;
      }
      const c = wordsConfidence(value, best);
      if (c !== null && c < DOUBTFUL_WORD) lower(path);
    });
  }
}
