"use client";

import { useActionState, useEffect, useState } from "react";
import { saveScheduleAction, type ActionState } from "@/app/filings/[id]/actions";
import type { Tranche } from "@/lib/parse/types";
import { buildTranches, cliffDate, type VestingModel } from "@/lib/vesting/model";
import { addMonths, parseIso } from "@/lib/vesting/dates";
import { vestingProblem } from "@/lib/validation/vesting";
import { formatDate, formatShares } from "@/lib/format";
import { VestingTimeline } from "./vesting-timeline";
import { TrancheTable } from "./tranche-table";

export interface GrantVestingProps {
  filingId: number;
  version: number;
  /** Position of the grant in its table. */
  rowIndex: number;
  /** Table II (options, RSUs reported as derivatives) unless the grant is a Table I award of stock or units. */
  table?: "derivative" | "nonDerivative";
  schedule: { origin: string; model: VestingModel | null; tranches: Tranche[] } | null;
  /** What a schedule entered by hand starts from: the row's grant date and amount. */
  grant: { date: string | null; shares: number | null };
  footnotes: { marker: string; text: string }[];
  expiration: string | null;
  today: string;
  canEdit: boolean;
}

const EDITABLE_KINDS = ["installments", "explicit", "immediate"];

function startingDraft({ schedule, grant }: GrantVestingProps): VestingModel {
  const m = schedule?.model;
  if (m && EDITABLE_KINDS.includes(m.kind) && buildTranches(m).length > 0) return structuredClone(m);
  if (schedule && schedule.tranches.length > 0) return asExplicit(null, schedule.tranches);
  return { kind: "installments", commencementDate: grant.date, totalShares: grant.shares, installments: { count: 4, intervalMonths: 12 }, notes: [] };
}

function asExplicit(commencementDate: string | null, tranches: Tranche[]): VestingModel {
  return {
    kind: "explicit",
    commencementDate: commencementDate ?? tranches[0]?.date ?? null,
    totalShares: tranches.reduce((a, t) => a + t.shares, 0),
    explicitTranches: tranches.map((t) => ({ date: t.date, shares: t.shares })),
    notes: [],
  };
}

// Blank or half-typed numbers stay NaN in the draft: the preview then shows no tranches and the problem is named.
const num = (s: string) => (s.trim() === "" ? NaN : Number(s));
const shown = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "" : String(n));

