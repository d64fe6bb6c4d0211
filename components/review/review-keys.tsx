"use client";

import { useEffect } from "react";

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

/** j/n and k/p: next and previous uncertain field; a: accept it; e or Enter: edit it. */
export function ReviewKeys() {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, select, textarea, [contenteditable='true']")) return;
      const field = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-pointer]");
      const press = (action: string) => field?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
      switch (e.key) {
        case "j":
        case "n":
          step(1);
          break;
        case "k":
        case "p":
          step(-1);
          break;
        case "a":
          press("accept");
          break;
        case "e":
          press("edit");
          break;
        case "Enter":
          // On a button Enter presses that button; only on the field itself does it mean edit.
          if (field && document.activeElement === field) press("edit");
          else return;
          break;
        default:
          return;
      }
      e.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
