import { describe, it, expect, afterAll } from "vitest";
import { createTestDb } from "./test-db";
import { storeFiling } from "./filings";
import { getCurrentFiling, history, revertEdit, updateField } from "./edits";
import { saveSchedule } from "./vesting";
import { emptyFiling, emptyOwner, type DerivativeRow } from "../parse/types";
import { deriveVesting } from "../vesting/derive";
import { storedModel, type VestingModel } from "../vesting/model";
import { ConflictError, ValidationError } from "../errors";

const db = createTestDb();
afterAll(() => db.$disconnect());

const option = (shares: number, footnoteIds: string[]): DerivativeRow => ({
  kind: "transaction",
  securityTitle: "Stock Option (right to buy)",
  conversionOrExercisePrice: 6.1,
  transactionDate: "2007-12-17",
  deemedExecutionDate: null,
  transactionCode: "A",
  equitySwap: false,
  shares,
  acquiredDisposed: "A",
  exerciseDate: null,
  exercisableImmediately: false,
  expirationDate: "2017-12-17",
  underlyingTitle: "Common Stock",
  underlyingShares: shares,
  price: 0,
  sharesOwnedFollowing: shares,
  directOrIndirect: "D",
  natureOfOwnership: null,
  footnoteIds,
});

let seq = 0;
async function stored() {
  const f = emptyFiling("ocr-text");
  f.issuer = { name: "SONUS NETWORKS INC", ticker: "SONS", cik: null };
  f.reportingOwners = [emptyOwner("JANZEN HOWARD E")];
  f.periodOfReport = "2007-12-17";
  f.derivative = [option(40000, ["1"]), option(5000, [])];
  f.footnotes = [{ id: "1", text: "The option vests as to 25% of the shares one year from grant date and then in equal monthly increments for the following 36 months." }];
  f.source.sha256 = `v${String(++seq).padStart(63, "0")}`;
  f.vesting = deriveVesting(f);
  return (await storeFiling({ filing: f, fileName: "f.txt", rawText: "FORM 4" }, db)).filingId;
}

const quarterly: VestingModel = {
  kind: "installments",
  commencementDate: "2008-01-01",
  totalShares: 40000,
  installments: { count: 8, intervalMonths: 3 },
  notes: [],
};

const scheduleOf = async (id: number, row: number) => (await getCurrentFiling(id, db))!.vesting.find((v) => v.row.index === row) ?? null;
const originOf = async (id: number, row: number) => (await db.vestingSchedule.findFirst({ where: { filingId: id, rowIndex: row }, select: { origin: true } }))?.origin;

describe("storedModel", () => {
  it("is no model for the bulk loader's empty one, and a model always has its notes", () => {
    expect(storedModel("{}")).toBeUndefined();
    expect(storedModel(JSON.stringify({ kind: "immediate", commencementDate: "2020-01-01", totalShares: 10 }))).toEqual({ kind: "immediate", commencementDate: "2020-01-01", totalShares: 10, notes: [] });
  });
});

