"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { sourceMarks, type SourceMarks } from "@/lib/review/source-span";
import type { FieldKind } from "@/lib/validation/fields";

const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf("/") + 1);

function readValue(field: HTMLElement): unknown {
  try {
    return JSON.parse(field.dataset.value ?? "null");
  } catch {
    return null;
  }
}

/**
 * The filing's source as uploaded, beside the extracted values, so the analyst can check one
 * against the other. Focusing a field marks every place its value appears, the likeliest one
 * (among the other values of its row or box) strongest, and scrolls to that one.
 */
export function SourcePanel({ text, format }: { text: string; format: string }) {
  const [{ spans, best }, setMarks] = useState<SourceMarks>({ spans: [], best: 0 });
  const pre = useRef<HTMLPreElement>(null);

  useEffect(() => {
    // Delegated, so fields need no wiring beyond their data attributes.
    function onFocusIn(e: FocusEvent) {
      const field = (e.target as HTMLElement | null)?.closest<HTMLElement>("[data-pointer][data-value]");
      if (!field) return;
      const pointer = field.dataset.pointer!;
      const neighbours = [...document.querySelectorAll<HTMLElement>("[data-pointer][data-value]")]
        .filter((f) => f !== field && f.dataset.pointer !== pointer && parentOf(f.dataset.pointer!) === parentOf(pointer))
        .map((f) => ({ value: readValue(f), kind: (f.dataset.kind ?? null) as FieldKind | null }));
      setMarks(sourceMarks(text, readValue(field), (field.dataset.kind ?? null) as FieldKind | null, neighbours));
    }
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, [text]);

  useEffect(() => {
    const box = pre.current;
    const mark = box?.querySelector("mark[data-best]");
    if (!box || !mark) return;
    // Scroll the panel only: scrollIntoView would also move the page away from the focused field.
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
  }, [spans, best]);

  const parts = useMemo(() => {
    const out: React.ReactNode[] = [];
    let at = 0;
    spans.forEach((s, i) => {
      out.push(text.slice(at, s.start));
      out.push(
        i === best ? (
          <mark key={i} data-best="" className="rounded-sm bg-yellow-300 text-slate-900 ring-2 ring-amber-500">
            {text.slice(s.start, s.end)}
          </mark>
        ) : (
          <mark key={i} className="rounded-sm bg-yellow-100 text-slate-900 ring-1 ring-yellow-300">
            {text.slice(s.start, s.end)}
          </mark>
        ),
      );
      at = s.end;
    });
    out.push(text.slice(at));
    return out;
  }, [text, spans, best]);

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
