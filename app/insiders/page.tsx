import type { Metadata } from "next";
import Link from "next/link";
import { findInsiders } from "@/lib/db/insiders";
import { ZInsiderSearch, firstValues, toQuery } from "@/lib/validation/filters";
import { formatDate } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";

export const metadata: Metadata = { title: "Insiders" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InsidersPage({ searchParams }: Props) {
  const { q, page, pageSize } = ZInsiderSearch.parse(firstValues(await searchParams));
  const result = await findInsiders({ q, page, pageSize });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Insiders</h1>
        <p className="text-slate-600">Every reporting person, with spellings merged into one person shown once.</p>
      </div>
      <form role="search" action="/insiders" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">Name (any spelling)</span>
          <input name="q" type="search" defaultValue={q} placeholder="e.g. Janzen Howard E." className={`${s.input} w-80`} />
        </label>
        <button type="submit" className={s.button}>Search</button>
        {q && <Link href="/insiders" className={s.secondaryButton}>Clear</Link>}
      </form>
      {result.total === 0 ? (
        q ? (
          <EmptyState title={`No insider matches “${q}”.`}>
            Search matches any spelling and tolerates a typo or two per word; try the surname alone, or <Link href="/insiders" className={s.link}>list everyone</Link>.
          </EmptyState>
        ) : (
          <EmptyState title="No insiders yet.">
            Insiders appear here once their filings are stored. <Link href="/upload" className={s.link}>Upload filings</Link> to start.
          </EmptyState>
        )
      ) : (
        <>
          <table className={s.table}>
            <caption className="sr-only">Insiders{q ? ` matching ${q}` : ""}</caption>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Name</th>
                <th scope="col" className={s.th}>Issuers</th>
                <th scope="col" className={s.th}>Latest filing</th>
                <th scope="col" className={s.thNum}>Grants</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className={s.row}>
                  <td className={s.td}>
                    <Link href={`/insiders/${r.id}`} className={s.link}>{r.name}</Link>
                    {r.aliases.length > 0 && <div className="text-xs text-slate-500">also filed as {r.aliases.join("; ")}</div>}
                  </td>
                  <td className={s.td}>
                    {r.issuers.map((i, n) => (
                      <span key={i.id}>
                        {n > 0 && ", "}
                        <Link href={`/issuers/${i.id}`} className={s.link}>{i.name}</Link>
                        {i.ticker && <span className="text-slate-500"> [{i.ticker}]</span>}
                      </span>
                    ))}
                  </td>
                  <td className={`num ${s.td}`}>
                    {r.latestFiling ? (
                      <>
                        <Link href={`/filings/${r.latestFiling.id}`} className={s.link}>#{r.latestFiling.id}</Link> Form {r.latestFiling.formType}, {formatDate(r.latestFiling.periodOfReport)}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={s.tdNum}>{r.grantCount.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination {...result} href={(p) => `/insiders${toQuery({ q, page: p, pageSize })}`} />
        </>
      )}
    </div>
  );
}
