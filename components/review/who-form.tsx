"use client";

import { useActionState, useState } from "react";
import { setAnalystAction, type AnalystState } from "@/app/filings/[id]/actions";

/** Asks the analyst's display name once; it is kept in a cookie and signs every change. */
export function WhoForm({ filingId, current }: { filingId: number; current: string | null }) {
  const [state, action, pending] = useActionState<AnalystState, FormData>(setAnalystAction, { error: null });
  const [changing, setChanging] = useState(false);
  if (current && !changing) {
    return (
      <p className="text-sm text-slate-600">
        Reviewing as <strong className="text-slate-900">{current}</strong>{" "}
        <button type="button" onClick={() => setChanging(true)} className="text-blue-700 underline">
          change
        </button>
      </p>
    );
  }
  return (
    <form action={async (fd) => { await action(fd); setChanging(false); }} aria-label="Who is reviewing" className="flex flex-wrap items-end gap-2 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm">
      <input type="hidden" name="filingId" value={filingId} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">Your name, to sign your corrections</span>
        <input
          name="name"
          defaultValue={current ?? ""}
          autoComplete="name"
          required
          maxLength={60}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "who-error" : undefined}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 font-medium text-white disabled:opacity-60">
        Save name
      </button>
      {state.error && (
        <p id="who-error" className="w-full text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
