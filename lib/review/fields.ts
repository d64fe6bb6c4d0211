/**
 * Which fields of the canonical filing an analyst may correct, what kind each is, and
 * where its current value lives in the database. Pure: the review screen and lib/db/edits.ts
 * both read it, so a pointer means the same thing in both.
 */
import type { FieldKind } from "../validation/fields";

export type RowTable = "nonDerivative" | "derivative";

export type FieldTarget =
  | { entity: "filing"; column: string }
  | { entity: "issuer"; column: string }
  /** Columns of FilingOwner: how this filing names and describes the person. */
  | { entity: "filingOwner"; index: number; column: string }
  /** Columns of ReportingOwner: the person's address, shared by all their filings. */
  | { entity: "reportingOwner"; index: number; column: string }
  | { entity: RowTable; index: number; column: string }
  | { entity: "footnote"; index: number; column: "text" | "marker" }
  | { entity: "signature"; index: number; column: "name" | "date" };

export interface FieldSpec {
  pointer: string;
  label: string;
  kind: FieldKind;
  nullable: boolean;
  required?: boolean;
  target: FieldTarget;
}

type Def = [label: string, kind: FieldKind, nullable: boolean, required?: boolean];

const FILING: Record<string, Def> = {
  formType: ["Form type", "formType", false],
  periodOfReport: ["Date of earliest transaction", "date", true],
  dateOfOriginalSubmission: ["Amendment: original filed", "date", true],
  jointFiling: ["Joint filing", "boolean", false],
  aff10b5One: ["Rule 10b5-1 plan", "boolean", true],
  remarks: ["Remarks", "text", true],
};

// The CIK lives on the issuer's record, shared by its filings: a misread one is misread for all of them.
const ISSUER: Record<string, Def> = {
  name: ["Issuer", "text", false, true],
  ticker: ["Ticker", "text", true],
  cik: ["Issuer CIK", "cik", true],
};

const FILING_OWNER: Record<string, [column: string, ...Def]> = {
  name: ["nameAsFiled", "Name as filed", "text", false, true],
  isDirector: ["isDirector", "Director", "boolean", false],
  isOfficer: ["isOfficer", "Officer", "boolean", false],
  officerTitle: ["officerTitle", "Officer title", "text", true],
  isTenPercentOwner: ["isTenPercentOwner", "10% owner", "boolean", false],
  isOther: ["isOther", "Other", "boolean", false],
  otherText: ["otherText", "Other (specify)", "text", true],
};

const REPORTING_OWNER: Record<string, Def> = {
  cik: ["CIK", "cik", true],
  street1: ["Street", "text", true],
  street2: ["Street (line 2)", "text", true],
  city: ["City", "text", true],
  state: ["State", "text", true],
  zip: ["ZIP", "text", true],
};

const COMMON_ROW: Record<string, Def> = {
  kind: ["Kind", "rowKind", false],
  securityTitle: ["Title of security", "text", false, true],
  transactionDate: ["Transaction date", "date", true],
  deemedExecutionDate: ["Deemed execution", "date", true],
  transactionCode: ["Code", "transactionCode", true],
  equitySwap: ["Voluntarily reported (V)", "boolean", false],
  shares: ["Amount", "number", true],
  acquiredDisposed: ["(A) or (D)", "acquiredDisposed", true],
  price: ["Price", "number", true],
  sharesOwnedFollowing: ["Owned following", "number", true],
  directOrIndirect: ["Direct / Indirect", "directOrIndirect", true],
  natureOfOwnership: ["Nature of ownership", "text", true],
  footnoteIds: ["Footnotes", "footnoteIds", false],
};

const ROW: Record<RowTable, Record<string, Def>> = {
  nonDerivative: COMMON_ROW,
  derivative: {
    ...COMMON_ROW,
    conversionOrExercisePrice: ["Exercise price", "number", true],
    exerciseDate: ["Date exercisable", "date", true],
    exercisableImmediately: ["Exercisable immediately", "boolean", false],
    expirationDate: ["Expiration", "date", true],
    underlyingTitle: ["Underlying title", "text", true],
    underlyingShares: ["Underlying amount", "number", true],
    price: ["Price of derivative", "number", true],
  },
};

