import type { Tranche } from "../parse/types";
import { addMonths, compareIso, lastDayOfMonth, parseIso } from "./dates";

/**
 * An editable vesting schedule: plain JSON, stored with the filing and edited in a form.
 * Tranches are never stored as truth; they are rebuilt from this by `buildTranches`.
 *
 * Share rule (integers, total always exact):
 * - cliff with `shares` or `fraction`: cliff = shares, or floor(fraction * total);
 *   the installments then share the rest.
 * - installments: each floor(rest / count), or floor(rest * weight / sum of weights) with
 *   `fractions`; the last installment takes what rounding left over.
 * - cliff with only `months`/`date` (a "one-year cliff"): installments are spread over the
 *   whole total and those falling on or before the cliff date are paid on the cliff date.
 * - explicit tranches: `shares` or `fraction` are weights (the filed numbers when they add up),
 *   equal weights when neither is given; the last tranche takes the remainder.
 * - tranches on the same date are merged; zero-share tranches are dropped.
 * - immediate: one tranche of the total on the commencement date; performance and unknown: none.
 */
export type VestingKind = "installments" | "explicit" | "immediate" | "performance" | "unknown";

export interface VestingCliff {
  /** Months after the commencement date; ignored when `date` is set. */
  months?: number;
  date?: string;
  fraction?: number;
  shares?: number;
}

export interface VestingInstallments {
  count: number;
  /** 1 monthly, 3 quarterly, 6 semi-annual, 12 annual. */
  intervalMonths: number;
  /** Anchor the installments count from; defaults to the cliff date when the cliff has its own amount, else the commencement date. */
  startDate?: string;
  /**
   * Months from the anchor to the first installment; one interval when absent.
   * 0 puts the first on `startDate` itself ("beginning on May 16, 2018").
   */
  firstOffsetMonths?: number;
  /** Stated end ("fully vested on ..."), kept to check the count against. */
  endDate?: string;
  /** Installments fall on month ends ("the last day of every month"); without an offset the first is the first month end after the anchor. */
  lastDayOfMonth?: boolean;
  /** Uneven installments: relative weights (percentages as written), one per installment; ignored when the lengths differ. */
  fractions?: number[];
}

export interface ExplicitTranche {
  date: string;
  shares?: number;
  fraction?: number;
}

export interface VestingModel {
  kind: VestingKind;
  commencementDate: string | null;
  totalShares: number | null;
  cliff?: VestingCliff;
  installments?: VestingInstallments;
  explicitTranches?: ExplicitTranche[];
  /** Performance or event condition, as written. */
  condition?: string;
  notes: string[];
}

// Percentages like 17% are stored as 0.17; this keeps floor(0.29 * 100) at 29, not 28.
const EPS = 1e-9;

function floorShare(x: number): number {
  return Math.floor(x + EPS);
}

export function cliffDate(model: VestingModel): string | null {
  const c = model.cliff;
  if (!c) return null;
  if (c.date && parseIso(c.date)) return c.date;
  if (c.months != null && model.commencementDate && parseIso(model.commencementDate)) return addMonths(model.commencementDate, c.months);
  return null;
}

function installmentDates(inst: VestingInstallments, anchor: string): string[] {
  const out: string[] = [];
  const step = inst.intervalMonths;
  if (inst.lastDayOfMonth) {
    const base = lastDayOfMonth(anchor);
    // "the last day of every month thereafter": by default the first month end after the anchor.
    const first = inst.firstOffsetMonths ?? (compareIso(base, anchor) > 0 ? 0 : step);
    for (let i = 0; i < inst.count; i++) out.push(addMonths(base, first + i * step, true));
    return out;
  }
  const first = inst.firstOffsetMonths ?? step;
  // Always from the anchor: an anchor on the 31st then lands on every month end, chaining would drift to the 28th.
  for (let i = 0; i < inst.count; i++) out.push(addMonths(anchor, first + i * step));
  return out;
}

function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = new Array<number>(weights.length);
  let used = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    out[i] = sum > 0 ? floorShare((total * weights[i]) / sum) : 0;
    used += out[i];
  }
  out[weights.length - 1] = total - used;
  return out;
}

