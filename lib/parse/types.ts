/**
 * The canonical filing: the one shape every input format becomes.
 * Mirrors ../shared/contract/filing.schema.json field for field; keep them in step.
 * Dates are ISO `YYYY-MM-DD` strings (never Date objects: a date-only value has no time zone).
 */

export type IsoDate = string;

export type SourceFormat =
  | "ocr-text"
  | "ocr-markdown"
  | "edgar-xml"
  | "edgar-html"
  | "edgar-submission"
  | "pdf-text"
  | "image-ocr";

export type FormType = "3" | "3/A" | "4" | "4/A" | "5" | "5/A";

export interface Issuer {
  name: string;
  ticker: string | null;
  cik: string | null;
}

export interface ReportingOwner {
  /** As filed, trimmed and single-spaced. */
  name: string;
  cik: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  isDirector: boolean;
  isOfficer: boolean;
  officerTitle: string | null;
  isTenPercentOwner: boolean;
  isOther: boolean;
  otherText: string | null;
}

export interface NonDerivativeRow {
  kind: "transaction" | "holding";
  securityTitle: string;
  transactionDate: IsoDate | null;
  deemedExecutionDate: IsoDate | null;
  transactionCode: string | null;
  equitySwap: boolean;
  shares: number | null;
  acquiredDisposed: "A" | "D" | null;
  price: number | null;
  sharesOwnedFollowing: number | null;
  directOrIndirect: "D" | "I" | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface DerivativeRow {
  kind: "transaction" | "holding";
  securityTitle: string;
  conversionOrExercisePrice: number | null;
  transactionDate: IsoDate | null;
  deemedExecutionDate: IsoDate | null;
  transactionCode: string | null;
  equitySwap: boolean;
  shares: number | null;
  acquiredDisposed: "A" | "D" | null;
  exerciseDate: IsoDate | null;
  exercisableImmediately: boolean;
  expirationDate: IsoDate | null;
  underlyingTitle: string | null;
  underlyingShares: number | null;
  price: number | null;
  sharesOwnedFollowing: number | null;
  directOrIndirect: "D" | "I" | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface Footnote {
  id: string;
  text: string;
}

export interface Signature {
  name: string;
  date: IsoDate | null;
}

export interface Tranche {
  date: IsoDate;
  shares: number;
}

export interface VestingSchedule {
  row: { table: "derivative" | "nonDerivative"; index: number };
  totalShares: number;
  commencementDate: IsoDate | null;
  sourceFootnoteIds: string[];
  tranches: Tranche[];
  /** Extra (allowed by the schema): the model the tranches came from, for editing. */
  [extra: string]: unknown;
}

export interface Filing {
  formType: FormType;
  issuer: Issuer;
  reportingOwners: ReportingOwner[];
  periodOfReport: IsoDate | null;
  dateOfOriginalSubmission: IsoDate | null;
  jointFiling: boolean;
  aff10b5One: boolean | null;
  nonDerivative: NonDerivativeRow[];
  derivative: DerivativeRow[];
  footnotes: Footnote[];
  remarks: string | null;
  signatures: Signature[];
  vesting: VestingSchedule[];
  source: { format: SourceFormat; sha256?: string };
  /** JSON pointer -> confidence in [0,1]; fields not listed count as 1. */
  fieldConfidence: Record<string, number>;
  warnings: string[];
}

/** Thrown for input that is not an ownership filing or cannot be read; the message is shown to the user. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParseError";
  }
}

export function emptyOwner(name: string): ReportingOwner {
  return {
    name,
    cik: null,
    street1: null,
    street2: null,
    city: null,
    state: null,
    zip: null,
    isDirector: false,
    isOfficer: false,
    officerTitle: null,
    isTenPercentOwner: false,
    isOther: false,
    otherText: null,
  };
}

export function emptyFiling(format: SourceFormat): Filing {
  return {
    formType: "4",
    issuer: { name: "", ticker: null, cik: null },
    reportingOwners: [],
    periodOfReport: null,
    dateOfOriginalSubmission: null,
    jointFiling: false,
    aff10b5One: null,
    nonDerivative: [],
    derivative: [],
    footnotes: [],
    remarks: null,
    signatures: [],
    vesting: [],
    source: { format },
    fieldConfidence: {},
    warnings: [],
  };
}

/** A field whose confidence falls under this is shown to the analyst as uncertain. */
export const CONFIDENCE_THRESHOLD = 0.8;
