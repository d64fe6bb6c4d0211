/** Who makes a merge or its undoing, and why: the audit trail's author and reason inputs. */
export function AuditFields({ id, analyst, error }: { id: string; analyst: string | null; error?: string }) {
  return (
    <>
      <label className="flex flex-col">
        <span className="text-slate-600">Your name (for the audit trail)</span>
        <input
          name="author"
          required
          maxLength={100}
          defaultValue={analyst ?? ""}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-author-error` : undefined}
          className="rounded-md border border-slate-300 px-2 py-1"
        />
        {error && (
          <span id={`${id}-author-error`} className="text-red-700">
            {error}
          </span>
        )}
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Reason (optional)</span>
        <input name="reason" maxLength={500} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
    </>
  );
}
