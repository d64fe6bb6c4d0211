import type { Tranche } from "@/lib/parse/types";
import { addDays, compareIso, daysBetween } from "@/lib/vesting/dates";
import { vestedAsOf } from "@/lib/vesting/model";
import { isExpired } from "@/lib/vesting/state";
import { formatDate, formatShares } from "@/lib/format";

const W = 720;
const H = 250;
const M = { left: 68, right: 20, top: 40, bottom: 30 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
// A white halo keeps a marker's label readable where it crosses another marker's line.
const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;

export interface VestingTimelineProps {
  /** Unique on the page: names the clip path that shades the vested part. */
  id: string;
  tranches: Tranche[];
  today: string;
  cliff: string | null;
  expiration: string | null;
}

/** The sentence a screen reader hears for the chart; the tranche table below it has the detail. */
export function describeTimeline({ tranches, today, cliff, expiration }: Omit<VestingTimelineProps, "id">): string {
  const { vested, unvested } = vestedAsOf(tranches, today);
  const total = vested + unvested;
  const expired = isExpired(expiration, today);
  const parts = [
    `Vesting of ${formatShares(total)} shares in ${tranches.length} tranche${tranches.length === 1 ? "" : "s"} from ${formatDate(tranches[0].date)} to ${formatDate(tranches[tranches.length - 1].date)}`,
    // An expired option's vested shares can no longer be exercised: "40,000 vested" alone would read as held.
    expired
      ? `expired on ${formatDate(expiration)}, with ${formatShares(vestedAsOf(tranches, expiration!).vested)} vested by then`
      : `as of ${formatDate(today)}, ${formatShares(vested)} vested and ${formatShares(unvested)} unvested`,
  ];
  if (cliff) parts.push(`cliff on ${formatDate(cliff)}`);
  if (expiration && !expired) parts.push(`expires ${formatDate(expiration)}`);
  return parts.join("; ") + ".";
}

/** Cumulative vested shares over time, one step per tranche, with today, the cliff and the expiration marked. */
export function VestingTimeline({ id, tranches, today, cliff, expiration }: VestingTimelineProps) {
  if (tranches.length === 0) return null;
  const total = tranches.reduce((a, t) => a + t.shares, 0);
  const { vested, unvested } = vestedAsOf(tranches, today);
  const expired = isExpired(expiration, today);
  const first = tranches[0].date;
  const last = tranches[tranches.length - 1].date;
  // A little room before the first tranche so its step is visible; the expiration bounds the right side when it is later.
  const start = addDays(first, -Math.max(30, Math.round(daysBetween(first, last) / 20)));
  const lastMark = expiration && compareIso(expiration, last) > 0 ? expiration : last;
  const end = addDays(lastMark, Math.max(30, Math.round(daysBetween(start, lastMark) / 30)));
  const span = daysBetween(start, end);
  const x = (d: string) => M.left + (Math.min(Math.max(daysBetween(start, d), 0), span) / span) * PW;
  const y = (shares: number) => M.top + PH - (total > 0 ? shares / total : 0) * PH;

  let cum = 0;
  let line = `M${x(start)},${y(0)}`;
  for (const t of tranches) {
    line += ` H${x(t.date)}`;
    cum += t.shares;
    line += ` V${y(cum)}`;
  }
  line += ` H${x(end)}`;
  const area = `${line} V${y(0)} H${x(start)} Z`;

  const startYear = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  const step = Math.max(1, Math.ceil((endYear - startYear) / 6));
  const yearTicks: string[] = [];
  for (let yr = startYear + 1; yr <= endYear; yr += step) yearTicks.push(`${yr}-01-01`);
  const shareTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(total * f));

  const todayPos = compareIso(today, start) < 0 ? "before" : compareIso(today, end) > 0 ? "after" : "within";
  const todayX = todayPos === "before" ? M.left : todayPos === "after" ? M.left + PW : x(today);
  const todayLabel = `${todayPos === "before" ? "← " : ""}Today ${formatDate(today)}${todayPos === "after" ? " →" : ""}`;

  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={describeTimeline({ tranches, today, cliff, expiration })} className="h-auto w-full max-w-3xl font-sans text-[11px]">
        <defs>
          <clipPath id={`${id}-vested`}>
            <rect x={M.left} y={0} width={Math.max(0, todayX - M.left)} height={H} />
          </clipPath>
        </defs>
        {shareTicks.map((s) => (
          <g key={s}>
            <line x1={M.left} x2={M.left + PW} y1={y(s)} y2={y(s)} className="stroke-slate-200" />
            <text x={M.left - 6} y={y(s)} dy="0.32em" textAnchor="end" className="fill-slate-600">
              {formatShares(s)}
            </text>
          </g>
        ))}
        {yearTicks.map((d) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={M.top + PH} y2={M.top + PH + 4} className="stroke-slate-400" />
            <text x={x(d)} y={M.top + PH + 16} textAnchor="middle" className="fill-slate-600">
              {formatDate(d)}
            </text>
          </g>
        ))}
        <path d={area} className="fill-slate-100" />
        <path d={area} clipPath={`url(#${id}-vested)`} className="fill-blue-200" />
        <path d={line} fill="none" strokeWidth={2} className="stroke-blue-700" />
        {cliff && (
          <g>
            <line x1={x(cliff)} x2={x(cliff)} y1={M.top - 14} y2={M.top + PH} strokeDasharray="4 3" className="stroke-amber-600" />
            <text x={x(cliff) + 4} y={M.top - 18} {...halo} className="fill-amber-800">
              Cliff {formatDate(cliff)}
            </text>
          </g>
        )}
        {expiration && (
          <g>
            <line x1={x(expiration)} x2={x(expiration)} y1={M.top - 14} y2={M.top + PH} strokeDasharray="4 3" className="stroke-red-600" />
            <text x={x(expiration) - 4} y={M.top - 18} textAnchor="end" {...halo} className="fill-red-800">
              {expired ? "Expired" : "Expires"} {formatDate(expiration)}
            </text>
          </g>
        )}
        <line x1={todayX} x2={todayX} y1={M.top - 2} y2={M.top + PH} strokeWidth={1.5} className="stroke-slate-900" />
        <text x={todayX + (todayPos === "after" ? -4 : 4)} y={M.top - 4} textAnchor={todayPos === "after" ? "end" : "start"} {...halo} className="fill-slate-900 font-medium">
          {todayLabel}
        </text>
        <line x1={M.left} x2={M.left + PW} y1={M.top + PH} y2={M.top + PH} className="stroke-slate-500" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + PH} className="stroke-slate-500" />
      </svg>
      <figcaption className="text-sm">
        {expired ? (
          <>
            <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-900">Expired</span> on {formatDate(expiration)}:{" "}
            {formatShares(vestedAsOf(tranches, expiration!).vested)} of {formatShares(total)} had vested; none can be exercised now
          </>
        ) : (
          <>
            As of {formatDate(today)}: <span className="font-semibold text-blue-800">{formatShares(vested)} vested</span> ·{" "}
            <span className="font-semibold text-slate-700">{formatShares(unvested)} unvested</span> of {formatShares(total)}
          </>
        )}
      </figcaption>
    </figure>
  );
}
