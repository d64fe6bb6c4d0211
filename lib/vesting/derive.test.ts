import { describe, expect, it } from "vitest";
import { emptyFiling, type DerivativeRow, type Filing, type NonDerivativeRow } from "../parse/types";
import { deriveVesting, deriveVestingFromOcr, scheduleForRow, scheduleFromModel } from "./derive";
import type { VestingModel } from "./model";

function option(over: Partial<DerivativeRow> = {}): DerivativeRow {
  return {
    kind: "transaction",
    securityTitle: "Stock Option (right to buy)",
    conversionOrExercisePrice: 6.1,
    transactionDate: "2007-12-17",
    deemedExecutionDate: null,
    transactionCode: "A",
    equitySwap: false,
    shares: 40000,
    acquiredDisposed: "A",
    exerciseDate: null,
    exercisableImmediately: false,
    expirationDate: "2017-12-17",
    underlyingTitle: "Common Stock",
    underlyingShares: 40000,
    price: 0,
    sharesOwnedFollowing: 40000,
    directOrIndirect: "D",
    natureOfOwnership: null,
    footnoteIds: ["1"],
    ...over,
  };
}

function stock(over: Partial<NonDerivativeRow> = {}): NonDerivativeRow {
  return {
    kind: "transaction",
    securityTitle: "Common Stock",
    transactionDate: "2024-03-01",
    deemedExecutionDate: null,
    transactionCode: "A",
    equitySwap: false,
    shares: 3000,
    acquiredDisposed: "A",
    price: 0,
    sharesOwnedFollowing: 10000,
    directOrIndirect: "D",
    natureOfOwnership: null,
    footnoteIds: ["2"],
    ...over,
  };
}

const SONUS =
  "The option vests as to 25% of the shares one year from grant date and then, as to the remaining 75% of the shares, in equal monthly increments for the following 36 months.";

function filing(over: Partial<Filing>): Filing {
  return { ...emptyFiling("ocr-text"), periodOfReport: "2007-12-17", ...over };
}

