/**
 * Where a key moves the focus in a review grid. Each row is given as the table columns its stops
 * sit in, left to right (a field cell is one stop; the row controls' cell holds several, and not
 * every row has the same ones: the first has no "up"). Pure, so the rule is tested without a page.
 */
export function gridMove(rows: readonly (readonly number[])[], y: number, x: number, key: string): [row: number, stop: number] | null {
  const row = rows[y];
  if (key === "ArrowLeft") return x > 0 ? [y, x - 1] : null;
  if (key === "ArrowRight") return x < row.length - 1 ? [y, x + 1] : null;
  if (key === "Home") return [y, 0];
  if (key === "End") return [y, row.length - 1];
  if (key !== "ArrowUp" && key !== "ArrowDown") return null;
  const to = y + (key === "ArrowUp" ? -1 : 1);
  const next = rows[to];
  if (!next) return null;
  // The same column, or the first stop after it where that row has none there.
  const at = next.findIndex((column) => column >= row[x]);
  return [to, at === -1 ? next.length - 1 : at];
}