const spec = (pointer: string, [label, kind, nullable, required]: Def, target: FieldTarget): FieldSpec => ({
  pointer,
  label,
  kind,
  nullable,
  required,
  target,
});

const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** The editable field a JSON pointer names, or null when it names nothing an analyst may correct. */
export function resolvePointer(pointer: string): FieldSpec | null {
  const parts = pointer.split("/");
  if (parts[0] !== "") return null;
  const [, first, second, third] = parts;
  const index = second !== undefined && /^(0|[1-9]\d{0,3})$/.test(second) ? Number(second) : null;

  if (parts.length === 2) {
    const def = own(FILING, first);
    return def ? spec(pointer, def, { entity: "filing", column: first }) : null;
  }
  if (parts.length === 3 && first === "issuer") {
    const def = own(ISSUER, second);
    return def ? spec(pointer, def, { entity: "issuer", column: second }) : null;
  }
  if (parts.length !== 4 || index === null) return null;
  if (first === "reportingOwners") {
    const fo = own(FILING_OWNER, third);
    if (fo) {
      const [column, ...def] = fo;
      return spec(pointer, def, { entity: "filingOwner", index, column });
    }
    const ro = own(REPORTING_OWNER, third);
    return ro ? spec(pointer, ro, { entity: "reportingOwner", index, column: third }) : null;
  }
  if (first === "nonDerivative" || first === "derivative") {
    const def = own(ROW[first], third);
    return def ? spec(pointer, def, { entity: first, index, column: third }) : null;
  }
  if (first === "footnotes" && third === "text") return spec(pointer, ["Footnote", "text", false, true], { entity: "footnote", index, column: "text" });
  if (first === "footnotes" && third === "id") return spec(pointer, ["Marker", "text", false, true], { entity: "footnote", index, column: "marker" });
  if (first === "signatures" && third === "name") return spec(pointer, ["Signature", "text", false, true], { entity: "signature", index, column: "name" });
  if (first === "signatures" && third === "date") return spec(pointer, ["Signature date", "date", true], { entity: "signature", index, column: "date" });
  return null;
}

/** Whole lists the parser may doubt it read in full ("/derivative": rows of Table II may be lost), as the screen names them. */
export const WHOLE_LIST_LABELS: Record<string, string> = {
  "/nonDerivative": "Table I rows",
  "/derivative": "Table II rows",
  "/signatures": "Signatures",
};

/** A field's label as the review screen shows it, for the history and messages; null for a pointer that names no field. */
export function fieldLabel(pointer: string): string | null {
  return resolvePointer(pointer)?.label ?? (Object.hasOwn(WHOLE_LIST_LABELS, pointer) ? WHOLE_LIST_LABELS[pointer] : null);
}

/** "/derivative/2" -> the row pointer prefix; used to tell which edits a row operation touches. */
export const rowPointer = (table: RowTable, index: number) => `/${table}/${index}`;

export const TABLE_NAME: Record<RowTable, string> = { nonDerivative: "Table I", derivative: "Table II" };

/** A row as the form names it: "Table II row 3". */
export const rowLabel = (table: RowTable, index: number) => `${TABLE_NAME[table]} row ${index + 1}`;

/**
 * Re-keys a pointer-keyed map after a row operation moved rows of `table`: `mapIndex` gives
 * each old row index its new one, or null when the row is gone.
 */
export function remapRowPointers<T>(
  entries: Record<string, T>,
  table: RowTable,
  mapIndex: (old: number) => number | null,
): Record<string, T> {
  const out: Record<string, T> = {};
  const prefix = `/${table}/`;
  for (const [pointer, value] of Object.entries(entries)) {
    if (!pointer.startsWith(prefix)) {
      out[pointer] = value;
      continue;
    }
    const [indexText, ...rest] = pointer.slice(prefix.length).split("/");
    const next = mapIndex(Number(indexText));
    if (next !== null) out[[`${prefix}${next}`, ...rest].join("/")] = value;
  }
  return out;
}

/** The value a JSON pointer names in a plain object, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
