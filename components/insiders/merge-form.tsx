"use client";

import { useActionState } from "react";
import { mergeInsidersAction, type MergeState } from "@/app/insiders/actions";
import { AuditFields } from "./audit-fields";

const initial: MergeState = { message: null };

/** Merges another spelling of this person into this record; the analyst picks from likely candidates. */
export function MergeForm({ ownerId, ownerName, candidates, analyst }: { ownerId: number; ownerName: string; candidates: { id: number; name: string; issuers: string[] }[]; analyst: string | null }) {
  const [state, action, pending] = useActionState(mergeInsidersAction, initial);
  if (candidates.length === 0) return null;
  return (
    <details className="w-full max-w-md rounded-md border border-slate-200 bg-white p-3 text-sm" open={Boolean(state.message)}>
      <summary className="cursor-pointer font-medium">Merge another spelling into {ownerName}</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="targetId" value={ownerId} />
        <fieldset>
          <legend className="text-slate-600">Records that may be the same person</legend>
          {candidates.map((c) => (
            <label key={c.id} className="mt-1 flex items-start gap-2">
              <input type="radio" name="sourceId" value={c.id} required className="mt-1" />
              <span>
                {c.name} <span className="text-slate-500">{c.issuers.join(", ")}</span>
              </span>
            </label>
          ))}
          {state.errors?.sourceId && <p className="text-red-700">{state.errors.sourceId[0]}</p>}
        </fieldset>
        <AuditFields id="merge" analyst={analyst} error={state.errors?.author?.[0]} />
        <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 disabled:opacity-50">
          {pending ? "Merging…" : "Merge into this person"}
        </button>
        {state.message && <p role="alert" className="text-red-700">{state.message}</p>}
      </form>
    </details>
  );
}