describe("saveSchedule", () => {
  it("replaces the tranches, makes the schedule the analyst's and records old and new in one edit; revert puts the parser's back", async () => {
    const id = await stored();
    const parsed = await scheduleOf(id, 0);
    expect(parsed!.tranches).toHaveLength(37);
    const r = await saveSchedule({ filingId: id, rowIndex: 0, model: quarterly, expectedVersion: 0, author: "Ana" }, db);
    expect(r.version).toBe(1);
    const saved = await scheduleOf(id, 0);
    expect(saved!.tranches.map((t) => t.shares)).toEqual(Array(8).fill(5000));
    expect(saved!.tranches.map((t) => t.date)).toEqual(["2008-04-01", "2008-07-01", "2008-10-01", "2009-01-01", "2009-04-01", "2009-07-01", "2009-10-01", "2010-01-01"]);
    expect(saved!.model).toEqual(quarterly);
    expect(saved!.sourceFootnoteIds).toEqual(["1"]);
    expect(await originOf(id, 0)).toBe("analyst");

    const [edit] = await history({ filingId: id }, db);
    expect(edit).toMatchObject({ pointer: "/vesting/0", action: "edit", author: "Ana", label: "Vesting schedule (Table II row 1)" });
    expect(edit.oldValue).toMatchObject({ origin: "parser", tranches: parsed!.tranches });
    expect(edit.newValue).toMatchObject({ origin: "analyst", totalShares: 40000 });

    await revertEdit({ editId: r.editId, author: "Ben" }, db);
    expect(await scheduleOf(id, 0)).toEqual(parsed);
    expect(await originOf(id, 0)).toBe("parser");
    expect((await history({ filingId: id }, db))[0]).toMatchObject({ action: "revert", revertsId: r.editId, author: "Ben" });
  });

  it("enters a schedule by hand for a grant without one, as single tranches; revert removes it", async () => {
    const id = await stored();
    expect(await scheduleOf(id, 1)).toBeNull();
    const model: VestingModel = {
      kind: "explicit",
      commencementDate: "2007-12-17",
      totalShares: 5000,
      explicitTranches: [{ date: "2009-06-30", shares: 3000 }, { date: "2008-06-30", shares: 2000 }],
      notes: [],
    };
    const r = await saveSchedule({ filingId: id, rowIndex: 1, model, expectedVersion: 0, author: "Ana" }, db);
    expect((await scheduleOf(id, 1))!.tranches).toEqual([{ date: "2008-06-30", shares: 2000 }, { date: "2009-06-30", shares: 3000 }]);
    await revertEdit({ editId: r.editId, author: "Ana" }, db);
    expect(await scheduleOf(id, 1)).toBeNull();
  });

  it.each([
    [{ ...quarterly, installments: { count: 0, intervalMonths: 3 } }, /At least one installment/],
    [{ ...quarterly, commencementDate: "2008-02-30" }, /real date/],
    [{ kind: "explicit", commencementDate: null, totalShares: 100, explicitTranches: [{ date: "2009-01-01", shares: 60 }], notes: [] }, /add up/],
    [{ ...quarterly, kind: "performance" }, /./],
  ])("refuses a schedule that cannot be saved and writes nothing: %j", async (model, message) => {
    const id = await stored();
    const before = await scheduleOf(id, 0);
    const attempt = saveSchedule({ filingId: id, rowIndex: 0, model, expectedVersion: 0, author: "Ana" }, db);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await scheduleOf(id, 0)).toEqual(before);
    expect(await history({ filingId: id }, db)).toEqual([]);
  });

  it("refuses a stale copy when the grant's amount was corrected since, and keeps the schedule the analyst saved when the row changes later", async () => {
    const id = await stored();
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "48000", expectedVersion: 0, author: "Ben" }, db);
    await expect(saveSchedule({ filingId: id, rowIndex: 0, model: quarterly, expectedVersion: 0, author: "Ana" }, db)).rejects.toBeInstanceOf(ConflictError);
    // A change elsewhere (another row) does not make the copy stale for this grant.
    await updateField({ filingId: id, pointer: "/derivative/1/price", value: "1", expectedVersion: 1, author: "Ben" }, db);
    await saveSchedule({ filingId: id, rowIndex: 0, model: quarterly, expectedVersion: 1, author: "Ana" }, db);
    await updateField({ filingId: id, pointer: "/derivative/0/transactionDate", value: "2007-12-18", expectedVersion: 3, author: "Ben" }, db);
    expect((await scheduleOf(id, 0))!.model).toEqual(quarterly);
  });

  it("refuses a schedule from a copy said to be read at a version the filing has not reached", async () => {
    const id = await stored();
    const before = await scheduleOf(id, 0);
    await expect(saveSchedule({ filingId: id, rowIndex: 0, model: quarterly, expectedVersion: 5, author: "Ana" }, db)).rejects.toBeInstanceOf(ConflictError);
    expect(await scheduleOf(id, 0)).toEqual(before);
    expect(await history({ filingId: id }, db)).toEqual([]);
  });

  it("refuses to revert a schedule edit once a later one replaced it", async () => {
    const id = await stored();
    const first = await saveSchedule({ filingId: id, rowIndex: 0, model: quarterly, expectedVersion: 0, author: "Ana" }, db);
    await saveSchedule({ filingId: id, rowIndex: 0, model: { ...quarterly, installments: { count: 4, intervalMonths: 12 } }, expectedVersion: 1, author: "Ana" }, db);
    await expect(revertEdit({ editId: first.editId, author: "Ana" }, db)).rejects.toBeInstanceOf(ConflictError);
  });
});
