// Field-by-field scoring of a reading against the filing read from the document's own XML, shared by
// the corpus reports (eval.ts for text and markdown, scan-eval.ts for page images).
import { CONFIDENCE_THRESHOLD, type Filing } from "../../lib/parse/types";

export type Miss = { file: string; pointer: string; expected: unknown; got: unknown; confidence: number };
export type Tally = { fields: number; right: number; silent: number; falseAlarms: number; failed: number; misses: Miss[] };

export const empty = (): Tally => ({ fields: 0, right: 0, silent: 0, falseAlarms: 0, failed: 0, misses: [] });

/** JSON pointer → value for every scored leaf; arrays of strings (footnote ids) are one field. */
export function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && !value.every((v) => typeof v === "string")) value.forEach((v, i) => leaves(v, `${prefix}/${i}`, out));
  else if (value && typeof value === "object" && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) leaves(v, `${prefix}/${k}`, out);
  else out.set(prefix, value);
  return out;
}

const SKIP = new Set(["source", "fieldConfidence", "warnings"]);
const same = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim() : JSON.stringify(a) === JSON.stringify(b);

export function scored(f: Filing, withCiks: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (!SKIP.has(k)) out[k] = v;
  if (!withCiks) {
    out.issuer = { ...(f.issuer as object), cik: null };
    out.reportingOwners = f.reportingOwners.map((o) => ({ ...o, cik: null }));
  }
  return out;
}

export function tally(t: Tally, file: string, expected: Record<string, unknown>, got: Filing, withCiks: boolean) {
  const want = leaves(expected);
  const have = leaves(scored(got, withCiks));
  for (const [p, v] of want) {
    t.fields++;
    const confidence = got.fieldConfidence[p] ?? 1;
    if (same(have.get(p), v)) {
      t.right++;
      if (confidence < CONFIDENCE_THRESHOLD) t.falseAlarms++;
    } else {
      if (confidence >= CONFIDENCE_THRESHOLD) t.silent++;
      t.misses.push({ file, pointer: p, expected: v, got: have.get(p), confidence });
    }
  }
  // Invented rows: every field of a row the filing does not have is wrong, and silent if not flagged.
  const rows = (k: string) => (Array.isArray(expected[k]) ? (expected[k] as unknown[]).length : 0);
  for (const [p, g] of have) {
    const m = /^\/(nonDerivative|derivative|reportingOwners|footnotes|signatures)\/(\d+)\//.exec(p);
    if (!m || Number(m[2]) < rows(m[1])) continue;
    t.fields++;
    const confidence = got.fieldConfidence[p] ?? 1;
    if (confidence >= CONFIDENCE_THRESHOLD) t.silent++;
    t.misses.push({ file, pointer: p, expected: undefined, got: g, confidence });
  }
}

export const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "–");
export const line = (t: Tally) =>
  `${pct(t.right, t.fields).padStart(6)} ${pct(t.silent, t.fields).padStart(6)} ${pct(t.falseAlarms, t.right).padStart(6)}${t.failed ? ` (${t.failed} unreadable)` : ""}`;

