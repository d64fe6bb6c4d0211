/**
 * The one seam between corrections and the vesting engine: which rows' schedules a corrected
 * field can change, and the function that reads a row's schedule from the current filing.
 */
import type { Filing, VestingSchedule } from "../parse/types";
import { scheduleForRow } from "../vesting/derive";
import type { RowTable } from "./fields";

export type ScheduleReader = (filing: Filing, table: RowTable, index: number) => VestingSchedule | null;

export const readSchedule: ScheduleReader = scheduleForRow;

// Row columns the schedule is read from: the grant's size, its dates, its footnotes and whether it is a grant at all.
const ROW_INPUTS = new Set(["kind", "transactionDate", "transactionCode", "shares", "acquiredDisposed", "exerciseDate", "expirationDate", "underlyingShares", "footnoteIds"]);

/** The rows whose schedules must be read again after `pointer` changed: "all", or a list. */
export function rowsAffectedBy(pointer: string): "all" | { table: RowTable; index: number }[] {
  const [, first, second, third] = pointer.split("/");
  if (first === "footnotes" || first === "remarks" || first === "periodOfReport") return "all";
  if ((first === "derivative" || first === "nonDerivative") && ROW_INPUTS.has(third)) return [{ table: first, index: Number(second) }];
  return [];
}

// A grant's whole schedule is one value in the history, named by the Table II row it vests.
const VESTING_POINTER = /^\/vesting\/(\d+)$/;

export const vestingPointer = (rowIndex: number) => `/vesting/${rowIndex}`;

/** The Table II row a schedule pointer names; null for any other pointer. */
export function vestingRowOf(pointer: string): number | null {
  const m = VESTING_POINTER.exec(pointer);
  return m ? Number(m[1]) : null;
}

export function vestingLabel(pointer: string): string | null {
  const row = vestingRowOf(pointer);
  return row === null ? null : `Vesting schedule (Table II row ${row + 1})`;
}
