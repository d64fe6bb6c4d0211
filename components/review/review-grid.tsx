"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";

/** The stop Tab lands on in the grid around a cell; null outside any grid. */
const ActiveStop = createContext<string | null>(null);

/**
 * What makes an element one stop of the enclosing grid: only the active stop is in the tab
 * order (a roving tabindex), so Tab enters and leaves a 30-row table in one press. Null outside
 * a grid or without an id.
 */
export function useGridStop(id: string | undefined): { tabIndex: number; "data-cell": string } | null {
  const active = useContext(ActiveStop);
  return active === null || id === undefined ? null : { tabIndex: active === id ? 0 : -1, "data-cell": id };
}

const cellOf = (el: HTMLElement) => el.closest("td, th") as HTMLTableCellElement;

/**
 * A table of the filing's rows, one cell per field, walked by cell: the arrow keys move between
 * stops (cells and the row controls), Home and End go to the ends of the row. Editing, accepting
 * and the letter keys stay with the cells themselves and components/review/review-keys.tsx.
 */
export function ReviewGrid({ labelledBy, first, children }: { labelledBy: string; first: string | null; children: React.ReactNode }) {
  const [active, setActive] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  useEffect(() => {
    // The active stop can go with its row (the last row removed): Tab must still find the grid.
    if (active !== null && !table.current?.querySelector(`[data-cell="${CSS.escape(active)}"]`)) setActive(null);
  });

  function onKeyDown(e: React.KeyboardEvent<HTMLTableElement>) {
    const from = e.target as HTMLElement;
    if (!from.dataset.cell || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const rows = [...e.currentTarget.rows].map((r) => [...r.querySelectorAll<HTMLElement>("[data-cell]")]).filter((r) => r.length > 0);
    const y = rows.findIndex((r) => r.includes(from));
    const row = rows[y];
    const x = row.indexOf(from);
    let to: HTMLElement | undefined;
    if (e.key === "ArrowLeft") to = row[x - 1];
    else if (e.key === "ArrowRight") to = row[x + 1];
    else if (e.key === "Home") to = row[0];
    else if (e.key === "End") to = row.at(-1);
    else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      const next = rows[y + (e.key === "ArrowUp" ? -1 : 1)];
      // Same column: rows hold the same fields, but not always the same row controls (no "up" on the first).
      const column = cellOf(from).cellIndex;
      to = next && (next.find((s) => cellOf(s).cellIndex >= column) ?? next.at(-1));
    } else return;
    e.preventDefault();
    to?.focus();
  }

  return (
    <ActiveStop value={active ?? first ?? ""}>
      {/* Scrolls sideways on its own where the columns do not fit; a container, so rows under a row can be sized to what is visible. */}
      <div className="@container overflow-x-auto">
        <table
          ref={table}
          role="grid"
          aria-labelledby={labelledBy}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const id = (e.target as HTMLElement).dataset.cell;
            if (id) setActive(id);
          }}
          className="w-full border-collapse text-sm"
        >
          {children}
        </table>
      </div>
    </ActiveStop>
  );
}
