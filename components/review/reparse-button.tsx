"use client";

import { useActionState } from "react";
import { reparseAction, type ReparseState } from "@/app/filings/[id]/actions";

/** Re-parses the stored source with the current parser and shows what changed and where it disagrees with the analyst. */
export function ReparseButton({ filingId, version }: { filingId: number; version: number }) {
  const [state, formAction, pending] = useActionState<ReparseState, FormData>(reparseAction, { status: "idle" });
  return (
    <div className="space-y-2 text-sm">
      <form action={formAction} className="inline">
        <input type="hidden" name="filingId" value={filingId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60">
          {pending ? "Re-parsing…" : "Re-parse with the current parser"}
        </button>
      </form>
      {state.status === "error" && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
      {state.status === "done" && (
        <section aria-label="Re-parse result" role="status" className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <p>
            {state.applied === 0 ? "No field changed" : `${state.applied} field${state.applied === 1 ? "" : "s"} updated from the new parse (see History to revert)`}
            {state.disagreements.length === 0 ? "; the new parse agrees with every correction." : "."}
          </p>
          {state.rows.length > 0 && <p>{state.rows.join("; ")}, as the new parse reads the tables.</p>}
          {state.disagreements.length > 0 && (
            <table className="mt-2 w-full text-left text-xs">
              <caption className="mb-1 text-left font-medium text-amber-900">
                {state.disagreements.length} correction{state.disagreements.length === 1 ? "" : "s"} kept where the new parse disagrees
              </caption>
              <thead>
                <tr className="text-slate-500">
                  <th scope="col" className="pr-3 font-medium">Field</th>
                  <th scope="col" className="pr-3 font-medium">Analyst&rsquo;s value</th>
                  <th scope="col" className="font-medium">New parser&rsquo;s value</th>
                </tr>
              </thead>
              <tbody>
                {state.disagreements.map((d) => (
                  <tr key={d.pointer}>
                    <th scope="row" className="pr-3 font-normal">{d.label}</th>
                    <td className="pr-3 font-medium">{d.analystText}</td>
                    <td>{d.parserText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
