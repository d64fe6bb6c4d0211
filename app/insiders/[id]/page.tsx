import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getInsider, findHoldings, findInsiderFilings } from "@/lib/db/insiders";
import { findInsiderGrants, todayIso } from "@/lib/db/grants";
import { findInsiderVesting } from "@/lib/db/timelines";
import { findMergeCandidates } from "@/lib/db/merge";
import { firstValues, toQuery } from "@/lib/validation/filters";
import { formatDate } from "@/lib/format";
import { HoldingsTable } from "@/components/insiders/holdings-table";
import { GrantTable } from "@/components/grants/grant-table";
import { StatusBadge } from "@/components/filings/status-badge";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { MergeForm } from "@/components/insiders/merge-form";
import { UnmergeForm } from "@/components/insiders/unmerge-form";
import { currentAnalyst } from "@/lib/analyst";
import { VestingTimeline } from "@/components/vesting/vesting-timeline";
import { VestingMonthTable } from "@/components/vesting/month-table";
import { sumByMonth } from "@/lib/vesting/months";
import { isExpired } from "@/lib/vesting/state";
import * as s from "@/components/ui/styles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}
const pageParam = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : 1);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const insider = id === null ? null : await getInsider({ id });
  return { title: insider?.name ?? "Insider" };
}

