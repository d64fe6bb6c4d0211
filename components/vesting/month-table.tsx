import type { VestingMonthRow } from "@/lib/vesting/months";
import { formatMonth, formatShares } from "@/lib/format";

/** Vesting per calendar month: the text equivalent of a timeline that spans many grants. */
export function VestingMonthTable({ rows, caption }: { rows: VestingMonthRow[]; caption: string }) {
  return (
    // Focusable so a keyboard can scroll a long schedule.
    <div tabIndex={0} role="region" aria-label={caption} className="max-h-72 overflow-auto rounded border border-slate-200 focus:outline-2 focus:outline-blue-600">
      <table className="w-full text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">Month</th>
            <th scope="col" className="px-2 py-1 text-right">Shares</th>
            <th scope="col" className="px-2 py-1 text-right">Cumulative</th>
            <th scope="col" className="px-2 py-1">Today</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.month} className="border-t border-slate-100">
              <td className="num px-2 py-0.5">{formatMonth(r.month)}</td>
              <td className="num px-2 py-0.5 text-right">{formatShares(r.shares)}</td>
              <td className="num px-2 py-0.5 text-right">{formatShares(r.cumulative)}</td>
              <td className="px-2 py-0.5">{r.vested === r.shares ? "vested" : r.vested === 0 ? "unvested" : `${formatShares(r.vested)} vested`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
