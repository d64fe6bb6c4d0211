/**
 * Where in a filing's source a field's value was most likely read from. Parsers keep no
 * offsets, so the value is searched for in each form sources write it in.
 */
import type { FieldKind } from "@/lib/validation/fields";

export interface SourceSpan {
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function dateForms(value: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return [value];
  const [, y, mm, dd] = m;
  return [`${Number(mm)}/${Number(dd)}/${y}`, `${mm}/${dd}/${y}`, `${mm}/${dd}/${y.slice(2)}`, value];
}

function numberPattern(value: number | string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!m) return null;
  const [, sign, whole, fraction] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const wholes = grouped === whole ? escape(whole) : `(?:${escape(grouped)}|${escape(whole)})`;
  // Sources pad prices ("6.10") and amounts ("40,000.00") with zeros the parsed number drops.
  const tail = fraction ? `\\.${fraction}0*` : "(?:\\.0+)?";
  // OCR markdown escapes the dollar sign ("\$6.1").
  return `${escape(sign)}(?:\\\\?\\$\\s?)?${wholes}${tail}`;
}

function pattern(value: unknown, kind: FieldKind | null): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  if (typeof value === "number" || kind === "number") return numberPattern(value as number | string);
  const text = String(value).trim();
  if (text === "") return null;
  if (kind === "date") return `(?:${dateForms(text).map(escape).join("|")})`;
  return text.split(/\s+/).map(escape).join("\\s+");
}

/**
 * Spans of `source` matching the value, in order, at most `limit` of them. A match must not be
 * part of a longer number or word, so 6.1 is not found inside 16.10 nor "A" inside "AND".
 */
export function findSourceSpans(source: string, value: unknown, kind: FieldKind | null, limit = 20, { caseSensitive = false } = {}): SourceSpan[] {
  const body = pattern(value, kind);
  if (body === null) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}.,])${body}(?![\\p{L}\\p{N}]|[.,]\\d)`, caseSensitive ? "gu" : "giu");
  const spans: SourceSpan[] = [];
  for (const m of source.matchAll(re)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    if (spans.length >= limit) break;
  }
  return spans;
}

/** Values this short ("A", "D", "5") are whole words of the form's own text too often to be looked for everywhere. */
const SHORT = 3;

export interface SourceMarks {
  spans: SourceSpan[];
  /** Index in `spans` of the likeliest one. */
  best: number;
}

/**
 * What to mark for a field: every match, the likeliest strongest. A value under three characters is
 * marked only as a whole word or cell written as read (a code "A", not the word "a") with its row's
 * or box's other values close by; with no such neighbours nothing is marked rather than every letter.
 */
export function sourceMarks(source: string, value: unknown, kind: FieldKind | null, neighbours: { value: unknown; kind: FieldKind | null }[]): SourceMarks {
  const text = value === null || value === undefined ? "" : String(value).trim();
  if (text.length === 0 || text.length >= SHORT) {
    const spans = findSourceSpans(source, value, kind);
    return { spans, best: bestSpan(source, spans, spans.length > 1 ? neighbours : []) };
  }
  // Neighbours as short as the value would vouch for a match anywhere, so only longer ones count.
  const anchors = anchorsOf(source, neighbours.filter((n) => n.value !== null && n.value !== undefined && String(n.value).trim().length >= SHORT));
  const scored = findSourceSpans(source, value, kind, 500, { caseSensitive: true })
    .filter((span) => standsAlone(source, span))
    .map((span) => ({ span, score: scoreOf(span, anchors) }))
    .filter((s) => s.score > 0);
  const top = Math.max(0, ...scored.map((s) => s.score));
  return { spans: scored.map((s) => s.span), best: Math.max(0, scored.findIndex((s) => s.score === top)) };
}

// A cell of its own: only spaces or a table rule beside it, so the form's "(A) or (D)" labels are not the code "A".
const standsAlone = (source: string, { start, end }: SourceSpan) => /^$|[\s|]/.test(source.charAt(start - 1)) && /^$|[\s|]/.test(source.charAt(end));

/** How far around a match the other values of its row or box are looked for: a few lines of a form. */
const NEIGHBOURHOOD = 400;

/**
 * Which of a value's matches it was most likely read from: the one with most of its row's or
 * box's other values close by. A share count also printed in a header or a footnote is thus
 * marked in the table row it belongs to. Ties go to the earlier match.
 */
export function bestSpan(source: string, spans: SourceSpan[], neighbours: { value: unknown; kind: FieldKind | null }[]): number {
  if (spans.length <= 1) return 0;
  const anchors = anchorsOf(source, neighbours);
  let best = 0;
  let bestScore = -1;
  spans.forEach((span, i) => {
    const score = scoreOf(span, anchors);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

const anchorsOf = (source: string, neighbours: { value: unknown; kind: FieldKind | null }[]) => neighbours.flatMap((n) => findSourceSpans(source, n.value, n.kind, 50).map((s) => s.start));

const scoreOf = (span: SourceSpan, anchors: number[]) => anchors.filter((a) => Math.abs(a - span.start) <= NEIGHBOURHOOD && (a < span.start || a >= span.end)).length;
