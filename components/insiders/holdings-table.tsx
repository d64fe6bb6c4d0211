import Link from "next/link";
import type { HoldingRow } from "@/lib/db/insiders";
import { formatDate, formatPrice, formatShares } from "@/lib/format";
import * as s from "@/components/ui/styles";
import { isExpired } from "@/lib/vesting/state";

/** Holdings as last reported, one table per issuer, each figure with the filing it comes from. */
export function HoldingsTable({ holdings, today }: { holdings: HoldingRow[]; today: string }) {
  const byIssuer = new Map<number, HoldingRow[]>();
  for (const h of holdings) byIssuer.set(h.issuerId, [...(byIssuer.get(h.issuerId) ?? []), h]);
  return (
    <div className="space-y-4">
      {[...byIssuer.values()].map((rows) => (
        <table key={rows[0].issuerId} className={s.table}>
          <caption className="bg-slate-100 px-3 py-1.5 text-left text-sm font-medium">
            <Link href={`/issuers/${rows[0].issuerId}`} className={s.link}>{rows[0].issuerName}</Link>
            {rows[0].ticker && <span className="text-slate-500"> [{rows[0].ticker}]</span>}
          </caption>
          <thead>
            <tr className={s.headRow}>
              <th scope="col" className={s.th}>Security</th>
              <th scope="col" className={s.th}>Ownership</th>
              <th scope="col" className={s.thNum}>Shares owned</th>
              <th scope="col" className={s.thNum}>Exercise price</th>
              <th scope="col" className={s.th}>Expires</th>
              <th scope="col" className={s.th}>As of filing</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h, i) => (
              <tr key={i} className={s.row}>
                <td className={s.td}>
                  {h.securityTitle}
                  {h.table === "derivative" && <span className="ml-1 text-xs text-slate-500">(Table II)</span>}
                </td>
                <td className={s.td}>{h.directOrIndirect === "I" ? `Indirect${h.natureOfOwnership ? `: ${h.natureOfOwnership}` : ""}` : "Direct"}</td>
                <td className={s.tdNum}>{formatShares(h.shares)}</td>
                <td className={s.tdNum}>{h.table === "derivative" ? formatPrice(h.exercisePrice) : ""}</td>
                <td className={`num ${s.td}`}>
                  {h.table === "derivative" ? formatDate(h.expirationDate) : ""}
                  {h.table === "derivative" && isExpired(h.expirationDate, today) && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">Expired</span>}
                </td>
                <td className={`num ${s.td}`}>
                  <Link href={`/filings/${h.filingId}`} className={s.link}>#{h.filingId}</Link> Form {h.formType}, {formatDate(h.periodOfReport)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
