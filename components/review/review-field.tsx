"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { acceptFieldAction, saveField, type ActionState } from "@/app/filings/[id]/actions";
import type { FieldKind } from "@/lib/validation/fields";
import { ActionButton } from "./action-buttons";
import { FieldControl, type ControlValue } from "./field-control";
import { HistoryList, type HistoryItem } from "./history-list";
import { useGridStop } from "./review-grid";

export interface ReviewFieldProps {
  filingId: number;
  version: number;
  pointer: string;
  label: string;
  /** Null for what can be accepted but has no one value to correct (a whole table, whose rows have their own controls). */
  kind: FieldKind | null;
  nullable: boolean;
  multiline: boolean;
  value: ControlValue;
  /** Parser confidence when under the threshold and not yet settled by an analyst. */
  openConfidence: number | null;
  notes: string[];
  history: HistoryItem[];
  canEdit: boolean;
  /** A cell of a row's grid (its column header names it) instead of a term and value of its own. */
  cell?: boolean;
  children: React.ReactNode;
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "empty" : String(v));

/**
 * One value of the filing, read-only until the analyst edits it. The keyboard shortcuts
 * (components/review/review-keys.tsx) find the field by data-pointer and its buttons by data-action.
 */
export function ReviewField(props: ReviewFieldProps) {
  const { filingId, version, pointer, label, kind, nullable, multiline, value, openConfidence, notes, history, canEdit, cell = false, children } = props;
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await saveField(prev, formData);
    if (next.status === "done") setEditing(false);
    return next;
  }, { status: "idle" });
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const container = useRef<HTMLElement>(null);
  const stop = useGridStop(cell ? pointer : undefined);
  const wasEditing = useRef(false);
  const uid = useId();
  const errorId = `${uid}-error`;
  const noteId = `${uid}-note`;

  useEffect(() => {
    // Back to the field after saving or cancelling, so j/k carry on from here.
    if (wasEditing.current && !editing) container.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const problem = state !== dismissed && (state.status === "error" || state.status === "conflict") ? state : null;
  const expectedVersion = state.status === "conflict" ? Math.max(version, state.version) : version;
  const open = openConfidence !== null;

  function cancel() {
    setDismissed(state);
    setEditing(false);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLFormElement>) {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    } else if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  }

  const pct = open ? Math.round(openConfidence * 100) : null;
  const editor = editing && kind && (
    <form action={formAction} onKeyDown={onKeyDown} className={`mt-0.5 space-y-1 ${cell ? "min-w-52" : ""}`}>
      <input type="hidden" name="filingId" value={filingId} />
      <input type="hidden" name="pointer" value={pointer} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <FieldControl id={`${uid}-control`} kind={kind} nullable={nullable} multiline={multiline} value={value} invalid={problem !== null} describedBy={problem ? errorId : open && notes.length > 0 ? noteId : undefined} label={label} />
      <input name="reason" aria-label={`Reason for changing ${label} (optional)`} placeholder="Reason (optional)" maxLength={500} className="w-full rounded border border-slate-300 px-1.5 py-0.5 text-xs" />
      <div className="flex gap-1">
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-60">
          Save
        </button>
        <button type="button" onClick={cancel} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs">
          Cancel
        </button>
      </div>
    </form>
  );
  // In a cell the buttons leave the tab order (the cell is the stop; Enter, e and a press them) and float over the row above, under the sticky progress bar.
  const buttons = canEdit && !editing && (open || kind) && (
    <div
      className={
        cell
          ? "absolute bottom-full right-0 z-[2] hidden gap-1 rounded bg-white p-0.5 shadow group-hover:flex group-focus:flex group-focus-within:flex"
          : open
            ? "mt-0.5 flex flex-wrap items-center gap-1"
            : // Settled fields show their Edit button only on hover or focus, over the field, so the grid stays compact.
              "absolute right-0.5 top-0.5 opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 group-focus:opacity-100"
      }
    >
      {open && (
        <ActionButton action={acceptFieldAction} fields={{ filingId, pointer }} dataAction="accept" label={`Accept ${label}`} tone="accept" tabIndex={cell ? -1 : undefined}>
          Accept
        </ActionButton>
      )}
      {kind && (
        <button type="button" data-action="edit" aria-label={`Edit ${label}`} tabIndex={cell ? -1 : undefined} onClick={() => setEditing(true)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100">
          Edit
        </button>
      )}
    </div>
  );
  const after = (
    <>
      {problem && (
        <p id={errorId} role="alert" className="mt-0.5 text-xs text-red-700">
          {problem.message}
          {problem.status === "conflict" && problem.currentValue !== undefined && problem.currentValue !== null && <> Their value: <strong>{show(problem.currentValue)}</strong>. Save again to replace it.</>}
        </p>
      )}
      {open && notes.length > 0 && (
        <ul id={noteId} className="mt-0.5 text-xs text-amber-900">
          {notes.map((n, i) => (
            <li key={i} title={n} className="line-clamp-2">
              {n}
            </li>
          ))}
        </ul>
      )}
      {buttons}
      {history.length > 0 && (
        <details className="mt-0.5 text-xs">
          <summary className="cursor-pointer whitespace-nowrap text-slate-600">History ({history.length})</summary>
          <div className="mt-1 rounded border border-slate-200 bg-white p-2">
            <HistoryList filingId={filingId} items={history} showField={false} />
          </div>
        </details>
      )}
    </>
  );
  const attrs = {
    ref: (el: HTMLElement | null) => {
      container.current = el;
    },
    tabIndex: stop?.tabIndex ?? -1,
    "data-cell": stop?.["data-cell"],
    "data-pointer": pointer,
    // The source panel reads these to highlight where the value came from.
    "data-value": JSON.stringify(value),
    "data-kind": kind ?? undefined,
    "data-uncertain": open || undefined,
  };
  const marks = `${open ? "bg-amber-50" : ""} ${problem ? "ring-2 ring-red-500" : open ? "ring-1 ring-amber-400" : ""}`;

  if (cell) {
    return (
      <td {...attrs} className={`group relative scroll-mt-28 border-b border-slate-100 px-1.5 py-1 align-top ring-inset focus:outline-2 focus:-outline-offset-2 focus:outline-blue-700 ${marks}`}>
        {editor || (
          <>
            {/* Words wrap in a column wide enough for a usual title; dates, codes and amounts stay on one line. */}
            <div data-shown className={`num ${kind === "text" ? "min-w-44" : "whitespace-nowrap"}`}>
              {children}
            </div>
            {open && (
              <div className="whitespace-nowrap text-[11px] font-medium leading-tight text-amber-900" title="The parser was unsure of this value: check it against the source">
                check ({pct}%)
              </div>
            )}
          </>
        )}
        {after}
      </td>
    );
  }
  return (
    <div {...attrs} className={`group relative rounded p-1 outline-offset-1 ${marks} ${editing || problem ? "col-span-2" : ""}`}>
      {/* Each field is its own term and value: the notes, buttons and history beside them may not sit inside a list. */}
      <dl>
        <dt className="text-xs text-slate-600">
          {label}
          {open && (
            <span className="ml-1 font-medium text-amber-900" title="The parser was unsure of this value: check it against the source">
              · check ({pct}%)
            </span>
          )}
        </dt>
        {editor ? <dd>{editor}</dd> : <dd className="num break-words text-sm">{children}</dd>}
      </dl>
      {after}
    </div>
  );
}