export default async function InsiderPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  const insider = id === null ? null : await getInsider({ id });
  if (!insider) notFound();
  // A record merged into another person lives on as that person.
  if (insider.mergedIntoId) redirect(`/insiders/${insider.mergedIntoId}`);
  const sp = firstValues(await searchParams);
  const grantsPage = pageParam(sp.grantsPage);
  const filingsPage = pageParam(sp.filingsPage);
  const today = todayIso();
  const [holdings, grants, filings, candidates, vesting] = await Promise.all([
    findHoldings({ ownerId: insider.id }),
    findInsiderGrants({ ownerId: insider.id, page: grantsPage, pageSize: 25 }),
    findInsiderFilings({ ownerId: insider.id, page: filingsPage, pageSize: 25 }),
    findMergeCandidates({ ownerId: insider.id }),
    findInsiderVesting({ ownerId: insider.id, expiredBefore: sp.expired === "1" ? undefined : today }),
  ]);
  const analyst = await currentAnalyst();
  // Expired options are gone from what the person holds; an analyst may still want them, on request.
  const showExpired = sp.expired === "1";
  const expiredCount = holdings.filter((h) => h.table === "derivative" && isExpired(h.expirationDate, today)).length;
  const shownHoldings = showExpired ? holdings : holdings.filter((h) => !(h.table === "derivative" && isExpired(h.expirationDate, today)));
  const justMerged = insider.mergedFrom.find((m) => String(m.id) === sp.merged);
  const justSeparated = sp.unmerged && /^\d{1,9}$/.test(sp.unmerged) ? await getInsider({ id: Number(sp.unmerged) }) : null;
  const here = (over: Record<string, number>) =>
    `/insiders/${insider.id}${toQuery({ grantsPage, filingsPage, expired: showExpired ? 1 : 0, ...over }, { grantsPage: 1, filingsPage: 1, expired: 0 })}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{insider.name}</h1>
          <p className="text-sm text-slate-600">
            {insider.cik ? `CIK ${insider.cik}` : "No CIK on file"}
            {insider.city && ` · ${insider.city}${insider.state ? `, ${insider.state}` : ""}`}
          </p>
          {justMerged && (
            <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-1.5 text-sm text-green-900">
              Merged {justMerged.name} into this person; its filings now count here.
            </p>
          )}
          {justSeparated && !justSeparated.mergedIntoId && (
            <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-1.5 text-sm text-green-900">
              Separated <Link href={`/insiders/${justSeparated.id}`} className={s.link}>{justSeparated.name}</Link>; its filings count as that person again.
            </p>
          )}
          {insider.mergedFrom.length > 0 && (
            <p className="text-sm text-slate-600">Also filed as: {insider.mergedFrom.map((m) => m.name).join("; ")}</p>
          )}
        </div>
        <div className="w-full max-w-md space-y-2">
          <MergeForm ownerId={insider.id} ownerName={insider.name} candidates={candidates} analyst={analyst} />
          <UnmergeForm ownerName={insider.name} aliases={insider.mergedFrom} analyst={analyst} />
        </div>
      </div>

      <section aria-labelledby="holdings" className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 id="holdings" className="text-lg font-semibold">Holdings</h2>
          {holdings.length > 0 && (
            <a href={`/api/insiders/${insider.id}/holdings?format=csv`} className={s.link}>Export holdings (CSV)</a>
          )}
        </div>
        <p className="text-sm text-slate-600">
          Shares owned following the latest reported transaction or holding, per issuer and security; direct and indirect apart.
          {expiredCount > 0 && (
            <>
              {" "}
              {showExpired ? `Including ${expiredCount} expired option line${expiredCount === 1 ? "" : "s"}. ` : `${expiredCount} expired option line${expiredCount === 1 ? " is" : "s are"} left out. `}
              <Link href={here({ expired: showExpired ? 0 : 1 })} className={s.link}>
                {showExpired ? "Hide expired options" : "Show expired options"}
              </Link>
            </>
          )}
        </p>
        {holdings.length === 0 ? (
          <EmptyState title="No holdings reported.">None of this person&apos;s filings states an amount owned following a transaction.</EmptyState>
        ) : shownHoldings.length === 0 ? (
          <EmptyState title="Only expired options.">Every option this person was reported holding has expired.</EmptyState>
        ) : (
          <HoldingsTable holdings={shownHoldings} today={today} />
        )}
      </section>

      <section aria-labelledby="grants" className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 id="grants" className="text-lg font-semibold">Option and stock grants</h2>
          <Link href={`/grants?ownerId=${insider.id}`} className={s.link}>All Table II rows in Grants</Link>
        </div>
        {grants.total === 0 ? (
          <EmptyState title="No grants.">No derivative row of this person&apos;s filings was acquired as a grant (code A) or carries a vesting schedule.</EmptyState>
        ) : (
          <>
            <GrantTable grants={grants.rows} today={today} showInsider={false} />
            <Pagination {...grants} href={(p) => here({ grantsPage: p })} />
          </>
        )}
      </section>

      <section aria-labelledby="vesting" className="space-y-2">
        <h2 id="vesting" className="text-lg font-semibold">Vesting across all grants</h2>
        {vesting.length === 0 ? (
          <EmptyState title="No vesting schedule.">
            None of this person&apos;s {showExpired ? "" : "unexpired "}grants has a vesting schedule read from its footnotes or entered by an analyst.
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <VestingTimeline id="insider-vesting" tranches={vesting} today={today} cliff={null} expiration={null} />
            <VestingMonthTable rows={sumByMonth(vesting, today)} caption={`Shares vesting per month across ${insider.name}'s grants`} />
          </div>
        )}
      </section>

      <section aria-labelledby="filings" className="space-y-2">
        <h2 id="filings" className="text-lg font-semibold">Filings</h2>
        <table className={s.table}>
          <thead>
            <tr className={s.headRow}>
              <th scope="col" className={s.th}>Filing</th>
              <th scope="col" className={s.th}>Form</th>
              <th scope="col" className={s.th}>Issuer</th>
              <th scope="col" className={s.th}>Name as filed</th>
              <th scope="col" className={s.th}>Earliest transaction</th>
              <th scope="col" className={s.th}>Status</th>
            </tr>
          </thead>
          <tbody>
            {filings.rows.map((f) => (
              <tr key={f.id} className={s.row}>
                <td className={s.td}><Link href={`/filings/${f.id}`} className={s.link}>#{f.id}</Link></td>
                <td className={s.td}>{f.formType}</td>
                <td className={s.td}>
                  <Link href={`/issuers/${f.issuer.id}`} className={s.link}>{f.issuer.name}</Link>
                  {f.issuer.ticker && <span className="text-slate-500"> [{f.issuer.ticker}]</span>}
                </td>
                <td className={s.td}>{f.owners.map((o) => o.nameAsFiled).join("; ")}</td>
                <td className={`num ${s.td}`}>{formatDate(f.periodOfReport)}</td>
                <td className={s.td}><StatusBadge status={f.status} uncertain={f.uncertainCount} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination {...filings} href={(p) => here({ filingsPage: p })} />
      </section>
    </div>
  );
}
