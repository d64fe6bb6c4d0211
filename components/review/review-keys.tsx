"use client";

import { useEffect } from "react";
import { KeyGate, TYPING_GAP_MS } from "@/lib/review/key-gate";

function step(direction: 1 | -1) {
  const fields = [...document.querySelectorAll<HTMLElement>("[data-uncertain]")];
  if (fields.length === 0) return;
  const here = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-pointer]") ?? document.activeElement;
  let index: number;
  if (here && here !== document.body) {
    // Position relative to the focused element, so this works from a field that was just accepted too.
    const after = fields.findIndex((f) => f !== here && here.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    const at = fields.indexOf(here as HTMLElement);
    if (direction === 1) index = after === -1 ? 0 : after;
    else index = at !== -1 ? at - 1 : (after === -1 ? fields.length : after) - 1;
  } else {
    index = direction === 1 ? 0 : fields.length - 1;
  }
  const target = fields[(index + fields.length) % fields.length];
  target.focus();
  target.scrollIntoView({ block: "center" });
}

const SHORTCUTS = new Set(["j", "n", "k", "p", "a", "e"]);

const typingInto = (el: Element | null) => !!el?.closest("input, select, textarea, [contenteditable]:not([contenteditable='false'])");

/**
 * j/n and k/p: next and previous uncertain field; a: accept the focused field; e or Enter: edit it.
 * Nothing acts while a text control has focus, and a letter acts only when pressed alone: the
 * letters of a word typed with no editor open (KeyGate) do nothing at all.
 */
export function ReviewKeys() {
  useEffect(() => {
    const gate = new KeyGate();
    const timers = new Set<number>();
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      if (typingInto(e.target as Element)) return;
      const at = e.timeStamp;
      const alone = gate.press(e.key, at);
      const field = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-pointer]") ?? null;
      if (e.key === "Enter") {
        // On a button Enter presses that button; only on the field itself does it mean edit.
        if (!field || document.activeElement !== field) return;
        e.preventDefault();
        field.querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
        return;
      }
      if (!SHORTCUTS.has(e.key)) return;
      e.preventDefault();
      if (!alone) return;
      const key = e.key;
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        // Typing followed, or focus went elsewhere meanwhile: the key was not meant for this field.
        if (!gate.stillAlone(at) || typingInto(document.activeElement)) return;
        const here = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-pointer]") ?? null;
        if (here !== field) return;
        if (key === "j" || key === "n") step(1);
        else if (key === "k" || key === "p") step(-1);
        else field?.querySelector<HTMLButtonElement>(`[data-action="${key === "a" ? "accept" : "edit"}"]`)?.click();
      }, TYPING_GAP_MS);
      timers.add(timer);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      for (const t of timers) window.clearTimeout(t);
    };
  }, []);
  return null;
}
