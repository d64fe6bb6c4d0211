import { compareIso } from "./dates";

export interface VestingMonthRow {
  /** YYYY-MM */
  month: string;
  shares: number;
  /** Shares of this month already vested today (part of a month can lie ahead). */
  vested: number;
  /** Shares vested by the end of this month, from the first tranche on. */
  cumulative: number;
}

/**
 * Dated tranches summed per calendar month, in date order. A person's grants together vest on
 * hundreds of dates; per month is how an analyst reads what is coming.
 */
export function sumByMonth(tranches: { date: string; shares: number }[], today: string): VestingMonthRow[] {
  const rows: VestingMonthRow[] = [];
  let cumulative = 0;
  for (const t of [...tranches].sort((a, b) => compareIso(a.date, b.date))) {
    const month = t.date.slice(0, 7);
    let row = rows[rows.length - 1];
    if (!row || row.month !== month) rows.push((row = { month, shares: 0, vested: 0, cumulative }));
    row.shares += t.shares;
    if (compareIso(t.date, today) <= 0) row.vested += t.shares;
    cumulative += t.shares;
    row.cumulative = cumulative;
  }
  return rows;
}