/** One grant's vesting: the timeline, its tranches and footnotes, and the editor an analyst corrects it with. */
export function GrantVesting(props: GrantVestingProps) {
  const { filingId, version, rowIndex, schedule, footnotes, expiration, today, table = "derivative" } = props;
  // Table I schedules are read and shown; the editor saves Table II rows only.
  const canEdit = props.canEdit && table === "derivative";
  const rowName = `Table ${table === "derivative" ? "II" : "I"} row ${rowIndex + 1}`;
  const [draft, setDraft] = useState<VestingModel | null>(null);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveScheduleAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "done") setDraft(null);
  }, [state]);

  const model = draft ?? schedule?.model ?? null;
  const tranches = draft ? buildTranches(draft) : (schedule?.tranches ?? []);
  const cliff = model ? cliffDate(model) : null;
  const problem = draft ? vestingProblem(draft) : null;
  const heading = `Vesting${schedule?.origin === "analyst" ? " (entered by an analyst)" : schedule ? " (read from the footnotes)" : ""}`;

  const patch = (f: (m: VestingModel) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      f(next);
      return next;
    });
  const setTranche = (i: number, t: { date?: string; shares?: number }) =>
    patch((m) => {
      m.explicitTranches![i] = { ...m.explicitTranches![i], ...t };
      m.totalShares = m.explicitTranches!.reduce((a, x) => a + (x.shares ?? 0), 0);
    });

  const removeTranche = (i: number) =>
    patch((m) => {
      m.explicitTranches!.splice(i, 1);
      m.totalShares = m.explicitTranches!.reduce((a, x) => a + (x.shares ?? 0), 0);
    });

  return (
    <section aria-label={`Vesting of ${rowName}`} className="mt-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-medium">{heading}</h4>
        {canEdit && !draft && (
          <button type="button" onClick={() => setDraft(startingDraft(props))} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100">
            {schedule ? "Edit schedule" : "Enter schedule by hand"}
          </button>
        )}
      </div>
      {!schedule && !draft && <p className="mt-1 text-slate-500">No schedule could be read for this grant.</p>}
      {!draft && schedule?.origin !== "analyst" && (schedule?.model?.notes.length ?? 0) > 0 && (
        <ul aria-label="What to check in this schedule" className="mt-1 list-disc pl-5 text-xs text-amber-900">
          {schedule!.model!.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}

      <div className="mt-2 flex flex-wrap items-start gap-4">
        {draft && (
          <form action={formAction} aria-label="Vesting schedule" className="space-y-2 rounded border border-blue-200 bg-white p-2">
            <input type="hidden" name="filingId" value={filingId} />
            <input type="hidden" name="rowIndex" value={rowIndex} />
            <input type="hidden" name="expectedVersion" value={version} />
            <input type="hidden" name="model" value={JSON.stringify(draft)} />
            <fieldset className="flex flex-wrap gap-3" aria-label="How the schedule is given">
              <label className="flex items-center gap-1">
                <input type="radio" name="kind" checked={draft.kind !== "explicit"} onChange={() => setDraft(startingDraftFor(draft, tranches, "installments"))} />
                By parameters
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name="kind" checked={draft.kind === "explicit"} onChange={() => setDraft(startingDraftFor(draft, tranches, "explicit"))} />
                Tranche by tranche
              </label>
            </fieldset>
            {draft.kind === "explicit" ? (
              <ExplicitTranches draft={draft} onChange={setTranche} onAdd={() => patch((m) => m.explicitTranches!.push({ date: nextDate(m), shares: NaN }))} onRemove={removeTranche} />
            ) : (
              <Parameters draft={draft} patch={patch} />
            )}
            <p aria-live="polite" className={problem ? "text-amber-900" : "text-slate-600"}>
              {problem ?? `${tranches.length} tranche${tranches.length === 1 ? "" : "s"} of ${formatShares(draft.totalShares)} shares; not saved yet.`}
            </p>
            <div className="flex items-center gap-2">
              <button type="submit" disabled={pending || problem !== null} className="rounded bg-blue-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-blue-800 disabled:opacity-60">
                Save schedule
              </button>
              <button type="button" onClick={() => setDraft(null)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100">
                Cancel
              </button>
              {(state.status === "error" || state.status === "conflict") && (
                <span role="alert" className="text-xs text-red-700">
                  {state.message}
                </span>
              )}
            </div>
          </form>
        )}
        {footnotes.length > 0 && (
          <aside aria-label="Footnotes of this grant" className="min-w-64 flex-1 space-y-1 text-xs text-slate-700">
            {footnotes.map((f) => (
              <p key={f.marker}>
                <span className="font-medium">({f.marker})</span> {f.text}
              </p>
            ))}
          </aside>
        )}
      </div>
      {tranches.length > 0 && (
        <div className="mt-3 space-y-2">
          <VestingTimeline id={`vesting-${rowIndex}`} tranches={tranches} today={today} cliff={cliff} expiration={expiration} />
          <TrancheTable tranches={tranches} today={today} caption={`Tranches of ${rowName}${draft ? " (not saved)" : ""}`} />
        </div>
      )}
    </section>
  );
}

function startingDraftFor(draft: VestingModel, tranches: Tranche[], kind: "installments" | "explicit"): VestingModel {
  if (kind === "explicit") return asExplicit(draft.commencementDate, tranches);
  return { kind: "installments", commencementDate: draft.commencementDate, totalShares: draft.totalShares, installments: { count: Math.max(1, tranches.length), intervalMonths: 12 }, notes: [] };
}

function nextDate(m: VestingModel): string {
  const list = m.explicitTranches ?? [];
  const last = list[list.length - 1]?.date ?? m.commencementDate;
  return last && parseIso(last) ? addMonths(last, 12) : "";
}

// The browser's date picker shows dates in its locale's order (12/17/2007); this is the unambiguous reading beside it.
function DateReading({ iso, className }: { iso: string | null; className?: string }) {
  return (
    <span aria-hidden="true" className={className}>
      {formatDate(iso)}
    </span>
  );
}

const inputClass = "w-24 rounded border border-slate-300 px-1 py-0.5";

function NumberField({ label, value, onChange, step = 1, width = inputClass }: { label: string; value: number | undefined; onChange: (n: number) => void; step?: number; width?: string }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <input type="number" inputMode="numeric" step={step} value={shown(value)} onChange={(e) => onChange(num(e.target.value))} className={`${width} text-sm text-slate-900`} />
    </label>
  );
}

function Parameters({ draft, patch }: { draft: VestingModel; patch: (f: (m: VestingModel) => void) => void }) {
  const inst = draft.installments ?? { count: NaN, intervalMonths: NaN };
  const setCliff = (c: { months?: number; fraction?: number }) =>
    patch((m) => {
      const next = { ...m.cliff, ...c };
      const months = next.months !== undefined && !Number.isNaN(next.months) ? next.months : undefined;
      const fraction = next.fraction !== undefined && !Number.isNaN(next.fraction) ? next.fraction : undefined;
      // A stated cliff date wins over months in the model, so typing months must drop it.
      const date = c.months === undefined ? next.date : undefined;
      m.cliff = months === undefined && fraction === undefined && !date ? undefined : { months, fraction, ...(date ? { date } : {}) };
    });
  return (
    <div className="flex flex-wrap items-start gap-3">
      <label className="flex flex-col text-xs text-slate-600">
        Vesting commencement
        <input type="date" value={draft.commencementDate ?? ""} onChange={(e) => patch((m) => void (m.commencementDate = e.target.value || null))} className="rounded border border-slate-300 px-1 py-0.5 text-sm text-slate-900" />
        <DateReading iso={draft.commencementDate} />
      </label>
      <NumberField label="Total shares" value={draft.totalShares ?? undefined} onChange={(n) => patch((m) => void (m.totalShares = n))} width="w-28 rounded border border-slate-300 px-1 py-0.5" />
      <NumberField label="Cliff (months)" value={draft.cliff?.months} onChange={(n) => setCliff({ months: n })} />
      <NumberField label="Cliff share (%)" value={draft.cliff?.fraction === undefined ? undefined : Math.round(draft.cliff.fraction * 10000) / 100} step={0.01} onChange={(n) => setCliff({ fraction: n / 100 })} />
      <NumberField label="Installments" value={inst.count} onChange={(n) => patch((m) => void Object.assign(m, { kind: "installments", installments: { ...inst, count: n } }))} />
      <NumberField label="Every (months)" value={inst.intervalMonths} onChange={(n) => patch((m) => void Object.assign(m, { kind: "installments", installments: { ...inst, intervalMonths: n } }))} />
    </div>
  );
}

function ExplicitTranches({ draft, onChange, onAdd, onRemove }: { draft: VestingModel; onChange: (i: number, t: { date?: string; shares?: number }) => void; onAdd: () => void; onRemove: (i: number) => void }) {
  const list = draft.explicitTranches ?? [];
  return (
    <div className="space-y-1">
      <ol className="max-h-60 space-y-1 overflow-auto">
        {list.map((t, i) => (
          <li key={i} className="flex items-center gap-2">
            <span className="w-6 text-right text-xs text-slate-500">{i + 1}</span>
            <input type="date" aria-label={`Tranche ${i + 1} date`} value={t.date} onChange={(e) => onChange(i, { date: e.target.value })} className="rounded border border-slate-300 px-1 py-0.5" />
            <DateReading iso={t.date} className="w-24 text-xs text-slate-600" />
            <input type="number" aria-label={`Tranche ${i + 1} shares`} value={shown(t.shares)} onChange={(e) => onChange(i, { shares: num(e.target.value) })} className="w-28 rounded border border-slate-300 px-1 py-0.5" />
            <button type="button" onClick={() => onRemove(i)} aria-label={`Delete tranche ${i + 1}`} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100">
              Delete
            </button>
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-3">
        <button type="button" onClick={onAdd} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100">
          Add tranche
        </button>
        <span className="text-xs text-slate-600">Total: {formatShares(draft.totalShares)} shares</span>
      </div>
    </div>
  );
}
