import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIssuer, findIssuerInsiders, findVestingByMonth } from "@/lib/db/issuers";
import { findGrants, todayIso } from "@/lib/db/grants";
import { firstValues, toQuery } from "@/lib/validation/filters";
import { formatDate, formatShares } from "@/lib/format";
import { formatRoles } from "@/components/insiders/roles";
import { GrantTable } from "@/components/grants/grant-table";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const issuer = id === null ? null : await getIssuer({ id });
  return { title: issuer?.name ?? "Issuer" };
}

export default async function IssuerPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  const issuer = id === null ? null : await getIssuer({ id });
  if (!issuer) notFound();
  const sp = firstValues(await searchParams);
  const grantsPage = sp.grantsPage && /^\d{1,6}$/.test(sp.grantsPage) ? Number(sp.grantsPage) : 1;
  const today = todayIso();
  const [insiders, grants, vesting] = await Promise.all([
    findIssuerInsiders({ issuerId: issuer.id }),
    findGrants({ issuerId: issuer.id, page: grantsPage, pageSize: 25, today }),
    findVestingByMonth({ issuerId: issuer.id, from: today, months: 24 }),
  ]);
  const maxMonth = Math.max(1, ...vesting.map((v) => v.shares));

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">
          {issuer.name}
          {issuer.ticker && <span className="text-slate-500"> [{issuer.ticker}]</span>}
        </h1>
        <p className="text-sm text-slate-600">{issuer.cik ? `CIK ${issuer.cik}` : "No CIK on file"}</p>
      </div>

      <section aria-labelledby="insiders" className="space-y-2">
        <h2 id="insiders" className="text-lg font-semibold">Insiders</h2>
        {insiders.length === 0 ? (
          <EmptyState title="No insiders.">No stored filing names a reporting person for this issuer.</EmptyState>
        ) : (
          <table className={s.table}>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Name</th>
                <th scope="col" className={s.th}>Role (latest filing)</th>
                <th scope="col" className={s.thNum}>Filings</th>
                <th scope="col" className={s.th}>Latest filing</th>
              </tr>
            </thead>
            <tbody>
              {insiders.map((i) => (
                <tr key={i.id} className={s.row}>
                  <td className={s.td}><Link href={`/insiders/${i.id}`} className={s.link}>{i.name}</Link></td>
                  <td className={s.td}>{formatRoles(i)}</td>
                  <td className={s.tdNum}>{i.filingCount.toLocaleString("en-US")}</td>
                  <td className={`num ${s.td}`}>
                    <Link href={`/filings/${i.latestFilingId}`} className={s.link}>#{i.latestFilingId}</Link> {formatDate(i.latestPeriod)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="vesting" className="space-y-2">
        <h2 id="vesting" className="text-lg font-semibold">Vesting in the next 24 months</h2>
        <p className="text-sm text-slate-600">Shares vesting per month across all insiders, from the vesting schedules read from the grants&apos; footnotes.</p>
        {vesting.length === 0 ? (
          <EmptyState title="Nothing vests in the next 24 months.">No grant of this issuer has a vesting tranche dated from this month on.</EmptyState>
        ) : (
          <table className={`${s.table} max-w-3xl`}>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Month</th>
                <th scope="col" className={s.thNum}>Shares vesting</th>
                <th scope="col" className={s.thNum}>Grants</th>
                <th scope="col" className={s.thNum}>Insiders</th>
                <th scope="col" className={s.th}><span className="sr-only">Relative size</span></th>
              </tr>
            </thead>
            <tbody>
              {vesting.map((v) => (
                <tr key={v.month} className={s.row}>
                  <td className={`num ${s.td}`}>{monthLabel(v.month)}</td>
                  <td className={s.tdNum}>{formatShares(v.shares)}</td>
                  <td className={s.tdNum}>{v.grants.toLocaleString("en-US")}</td>
                  <td className={s.tdNum}>{v.insiders.toLocaleString("en-US")}</td>
                  <td className={`${s.td} w-64`} aria-hidden="true">
                    <div className="h-3 rounded bg-blue-600" style={{ width: `${Math.max(2, (v.shares / maxMonth) * 100)}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="grants" className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 id="grants" className="text-lg font-semibold">Grants and other Table II rows</h2>
          <Link href={`/grants?issuerId=${issuer.id}`} className={s.link}>Filter these in Grants</Link>
        </div>
        {grants.total === 0 ? (
          <EmptyState title="No derivative rows.">No stored filing of this issuer has a Table II row.</EmptyState>
        ) : (
          <>
            <GrantTable grants={grants.rows} showIssuer={false} />
            <Pagination {...grants} href={(p) => `/issuers/${issuer.id}${toQuery({ grantsPage: p }, { grantsPage: 1 })}`} />
          </>
        )}
      </section>
    </div>
  );
}
