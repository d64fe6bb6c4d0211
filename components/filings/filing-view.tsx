import { Fragment } from "react";
import Link from "next/link";
import type { FilingDetail } from "@/lib/db/filings";
import type { Filing } from "@/lib/parse/types";
import { formatDate, formatPrice, formatShares } from "@/lib/format";
import { fieldLabel, resolvePointer, rowLabel, valueAt, type RowTable } from "@/lib/review/fields";
import { notesForField, notesForRow } from "@/lib/review/warnings";
import { ReviewField } from "@/components/review/review-field";
import type { HistoryItem } from "@/components/review/history-list";
import type { ControlValue } from "@/components/review/field-control";
import { RowControls } from "@/components/review/row-controls";
import { ReviewGrid } from "@/components/review/review-grid";
import { SectionAccept } from "@/components/review/section-accept";
import { GrantVesting } from "@/components/vesting/grant-vesting";
import { storedModel } from "@/lib/vesting/model";

const yesNo = (b: boolean | null) => (b === null ? "—" : b ? "Yes" : "No");
const fnRefs = (json: string) => {
  const ids = JSON.parse(json) as string[];
  return ids.length ? ids.map((i) => `(${i})`).join(" ") : "—";
};
const text = (s: string | null) => (s && s.trim() ? s : "—");
const footnotesOf = (filing: FilingDetail, idsJson: string) => {
  const ids = JSON.parse(idsJson) as string[];
  return filing.footnotes.filter((f) => ids.includes(f.marker)).map((f) => ({ marker: f.marker, text: f.text }));
};

type TableIRow = FilingDetail["nonDerivative"][number];
type TableIIRow = FilingDetail["derivative"][number];
/** A column of a row grid: the field it shows, its header as the printed form words it, and how its value reads. */
type Column<R> = [field: string, header: string, shown: (r: R) => React.ReactNode];

// The printed form's columns, in its order; kind, deemed execution and footnotes are fields of the row too, so they are shown.
const TABLE_I: Column<TableIRow>[] = [
  ["securityTitle", "Title of security", (r) => text(r.securityTitle)],
  ["kind", "Kind", (r) => r.kind],
  ["transactionDate", "Date", (r) => formatDate(r.transactionDate)],
  ["deemedExecutionDate", "Deemed execution", (r) => formatDate(r.deemedExecutionDate)],
  ["transactionCode", "Code", (r) => text(r.transactionCode)],
  ["equitySwap", "V", (r) => (r.equitySwap ? "V" : "—")],
  ["shares", "Amount", (r) => formatShares(r.shares)],
  // No-break spaces: a header of three short words on one line, not three lines over a one-letter column.
  ["acquiredDisposed", "(A)\u00a0or\u00a0(D)", (r) => text(r.acquiredDisposed)],
  ["price", "Price", (r) => formatPrice(r.price)],
  ["sharesOwnedFollowing", "Owned following", (r) => formatShares(r.sharesOwnedFollowing)],
  ["directOrIndirect", "D or I", (r) => text(r.directOrIndirect)],
  ["natureOfOwnership", "Nature of indirect ownership", (r) => text(r.natureOfOwnership)],
  ["footnoteIds", "Footnotes", (r) => fnRefs(r.footnoteIds)],
];

// One amount and its direction, as stored, rather than the form's separate (A) and (D) columns: a corrected direction does not move the amount to another column.
const TABLE_II: Column<TableIIRow>[] = [
  ["securityTitle", "Title of derivative security", (r) => text(r.securityTitle)],
  ["kind", "Kind", (r) => r.kind],
  ["conversionOrExercisePrice", "Exercise price", (r) => formatPrice(r.conversionOrExercisePrice)],
  ["transactionDate", "Date", (r) => formatDate(r.transactionDate)],
  ["deemedExecutionDate", "Deemed execution", (r) => formatDate(r.deemedExecutionDate)],
  ["transactionCode", "Code", (r) => text(r.transactionCode)],
  ["equitySwap", "V", (r) => (r.equitySwap ? "V" : "—")],
  ["shares", "Amount", (r) => formatShares(r.shares)],
  ["acquiredDisposed", "(A)\u00a0or\u00a0(D)", (r) => text(r.acquiredDisposed)],
  ["exerciseDate", "Date exercisable", (r) => (r.exercisableImmediately ? "Immediately" : formatDate(r.exerciseDate))],
  ["exercisableImmediately", "Immediately", (r) => yesNo(r.exercisableImmediately)],
  ["expirationDate", "Expiration", (r) => formatDate(r.expirationDate)],
  ["underlyingTitle", "Underlying title", (r) => text(r.underlyingTitle)],
  ["underlyingShares", "Underlying amount", (r) => formatShares(r.underlyingShares)],
  ["price", "Price", (r) => formatPrice(r.price)],
  ["sharesOwnedFollowing", "Owned following", (r) => formatShares(r.sharesOwnedFollowing)],
  ["directOrIndirect", "D or I", (r) => text(r.directOrIndirect)],
  ["natureOfOwnership", "Nature of indirect ownership", (r) => text(r.natureOfOwnership)],
  ["footnoteIds", "Footnotes", (r) => fnRefs(r.footnoteIds)],
];

