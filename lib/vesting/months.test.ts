import { describe, expect, it } from "vitest";
import { sumByMonth } from "./months";

describe("sumByMonth", () => {
  it("sums tranches per month with a running total and what has vested by today", () => {
    const rows = sumByMonth(
      [
        { date: "2025-03-31", shares: 100 },
        { date: "2025-01-15", shares: 50 },
        { date: "2025-01-31", shares: 25 },
        { date: "2025-03-01", shares: 10 },
      ],
      "2025-03-15",
    );
    expect(rows).toEqual([
      { month: "2025-01", shares: 75, vested: 75, cumulative: 75 },
      { month: "2025-03", shares: 110, vested: 10, cumulative: 185 },
    ]);
  });

  it("counts a tranche dated today as vested", () => {
    expect(sumByMonth([{ date: "2025-03-15", shares: 7 }], "2025-03-15")[0].vested).toBe(7);
  });

  it("is empty without tranches", () => {
    expect(sumByMonth([], "2025-01-01")).toEqual([]);
  });
});
