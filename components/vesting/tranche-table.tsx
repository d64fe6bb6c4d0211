import type { Tranche } from "@/lib/parse/types";
import { compareIso } from "@/lib/vesting/dates";
import { formatDate, formatShares } from "@/lib/format";

/** The chart's text equivalent: every tranche with the running total and whether it has vested. */
export function TrancheTable({ tranches, today, caption }: { tranches: Tranche[]; today: string; caption: string }) {
  let cum = 0;
  return (
    // Focusable so a keyboard can scroll a long schedule.
    <div tabIndex={0} role="region" aria-label={caption} className="max-h-72 overflow-auto rounded border border-slate-200 focus:outline-2 focus:outline-blue-600">
      <table className="w-full text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1 text-right">#</th>
            <th scope="col" className="px-2 py-1">Date</th>
            <th scope="col" className="px-2 py-1 text-right">Shares</th>
            <th scope="col" className="px-2 py-1 text-right">Cumulative</th>
            <th scope="col" className="px-2 py-1">Today</th>
          </tr>
        </thead>
        <tbody>
          {tranches.map((t, i) => {
            cum += t.shares;
            return (
              <tr key={`${t.date}-${i}`} className="border-t border-slate-100">
                <td className="num px-2 py-0.5 text-right text-slate-500">{i + 1}</td>
                <td className="num px-2 py-0.5">{formatDate(t.date)}</td>
                <td className="num px-2 py-0.5 text-right">{formatShares(t.shares)}</td>
                <td className="num px-2 py-0.5 text-right">{formatShares(cum)}</td>
                <td className="px-2 py-0.5">{compareIso(t.date, today) <= 0 ? "vested" : "unvested"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
