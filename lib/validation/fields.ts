/**
 * What an analyst may type into each kind of filing field. Shared by the browser
 * (to pick the control) and the server (to refuse bad values before anything is saved).
 * Form posts arrive as strings, JSON calls as typed values: every schema takes both.
 */
import { z } from "zod";

/** SEC Form 4 transaction codes (General Instructions, item 8) with what each means. */
export const TRANSACTION_CODES = {
  P: "Open market or private purchase",
  S: "Open market or private sale",
  V: "Transaction voluntarily reported earlier than required",
  A: "Grant, award or other acquisition from the issuer",
  D: "Disposition to the issuer",
  F: "Payment of exercise price or tax by delivering securities",
  I: "Discretionary transaction",
  M: "Exercise or conversion of a derivative security exempted under Rule 16b-3",
  C: "Conversion of a derivative security",
  E: "Expiration of a short derivative position",
  H: "Expiration or cancellation of a long derivative position with value received",
  O: "Exercise of an out-of-the-money derivative security",
  X: "Exercise of an in-the-money or at-the-money derivative security",
  G: "Bona fide gift",
  L: "Small acquisition under Rule 16a-6",
  W: "Acquisition or disposition by will or the laws of descent and distribution",
  Z: "Deposit into or withdrawal from a voting trust",
  J: "Other acquisition or disposition (described in a footnote)",
  K: "Transaction in an equity swap or similar instrument",
  U: "Disposition pursuant to a tender of shares in a change of control",
} as const;

export type TransactionCode = keyof typeof TRANSACTION_CODES;

const TRANSACTION_CODE_LIST = Object.keys(TRANSACTION_CODES) as [TransactionCode, ...TransactionCode[]];

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so no zone shifts the day.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine(isCalendarDate, "That day does not exist in the calendar.");

export const ZNonNegative = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? v : Number(v.replace(/[,$\s]/g, ""))) : v),
  z.number({ error: "Enter a number." }).finite("Enter a number.").nonnegative("Must be zero or more."),
);

export const ZTransactionCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.enum(TRANSACTION_CODE_LIST, { error: `Choose one of the SEC transaction codes: ${TRANSACTION_CODE_LIST.join(" ")}.` }),
);

export const ZDirectOrIndirect = z.enum(["D", "I"], { error: "Choose D (direct) or I (indirect)." });
export const ZAcquiredDisposed = z.enum(["A", "D"], { error: "Choose A (acquired) or D (disposed of)." });
export const ZRowKind = z.enum(["transaction", "holding"], { error: "Choose transaction or holding." });
export const ZFormType = z.enum(["3", "3/A", "4", "4/A", "5", "5/A"], { error: "Choose a form type." });

export const ZBoolean = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" || v === "off" ? false : v),
  z.boolean({ error: "Choose yes or no." }),
);

export const ZText = z.preprocess(trimmed, z.string().max(2000, "At most 2,000 characters."));

/** EDGAR writes a Central Index Key as ten digits; a shorter one is another number, not the same with zeros dropped. */
export const ZCik = z.preprocess(trimmed, z.string().regex(/^\d{10}$/, "Enter the CIK as ten digits, leading zeros included (0000320193)."));

/** The markers a row cites: typed as "1, 2" or "(1)(2)", kept as ["1", "2"]. */
export const ZFootnoteIds = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,()]+/).filter(Boolean) : v),
  z.array(z.string().regex(/^[A-Za-z]?\d{1,3}$/, "Enter footnote markers such as 1, 2 or F3, separated by commas.")).max(40, "At most 40 footnotes."),
);

/** The kinds of field a filing has; each gets its own control on the review screen. */
export type FieldKind =
  | "text"
  | "date"
  | "number"
  | "transactionCode"
  | "directOrIndirect"
  | "acquiredDisposed"
  | "rowKind"
  | "formType"
  | "boolean"
  | "cik"
  | "footnoteIds";

const base: Record<FieldKind, z.ZodType> = {
  text: ZText,
  date: ZIsoDate,
  number: ZNonNegative,
  transactionCode: ZTransactionCode,
  directOrIndirect: ZDirectOrIndirect,
  acquiredDisposed: ZAcquiredDisposed,
  rowKind: ZRowKind,
  formType: ZFormType,
  boolean: ZBoolean,
  cik: ZCik,
  footnoteIds: ZFootnoteIds,
};

/** The schema for one field: `nullable` fields take an empty entry as "not stated". */
export function fieldValueSchema(kind: FieldKind, { nullable, required }: { nullable: boolean; required?: boolean }): z.ZodType {
  let schema = base[kind];
  if (kind === "text" && required) schema = ZText.pipe(z.string().min(1, "This field cannot be empty."));
  if (!nullable) return schema;
  return z.preprocess(kind === "text" ? (v) => blankToNull(trimmed(v)) : blankToNull, schema.nullable());
}
