/**
 * Puts the parser's notes beside the fields they are about. The parsers write notes for
 * people ("box 5: no mark readable…", "Table II row 1: …"), so they are matched by those phrases.
 */
import type { RowTable } from "./fields";

const FIELD_NOTES: [field: RegExp, note: RegExp][] = [
  [/^\/reportingOwners\/\d+\/(isDirector|isOfficer|isTenPercentOwner|isOther|officerTitle|otherText)$/, /^(box 5\b|officer title\b)/i],
  [/^\/reportingOwners\/\d+\/name$/, /^reporting (person|owner \d+)\b/i],
  [/^\/periodOfReport$/, /^(box 3\b|date of earliest transaction\b)/i],
  [/^\/jointFiling$/, /^box 6\b/i],
  [/^\/issuer\/ticker$/, /^issuer ticker\b/i],
  [/^\/signatures\/\d+\/date$/, /^signature date\b/i],
];

const ADDRESS_WORDS: Record<string, RegExp> = {
  street1: /\bstreet\b/i,
  street2: /\bstreet\b|\bc\/o\b/i,
  city: /\bcity\b/i,
  state: /\bstate\b/i,
  zip: /\bzip\b/i,
};

/** Notes about one header, owner or signature field. */
export function notesForField(pointer: string, warnings: readonly string[]): string[] {
  const address = /^\/reportingOwners\/\d+\/(street1|street2|city|state|zip)$/.exec(pointer);
  if (address) {
    // An address note goes to the part it names ("city read as …"); one naming no part, to every part.
    const about = ADDRESS_WORDS[address[1]];
    const prefix = /^reporting owner address:?\s*/i;
    return warnings
      .filter((w) => prefix.test(w))
      .filter((w) => {
        const body = w.replace(prefix, "");
        return about.test(body) || !/\b(street|city|state|zip)\b/i.test(body);
      });
  }
  const notes = FIELD_NOTES.filter(([field]) => field.test(pointer)).map(([, note]) => note);
  return warnings.filter((w) => notes.some((n) => n.test(w)));
}

/** Notes about one row of Table I or II ("Table II row 2: …", "derivative row 2: …"). */
export function notesForRow(table: RowTable, index: number, warnings: readonly string[]): string[] {
  const n = index + 1;
  const row = table === "derivative" ? new RegExp(`^(Table II|derivative) row ${n}\\b`, "i") : new RegExp(`^(Table I|non-derivative) row ${n}\\b`, "i");
  return warnings.filter((w) => row.test(w));
}