describe("deriveVesting", () => {
  it("reads the worked example of the contract", () => {
    const f = filing({ derivative: [option()], footnotes: [{ id: "1", text: SONUS }] });
    const [v, ...rest] = deriveVesting(f);
    expect(rest).toEqual([]);
    expect(v.row).toEqual({ table: "derivative", index: 0 });
    expect(v.totalShares).toBe(40000);
    expect(v.commencementDate).toBe("2007-12-17");
    expect(v.sourceFootnoteIds).toEqual(["1"]);
    expect(v.tranches).toHaveLength(37);
    expect(v.tranches[0]).toEqual({ date: "2008-12-17", shares: 10000 });
    expect(v.tranches[1]).toEqual({ date: "2009-01-17", shares: 833 });
    expect(v.tranches[36].date).toBe("2011-12-17");
    expect(v.tranches.slice(1).reduce((a, t) => a + t.shares, 0)).toBe(30000);
    expect((v.model as VestingModel).kind).toBe("installments");
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it("does not invent a schedule from a date exercisable alone", () => {
    const f = filing({ derivative: [option({ exerciseDate: "2008-12-17", footnoteIds: [] })], footnotes: [{ id: "1", text: SONUS }] });
    expect(deriveVesting(f)).toEqual([]);
  });

  it("reads restricted stock acquired with code A, skips sales and exercises", () => {
    const f = filing({
      nonDerivative: [stock(), stock({ transactionCode: "S", acquiredDisposed: "D" }), stock({ transactionCode: "M" })],
      derivative: [option({ transactionCode: "M", acquiredDisposed: "D", footnoteIds: ["2"] })],
      footnotes: [{ id: "2", text: "The restricted shares vest in three equal annual installments beginning on the first anniversary of the grant date." }],
    });
    const out = deriveVesting(f);
    expect(out).toHaveLength(1);
    expect(out[0].row).toEqual({ table: "nonDerivative", index: 0 });
    expect(out[0].tranches).toEqual([
      { date: "2025-03-01", shares: 1000 },
      { date: "2026-03-01", shares: 1000 },
      { date: "2027-03-01", shares: 1000 },
    ]);
  });

  it("skips performance awards even beside a dated footnote", () => {
    const f = filing({
      derivative: [option({ footnoteIds: ["1", "2"] })],
      footnotes: [
        { id: "1", text: SONUS },
        { id: "2", text: "The reported amount is the maximum number of shares issuable upon achievement of performance goals." },
      ],
    });
    expect(deriveVesting(f)).toEqual([]);
  });

  it("picks the referenced footnote that reads as a schedule", () => {
    const f = filing({
      derivative: [option({ footnoteIds: ["3", "4"], securityTitle: "Restricted Stock Units", shares: 900, underlyingShares: 900 })],
      footnotes: [
        { id: "3", text: "Each restricted stock unit represents a contingent right to receive one share of common stock." },
        { id: "4", text: "The RSUs vest in three equal annual installments and settle upon vesting." },
      ],
    });
    const [v] = deriveVesting(f);
    expect(v.sourceFootnoteIds).toEqual(["4"]);
    expect(v.tranches.map((t) => t.date)).toEqual(["2008-12-17", "2009-12-17", "2010-12-17"]);
  });

  it("falls back on the remarks", () => {
    const f = filing({
      derivative: [option({ footnoteIds: ["5"] })],
      footnotes: [{ id: "5", text: "The price reported is a weighted average price." }],
      remarks: "The option vests in four equal annual installments.",
    });
    const [v] = deriveVesting(f);
    expect(v.sourceFootnoteIds).toEqual([]);
    expect(v.tranches).toHaveLength(4);
    expect((v.model as VestingModel).notes).toContain("read from the remarks");
  });

  it("uses underlying shares and the period of report when the row lacks them", () => {
    const f = filing({
      periodOfReport: "2020-01-31",
      derivative: [option({ shares: null, underlyingShares: 12, transactionDate: null })],
      footnotes: [{ id: "1", text: "1/12th of the shares vest monthly." }],
    });
    const [v] = deriveVesting(f);
    expect(v.totalShares).toBe(12);
    expect(v.commencementDate).toBe("2020-01-31");
    expect(v.tranches.slice(0, 2)).toEqual([
      { date: "2020-02-29", shares: 1 },
      { date: "2020-03-31", shares: 1 },
    ]);
  });

  it("dates a holding only from absolute dates", () => {
    const f = filing({
      derivative: [
        option({ kind: "holding", transactionDate: null, transactionCode: null, footnoteIds: ["1"] }),
        option({ kind: "holding", transactionDate: null, transactionCode: null, footnoteIds: ["2"] }),
      ],
      footnotes: [
        { id: "1", text: "The option vests in four equal annual installments." },
        { id: "2", text: "The option vests in four equal annual installments beginning on March 1, 2008." },
      ],
    });
    const out = deriveVesting(f);
    expect(out.map((v) => v.row.index)).toEqual([1]);
    expect(out[0].tranches.map((t) => t.date)).toEqual(["2008-03-01", "2009-03-01", "2010-03-01", "2011-03-01"]);
  });

  it("scheduleForRow follows an analyst's edit of the row", () => {
    const f = filing({ derivative: [option()], footnotes: [{ id: "1", text: SONUS }] });
    f.derivative[0].shares = 48000;
    f.derivative[0].transactionDate = "2008-01-31";
    const v = scheduleForRow(f, "derivative", 0)!;
    expect(v.totalShares).toBe(48000);
    expect(v.tranches[0]).toEqual({ date: "2009-01-31", shares: 12000 });
    expect(v.tranches[1]).toEqual({ date: "2009-02-28", shares: 1000 });
    expect(scheduleForRow(f, "derivative", 5)).toBeNull();
  });

  it("scheduleFromModel rebuilds an edited model", () => {
    const model: VestingModel = {
      kind: "explicit",
      commencementDate: null,
      totalShares: 10,
      explicitTranches: [{ date: "2025-01-01" }, { date: "2026-01-01" }],
      notes: [],
    };
    expect(scheduleFromModel({ table: "derivative", index: 2 }, model, [])?.tranches).toEqual([
      { date: "2025-01-01", shares: 5 },
      { date: "2026-01-01", shares: 5 },
    ]);
    expect(scheduleFromModel({ table: "derivative", index: 2 }, { ...model, kind: "performance" }, [])).toBeNull();
  });
});

describe("footnote markers lost by the OCR", () => {
  const grant = () => {
    const f = emptyFiling("ocr-text");
    f.periodOfReport = "2024-03-01";
    f.derivative.push({
      kind: "transaction", securityTitle: "Stock Option (right to buy)", conversionOrExercisePrice: 10, transactionDate: "2024-03-01", deemedExecutionDate: null,
      transactionCode: "A", equitySwap: false, shares: 4800, acquiredDisposed: "A", price: 0, exerciseDate: null, exercisableImmediately: false, expirationDate: "2034-03-01",
      underlyingTitle: "Common Stock", underlyingShares: 4800, sharesOwnedFollowing: 4800, directOrIndirect: "D", natureOfOwnership: null, footnoteIds: [],
    });
    f.footnotes.push({ id: "1", text: "The option vests in 48 equal monthly installments beginning one month after the grant date." });
    return f;
  };

  it("links the one uncited vesting footnote to a grant row whose markers were lost, and says so", () => {
    const out = deriveVestingFromOcr(grant(), () => true);
    expect(out.schedules).toHaveLength(1);
    expect(out.schedules[0]).toMatchObject({ sourceFootnoteIds: ["1"], totalShares: 4800 });
    expect([...out.linked]).toEqual([0]);
  });

  it("links nothing when the markers were read, or when two footnotes could be the schedule", () => {
    expect(deriveVestingFromOcr(grant(), () => false).schedules).toEqual([]);
    const two = grant();
    two.footnotes.push({ id: "2", text: "The option vests in 12 equal quarterly installments beginning three months after the grant date." });
    expect(deriveVestingFromOcr(two, () => true).schedules).toEqual([]);
  });
});

describe("scheduleForRow: each footnote speaks of its own shares", () => {
  const stated = "The RSUs vest in equal annual installments over four years from March 17, 2025.";

  it("a note that the holding includes some performance units leaves the row's stated schedule standing", () => {
    const row = stock({ securityTitle: "Restricted Stock Units", transactionDate: "2025-03-17", shares: 4000, footnoteIds: ["1", "2"] });
    const f = filing({
      nonDerivative: [row],
      footnotes: [
        { id: "1", text: "Includes 15,000 unvested performance share units." },
        { id: "2", text: stated },
      ],
    });
    const s = scheduleForRow(f, "nonDerivative", 0)!;
    expect(s.sourceFootnoteIds).toEqual(["2"]);
    expect(s.tranches.map((t) => t.date)).toEqual(["2026-03-17", "2027-03-17", "2028-03-17", "2029-03-17"]);
  });

  it("a performance award's own terms still give no dates", () => {
    const row = stock({ securityTitle: "Performance Share Units", footnoteIds: ["1", "2"] });
    const f = filing({
      nonDerivative: [row],
      footnotes: [
        { id: "1", text: "The PSUs vest based on the achievement of performance goals over a three-year period." },
        { id: "2", text: stated },
      ],
    });
    expect(scheduleForRow(f, "nonDerivative", 0)).toBeNull();
  });

  it.each(["M", "C", "J", "P"])("an option acquired with code %s starts no schedule", (code) => {
    const f = filing({ derivative: [option({ transactionCode: code })], footnotes: [{ id: "1", text: SONUS }] });
    expect(scheduleForRow(f, "derivative", 0)).toBeNull();
  });

  it("an option whose code the OCR lost still has its schedule", () => {
    const f = filing({ derivative: [option({ transactionCode: null })], footnotes: [{ id: "1", text: SONUS }] });
    expect(scheduleForRow(f, "derivative", 0)?.tranches).toHaveLength(37);
  });
});
