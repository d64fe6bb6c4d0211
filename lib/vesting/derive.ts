import type { Filing, VestingSchedule } from "../parse/types";

export function deriveVesting(_filing: Filing): VestingSchedule[] {
  return [];
}
