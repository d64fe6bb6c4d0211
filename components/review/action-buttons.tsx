"use client";

import { useActionState } from "react";
import type { ActionState } from "@/app/filings/[id]/actions";
import { useGridStop } from "./review-grid";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * One button posting a server action with hidden fields; a refusal is shown beside it.
 * `dataAction` lets the keyboard shortcuts find the button inside a field.
 */
export function ActionButton({
  action,
  fields,
  children,
  label,
  dataAction,
  tone = "plain",
  confirm,
  tabIndex,
  cell,
}: {
  action: Action;
  fields: Record<string, string | number>;
  children: React.ReactNode;
  label?: string;
  dataAction?: string;
  tone?: "plain" | "primary" | "accept";
  /** Asked before posting: a change that cannot be reverted from the history, or one made with work still open. */
  confirm?: string;
  tabIndex?: number;
  /** Makes the button a stop of the grid it sits in (a row's controls), walked by arrow keys like the cells. */
  cell?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const stop = useGridStop(cell);
  const styles = {
    plain: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
    primary: "bg-blue-700 text-white hover:bg-blue-800",
    accept: "border border-green-700 bg-white text-green-800 hover:bg-green-50",
  }[tone];
  const error = state.status === "error" || state.status === "conflict" ? state.message : null;
  return (
    <form action={formAction} onSubmit={(e) => confirm && !window.confirm(confirm) && e.preventDefault()} className="inline">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} aria-label={label} data-action={dataAction} tabIndex={stop?.tabIndex ?? tabIndex} data-cell={stop?.["data-cell"]} className={`rounded px-2 py-0.5 text-xs font-medium disabled:opacity-60 ${styles}`}>
        {children}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
