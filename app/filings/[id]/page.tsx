import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFilingDetail } from "@/lib/db/filings";
import { FilingView } from "@/components/filings/filing-view";
import { SourcePanel } from "@/components/filings/source-panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: id ? `Filing #${id}` : "Filing" };
}

export default async function FilingPage({ params }: Props) {
  const id = parseId((await params).id);
  const filing = id === null ? null : await getFilingDetail(id);
  if (!filing) notFound();
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <FilingView filing={filing} />
      <SourcePanel text={filing.rawText} format={filing.sourceFormat} />
    </div>
  );
}
