// English words, to tell OCR's misreadings from prose: "appticable", "averaye" and "sald" are in no
// dictionary. The list (word-list, 274,000 words) loads once, on first use.
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let words: Set<string> | null = null;

function dictionary(): Set<string> {
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words;
}

const SLASHED = new Set(["f/b/o", "c/o", "and/or", "u/a", "u/a/d", "w/o", "n/a"]);

// Forms' own words and abbreviations the list lacks.
const FORM_WORDS = new Set("rsu rsus psu psus espp nonqualified unvested llc lp gp ira grat dtd inc corp co ltd plc sec exchange act rule vesting issuer's registrant's".split(" "));

/**
 * Lower-case words of the text that no dictionary holds: evidence that OCR misread it. Capitalised
 * words are left alone (names of people, companies and plans are not in a dictionary either).
 */
export function misreadWords(text: string): string[] {
  const dict = dictionary();
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const w = raw.replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, "");
    // "tb/o" for f/b/o; "Rule 1005-1" for Rule 10b5-1: the form's fixed terms misread.
    if (/^[a-z]{1,3}\/[a-z]{1,3}(?:\/[a-z])?$/i.test(w) && !SLASHED.has(w.toLowerCase())) out.push(w);
    else if (/^10\S{2}-1$/.test(w) && w !== "10b5-1") out.push(w);
    if (!/^[a-z][a-z'-]{2,}$/.test(w)) continue;
    const parts = w.split("-");
    const known = (p: string) => dict.has(p) || FORM_WORDS.has(p) || (p.endsWith("'s") && dict.has(p.slice(0, -2))) || (p.endsWith("s") && dict.has(p.slice(0, -1)));
    if (!parts.every((p) => !p || known(p))) out.push(w);
  }
  return out;
}

/** Whether a word (any case) is an English word or one of the forms' own. */
export function isWord(word: string): boolean {
  const w = word.toLowerCase();
  const dict = dictionary();
  return dict.has(w) || FORM_WORDS.has(w) || (w.endsWith("s") && dict.has(w.slice(0, -1)));
}
