/** What to do when a list is empty: the reason and the next step, never a bare "No results". */
export function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div role="status" className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      <div className="mt-1 text-sm text-slate-600">{children}</div>
    </div>
  );
}
