/**
 * Puts the parser's notes beside the fields they are about. The parsers write notes for
 * people ("box 5: no mark readable…", "Table II row 1: …"), so they are matched by those phrases.
 */
import type { RowTable } from "./fields";

const FIELD_NOTES: [field: RegExp, note: RegExp][] = [
  [/^\/reportingOwners\/\d+\/(street1|street2|city|state|zip)$/, /^reporting owner address\b/i],
  [/^\/reportingOwners\/\d+\/(isDirector|isOfficer|isTenPercentOwner|isOther|officerTitle|otherText)$/, /^(box 5\b|officer title\b)/i],
  [/^\/reportingOwners\/\d+\/name$/, /^reporting (person|owner \d+)\b/i],
  [/^\/periodOfReport$/, /^(box 3\b|date of earliest transaction\b)/i],
  [/^\/jointFiling$/, /^box 6\b/i],
  [/^\/issuer\/ticker$/, /^issuer ticker\b/i],
  [/^\/signatures\/\d+\/date$/, /^signature date\b/i],
];

/** Notes about one header, owner or signature field. */
export function notesForField(pointer: string, warnings: readonly string[]): string[] {
  const notes = FIELD_NOTES.filter(([field]) => field.test(pointer)).map(([, note]) => note);
  return warnings.filter((w) => notes.some((n) => n.test(w)));
}

/** Notes about one row of Table I or II ("Table II row 2: …", "derivative row 2: …"). */
export function notesForRow(table: RowTable, index: number, warnings: readonly string[]): string[] {
  const n = index + 1;
  const row = table === "derivative" ? new RegExp(`^(Table II|derivative) row ${n}\\b`, "i") : new RegExp(`^(Table I|non-derivative) row ${n}\\b`, "i");
  return warnings.filter((w) => row.test(w));
}
