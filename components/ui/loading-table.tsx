/** Shown while a browse page's queries run (the route's loading.tsx), so navigation answers at once. */
export function LoadingTable({ title }: { title: string }) {
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">Loading…</p>
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded bg-slate-200/70" />
        ))}
      </div>
    </div>
  );
}
