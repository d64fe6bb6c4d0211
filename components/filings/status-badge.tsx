export function StatusBadge({ status, uncertain }: { status: string; uncertain?: number }) {
  if (status === "reviewed") return <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-800">reviewed</span>;
  return (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
      needs review{uncertain ? ` · ${uncertain} uncertain` : ""}
    </span>
  );
}
