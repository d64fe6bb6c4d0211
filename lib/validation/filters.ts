import { z } from "zod";
import { MAX_PAGE_SIZE } from "../db/paging";

/**
 * URL search parameters of the browse pages and the export API. A value that does not
 * parse is dropped rather than failing the page: a hand-edited bookmark still shows something.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
// A real calendar date: "2024-02-30" would match nothing and "9999-99-99" everything.
const isoDate = z.iso.date();
const id = z.coerce.number().int().positive();
const text = z.string().trim().min(1).max(200);
// Far above any price per share ever filed; beyond it a bound is a typo, not a filter.
const price = z.coerce.number().min(0).max(1_000_000_000);

export const ZPaging = z.object({
  page: z.coerce.number().int().min(1).catch(1).default(1),
  // More than the most a page holds asks for the most, rather than silently for the default.
  pageSize: z.coerce.number().int().min(1).catch(50).transform((n) => Math.min(n, MAX_PAGE_SIZE)),
});

export const GRANT_SORTS = ["transactionDate", "exercisePrice", "shares", "expirationDate", "issuer", "insider"] as const;

/** unvested: a tranche is still to come; vested: every tranche is past; none: no dated schedule was read. */
export const VESTING_STATUSES = ["unvested", "vested", "none"] as const;

export const ZGrantFilters = ZPaging.extend({
  issuerId: optional(id),
  ownerId: optional(id),
  /** Issuer name or ticker, part of it. */
  issuer: optional(text),
  /** Insider name, part of it, any spelling (matched on nameKey). */
  insider: optional(text),
  security: optional(text),
  code: optional(z.string().trim().toUpperCase().regex(/^[A-Z]$/)),
  from: optional(isoDate),
  to: optional(isoDate),
  priceMin: optional(price),
  priceMax: optional(price),
  vesting: optional(z.enum(VESTING_STATUSES)),
  sort: z.enum(GRANT_SORTS).catch("transactionDate").default("transactionDate"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
});
export type TGrantFilters = z.infer<typeof ZGrantFilters>;

export const FILING_STATUSES = ["needs_review", "reviewed"] as const;
export const FORM_TYPES = ["3", "3/A", "4", "4/A", "5", "5/A"] as const;
export const SOURCE_FORMATS = ["ocr-text", "ocr-markdown", "edgar-xml", "edgar-html", "edgar-submission", "pdf-text", "image-ocr"] as const;

export const ZFilingFilters = ZPaging.extend({
  status: optional(z.enum(FILING_STATUSES)),
  formType: optional(z.enum(FORM_TYPES)),
  format: optional(z.enum(SOURCE_FORMATS)),
  /** Issuer name or ticker, part of it. */
  issuer: optional(text),
  /** Reporting person's name, part of it, any spelling. */
  insider: optional(text),
  /** Date of earliest transaction (box 3) from and to, inclusive. */
  from: optional(isoDate),
  to: optional(isoDate),
});
export type TFilingFilters = z.infer<typeof ZFilingFilters>;

export const ZInsiderSearch = ZPaging.extend({ q: z.string().trim().max(200).catch("").default("") });
export const ZIssuerSearch = ZInsiderSearch;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Flattens Next's searchParams (or a request's URLSearchParams) to first values, empty strings dropped. */
export function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "") out[k] ??= s;
  }
  return out;
}

/** The query string for a filter object, leaving out defaults and empty values so URLs stay short. */
export function toQuery(values: Record<string, string | number | undefined | null>, defaults: Record<string, string | number> = { page: 1, pageSize: 50 }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || defaults[k] === v) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The CSV export of a view: the same path and filters, plus format=csv. */
export function csvHref(path: string, query: string): string {
  return `${path}${query ? `${query}&` : "?"}format=csv`;
}