function finish(raw: Tranche[]): Tranche[] {
  raw.sort((a, b) => compareIso(a.date, b.date));
  const out: Tranche[] = [];
  for (const t of raw) {
    const prev = out[out.length - 1];
    if (prev && prev.date === t.date) prev.shares += t.shares;
    else out.push({ date: t.date, shares: t.shares });
  }
  return out.filter((t) => t.shares !== 0);
}

function validInstallments(inst: VestingInstallments | undefined): inst is VestingInstallments {
  return (
    !!inst &&
    Number.isInteger(inst.count) &&
    inst.count > 0 &&
    Number.isInteger(inst.intervalMonths) &&
    inst.intervalMonths > 0 &&
    (inst.firstOffsetMonths === undefined || (Number.isInteger(inst.firstOffsetMonths) && inst.firstOffsetMonths >= 0))
  );
}

/** Calendar tranches of a schedule; [] when it cannot be dated (performance, unknown, missing dates or total). */
export function buildTranches(model: VestingModel): Tranche[] {
  const total = model.totalShares;
  if (total == null || !Number.isFinite(total) || total <= 0) return [];
  switch (model.kind) {
    case "immediate":
      return model.commencementDate && parseIso(model.commencementDate) ? [{ date: model.commencementDate, shares: total }] : [];
    case "explicit": {
      const list = (model.explicitTranches ?? []).filter((t) => parseIso(t.date));
      if (list.length === 0) return [];
      const hasWeights = list.every((t) => t.shares != null || t.fraction != null);
      const weights = list.map((t) => (hasWeights ? (t.shares ?? (t.fraction ?? 0) * total) : 1));
      const shares = split(total, weights);
      return finish(list.map((t, i) => ({ date: t.date, shares: shares[i] })));
    }
    case "installments": {
      const inst = model.installments;
      if (!validInstallments(inst)) return [];
      const cDate = cliffDate(model);
      if (model.cliff && !cDate) return [];
      const cliff = model.cliff;
      const cliffShares =
        cliff?.shares != null ? Math.min(total, cliff.shares) : cliff?.fraction != null ? floorShare(total * cliff.fraction) : null;
      // Installments follow a cliff that has its own amount; a bare cliff only holds back the early ones.
      const defaultAnchor = cliffShares != null ? cDate : model.commencementDate;
      const anchor = inst.startDate && parseIso(inst.startDate) ? inst.startDate : defaultAnchor;
      if (!anchor || !parseIso(anchor)) return [];
      const dates = installmentDates(inst, anchor);
      const rest = cliffShares == null ? total : total - cliffShares;
      const weights = inst.fractions && inst.fractions.length === inst.count ? inst.fractions : dates.map(() => 1);
      const shares = split(rest, weights);
      const raw: Tranche[] = [];
      if (cDate && cliffShares != null) raw.push({ date: cDate, shares: cliffShares });
      for (let i = 0; i < dates.length; i++) {
        // Without its own share count, a cliff collects the installments it holds back.
        const date = cDate && cliffShares == null && compareIso(dates[i], cDate) < 0 ? cDate : dates[i];
        raw.push({ date, shares: shares[i] });
      }
      return finish(raw);
    }
    default:
      return [];
  }
}

export function vestedAsOf(input: VestingModel | Tranche[], date: string): { vested: number; unvested: number } {
  const tranches = Array.isArray(input) ? input : buildTranches(input);
  let vested = 0;
  let total = 0;
  for (const t of tranches) {
    total += t.shares;
    if (compareIso(t.date, date) <= 0) vested += t.shares;
  }
  return { vested, unvested: total - vested };
}

/** A model as stored in the database; schedules written without one (the bulk loader's) hold "{}", which is no model. */
export function storedModel(json: string): VestingModel | undefined {
  const m = JSON.parse(json) as Partial<VestingModel> | null;
  return m && typeof m.kind === "string" ? ({ ...m, notes: m.notes ?? [] } as VestingModel) : undefined;
}
