// Scores the vesting reader on the hand-labelled corpus of real footnotes (lib/vesting/fixtures/corpus):
// each footnote read against its grant's row as `npm run parse` reads it, compared with the label.
// A schedule is exact when the tranche dates are the label's, the total is the row's, and the shares
// vested by every tranche date are the label's within rounding (one share per tranche so far: labels
// write equal parts as exact fractions). A schedule on a footnote labelled none or undatable is invented.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { emptyFiling, type DerivativeRow, type Filing, type NonDerivativeRow, type Tranche } from "../../lib/parse/types";
import { scheduleForRow } from "../../lib/vesting/derive";

export const VESTING_CORPUS = join(__dirname, "../../lib/vesting/fixtures/corpus");

export interface VestingItem {
  id: string;
  source: { repo: string; path: string; commit: string | null };
  issuer: string;
  issuerCik: string | null;
  formType: string;
  periodOfReport: string | null;
  footnoteId: string;
  text: string;
  row: {
    table: "derivative" | "nonDerivative";
    index: number;
    kind: "transaction" | "holding";
    securityTitle: string;
    transactionDate: string | null;
    transactionCode: string | null;
    acquiredDisposed: "A" | "D" | null;
    shares: number | null;
    underlyingShares: number | null;
    conversionOrExercisePrice: number | null;
    exerciseDate: string | null;
    expirationDate: string | null;
  };
  label: "schedule" | "none" | "undatable";
  tranches?: Tranche[];
  family: string;
  why: string;
}

export type Split = { tuning: string[]; heldBack: string[] };

export function readItems(): VestingItem[] {
  return readFileSync(join(VESTING_CORPUS, "items.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as VestingItem);
}

export function readSplit(): Split {
  const p = join(VESTING_CORPUS, "split.json");
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Split) : { tuning: [], heldBack: [] };
}

// By issuer, so one company's house wording never sits in both halves.
export function halfOf(item: VestingItem): "tuning" | "heldBack" {
  const key = (item.issuerCik ?? item.issuer).toLowerCase().replace(/\W+/g, "");
  return createHash("sha1").update(key).digest()[0] % 2 === 0 ? "tuning" : "heldBack";
}

/** The item as a filing of one row citing one footnote, the way the parser hands rows to the reader. */
function filingOf(item: VestingItem): Filing {
  const r = item.row;
  const common = {
    kind: r.kind,
    securityTitle: r.securityTitle,
    transactionDate: r.transactionDate,
    deemedExecutionDate: null,
    transactionCode: r.transactionCode,
    equitySwap: false,
    shares: r.shares,
    acquiredDisposed: r.acquiredDisposed,
    price: null,
    sharesOwnedFollowing: null,
    directOrIndirect: "D" as const,
    natureOfOwnership: null,
    footnoteIds: [item.footnoteId],
  };
  const f: Filing = { ...emptyFiling("edgar-xml"), periodOfReport: item.periodOfReport, footnotes: [{ id: item.footnoteId, text: item.text }] };
  if (r.table === "derivative") {
    const row: DerivativeRow = {
      ...common,
      conversionOrExercisePrice: r.conversionOrExercisePrice,
      exerciseDate: r.exerciseDate,
      exercisableImmediately: false,
      expirationDate: r.expirationDate,
      underlyingTitle: null,
      underlyingShares: r.underlyingShares,
    };
    f.derivative = [row];
  } else {
    const row: NonDerivativeRow = common;
    f.nonDerivative = [row];
  }
  return f;
}

export type Outcome = "exact" | "wrong" | "missed" | "invented" | "none-right";

export function score(item: VestingItem): { outcome: Outcome; got: Tranche[] } {
  const s = scheduleForRow(filingOf(item), item.row.table, 0);
  const got = s?.tranches ?? [];
  const want = item.label === "schedule" ? (item.tranches ?? []) : [];
  if (want.length === 0) return { outcome: got.length ? "invented" : "none-right", got };
  if (got.length === 0) return { outcome: "missed", got };
  if (got.length !== want.length) return { outcome: "wrong", got };
  let a = 0;
  let b = 0;
  for (let i = 0; i < want.length; i++) {
    a += got[i].shares;
    b += want[i].shares;
    if (got[i].date !== want[i].date || Math.abs(a - b) > i + 1) return { outcome: "wrong", got };
  }
  return { outcome: Math.abs(a - b) < 1e-6 ? "exact" : "wrong", got };
}
