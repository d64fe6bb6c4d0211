import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  monthsToNextQuarterEnd,
  addYears,
  compareIso,
  daysBetween,
  daysInMonth,
  formatIso,
  isLastDayOfMonth,
  lastDayOfMonth,
  parseIso,
} from "./dates";

const civil = fc
  .record({ y: fc.integer({ min: 1950, max: 2150 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => formatIso({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

describe("dates", () => {
  it("parses and rejects", () => {
    expect(parseIso("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIso("2023-02-29")).toBeNull();
    expect(parseIso("2023-13-01")).toBeNull();
    expect(parseIso("2023-1-01")).toBeNull();
  });

  it("clamps month ends", () => {
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-01-31", 2)).toBe("2024-03-31");
    expect(addMonths("2023-03-31", -1)).toBe("2023-02-28");
    expect(addMonths("2023-12-17", 1)).toBe("2024-01-17");
    expect(addMonths("2023-02-28", 1, true)).toBe("2023-03-31");
  });

  it("moves leap-day anniversaries to Feb 28", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("counts days across leap years and centuries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2000-03-01", -1)).toBe("2000-02-29");
    expect(addDays("1900-03-01", -1)).toBe("1900-02-28");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("1970-01-01", "2000-01-01")).toBe(10957);
  });

  it("knows month ends", () => {
    expect(lastDayOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(isLastDayOfMonth("2023-04-30")).toBe(true);
    expect(compareIso("2023-04-30", "2023-05-01")).toBe(-1);
  });

  it("addMonths always gives a real date in the target month", () => {
    fc.assert(
      fc.property(civil, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const out = parseIso(addMonths(d, n));
        const src = parseIso(d)!;
        expect(out).not.toBeNull();
        const idx = src.y * 12 + src.m - 1 + n;
        expect(out!.y * 12 + out!.m - 1).toBe(idx);
        expect(out!.d).toBe(Math.min(src.d, daysInMonth(out!.y, out!.m)));
      }),
    );
  });

  it("anchored sequences stay on the anchor day or the month end", () => {
    fc.assert(
      fc.property(civil, fc.constantFrom(1, 3, 6, 12), fc.integer({ min: 1, max: 60 }), (anchor, step, count) => {
        const a = parseIso(anchor)!;
        let prev = anchor;
        for (let i = 1; i <= count; i++) {
          const d = addMonths(anchor, i * step);
          const c = parseIso(d)!;
          expect(c.d === a.d || (c.d < a.d && isLastDayOfMonth(d))).toBe(true);
          expect(compareIso(d, prev)).toBe(1);
          prev = d;
        }
      }),
    );
  });

  it("addDays and daysBetween agree", () => {
    fc.assert(
      fc.property(civil, fc.integer({ min: -100000, max: 100000 }), (d, n) => {
        const out = addDays(d, n);
        expect(parseIso(out)).not.toBeNull();
        expect(daysBetween(d, out)).toBe(n);
      }),
    );
  });
});

describe("monthsToNextQuarterEnd", () => {
  it.each([
    ["2024-01-15", 2],
    ["2024-03-15", 0],
    ["2024-03-31", 3],
    ["2024-12-31", 3],
    ["2024-11-30", 1],
  ])("%s → %i", (iso, n) => expect(monthsToNextQuarterEnd(iso)).toBe(n));
});
