import Link from "next/link";
import type { FilingDetail } from "@/lib/db/filings";
import { formatDate, formatPrice, formatShares } from "@/lib/format";
import { Field } from "./field";
import { StatusBadge } from "./status-badge";

const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "Yes" : "No");
const fnRefs = (json: string) => {
  const ids = JSON.parse(json) as string[];
  return ids.length ? ids.map((i) => `(${i})`).join(" ") : "—";
};
const text = (s: string | null) => (s && s.trim() ? s : "—");

export function FilingView({ filing }: { filing: FilingDetail }) {
  const confidence = JSON.parse(filing.confidenceJson) as Record<string, number>;
  const warnings = JSON.parse(filing.warningsJson) as string[];
  const c = (pointer: string) => confidence[pointer];

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            Form {filing.formType} · {filing.issuer.name}
            {filing.issuer.ticker && <span className="text-slate-500"> [{filing.issuer.ticker}]</span>}
          </h1>
          <StatusBadge status={filing.status} uncertain={filing.uncertainCount} />
        </div>
        <p className="text-sm text-slate-500">
          Filing #{filing.id} · <span className="font-mono">{filing.fileName}</span> · read as {filing.sourceFormat}
        </p>
      </div>

      {warnings.length > 0 && (
        <section aria-labelledby="warnings" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 id="warnings" className="font-medium text-amber-900">
            Parser notes
          </h2>
          <ul className="ml-5 list-disc text-amber-900">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="header" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="header" className="mb-3 font-semibold">
          Header
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
          <Field label="Issuer" pointer="/issuer/name" confidence={c("/issuer/name")}>
            {filing.issuer.name}
          </Field>
          <Field label="Ticker" pointer="/issuer/ticker" confidence={c("/issuer/ticker")}>
            {text(filing.issuer.ticker)}
          </Field>
          <Field label="Issuer CIK" pointer="/issuer/cik" confidence={c("/issuer/cik")}>
            {text(filing.issuer.cik)}
          </Field>
          <Field label="Date of earliest transaction" pointer="/periodOfReport" confidence={c("/periodOfReport")}>
            {formatDate(filing.periodOfReport)}
          </Field>
          <Field label="Amendment: original filed" pointer="/dateOfOriginalSubmission" confidence={c("/dateOfOriginalSubmission")}>
            {formatDate(filing.dateOfOriginalSubmission)}
          </Field>
          <Field label="Joint filing" pointer="/jointFiling" confidence={c("/jointFiling")}>
            {yesNo(filing.jointFiling)}
          </Field>
          <Field label="Rule 10b5-1 plan" pointer="/aff10b5One">
            {yesNo(filing.aff10b5One)}
          </Field>
        </dl>
        {filing.owners.map((o, i) => {
          const p = `/reportingOwners/${i}`;
          const owner = JSON.parse(filing.parsedJson).reportingOwners?.[i] ?? {};
          return (
            <div key={o.id} className="mt-4 border-t border-slate-100 pt-3">
              <h3 className="text-sm font-medium">
                {filing.owners.length > 1 ? `Reporting person ${i + 1}` : "Reporting person"}:{" "}
                <Link href={`/insiders/${o.owner.id}`} className="text-blue-700 underline">
                  {o.nameAsFiled}
                </Link>
              </h3>
              <dl className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
                <Field label="Name as filed" pointer={`${p}/name`} confidence={c(`${p}/name`)}>
                  {o.nameAsFiled}
                </Field>
                <Field label="Street" pointer={`${p}/street1`} confidence={c(`${p}/street1`)}>
                  {text([owner.street1, owner.street2].filter(Boolean).join(", ") || null)}
                </Field>
                <Field label="City" pointer={`${p}/city`} confidence={c(`${p}/city`)}>
                  {text(owner.city ?? null)}
                </Field>
                <Field label="State / ZIP" pointer={`${p}/state`} confidence={c(`${p}/state`) ?? c(`${p}/zip`)}>
                  {text(owner.state ?? null)} {owner.zip ?? ""}
                </Field>
                <Field label="Relationship" pointer={`${p}/isDirector`} confidence={c(`${p}/isDirector`)}>
                  {[o.isDirector && "Director", o.isOfficer && `Officer${o.officerTitle ? ` (${o.officerTitle})` : ""}`, o.isTenPercentOwner && "10% owner", o.isOther && `Other${o.otherText ? ` (${o.otherText})` : ""}`]
                    .filter(Boolean)
                    .join(", ") || "None ticked"}
                </Field>
              </dl>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="table1" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="table1" className="mb-3 font-semibold">
          Table I · Non-derivative securities
        </h2>
        {filing.nonDerivative.length === 0 && <p className="text-sm text-slate-500">No rows.</p>}
        {filing.nonDerivative.map((r, i) => {
          const p = `/nonDerivative/${i}`;
          return (
            <article key={r.id} aria-label={`Table I row ${i + 1}`} className="mb-3 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
              <h3 className="text-sm font-medium">
                {i + 1}. {r.securityTitle} <span className="font-normal text-slate-500">({r.kind})</span>
              </h3>
              <dl className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-6">
                <Field label="Transaction date" pointer={`${p}/transactionDate`} confidence={c(`${p}/transactionDate`)}>{formatDate(r.transactionDate)}</Field>
                <Field label="Deemed execution" pointer={`${p}/deemedExecutionDate`} confidence={c(`${p}/deemedExecutionDate`)}>{formatDate(r.deemedExecutionDate)}</Field>
                <Field label="Code" pointer={`${p}/transactionCode`} confidence={c(`${p}/transactionCode`)}>{text(r.transactionCode)}{r.equitySwap ? " V" : ""}</Field>
                <Field label="Amount" pointer={`${p}/shares`} confidence={c(`${p}/shares`)}>{formatShares(r.shares)}</Field>
                <Field label="(A) or (D)" pointer={`${p}/acquiredDisposed`} confidence={c(`${p}/acquiredDisposed`)}>{text(r.acquiredDisposed)}</Field>
                <Field label="Price" pointer={`${p}/price`} confidence={c(`${p}/price`)}>{formatPrice(r.price)}</Field>
                <Field label="Owned following" pointer={`${p}/sharesOwnedFollowing`} confidence={c(`${p}/sharesOwnedFollowing`)}>{formatShares(r.sharesOwnedFollowing)}</Field>
                <Field label="Direct / Indirect" pointer={`${p}/directOrIndirect`} confidence={c(`${p}/directOrIndirect`)}>{text(r.directOrIndirect)}</Field>
                <Field label="Nature of ownership" pointer={`${p}/natureOfOwnership`} confidence={c(`${p}/natureOfOwnership`)}>{text(r.natureOfOwnership)}</Field>
                <Field label="Footnotes" pointer={`${p}/footnoteIds`}>{fnRefs(r.footnoteIds)}</Field>
              </dl>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="table2" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="table2" className="mb-3 font-semibold">
          Table II · Derivative securities
        </h2>
        {filing.derivative.length === 0 && <p className="text-sm text-slate-500">No rows.</p>}
        {filing.derivative.map((r, i) => {
          const p = `/derivative/${i}`;
          return (
            <article key={r.id} aria-label={`Table II row ${i + 1}`} className="mb-3 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
              <h3 className="text-sm font-medium">
                {i + 1}. {r.securityTitle} <span className="font-normal text-slate-500">({r.kind})</span>
              </h3>
              <dl className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-6">
                <Field label="Exercise price" pointer={`${p}/conversionOrExercisePrice`} confidence={c(`${p}/conversionOrExercisePrice`)}>{formatPrice(r.conversionOrExercisePrice)}</Field>
                <Field label="Transaction date" pointer={`${p}/transactionDate`} confidence={c(`${p}/transactionDate`)}>{formatDate(r.transactionDate)}</Field>
                <Field label="Deemed execution" pointer={`${p}/deemedExecutionDate`} confidence={c(`${p}/deemedExecutionDate`)}>{formatDate(r.deemedExecutionDate)}</Field>
                <Field label="Code" pointer={`${p}/transactionCode`} confidence={c(`${p}/transactionCode`)}>{text(r.transactionCode)}{r.equitySwap ? " V" : ""}</Field>
                <Field label="Amount" pointer={`${p}/shares`} confidence={c(`${p}/shares`)}>{formatShares(r.shares)}</Field>
                <Field label="(A) or (D)" pointer={`${p}/acquiredDisposed`} confidence={c(`${p}/acquiredDisposed`)}>{text(r.acquiredDisposed)}</Field>
                <Field label="Date exercisable" pointer={`${p}/exerciseDate`} confidence={c(`${p}/exerciseDate`)}>{r.exercisableImmediately ? "Immediately" : formatDate(r.exerciseDate)}</Field>
                <Field label="Expiration" pointer={`${p}/expirationDate`} confidence={c(`${p}/expirationDate`)}>{formatDate(r.expirationDate)}</Field>
                <Field label="Underlying title" pointer={`${p}/underlyingTitle`} confidence={c(`${p}/underlyingTitle`)}>{text(r.underlyingTitle)}</Field>
                <Field label="Underlying amount" pointer={`${p}/underlyingShares`} confidence={c(`${p}/underlyingShares`)}>{formatShares(r.underlyingShares)}</Field>
                <Field label="Price of derivative" pointer={`${p}/price`} confidence={c(`${p}/price`)}>{formatPrice(r.price)}</Field>
                <Field label="Owned following" pointer={`${p}/sharesOwnedFollowing`} confidence={c(`${p}/sharesOwnedFollowing`)}>{formatShares(r.sharesOwnedFollowing)}</Field>
                <Field label="Direct / Indirect" pointer={`${p}/directOrIndirect`} confidence={c(`${p}/directOrIndirect`)}>{text(r.directOrIndirect)}</Field>
                <Field label="Nature of ownership" pointer={`${p}/natureOfOwnership`} confidence={c(`${p}/natureOfOwnership`)}>{text(r.natureOfOwnership)}</Field>
                <Field label="Footnotes" pointer={`${p}/footnoteIds`}>{fnRefs(r.footnoteIds)}</Field>
              </dl>
              {r.vesting && <VestingSummary schedule={r.vesting as unknown as Schedule} />}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="footnotes" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="footnotes" className="mb-2 font-semibold">
          Explanation of responses
        </h2>
        {filing.footnotes.length === 0 ? (
          <p className="text-sm text-slate-500">No footnotes.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {filing.footnotes.map((f) => (
              <li key={f.id}>
                <span className="font-medium">({f.marker})</span> {f.text}
              </li>
            ))}
          </ol>
        )}
        <h3 className="mt-4 text-sm font-semibold">Remarks</h3>
        <p className="text-sm">{text(filing.remarks)}</p>
        <h3 className="mt-4 text-sm font-semibold">Signatures</h3>
        {filing.signatures.length === 0 ? (
          <p className="text-sm text-slate-500">None read.</p>
        ) : (
          <dl className="grid grid-cols-1 gap-2 text-sm md:grid-cols-2">
            {filing.signatures.map((s, i) => (
              <div key={s.id} className="flex gap-4">
                <Field label="Signature" pointer={`/signatures/${i}/name`} confidence={c(`/signatures/${i}/name`)}>{s.name}</Field>
                <Field label="Date" pointer={`/signatures/${i}/date`} confidence={c(`/signatures/${i}/date`)}>{formatDate(s.date)}</Field>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}

interface Schedule {
  totalShares: number;
  commencementDate: string | null;
  tranches: { id: number; date: string; shares: number }[];
}

function VestingSummary({ schedule }: { schedule: Schedule }) {
  const t = schedule.tranches;
  return (
    <details className="mt-3 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
      <summary className="cursor-pointer">
        Vesting: {formatShares(schedule.totalShares)} shares in {t.length} tranche{t.length === 1 ? "" : "s"}
        {t.length > 0 && `, ${formatDate(t[0].date)} to ${formatDate(t[t.length - 1].date)}`}
      </summary>
      <table className="mt-2 text-xs">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="pr-4">Date</th>
            <th className="pr-4 text-right">Shares</th>
          </tr>
        </thead>
        <tbody>
          {t.map((x) => (
            <tr key={x.id}>
              <td className="num pr-4">{formatDate(x.date)}</td>
              <td className="num pr-4 text-right">{formatShares(x.shares)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
