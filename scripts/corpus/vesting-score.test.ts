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

// Tuning-half footnotes the reader still gets wrong, and why; the closing note of the vesting issue lists them too.
const KNOWN_MISSES: Record<string, string> = {
  "spruce-biosciences-inc-1683553-4-0001209191-20-054376-f3": "two parts on different terms, one waiting on the IPO: labelled none, read as one schedule",
  "spruce-biosciences-inc-1683553-4-0001209191-20-054376-f4": "the same wording as f3",
  "blue-apron-holdings-inc-1701114-3-0001104659-20-099652-f6": "two dated parts, then a percentage of the remainder on four named days a year",
  "cns-pharmaceuticals-inc-1729427-2-0001683168-20-001965-f1": "earlier of an anniversary and the next annual meeting: labelled none, read as the anniversary",
  "stemline-therapeutics-inc-1573722-1-0001104659-20-022141-f4": "a schedule on a gift (code G) row, which starts none",
};

// The tuning half is what the reader was tuned on: whatever it reads right today must stay right.
describe("vesting reader on the corpus's tuning half", () => {
  const tuning = new Set(split.tuning);
  it.each(items.filter((i) => tuning.has(i.id) && !KNOWN_MISSES[i.id]).map((i) => [i.id, i] as const))("%s", (_id, item) => {
    expect(["exact", "none-right"]).toContain(score(item).outcome);
  });
});
