/** The filing's source as uploaded, beside the extracted values, so the analyst can check one against the other. */
export function SourcePanel({ text, format }: { text: string; format: string }) {
  return (
    <section aria-labelledby="source-heading" className="flex max-h-[calc(100vh-6rem)] flex-col rounded-md border border-slate-200 bg-white lg:sticky lg:top-4">
      <h2 id="source-heading" className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
        Source <span className="font-normal text-slate-500">({format})</span>
      </h2>
      <pre tabIndex={0} aria-label="Source text" className="flex-1 overflow-auto whitespace-pre-wrap break-words p-3 font-mono text-xs leading-relaxed text-slate-800">
        {text}
      </pre>
    </section>
  );
}
