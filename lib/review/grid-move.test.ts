import { describe, expect, it } from "vitest";
import { gridMove } from "./grid-move";

// Three rows of two field cells (columns 1 and 2) and a controls cell (column 3): the first row
// has no "up" button, the last no "down".
const rows = [
  [1, 2, 3, 3],
  [1, 2, 3, 3, 3],
  [1, 2, 3, 3],
];

describe("gridMove", () => {
  it("moves along a row and stops at its ends", () => {
    expect(gridMove(rows, 0, 0, "ArrowRight")).toEqual([0, 1]);
    expect(gridMove(rows, 0, 1, "ArrowLeft")).toEqual([0, 0]);
    expect(gridMove(rows, 0, 0, "ArrowLeft")).toBeNull();
    expect(gridMove(rows, 1, 4, "ArrowRight")).toBeNull();
    expect(gridMove(rows, 1, 2, "Home")).toEqual([1, 0]);
    expect(gridMove(rows, 1, 0, "End")).toEqual([1, 4]);
  });

  it("moves up and down in the same column and stops at the first and last row", () => {
    expect(gridMove(rows, 0, 1, "ArrowDown")).toEqual([1, 1]);
    expect(gridMove(rows, 2, 1, "ArrowUp")).toEqual([1, 1]);
    expect(gridMove(rows, 0, 1, "ArrowUp")).toBeNull();
    expect(gridMove(rows, 2, 0, "ArrowDown")).toBeNull();
  });

  it("lands on the first of the row controls when the one above or below holds different buttons", () => {
    expect(gridMove(rows, 1, 4, "ArrowUp")).toEqual([0, 2]);
    expect(gridMove(rows, 0, 3, "ArrowDown")).toEqual([1, 2]);
  });

  it("leaves other keys to the cell", () => {
    expect(gridMove(rows, 1, 1, "Enter")).toBeNull();
    expect(gridMove(rows, 1, 1, "a")).toBeNull();
  });
});
