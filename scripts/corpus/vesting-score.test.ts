import { describe, expect, it } from "vitest";
import { parseIso, compareIso } from "../../lib/vesting/dates";
import { readItems, readSplit, score } from "./vesting-score";

const items = readItems();
const split = readSplit();

describe("vesting corpus labels", () => {
  it("every item sits in exactly one half", () => {
    const placed = [...split.tuning, ...split.heldBack];
    expect(new Set(placed).size).toBe(placed.length);
    expect(new Set(placed)).toEqual(new Set(items.map((i) => i.id)));
  });

  it.each(items.filter((i) => i.label === "schedule").map((i) => [i.id, i] as const))("%s: dated tranches in order that add up to the row", (_id, item) => {
    const t = item.tranches ?? [];
    expect(t.length).toBeGreaterThan(0);
    for (let i = 0; i < t.length; i++) {
      expect(parseIso(t[i].date)).not.toBeNull();
      if (i) expect(compareIso(t[i - 1].date, t[i].date)).toBeLessThan(0);
    }
    const total = item.row.shares ?? item.row.underlyingShares;
    if (total != null) expect(t.reduce((a, x) => a + x.shares, 0)).toBeCloseTo(total, 2);
  });
});

// The tuning half is what the reader was tuned on: whatever it reads right today must stay right.
describe("vesting reader on the corpus's tuning half", () => {
  const tuning = new Set(split.tuning);
  it.each(items.filter((i) => tuning.has(i.id)).map((i) => [i.id, i] as const))("%s", (_id, item) => {
    expect(["exact", "none-right"]).toContain(score(item).outcome);
  });
});
