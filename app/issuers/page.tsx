import type { Metadata } from "next";
import Link from "next/link";
import { findIssuers } from "@/lib/db/issuers";
import { ZIssuerSearch, firstValues, toQuery } from "@/lib/validation/filters";
import { formatDate } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";

export const metadata: Metadata = { title: "Issuers" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IssuersPage({ searchParams }: Props) {
  const { q, page, pageSize } = ZIssuerSearch.parse(firstValues(await searchParams));
  const result = await findIssuers({ q, page, pageSize });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Issuers</h1>
        <p className="text-slate-600">Companies whose insiders filed, with how many people and filings each has.</p>
      </div>
      <form role="search" action="/issuers" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">Name, ticker or CIK</span>
          <input name="q" type="search" defaultValue={q} placeholder="e.g. SONS" className={`${s.input} w-80`} />
        </label>
        <button type="submit" className={s.button}>Search</button>
        {q && <Link href="/issuers" className={s.secondaryButton}>Clear</Link>}
      </form>
      {result.total === 0 ? (
        q ? (
          <EmptyState title={`No issuer matches “${q}”.`}>
            Search looks for part of the name, the exact ticker or the CIK. <Link href="/issuers" className={s.link}>List all issuers</Link>.
          </EmptyState>
        ) : (
          <EmptyState title="No issuers yet.">
            Issuers appear once filings naming them are stored. <Link href="/upload" className={s.link}>Upload filings</Link> to start.
          </EmptyState>
        )
      ) : (
        <>
          <table className={s.table}>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Issuer</th>
                <th scope="col" className={s.th}>Ticker</th>
                <th scope="col" className={s.th}>CIK</th>
                <th scope="col" className={s.thNum}>Insiders</th>
                <th scope="col" className={s.thNum}>Filings</th>
                <th scope="col" className={s.th}>Latest transaction</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((i) => (
                <tr key={i.id} className={s.row}>
                  <td className={s.td}><Link href={`/issuers/${i.id}`} className={s.link}>{i.name}</Link></td>
                  <td className={s.td}>{i.ticker ?? "—"}</td>
                  <td className={`num ${s.td}`}>{i.cik ?? "—"}</td>
                  <td className={s.tdNum}>{i.insiderCount.toLocaleString("en-US")}</td>
                  <td className={s.tdNum}>{i.filingCount.toLocaleString("en-US")}</td>
                  <td className={`num ${s.td}`}>{formatDate(i.latestPeriod)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination {...result} href={(p) => `/issuers${toQuery({ q, page: p, pageSize })}`} />
        </>
      )}
    </div>
  );
}
