"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import { gridMove } from "@/lib/review/grid-move";

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

const MOVES = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

/**
 * A table of the filing's rows, one cell per field, walked by cell: the arrow keys move between
 * stops (cells and the row controls), Home and End go to the ends of the row (lib/review/grid-move.ts).
 * Editing, accepting and the letter keys stay with the cells themselves and components/review/review-keys.tsx.
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
    if (!from.dataset.cell || !MOVES.has(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    // Also at the grid's edge: an arrow that moves nothing must not scroll the page away from the cell.
    e.preventDefault();
    const rows = [...e.currentTarget.rows].map((r) => [...r.querySelectorAll<HTMLElement>("[data-cell]")]).filter((r) => r.length > 0);
    const y = rows.findIndex((r) => r.includes(from));
    const to = gridMove(
      rows.map((r) => r.map((s) => (s.closest("td, th") as HTMLTableCellElement).cellIndex)),
      y,
      rows[y].indexOf(from),
      e.key,
    );
    if (to) rows[to[0]][to[1]].focus();
  }

  return (
    <ActiveStop value={active ?? first ?? ""}>
      {/* Scrolls sideways on its own where the columns do not fit; a container, so rows under a row can be sized to what is visible. */}
      <div className="@container scroll-shadows-x overflow-x-auto">
        <table
          ref={table}
          role="grid"
          aria-labelledby={labelledBy}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const stop = e.target as HTMLElement;
            if (!stop.dataset.cell) return;
            setActive(stop.dataset.cell);
            // Focus alone leaves a cell half hidden at the box's edge; the whole cell is what is read.
            stop.scrollIntoView({ block: "nearest", inline: "nearest" });
          }}
          className="w-full border-collapse text-sm"
        >
          {children}
        </table>
      </div>
    </ActiveStop>
  );
}
