import Link from "next/link";
import { formatDate } from "@/lib/format";
import { StatusBadge } from "./status-badge";
import type { listRecentFilings } from "@/lib/db/filings";

type Row = Awaited<ReturnType<typeof listRecentFilings>>[number];

export function FilingList({ filings }: { filings: Row[] }) {
  return (
    <table className="w-full border-collapse bg-white text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-3 py-2">Filing</th>
          <th className="px-3 py-2">Form</th>
          <th className="px-3 py-2">Issuer</th>
          <th className="px-3 py-2">Reporting person</th>
          <th className="px-3 py-2">Earliest transaction</th>
          <th className="px-3 py-2">Format</th>
          <th className="px-3 py-2">Status</th>
        </tr>
      </thead>
      <tbody>
        {filings.map((f) => (
          <tr key={f.id} className="border-b border-slate-100 hover:bg-slate-50">
            <td className="px-3 py-2">
              <Link href={`/filings/${f.id}`} className="text-blue-700 underline">
                #{f.id}
              </Link>
              <div className="max-w-48 truncate font-mono text-xs text-slate-500" title={f.fileName}>
                {f.fileName}
              </div>
            </td>
            <td className="px-3 py-2">{f.formType}</td>
            <td className="px-3 py-2">
              {f.issuer.name}
              {f.issuer.ticker && <span className="ml-1 text-slate-500">[{f.issuer.ticker}]</span>}
            </td>
            <td className="px-3 py-2">{f.owners.map((o) => o.nameAsFiled).join("; ")}</td>
            <td className="num px-3 py-2">{formatDate(f.periodOfReport)}</td>
            <td className="px-3 py-2 text-slate-600">{f.sourceFormat}</td>
            <td className="px-3 py-2">
              <StatusBadge status={f.status} uncertain={f.uncertainCount} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
