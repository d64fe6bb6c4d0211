import type { Metadata } from "next";
import Link from "next/link";
import { findFilings } from "@/lib/db/filing-search";
import { FilingList } from "@/components/filings/filing-list";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { FILING_STATUSES, FORM_TYPES, SOURCE_FORMATS, ZFilingFilters, csvHref, firstValues, toQuery, type TFilingFilters } from "@/lib/validation/filters";
import * as s from "@/components/ui/styles";

export const metadata: Metadata = { title: "Filings" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_LABELS: Record<(typeof FILING_STATUSES)[number], string> = { needs_review: "Needs review", reviewed: "Reviewed" };

function query(f: TFilingFilters, over: Partial<TFilingFilters> = {}) {
  const { status, formType, format, issuer, insider, from, to, page, pageSize } = { ...f, ...over };
  return toQuery({ status, formType, format, issuer, insider, from, to, page, pageSize });
}

export default async function FilingsPage({ searchParams }: Props) {
  const filters = ZFilingFilters.parse(firstValues(await searchParams));
  const result = await findFilings(filters);
  const filtered = Boolean(filters.status || filters.formType || filters.format || filters.issuer || filters.insider || filters.from || filters.to);
  const field = (name: "issuer" | "insider" | "from" | "to", label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <input name={name} defaultValue={filters[name] ?? ""} className={`${s.input} w-44`} {...props} />
    </label>
  );
  const date = { placeholder: "YYYY-MM-DD", pattern: "\\d{4}-\\d{2}-\\d{2}", title: "A date as YYYY-MM-DD" };
  const select = (name: "status" | "formType" | "format", label: string, options: readonly string[], labels: Record<string, string> = {}) => (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={filters[name] ?? ""} className={s.input}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Filings</h1>
        {result.total > 0 && (
          <a href={csvHref("/api/filings", query({ ...filters, page: 1 }))} className={s.secondaryButton} download>
            Export CSV
          </a>
        )}
      </div>
      <form role="search" aria-label="Filter filings" action="/filings" className="flex flex-wrap items-end gap-3">
        {select("status", "Status", FILING_STATUSES, STATUS_LABELS)}
        {select("formType", "Form", FORM_TYPES)}
        {select("format", "Source format", SOURCE_FORMATS)}
        {field("issuer", "Issuer or ticker", { type: "search" })}
        {field("insider", "Reporting person (any spelling)", { type: "search" })}
        {field("from", "Earliest transaction from", date)}
        {field("to", "Earliest transaction to", date)}
        <button type="submit" className={s.button}>Apply filters</button>
        {filtered && <Link href="/filings" className={s.secondaryButton}>Clear filters</Link>}
      </form>
      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No filing matches these filters.">
            <Link href="/filings" className={s.link}>Clear the filters</Link> to see every filing.
          </EmptyState>
        ) : (
          <EmptyState title="No filings yet.">
            <Link href="/upload" className={s.link}>Upload a batch</Link> of OCR text, EDGAR XML, HTML or PDF filings to start.
          </EmptyState>
        )
      ) : (
        <>
          <FilingList filings={result.rows} />
          <Pagination {...result} href={(page) => `/filings${query(filters, { page })}`} />
        </>
      )}
    </div>
  );
}
