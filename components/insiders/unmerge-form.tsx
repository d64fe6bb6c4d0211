"use client";

import { useActionState } from "react";
import { unmergeInsiderAction, type MergeState } from "@/app/insiders/actions";
import { AuditFields } from "./audit-fields";

const initial: MergeState = { message: null };

/** Undoes a merge: one spelling merged into this person becomes its own person again. */
export function UnmergeForm({ ownerName, aliases, analyst }: { ownerName: string; aliases: { id: number; name: string }[]; analyst: string | null }) {
  const [state, action, pending] = useActionState(unmergeInsiderAction, initial);
  if (aliases.length === 0) return null;
  return (
    <details className="w-full max-w-md rounded-md border border-slate-200 bg-white p-3 text-sm" open={Boolean(state.message)}>
      <summary className="cursor-pointer font-medium">Undo a merge into {ownerName}</summary>
      <form action={action} className="mt-3 space-y-3">
        <fieldset>
          <legend className="text-slate-600">Spelling to separate again, with its filings</legend>
          {aliases.map((a) => (
            <label key={a.id} className="mt-1 flex items-start gap-2">
              <input type="radio" name="recordId" value={a.id} required className="mt-1" />
              <span>{a.name}</span>
            </label>
          ))}
          {state.errors?.recordId && <p className="text-red-700">{state.errors.recordId[0]}</p>}
        </fieldset>
        <AuditFields id="unmerge" analyst={analyst} error={state.errors?.author?.[0]} />
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-50">
          {pending ? "Separating…" : "Separate from this person"}
        </button>
        {state.message && <p role="alert" className="text-red-700">{state.message}</p>}
      </form>
    </details>
  );
}
