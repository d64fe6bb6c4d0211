import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIssuer, findIssuerInsiders, findVestingByMonth } from "@/lib/db/issuers";
import { findGrants, todayIso } from "@/lib/db/grants";
import { findExpirationsByMonth, findIssuerActivity } from "@/lib/db/timelines";
import { firstValues, toQuery } from "@/lib/validation/filters";
import { formatDate, formatMonth, formatShares } from "@/lib/format";
import { formatRoles } from "@/components/insiders/roles";
import { GrantTable } from "@/components/grants/grant-table";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";
import { Legend } from "@/components/ui/legend";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

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
  const [insiders, grants, vesting, expiring, activity] = await Promise.all([
    findIssuerInsiders({ issuerId: issuer.id }),
    findGrants({ issuerId: issuer.id, page: grantsPage, pageSize: 25, today }),
    findVestingByMonth({ issuerId: issuer.id, from: today, months: 24 }),
    findExpirationsByMonth({ issuerId: issuer.id, from: today, months: 24 }),
    findIssuerActivity({ issuerId: issuer.id, quarters: 12 }),
  ]);
  const months = [...new Set([...vesting.map((v) => v.month), ...expiring.map((e) => e.month)])].sort().map((month) => ({
    month,
    vesting: vesting.find((v) => v.month === month),
    expiring: expiring.find((e) => e.month === month),
  }));
  const maxMonth = Math.max(1, ...vesting.map((v) => v.shares), ...expiring.map((e) => e.shares));
  const maxQuarter = Math.max(1, ...activity.flatMap((q) => [q.acquired, q.disposed]));

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
        <h2 id="vesting" className="text-lg font-semibold">Vesting and expirations in the next 24 months</h2>
        <p className="text-sm text-slate-600">
          Shares vesting per month across all insiders, from the grants&apos; vesting schedules, and the underlying shares of grants
          (code A) whose term ends that month:
          <Legend items={[{ label: "vesting", swatch: "bg-blue-600" }, { label: "expiring", swatch: "bg-red-500" }]} />
        </p>
        {months.length === 0 ? (
          <EmptyState title="Nothing vests or expires in the next 24 months.">No grant of this issuer has a vesting tranche or an expiration dated from this month on.</EmptyState>
        ) : (
          <table className={`${s.table} max-w-4xl`}>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Month</th>
                <th scope="col" className={s.thNum}>Shares vesting</th>
                <th scope="col" className={s.thNum}>Grants</th>
                <th scope="col" className={s.thNum}>Insiders</th>
                <th scope="col" className={s.thNum}>Shares expiring</th>
                <th scope="col" className={s.th}><span className="sr-only">Relative size: vesting in blue, expiring in red</span></th>
              </tr>
            </thead>
            <tbody>
              {months.map(({ month, vesting: v, expiring: e }) => (
                <tr key={month} className={s.row}>
                  <td className={`num ${s.td}`}>{formatMonth(month)}</td>
                  <td className={s.tdNum}>{v ? formatShares(v.shares) : "—"}</td>
                  <td className={s.tdNum}>{v ? v.grants.toLocaleString("en-US") : "—"}</td>
                  <td className={s.tdNum}>{v ? v.insiders.toLocaleString("en-US") : "—"}</td>
                  <td className={s.tdNum}>{e ? `${formatShares(e.shares)} (${e.grants} grant${e.grants === 1 ? "" : "s"})` : "—"}</td>
                  <td className={`${s.td} w-64 space-y-0.5`} aria-hidden="true">
                    {v && <div className="h-2.5 rounded bg-blue-600" style={{ width: `${Math.max(2, (v.shares / maxMonth) * 100)}%` }} />}
                    {e && <div className="h-2.5 rounded bg-red-500" style={{ width: `${Math.max(2, (e.shares / maxMonth) * 100)}%` }} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="activity" className="space-y-2">
        <h2 id="activity" className="text-lg font-semibold">Transactions over time</h2>
        <p className="text-sm text-slate-600">
          Table I transactions by the issuer&apos;s insiders per quarter (latest 12 quarters with any), by transaction date:
          <Legend items={[{ label: "acquired", swatch: "bg-green-600" }, { label: "disposed", swatch: "bg-red-500" }]} />
        </p>
        {activity.length === 0 ? (
          <EmptyState title="No transactions.">No stored filing of this issuer reports a Table I transaction with a date.</EmptyState>
        ) : (
          <table className={`${s.table} max-w-4xl`}>
            <thead>
              <tr className={s.headRow}>
                <th scope="col" className={s.th}>Quarter</th>
                <th scope="col" className={s.thNum}>Acquired</th>
                <th scope="col" className={s.thNum}>Disposed</th>
                <th scope="col" className={s.thNum}>Net</th>
                <th scope="col" className={s.thNum}>Transactions</th>
                <th scope="col" className={s.thNum}>Insiders</th>
                <th scope="col" className={s.th}><span className="sr-only">Relative size: acquired in green, disposed in red</span></th>
              </tr>
            </thead>
            <tbody>
              {activity.map((q) => (
                <tr key={q.quarter} className={s.row}>
                  <td className={`num ${s.td}`}>{q.quarter.replace("-", " ")}</td>
                  <td className={s.tdNum}>{formatShares(q.acquired)}</td>
                  <td className={s.tdNum}>{formatShares(q.disposed)}</td>
                  <td className={s.tdNum}>{q.acquired - q.disposed > 0 ? "+" : ""}{formatShares(q.acquired - q.disposed)}</td>
                  <td className={s.tdNum}>{q.transactions.toLocaleString("en-US")}</td>
                  <td className={s.tdNum}>{q.insiders.toLocaleString("en-US")}</td>
                  <td className={`${s.td} w-64 space-y-0.5`} aria-hidden="true">
                    {q.acquired > 0 && <div className="h-2.5 rounded bg-green-600" style={{ width: `${Math.max(2, (q.acquired / maxQuarter) * 100)}%` }} />}
                    {q.disposed > 0 && <div className="h-2.5 rounded bg-red-500" style={{ width: `${Math.max(2, (q.disposed / maxQuarter) * 100)}%` }} />}
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
            <GrantTable grants={grants.rows} today={today} showIssuer={false} />
            <Pagination {...grants} href={(p) => `/issuers/${issuer.id}${toQuery({ grantsPage: p }, { grantsPage: 1 })}`} />
          </>
        )}
      </section>
    </div>
  );
}
