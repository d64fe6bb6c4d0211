import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFilingDetail } from "@/lib/db/filings";
import { getCurrentFiling, history } from "@/lib/db/edits";
import { currentAnalyst } from "@/lib/analyst";
import { resolvePointer } from "@/lib/review/fields";
import { openUncertain, shapeOf } from "@/lib/review/uncertain";
import { formatDateTime, formatFieldValue, formatScheduleSummary } from "@/lib/format";
import { vestingRowOf } from "@/lib/review/vesting";
import { FilingView } from "@/components/filings/filing-view";
import { SourcePanel } from "@/components/filings/source-panel";
import { StatusBadge } from "@/components/filings/status-badge";
import { ReviewKeys } from "@/components/review/review-keys";
import { WhoForm } from "@/components/review/who-form";
import { HistoryList, type HistoryItem } from "@/components/review/history-list";
import { ActionButton } from "@/components/review/action-buttons";
import { ReparseButton } from "@/components/review/reparse-button";
import { setStatusAction } from "./actions";

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
  if (id === null) notFound();
  const [filing, current, changes, analyst] = await Promise.all([getFilingDetail(id), getCurrentFiling(id), history({ filingId: id }), currentAnalyst()]);
  if (!filing || !current) notFound();

  const confidence = JSON.parse(filing.confidenceJson) as Record<string, number>;
  const open = Object.fromEntries(openUncertain(confidence, JSON.parse(filing.reviewedJson), shapeOf(current)).map((p) => [p, confidence[p]]));
  const warnings = JSON.parse(filing.warningsJson) as string[];
  const items: HistoryItem[] = changes.map((h) => {
    const kind = resolvePointer(h.pointer)?.kind;
    const format = (v: unknown) => (vestingRowOf(h.pointer) !== null ? formatScheduleSummary(v) : formatFieldValue(kind, v));
    return {
      id: h.id,
      pointer: h.pointer,
      label: h.label,
      action: h.action,
      oldText: h.action === "move-row" ? `to position ${Number(h.oldValue) + 1}` : format(h.oldValue),
      newText: h.action === "move-row" ? `position ${Number(h.newValue) + 1}` : format(h.newValue),
      author: h.author,
      reason: h.reason,
      at: formatDateTime(h.createdAt),
      revertsId: h.revertsId,
      revertedById: h.revertedById,
    };
  });
  const remaining = Object.keys(open).length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <ReviewKeys />
      <div className="space-y-4">
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold">
              Form {filing.formType} · {filing.issuer.name}
              {filing.issuer.ticker && <span className="text-slate-500"> [{filing.issuer.ticker}]</span>}
            </h1>
            <StatusBadge status={filing.status} />
          </div>
          <p className="text-sm text-slate-500">
            Filing #{filing.id} · <span className="font-mono">{filing.fileName}</span> · read as {filing.sourceFormat}
          </p>
          {filing.status === "reviewed" && filing.reviewedBy && filing.reviewedAt && (
            <p className="text-sm text-slate-600">
              Marked reviewed by <strong className="text-slate-900">{filing.reviewedBy}</strong>, {formatDateTime(filing.reviewedAt)}
              {filing.reviewedOpenCount ? (
                <span className="font-medium text-amber-900">
                  , with {filing.reviewedOpenCount} uncertain field{filing.reviewedOpenCount === 1 ? "" : "s"} open
                </span>
              ) : (
                ", every uncertain field settled"
              )}
            </p>
          )}
          <WhoForm filingId={filing.id} current={analyst} />
          {analyst && <ReparseButton filingId={filing.id} version={filing.version} />}
        </div>

        <section aria-label="Review progress" className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-300 bg-white/95 px-4 py-2 text-sm shadow-sm backdrop-blur">
          <p role="status" aria-live="polite" className={remaining ? "font-semibold text-amber-900" : "font-semibold text-green-800"}>
            {remaining === 0 ? "No uncertain fields left" : `${remaining} uncertain field${remaining === 1 ? "" : "s"} left`}
          </p>
          <p className="text-slate-600">
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">j</kbd>/<kbd className="rounded border border-slate-300 px-1 font-mono text-xs">k</kbd> next/previous uncertain ·{" "}
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">a</kbd> accept · <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">e</kbd> edit ·{" "}
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">Enter</kbd> save · <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">Esc</kbd> cancel
          </p>
          {analyst && (
            <div className="ml-auto">
              {filing.status === "reviewed" ? (
                <ActionButton action={setStatusAction} fields={{ filingId: filing.id, status: "needs_review" }}>
                  Reopen for review
                </ActionButton>
              ) : (
                <ActionButton
                  action={setStatusAction}
                  fields={{ filingId: filing.id, status: "reviewed" }}
                  tone="primary"
                  confirm={remaining > 0 ? `${remaining} uncertain field${remaining === 1 ? " is" : "s are"} still open. Mark the filing reviewed anyway?` : undefined}
                >
                  Mark reviewed
                </ActionButton>
              )}
            </div>
          )}
        </section>

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

        <FilingView
          filing={filing}
          review={{ filingId: filing.id, version: filing.version, current, open, warnings, history: items, canEdit: analyst !== null }}
        />

        <section aria-labelledby="history" className="rounded-md border border-slate-200 bg-white p-4">
          <h2 id="history" className="mb-2 font-semibold">
            History
          </h2>
          <HistoryList filingId={filing.id} items={items} showField />
        </section>
      </div>
      <SourcePanel text={filing.rawText} format={filing.sourceFormat} />
    </div>
  );
}
