import Link from "next/link";
import { getCounts, listRecentFilings } from "@/lib/db/filings";
import { FilingList } from "@/components/filings/filing-list";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [counts, recent] = await Promise.all([getCounts(), listRecentFilings({ limit: 10 })]);
  const stats = [
    { label: "Filings", value: counts.filings, href: "/filings" },
    { label: "Need review", value: counts.needsReview, href: "/filings" },
    { label: "Issuers", value: counts.issuers },
    { label: "Insiders", value: counts.insiders },
    { label: "Derivative rows", value: counts.grants },
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Insider filings</h1>
          <p className="text-slate-600">Forms 3, 4 and 5, parsed from OCR text, EDGAR XML, HTML and PDF.</p>
        </div>
        <Link href="/upload" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Upload filings
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map((s) => (
          <div key={s.label} className="rounded-md border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{s.label}</dt>
            <dd className="num text-2xl font-semibold">{s.value.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-2 text-lg font-semibold">
          Recent filings
        </h2>
        {recent.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            No filings yet. <Link href="/upload" className="text-blue-700 underline">Upload a batch</Link> of OCR text, EDGAR XML,
            HTML or PDF filings to start.
          </div>
        ) : (
          <FilingList filings={recent} />
        )}
      </section>
    </div>
  );
}
