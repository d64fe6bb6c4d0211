import Link from "next/link";

/** "Showing 51–100 of 1,234" with previous and next links that keep the current filters. */
export function Pagination({ page, pageCount, pageSize, total, href }: { page: number; pageCount: number; pageSize: number; total: number; href: (page: number) => string }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
  const off = "rounded-md border border-slate-200 px-3 py-1 text-slate-400";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p className="num text-slate-600">
        Showing {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}
      </p>
      {pageCount > 1 && (
        <div className="flex items-center gap-2">
          {page > 1 ? <Link href={href(page - 1)} className={link} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
          <span className="num text-slate-600">
            Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
          </span>
          {page < pageCount ? <Link href={href(page + 1)} className={link} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
        </div>
      )}
    </nav>
  );
}
