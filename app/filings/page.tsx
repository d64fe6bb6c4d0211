import type { Metadata } from "next";
import Link from "next/link";
import { listRecentFilings } from "@/lib/db/filings";
import { FilingList } from "@/components/filings/filing-list";

export const metadata: Metadata = { title: "Filings" };
export const dynamic = "force-dynamic";

export default async function FilingsPage() {
  const filings = await listRecentFilings({ limit: 200 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Filings</h1>
      {filings.length === 0 ? (
        <p className="text-slate-600">
          No filings yet. <Link href="/upload" className="text-blue-700 underline">Upload some</Link>.
        </p>
      ) : (
        <FilingList filings={filings} />
      )}
    </div>
  );
}