const headCell = "border-b border-slate-200 px-1.5 py-1 text-left align-bottom text-xs font-medium text-slate-600";

export interface ReviewContext {
  filingId: number;
  version: number;
  current: Filing;
  /** Pointer -> parser confidence, for fields still waiting for an analyst. */
  open: Record<string, number>;
  warnings: string[];
  history: HistoryItem[];
  canEdit: boolean;
}

/** Renders the filing with every correctable value as a ReviewField; the parser's notes go beside the field or row they are about. */
export function FilingView({ filing, review }: { filing: FilingDetail; review: ReviewContext }) {
  // One label per field, the one the history names it by too.
  const F = ({ pointer, children, multiline = false, cell = false }: { pointer: string; children: React.ReactNode; multiline?: boolean; cell?: boolean }) => {
    const spec = resolvePointer(pointer);
    return (
      <ReviewField
        filingId={review.filingId}
        version={review.version}
        pointer={pointer}
        label={fieldLabel(pointer) ?? pointer}
        kind={spec?.kind ?? null}
        nullable={spec?.nullable ?? true}
        multiline={multiline}
        value={(valueAt(review.current, pointer) ?? null) as ControlValue}
        openConfidence={review.open[pointer] ?? null}
        notes={notesForField(pointer, review.warnings)}
        history={review.history.filter((h) => h.pointer === pointer)}
        canEdit={review.canEdit}
        cell={cell}
      >
        {children}
      </ReviewField>
    );
  };
  const openIn = (...prefixes: string[]) => Object.keys(review.open).filter((p) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}/`)));
  const heading = (id: string, title: string, section: string, pointers: string[]) => (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {review.canEdit && <SectionAccept filingId={review.filingId} section={section} pointers={pointers} />}
    </div>
  );
  // Shown only while the parser's doubt that it read the whole list is open; rows are corrected with the row controls.
  const wholeList = (pointer: string, count: number, noun: string, fix: string) =>
    review.open[pointer] !== undefined && (
      <div className="mb-3 text-sm">
        <F pointer={pointer}>
          {count} {noun}
          {count === 1 ? "" : "s"} read; the parser may have missed some. Compare with the source{fix}, then accept.
        </F>
      </div>
    );
  // The server's calendar date (UTC): the same "today" for the chart, the totals and the table.
  const today = new Date().toISOString().slice(0, 10);
  // Restricted stock and units granted in Table I vest too; their schedules are shown beside the row.
  const tableOneVesting = (i: number) => {
    const v = filing.vesting.find((x) => x.rowTable === "nonDerivative" && x.rowIndex === i);
    const r = filing.nonDerivative[i];
    if (!v) return null;
    return (
      <GrantVesting
        filingId={review.filingId}
        version={review.version}
        rowIndex={i}
        table="nonDerivative"
        schedule={{ origin: v.origin, model: storedModel(v.modelJson) ?? null, tranches: v.tranches.map((t) => ({ date: t.date, shares: t.shares })) }}
        grant={{ date: r.transactionDate ?? filing.periodOfReport, shares: r.shares }}
        footnotes={footnotesOf(filing, v.sourceFootnoteIds)}
        expiration={null}
        today={today}
        canEdit={false}
      />
    );
  };
  // One row per transaction or holding; what belongs to a row but is no field of it (the parser's notes, a vesting schedule) spans the row under it.
  const grid = <R extends { id: number }>(table: RowTable, headingId: string, rows: R[], columns: Column<R>[], below: (r: R, i: number) => React.ReactNode) => {
    const span = columns.length + (review.canEdit ? 2 : 1);
    return (
      <ReviewGrid labelledBy={headingId} first={rows.length > 0 ? `/${table}/0/${columns[0][0]}` : null}>
        <thead>
          <tr>
            {/* The row's number stays in view while the grid scrolls sideways, under the sticky progress bar (z-10). */}
            <th scope="col" className={`sticky left-0 z-[1] bg-white ${headCell}`}>
              Row
            </th>
            {columns.map(([field, header]) => (
              <th key={field} scope="col" className={headCell}>
                {header}
              </th>
            ))}
            {review.canEdit && (
              <th scope="col" className={headCell}>
                Move or remove
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const notes = notesForRow(table, i, review.warnings);
            const extra = below(r, i);
            return (
              <Fragment key={r.id}>
                <tr aria-label={rowLabel(table, i)} className="hover:bg-slate-50">
                  <th scope="row" className="sticky left-0 z-[1] border-b border-slate-100 bg-white px-1.5 py-1 text-left align-top text-xs font-medium text-slate-500">
                    {i + 1}
                  </th>
                  {columns.map(([field, , shown]) => (
                    <F key={field} pointer={`/${table}/${i}/${field}`} cell>
                      {shown(r)}
                    </F>
                  ))}
                  {review.canEdit && (
                    <td className="border-b border-slate-100 px-1.5 py-1 align-top">
                      <RowControls filingId={review.filingId} version={review.version} table={table} index={i} count={rows.length} />
                    </td>
                  )}
                </tr>
                {(notes.length > 0 || extra) && (
                  <tr>
                    <td colSpan={span} className="border-b border-slate-100 px-1.5 pb-2">
                      {/* As wide as the visible part of the grid and held there, so a schedule is read whole while the row scrolls sideways. */}
                      <div className="sticky left-0 w-[calc(100cqw-0.75rem)]">
                        {notes.length > 0 && (
                          <ul aria-label={`Parser notes on ${rowLabel(table, i)}`} className="text-xs text-amber-900">
                            {notes.map((n, k) => (
                              <li key={k}>{n}</li>
                            ))}
                          </ul>
                        )}
                        {extra}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </ReviewGrid>
    );
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="header" className="rounded-md border border-slate-200 bg-white p-4">
        {heading("header", "Header", "the header", openIn("/issuer", "/formType", "/periodOfReport", "/dateOfOriginalSubmission", "/jointFiling", "/aff10b5One", "/reportingOwners"))}
        <div className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
          <F pointer="/issuer/name">{filing.issuer.name}</F>
          <F pointer="/issuer/ticker">{text(filing.issuer.ticker)}</F>
          <F pointer="/issuer/cik">{text(filing.issuer.cik)}</F>
          <F pointer="/formType">Form {filing.formType}</F>
          <F pointer="/periodOfReport">{formatDate(filing.periodOfReport)}</F>
          <F pointer="/dateOfOriginalSubmission">{formatDate(filing.dateOfOriginalSubmission)}</F>
          <F pointer="/jointFiling">{yesNo(filing.jointFiling)}</F>
          <F pointer="/aff10b5One">{yesNo(filing.aff10b5One)}</F>
        </div>
        {filing.owners.map((o, i) => {
          const p = `/reportingOwners/${i}`;
          const owner = review.current.reportingOwners[i];
          return (
            <div key={o.id} className="mt-4 border-t border-slate-100 pt-3">
              <h3 className="text-sm font-medium">
                {filing.owners.length > 1 ? `Reporting person ${i + 1}` : "Reporting person"}:{" "}
                <Link href={`/insiders/${o.owner.id}`} className="text-blue-700 underline">
                  {o.nameAsFiled}
                </Link>
              </h3>
              <div className="mt-2 grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
                <F pointer={`${p}/name`}>{o.nameAsFiled}</F>
                <F pointer={`${p}/cik`}>{text(owner.cik)}</F>
                <F pointer={`${p}/street1`}>{text(owner.street1)}</F>
                <F pointer={`${p}/street2`}>{text(owner.street2)}</F>
                <F pointer={`${p}/city`}>{text(owner.city)}</F>
                <F pointer={`${p}/state`}>{text(owner.state)}</F>
                <F pointer={`${p}/zip`}>{text(owner.zip)}</F>
                <F pointer={`${p}/isDirector`}>{yesNo(o.isDirector)}</F>
                <F pointer={`${p}/isOfficer`}>{yesNo(o.isOfficer)}</F>
                <F pointer={`${p}/officerTitle`}>{text(o.officerTitle)}</F>
                <F pointer={`${p}/isTenPercentOwner`}>{yesNo(o.isTenPercentOwner)}</F>
                <F pointer={`${p}/isOther`}>{yesNo(o.isOther)}</F>
                <F pointer={`${p}/otherText`}>{text(o.otherText)}</F>
              </div>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="table1" className="rounded-md border border-slate-200 bg-white p-4">
        {heading("table1", "Table I · Non-derivative securities", "Table I", openIn("/nonDerivative"))}
        {wholeList("/nonDerivative", filing.nonDerivative.length, "row", ", add any missing with \u201cAdd row\u201d")}
        {filing.nonDerivative.length === 0 && <p className="text-sm text-slate-500">No rows.</p>}
        {filing.nonDerivative.length > 0 && grid("nonDerivative", "table1", filing.nonDerivative, TABLE_I, (_, i) => tableOneVesting(i))}
        {review.canEdit && <RowControls filingId={review.filingId} version={review.version} table="nonDerivative" count={filing.nonDerivative.length} />}
      </section>

      <section aria-labelledby="table2" className="rounded-md border border-slate-200 bg-white p-4">
        {heading("table2", "Table II · Derivative securities", "Table II", openIn("/derivative"))}
        {wholeList("/derivative", filing.derivative.length, "row", ", add any missing with \u201cAdd row\u201d")}
        {filing.derivative.length === 0 && <p className="text-sm text-slate-500">No rows.</p>}
        {filing.derivative.length > 0 &&
          grid("derivative", "table2", filing.derivative, TABLE_II, (r, i) =>
            (r.vesting || r.acquiredDisposed !== "D") && (
              <GrantVesting
                filingId={review.filingId}
                version={review.version}
                rowIndex={i}
                schedule={r.vesting && { origin: r.vesting.origin, model: storedModel(r.vesting.modelJson) ?? null, tranches: r.vesting.tranches.map((t) => ({ date: t.date, shares: t.shares })) }}
                grant={{ date: r.transactionDate ?? filing.periodOfReport, shares: r.shares ?? r.underlyingShares }}
                footnotes={footnotesOf(filing, r.vesting ? r.vesting.sourceFootnoteIds : r.footnoteIds)}
                expiration={r.expirationDate}
                today={today}
                canEdit={review.canEdit}
              />
            ),
          )}
        {review.canEdit && <RowControls filingId={review.filingId} version={review.version} table="derivative" count={filing.derivative.length} />}
      </section>

      <section aria-labelledby="footnotes" className="rounded-md border border-slate-200 bg-white p-4">
        {heading("footnotes", "Explanation of responses", "the footnotes, remarks and signatures", openIn("/footnotes", "/remarks", "/signatures"))}
        {filing.footnotes.length === 0 ? (
          <p className="text-sm text-slate-500">No footnotes.</p>
        ) : (
          <div className="space-y-1 text-sm">
            {filing.footnotes.map((f, i) => (
              <div key={f.id} className="grid grid-cols-[5rem_minmax(0,1fr)] gap-2">
                <F pointer={`/footnotes/${i}/id`}>({f.marker})</F>
                <F pointer={`/footnotes/${i}/text`} multiline>
                  {f.text}
                </F>
              </div>
            ))}
          </div>
        )}
        <div className="mt-4 text-sm">
          <F pointer="/remarks" multiline>{text(filing.remarks)}</F>
        </div>
        <h3 className="mt-4 text-sm font-semibold">Signatures</h3>
        {wholeList("/signatures", filing.signatures.length, "signature", "")}
        {filing.signatures.length === 0 ? (
          <p className="text-sm text-slate-500">None read.</p>
        ) : (
          <div className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
            {filing.signatures.map((s, i) => (
              <div key={s.id} className="contents">
                <F pointer={`/signatures/${i}/name`}>{s.name}</F>
                <F pointer={`/signatures/${i}/date`}>{formatDate(s.date)}</F>
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
