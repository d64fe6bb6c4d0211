import type { Metadata } from "next";
import Link from "next/link";
import { findGrants, todayIso } from "@/lib/db/grants";
import { ZGrantFilters, csvHref, firstValues, toQuery, type TGrantFilters } from "@/lib/validation/filters";
import { GrantTable } from "@/components/grants/grant-table";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";

export const metadata: Metadata = { title: "Grants" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DEFAULTS = { page: 1, pageSize: 50, sort: "transactionDate", dir: "desc" };

/** The filters as URL parameters: the page, its sort links, its pager and its export link all use them. */
function query(f: TGrantFilters, over: Partial<TGrantFilters> = {}) {
  const { issuerId, ownerId, issuer, insider, security, code, from, to, priceMin, priceMax, vesting, sort, dir, page, pageSize } = { ...f, ...over };
  return toQuery({ issuerId, ownerId, issuer, insider, security, code, from, to, priceMin, priceMax, vesting, sort, dir, page, pageSize }, DEFAULTS);
}

export default async function GrantsPage({ searchParams }: Props) {
  const filters = ZGrantFilters.parse(firstValues(await searchParams));
  const today = todayIso();
  const result = await findGrants({ ...filters, today });
  // Every matching row, not just this page: the API pages only when asked to.
  const exportHref = csvHref("/api/grants", query({ ...filters, page: 1, pageSize: 50 }));
  const filtered = query({ ...filters, page: 1, sort: "transactionDate", dir: "desc" }) !== "";
  const field = (name: keyof TGrantFilters, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <input name={name} defaultValue={filters[name] === undefined ? "" : String(filters[name])} className={s.input} {...props} />
    </label>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Grants</h1>
          <p className="text-slate-600">Every Table II row (options, RSUs, warrants) across all filings. Vested and unvested amounts are as of today.</p>
        </div>
        {result.total > 0 && (
          <a href={exportHref} className={s.secondaryButton} download>
            Export CSV
          </a>
        )}
      </div>

      <form role="search" aria-label="Filter grants" action="/grants" className={`${s.card} grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6`}>
        {filters.issuerId && <input type="hidden" name="issuerId" value={filters.issuerId} />}
        {filters.ownerId && <input type="hidden" name="ownerId" value={filters.ownerId} />}
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        {field("issuer", "Issuer or ticker", { type: "search" })}
        {field("insider", "Insider name", { type: "search" })}
        {field("security", "Security", { type: "search", placeholder: "e.g. Stock Option" })}
        {field("code", "Transaction code", { maxLength: 1, placeholder: "A, M, F…", className: `${s.input} uppercase` })}
        {/* Text, not type="date": the browser's date box shows mm/dd/yyyy in a US locale, which analysts misread. */}
        {field("from", "Date from", { placeholder: "YYYY-MM-DD", pattern: "\\d{4}-\\d{2}-\\d{2}", title: "A date as YYYY-MM-DD" })}
        {field("to", "Date to", { placeholder: "YYYY-MM-DD", pattern: "\\d{4}-\\d{2}-\\d{2}", title: "A date as YYYY-MM-DD" })}
        {field("priceMin", "Exercise price from ($)", { type: "number", min: 0, step: "any" })}
        {field("priceMax", "Exercise price to ($)", { type: "number", min: 0, step: "any" })}
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">Vesting today</span>
          <select name="vesting" defaultValue={filters.vesting ?? ""} className={s.input}>
            <option value="">Any</option>
            <option value="unvested">Still vesting</option>
            <option value="vested">Fully vested</option>
            <option value="none">No schedule read</option>
          </select>
        </label>
        <div className="col-span-2 flex items-end gap-2 md:col-span-3 xl:col-span-3">
          <button type="submit" className={s.button}>Apply filters</button>
          {filtered && <Link href="/grants" className={s.secondaryButton}>Clear filters</Link>}
          {(filters.issuerId || filters.ownerId) && (
            <span className="text-sm text-slate-600">
              Limited to {filters.issuerId ? `issuer #${filters.issuerId}` : ""}
              {filters.issuerId && filters.ownerId ? " and " : ""}
              {filters.ownerId ? `insider #${filters.ownerId}` : ""} (from a link).
            </span>
          )}
        </div>
      </form>

      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No grant matches these filters.">
            Widen the date or price range, or <Link href="/grants" className={s.link}>clear the filters</Link>.
          </EmptyState>
        ) : (
          <EmptyState title="No grants yet.">
            Grants come from Table II of Forms 3, 4 and 5. <Link href="/upload" className={s.link}>Upload filings</Link> to see them here.
          </EmptyState>
        )
      ) : (
        <>
          <GrantTable
            grants={result.rows}
            today={today}
            sorting={{
              sort: filters.sort,
              dir: filters.dir,
              // Names start A to Z, numbers and dates largest and newest first; a second click flips.
              href: (sort) => `/grants${query(filters, { sort, dir: filters.sort === sort ? (filters.dir === "desc" ? "asc" : "desc") : sort === "issuer" || sort === "insider" ? "asc" : "desc", page: 1 })}`,
            }}
          />
          <Pagination {...result} href={(page) => `/grants${query(filters, { page })}`} />
        </>
      )}
    </div>
  );
}
