"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { findSourceSpans, type SourceSpan } from "@/lib/review/source-span";
import type { FieldKind } from "@/lib/validation/fields";

/**
 * The filing's source as uploaded, beside the extracted values, so the analyst can check one
 * against the other. Focusing a field marks where its value most likely came from.
 */
export function SourcePanel({ text, format }: { text: string; format: string }) {
  const [spans, setSpans] = useState<SourceSpan[]>([]);
  const pre = useRef<HTMLPreElement>(null);

  useEffect(() => {
    // Delegated, so fields need no wiring beyond their data attributes.
    function onFocusIn(e: FocusEvent) {
      const field = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-pointer][data-value]");
      if (!field) return;
      let value: unknown;
      try {
        value = JSON.parse(field.dataset.value ?? "null");
      } catch {
        value = null;
      }
      setSpans(findSourceSpans(text, value, (field.dataset.kind ?? null) as FieldKind | null));
    }
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, [text]);

  useEffect(() => {
    const box = pre.current;
    const mark = box?.querySelector("mark");
    if (!box || !mark) return;
    // Scroll the panel only: scrollIntoView would also move the page away from the focused field.
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
  }, [spans]);

  const parts = useMemo(() => {
    const out: React.ReactNode[] = [];
    let at = 0;
    spans.forEach((s, i) => {
      out.push(text.slice(at, s.start));
      out.push(
        <mark key={i} className="rounded-sm bg-yellow-200 text-slate-900 ring-1 ring-yellow-400">
          {text.slice(s.start, s.end)}
        </mark>,
      );
      at = s.end;
    });
    out.push(text.slice(at));
    return out;
  }, [text, spans]);

  return (
    <section aria-labelledby="source-heading" className="flex max-h-[calc(100vh-6rem)] flex-col rounded-md border border-slate-200 bg-white lg:sticky lg:top-4">
      <h2 id="source-heading" className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
        Source <span className="font-normal text-slate-500">({format})</span>
      </h2>
      <pre ref={pre} tabIndex={0} aria-label="Source text" className="flex-1 overflow-auto whitespace-pre-wrap break-words p-3 font-mono text-xs leading-relaxed text-slate-800">
        {parts}
      </pre>
    </section>
  );
}
