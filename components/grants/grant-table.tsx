import Link from "next/link";
import type { GrantRow } from "@/lib/db/grants";
import { formatDate, formatPrice, formatShares } from "@/lib/format";
import { StatusBadge } from "@/components/filings/status-badge";
import * as s from "@/components/ui/styles";
import { GRANT_STATE_LABEL, grantState, type GrantState } from "@/lib/vesting/state";

const STATE_STYLE: Record<GrantState, string> = {
  expired: "bg-red-100 text-red-900",
  vested: "bg-green-100 text-green-800",
  vesting: "bg-blue-100 text-blue-900",
  unvested: "bg-slate-100 text-slate-700",
};

export function GrantStateBadge({ state }: { state: GrantState | null }) {
  if (!state) return <span className="text-slate-500">Outstanding</span>;
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${STATE_STYLE[state]}`}>{GRANT_STATE_LABEL[state]}</span>;
}

type SortKey = "transactionDate" | "exercisePrice" | "shares" | "expirationDate" | "issuer" | "insider";

export interface GrantSorting {
  sort: SortKey;
  dir: "asc" | "desc";
  /** The URL that sorts by a column (flipping the direction when it is the current column). */
  href: (sort: SortKey) => string;
}

/** Table II rows across filings; with `sorting`, column headers sort on the server. */
export function GrantTable({
  grants,
  today,
  sorting,
  showInsider = true,
  showIssuer = true,
}: {
  grants: GrantRow[];
  /** The date vested and unvested were counted at, and expiry judged by. */
  today: string;
  sorting?: GrantSorting;
  showInsider?: boolean;
  showIssuer?: boolean;
}) {
  const header = (label: string, key: SortKey | null, numeric = false) => {
    const cls = `${numeric ? s.thNum : s.th} whitespace-nowrap`;
    if (!sorting || !key) return <th scope="col" className={cls}>{label}</th>;
    const active = sorting.sort === key;
    return (
      <th scope="col" className={cls} aria-sort={active ? (sorting.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={sorting.href(key)} className="hover:text-slate-900">
          {label}
          {active ? (sorting.dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto">
      <table className={s.table}>
        <thead>
          <tr className={s.headRow}>
            {showIssuer && header("Issuer", "issuer")}
            {showInsider && header("Insider", "insider")}
            {header("Security", null)}
            {header("Code", null)}
            {header("Date", "transactionDate")}
            {header("Amount", "shares", true)}
            {header("Exercise price", "exercisePrice", true)}
            {header("Exercisable", null)}
            {header("Expires", "expirationDate")}
            {header("Vested", null, true)}
            {header("Unvested", null, true)}
            {header("State", null)}
            {header("Filing", null)}
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.id} className={s.row}>
              {showIssuer && (
                <td className={s.td}>
                  <Link href={`/issuers/${g.issuer.id}`} className={s.link}>
                    {g.issuer.name}
                  </Link>
                  {g.issuer.ticker && <span className="ml-1 text-slate-500">[{g.issuer.ticker}]</span>}
                </td>
              )}
              {showInsider && (
                <td className={s.td}>
                  {g.owners.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && "; "}
                      <Link href={`/insiders/${o.id}`} className={s.link}>
                        {o.name}
                      </Link>
                    </span>
                  ))}
                </td>
              )}
              <td className={s.td}>{g.securityTitle}</td>
              <td className={s.td}>
                {g.transactionCode ?? "—"}
                {g.acquiredDisposed && <span className="text-slate-500"> ({g.acquiredDisposed})</span>}
              </td>
              <td className={`num whitespace-nowrap ${s.td}`}>{formatDate(g.transactionDate)}</td>
              <td className={s.tdNum}>{formatShares(g.shares ?? g.sharesOwnedFollowing)}</td>
              <td className={s.tdNum}>{formatPrice(g.exercisePrice)}</td>
              <td className={`num whitespace-nowrap ${s.td}`}>{g.exercisableImmediately ? "Immediately" : formatDate(g.exerciseDate)}</td>
              <td className={`num whitespace-nowrap ${s.td}`}>{formatDate(g.expirationDate)}</td>
              <td className={s.tdNum}>{g.vesting ? formatShares(g.vesting.vested) : "—"}</td>
              <td className={s.tdNum}>
                {g.vesting ? formatShares(g.vesting.unvested) : "—"}
                {g.vesting?.nextDate && <div className="text-xs text-slate-500">next {formatDate(g.vesting.nextDate)}</div>}
              </td>
              <td className={s.td}>
                <GrantStateBadge state={grantState(g.expirationDate, g.vesting, today)} />
              </td>
              <td className={s.td}>
                <Link href={`/filings/${g.filing.id}`} className={`whitespace-nowrap ${s.link}`} aria-label={`Filing #${g.filing.id}, Form ${g.filing.formType}`}>
                  #{g.filing.id}
                </Link>{" "}
                <span className="whitespace-nowrap text-slate-500">Form {g.filing.formType}</span>
                <div className="mt-0.5">
                  <StatusBadge status={g.filing.status} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
