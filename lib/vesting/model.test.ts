import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareIso, daysInMonth, formatIso } from "./dates";
import { buildTranches, vestedAsOf, type VestingModel } from "./model";

const date = fc
  .record({ y: fc.integer({ min: 1995, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => formatIso({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

const installmentModel: fc.Arbitrary<VestingModel> = fc
  .record({
    commencementDate: date,
    totalShares: fc.integer({ min: 1, max: 5_000_000 }),
    count: fc.integer({ min: 1, max: 60 }),
    intervalMonths: fc.constantFrom(1, 3, 6, 12),
    lastDayOfMonth: fc.boolean(),
    firstOffsetMonths: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
    cliff: fc.option(
      fc.record({ months: fc.integer({ min: 1, max: 24 }), fraction: fc.option(fc.integer({ min: 0, max: 100 }).map((p) => p / 100), { nil: undefined }) }),
      { nil: undefined },
    ),
    fractions: fc.option(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 10 }), { nil: undefined }),
  })
  .map((r) => ({
    kind: "installments" as const,
    commencementDate: r.commencementDate,
    totalShares: r.totalShares,
    cliff: r.cliff,
    installments: {
      count: r.fractions ? r.fractions.length : r.count,
      intervalMonths: r.intervalMonths,
      lastDayOfMonth: r.lastDayOfMonth,
      firstOffsetMonths: r.firstOffsetMonths,
      fractions: r.fractions && r.fractions.some((x) => x > 0) ? r.fractions : undefined,
    },
    notes: [],
  }));

const explicitModel: fc.Arbitrary<VestingModel> = fc
  .record({
    totalShares: fc.integer({ min: 1, max: 5_000_000 }),
    tranches: fc.array(fc.record({ date, shares: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: undefined }) }), { minLength: 1, maxLength: 12 }),
  })
  .map((r) => ({ kind: "explicit" as const, commencementDate: null, totalShares: r.totalShares, explicitTranches: r.tranches, notes: [] }));

const anyModel = fc.oneof(installmentModel, explicitModel);

describe("buildTranches", () => {
  it("cliff then monthly: the Sonus grant", () => {
    const t = buildTranches({
      kind: "installments",
      commencementDate: "2007-12-17",
      totalShares: 40000,
      cliff: { months: 12, fraction: 0.25 },
      installments: { count: 36, intervalMonths: 1 },
      notes: [],
    });
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2008-12-17", shares: 10000 });
    expect(t[1]).toEqual({ date: "2009-01-17", shares: 833 });
    expect(t[36]).toEqual({ date: "2011-12-17", shares: 30000 - 35 * 833 });
  });

  it("keeps a 31st anchor on month ends", () => {
    const t = buildTranches({
      kind: "installments",
      commencementDate: "2023-01-31",
      totalShares: 12,
      installments: { count: 4, intervalMonths: 1 },
      notes: [],
    });
    expect(t.map((x) => x.date)).toEqual(["2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31"]);
  });

  it("a cliff without its own amount collects the installments before it", () => {
    const t = buildTranches({
      kind: "installments",
      commencementDate: "2020-01-15",
      totalShares: 4800,
      cliff: { months: 12 },
      installments: { count: 48, intervalMonths: 1 },
      notes: [],
    });
    expect(t[0]).toEqual({ date: "2021-01-15", shares: 1200 });
    expect(t[1]).toEqual({ date: "2021-02-15", shares: 100 });
    expect(t).toHaveLength(37);
  });

  it("uneven weights floor and give the rest to the last", () => {
    const t = buildTranches({
      kind: "installments",
      commencementDate: "2020-02-29",
      totalShares: 1001,
      installments: { count: 5, intervalMonths: 12, fractions: [25, 25, 17, 17, 16] },
      notes: [],
    });
    expect(t).toEqual([
      { date: "2021-02-28", shares: 250 },
      { date: "2022-02-28", shares: 250 },
      { date: "2023-02-28", shares: 170 },
      { date: "2024-02-29", shares: 170 },
      { date: "2025-02-28", shares: 161 },
    ]);
  });

  it("explicit shares that add up are kept as filed", () => {
    const t = buildTranches({
      kind: "explicit",
      commencementDate: null,
      totalShares: 67601,
      explicitTranches: [
        { date: "2022-07-28", shares: 16900 },
        { date: "2023-07-28", shares: 16900 },
        { date: "2024-07-28", shares: 16900 },
        { date: "2025-07-28", shares: 16901 },
      ],
      notes: [],
    });
    expect(t.map((x) => x.shares)).toEqual([16900, 16900, 16900, 16901]);
  });

  it("gives nothing without dates or for performance awards", () => {
    const base = { commencementDate: null, totalShares: 100, notes: [] };
    expect(buildTranches({ ...base, kind: "installments", installments: { count: 4, intervalMonths: 12 } })).toEqual([]);
    expect(buildTranches({ ...base, kind: "performance", commencementDate: "2020-01-01", condition: "TSR" })).toEqual([]);
    expect(buildTranches({ ...base, kind: "immediate", commencementDate: "2020-01-01" })).toEqual([{ date: "2020-01-01", shares: 100 }]);
  });

  it("tranches are positive integers on strictly increasing dates summing to the total", () => {
    fc.assert(
      fc.property(anyModel, (m) => {
        const t = buildTranches(m);
        expect(t.length).toBeGreaterThan(0);
        expect(t.reduce((a, x) => a + x.shares, 0)).toBe(m.totalShares);
        for (let i = 0; i < t.length; i++) {
          expect(Number.isInteger(t[i].shares)).toBe(true);
          expect(t[i].shares).toBeGreaterThan(0);
          if (i > 0) expect(compareIso(t[i - 1].date, t[i].date)).toBe(-1);
        }
      }),
    );
  });

  it("vestedAsOf is monotone and reaches the total at the last tranche", () => {
    fc.assert(
      fc.property(anyModel, date, date, (m, a, b) => {
        const t = buildTranches(m);
        const [lo, hi] = compareIso(a, b) <= 0 ? [a, b] : [b, a];
        const x = vestedAsOf(t, lo);
        const y = vestedAsOf(t, hi);
        expect(x.vested).toBeLessThanOrEqual(y.vested);
        expect(x.vested + x.unvested).toBe(m.totalShares);
        expect(vestedAsOf(t, t[t.length - 1].date)).toEqual({ vested: m.totalShares, unvested: 0 });
        expect(vestedAsOf(m, "1900-01-01").vested).toBe(0);
      }),
    );
  });
});
