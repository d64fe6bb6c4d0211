import type { Metadata } from "next";
import Link from "next/link";
import { findInsiders } from "@/lib/db/insiders";
import { findIssuers } from "@/lib/db/issuers";
import { searchFilings } from "@/lib/db/filing-search";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/components/ui/empty-state";
import * as s from "@/components/ui/styles";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, 200).trim();
  if (!q) {
    return (
      <EmptyState title="Search insiders, issuers and filings.">
        Type a name (any spelling), an issuer name or ticker, or a file name in the search box at the top.
      </EmptyState>
    );
  }
  const [insiders, issuers, filings] = await Promise.all([
    findInsiders({ q, pageSize: 20 }),
    findIssuers({ q, pageSize: 20 }),
    searchFilings({ q }),
  ]);
  const nothing = insiders.total + issuers.total + filings.length === 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Search: “{q}”</h1>
      {nothing && <EmptyState title="Nothing matches.">Try fewer letters, the surname alone, or the ticker.</EmptyState>}
      {insiders.total > 0 && (
        <section aria-labelledby="found-insiders">
          <h2 id="found-insiders" className="mb-2 text-lg font-semibold">
            Insiders ({insiders.total.toLocaleString("en-US")})
          </h2>
          <ul className="space-y-1">
            {insiders.rows.map((i) => (
              <li key={i.id}>
                <Link href={`/insiders/${i.id}`} className={s.link}>
                  {i.name}
                </Link>
                {i.issuers.length > 0 && <span className="text-slate-500"> · {i.issuers.map((x) => x.ticker ?? x.name).join(", ")}</span>}
              </li>
            ))}
          </ul>
          {insiders.total > insiders.rows.length && (
            <Link href={`/insiders?q=${encodeURIComponent(q)}`} className={`${s.link} text-sm`}>
              All matching insiders
            </Link>
          )}
        </section>
      )}
      {issuers.total > 0 && (
        <section aria-labelledby="found-issuers">
          <h2 id="found-issuers" className="mb-2 text-lg font-semibold">
            Issuers ({issuers.total.toLocaleString("en-US")})
          </h2>
          <ul className="space-y-1">
            {issuers.rows.map((i) => (
              <li key={i.id}>
                <Link href={`/issuers/${i.id}`} className={s.link}>
                  {i.name}
                </Link>
                {i.ticker && <span className="text-slate-500"> [{i.ticker}]</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {filings.length > 0 && (
        <section aria-labelledby="found-filings">
          <h2 id="found-filings" className="mb-2 text-lg font-semibold">
            Filings
          </h2>
          <ul className="space-y-1">
            {filings.map((f) => (
              <li key={f.id}>
                <Link href={`/filings/${f.id}`} className={s.link}>
                  #{f.id} Form {f.formType} · {f.issuer.name}
                </Link>
                <span className="text-slate-500">
                  {" "}
                  · {f.owners.map((o) => o.nameAsFiled).join("; ")} · {formatDate(f.periodOfReport)} · <span className="font-mono">{f.fileName}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
