import type { DerivativeRow, Filing, NonDerivativeRow, VestingSchedule } from "../parse/types";
import { buildTranches, type VestingModel } from "./model";
import { readVestingText } from "./phrases";

export type RowTable = "derivative" | "nonDerivative";

const PERFORMANCE_TITLE = /performance|\bpsus?\b|\bpsa\b/i;
const PART_OF_HOLDING = /\b(?:includes|including|of which|consists? (?:in part )?of)\b/i;

/** The canonical entry for a (possibly analyst-edited) model; null when it has no tranches. */
export function scheduleFromModel(
  row: { table: RowTable; index: number },
  model: VestingModel,
  sourceFootnoteIds: string[],
): VestingSchedule | null {
  const tranches = buildTranches(model);
  if (tranches.length === 0 || model.totalShares == null) return null;
  return { row, totalShares: model.totalShares, commencementDate: model.commencementDate, sourceFootnoteIds, tranches, model };
}

/**
 * Reads the schedule of one row from its footnotes, then the remarks; null when none can be dated.
 * Re-run after an analyst edits the row's shares or dates.
 */
export function scheduleForRow(filing: Filing, table: RowTable, index: number, footnoteIds?: string[]): VestingSchedule | null {
  const deriv = table === "derivative" ? filing.derivative[index] : undefined;
  const row: DerivativeRow | NonDerivativeRow | undefined = table === "derivative" ? deriv : filing.nonDerivative[index];
  if (!row) return null;
  // A disposal (an exercise, a sale) is not a grant: its footnotes describe someone else's schedule.
  if (row.acquiredDisposed === "D") return null;
  if (table === "nonDerivative" && (row.acquiredDisposed !== "A" || row.transactionCode !== "A")) return null;
  // Only a grant starts a schedule: an option bought, converted or exercised (J, P, C, M) vested under an older one.
  // A code the OCR could not read is given the benefit of the doubt.
  if (deriv && row.kind === "transaction" && row.transactionCode && /^[B-Z]$/.test(row.transactionCode)) return null;
  const totalShares = row.shares ?? deriv?.underlyingShares ?? null;
  if (totalShares == null || totalShares <= 0) return null;
  const ctx = {
    // A holding was granted before this filing: the period of report is no grant date for it.
    grantDate: row.transactionDate ?? (row.kind === "transaction" ? filing.periodOfReport : null),
    totalShares,
    exerciseDate: deriv?.exerciseDate ?? null,
    expirationDate: deriv?.expirationDate ?? null,
  };
  const ref = { table, index };
  let found: { model: VestingModel; ids: string[] } | null = null;
  for (const id of footnoteIds ?? row.footnoteIds) {
    const note = filing.footnotes.find((f) => f.id === id);
    if (!note) continue;
    const model = readVestingText(note.text, ctx);
    if (!model) continue;
    // A performance award's share count is a maximum: any dates read beside it would mislead. A note
    // about some performance units the holding includes says nothing of the rest's stated schedule.
    if (model.kind === "performance") {
      if (PERFORMANCE_TITLE.test(row.securityTitle) || !PART_OF_HOLDING.test(note.text)) return null;
      continue;
    }
    if (!found && buildTranches(model).length > 0) found = { model, ids: [id] };
  }
  if (!found && !footnoteIds && filing.remarks) {
    const model = readVestingText(filing.remarks, ctx);
    if (model && model.kind !== "performance") {
      model.notes.push("read from the remarks");
      found = { model, ids: [] };
    }
  }
  return found ? scheduleFromModel(ref, found.model, found.ids) : null;
}

export interface DeriveOptions {
  /** OCR input: whether a row's footnote markers were lost (its footnoteIds flagged as unsure). */
  markersLost?: (table: RowTable, index: number) => boolean;
}

/** One schedule per row that has one, read from the footnotes each row cites, then the remarks. */
export function deriveVesting(filing: Filing): VestingSchedule[] {
  return deriveVestingFromOcr(filing, () => false).schedules;
}

/**
 * As deriveVesting, for OCR input, which loses superscript markers often: a grant row whose markers
 * were lost (`markersLost`) takes the one vesting footnote that no row cites, when there is exactly
 * one. `linked` holds the indexes of those schedules, for the reader to flag.
 */
export function deriveVestingFromOcr(
  filing: Filing,
  markersLost: (table: RowTable, index: number) => boolean,
): { schedules: VestingSchedule[]; linked: Set<number> } {
  const schedules: VestingSchedule[] = [];
  const linked = new Set<number>();
  const cited = new Set([...filing.derivative, ...filing.nonDerivative].flatMap((r) => r.footnoteIds));
  const uncited = filing.footnotes.map((f) => f.id).filter((id) => !cited.has(id));
  for (const table of ["derivative", "nonDerivative"] as const) {
    const rows = table === "derivative" ? filing.derivative : filing.nonDerivative;
    for (let i = 0; i < rows.length; i++) {
      let s = scheduleForRow(filing, table, i);
      if (!s && rows[i].footnoteIds.length === 0 && uncited.length && markersLost(table, i)) {
        const candidates = uncited.map((id) => scheduleForRow(filing, table, i, [id])).filter((c): c is VestingSchedule => c !== null);
        if (candidates.length === 1) {
          s = candidates[0];
          (s.model as VestingModel | undefined)?.notes.push(`footnote ${s.sourceFootnoteIds[0]} linked to the row: its marker was lost by the OCR`);
          linked.add(schedules.length);
        }
      }
      if (s) schedules.push(s);
    }
  }
  return { schedules, linked };
}

/**
 * Footnotes that state a schedule (read against a stand-in grant) but feed none of `schedules`:
 * on OCR input their row was lost or misread, so an entry is missing. The stand-ins give the shape
 * (how many tranches) of what is missing, for the reader to flag; their values mean nothing.
 */
export function unplacedSchedules(filing: Filing, schedules: VestingSchedule[]): VestingSchedule[] {
  const used = new Set(schedules.flatMap((s) => s.sourceFootnoteIds));
  const grantDate = filing.periodOfReport;
  if (!grantDate) return [];
  const out: VestingSchedule[] = [];
  for (const f of filing.footnotes) {
    if (used.has(f.id)) continue;
    const model = readVestingText(f.text, { grantDate, totalShares: 1200, exerciseDate: null, expirationDate: null });
    if (!model || model.kind === "performance") continue;
    const s = scheduleFromModel({ table: "derivative", index: 0 }, model, [f.id]);
    if (s) out.push(s);
  }
  return out;
}
