import { describe, it, expect, afterAll, beforeEach } from "vitest";
import { createTestDb } from "./test-db";
import { storeFiling } from "./filings";
import { updateField, acceptField, acceptFields, revertEdit, addRow, removeRow, moveRow, setStatus, history, getCurrentFiling } from "./edits";
import { emptyFiling, emptyOwner, type DerivativeRow } from "../parse/types";
import { ConflictError, ValidationError } from "../errors";
import { deriveVesting } from "../vesting/derive";

const db = createTestDb();
afterAll(() => db.$disconnect());

const option = (title: string, shares: number): DerivativeRow => ({
  kind: "transaction",
  securityTitle: title,
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
  footnoteIds: ["1"],
});

let seq = 0;
async function stored(prepare: (f: ReturnType<typeof emptyFiling>) => void = () => {}) {
  const f = emptyFiling("ocr-text");
  f.issuer = { name: "SONUS NETWORKS INC", ticker: "SONS", cik: null };
  f.reportingOwners = [{ ...emptyOwner("JANZEN HOWARD E"), city: "WESTFORD" }];
  f.periodOfReport = "2007-12-17";
  f.derivative = [option("Stock Option (right to buy)", 40000), option("Restricted Stock Units", 5000)];
  f.footnotes = [{ id: "1", text: "Vests as to 25% one year from grant date." }];
  f.signatures = [{ name: "Howard E. Janzen", date: "2007-12-19" }];
  f.fieldConfidence = { "/derivative/0/shares": 0.5, "/derivative/1/transactionDate": 0.6, "/periodOfReport": 0.7, "/issuer/name": 0.95 };
  f.source.sha256 = String(++seq).padStart(64, "0");
  prepare(f);
  const r = await storeFiling({ filing: f, fileName: "f.txt", rawText: "FORM 4" }, db);
  return { id: r.filingId, parsedJson: JSON.stringify(f) };
}

const filingRow = (id: number) => db.filing.findUniqueOrThrow({ where: { id }, select: { version: true, uncertainCount: true, parsedJson: true, status: true, reviewedJson: true } });

describe("updateField", () => {
  let id: number;
  let parsedJson: string;
  beforeEach(async () => ({ id, parsedJson } = await stored()));

  it("saves the value, records old and new with author and reason, bumps the version, settles the field", async () => {
    expect((await filingRow(id)).uncertainCount).toBe(3);
    const r = await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "45,000", expectedVersion: 0, author: "Ana", reason: "OCR read 40,000" }, db);
    expect(r).toMatchObject({ version: 1, uncertainCount: 2 });
    expect((await getCurrentFiling(id, db))!.derivative[0].shares).toBe(45000);
    const [edit] = await history({ filingId: id, pointer: "/derivative/0/shares" }, db);
    expect(edit).toMatchObject({ action: "edit", oldValue: 40000, newValue: 45000, author: "Ana", reason: "OCR read 40,000", label: "Amount" });
    expect((await filingRow(id)).parsedJson).toBe(parsedJson);
  });

  it.each([
    ["/periodOfReport", "2023-02-29", /does not exist/],
    ["/periodOfReport", "12/17/2007", /YYYY-MM-DD/],
    ["/derivative/0/shares", "-5", /zero or more/],
    ["/derivative/0/shares", "lots", /number/],
    ["/derivative/0/transactionCode", "Q", /transaction codes/],
    ["/derivative/0/directOrIndirect", "X", /direct/],
    ["/issuer/name", "  ", /cannot be empty/],
  ])("refuses %s = %j with a message and saves nothing", async (pointer, value, message) => {
    const before = await getCurrentFiling(id, db);
    const attempt = updateField({ filingId: id, pointer, value, expectedVersion: 0, author: "Ana" }, db);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await getCurrentFiling(id, db)).toEqual(before);
    expect(await db.fieldEdit.count({ where: { filingId: id } })).toBe(0);
    expect((await filingRow(id)).version).toBe(0);
  });

  it("refuses pointers that name nothing editable", async () => {
    await expect(updateField({ filingId: id, pointer: "/issuer/sic", value: "1", expectedVersion: 0, author: "Ana" }, db)).rejects.toThrow(/not a field that can be corrected/);
    await expect(updateField({ filingId: id, pointer: "/derivative/9/shares", value: "1", expectedVersion: 0, author: "Ana" }, db)).rejects.toThrow(/not on this filing/);
  });

  it("takes a leap day, booleans, codes in lower case and an empty optional field", async () => {
    let v = 0;
    for (const [pointer, value] of [
      ["/periodOfReport", "2008-02-29"],
      ["/jointFiling", "true"],
      ["/derivative/1/transactionCode", "m"],
      ["/derivative/1/natureOfOwnership", "  "],
      ["/reportingOwners/0/city", "Boston"],
      ["/signatures/0/date", "2007-12-20"],
      ["/footnotes/0/text", "Vests in full on 17 Dec 2008."],
    ] as const) {
      v = (await updateField({ filingId: id, pointer, value, expectedVersion: v, author: "Ana" }, db)).version;
    }
    const f = (await getCurrentFiling(id, db))!;
    expect(f).toMatchObject({ periodOfReport: "2008-02-29", jointFiling: true, footnotes: [{ id: "1", text: "Vests in full on 17 Dec 2008." }], signatures: [{ date: "2007-12-20" }] });
    expect(f.derivative[1]).toMatchObject({ transactionCode: "M", natureOfOwnership: null });
    expect(f.reportingOwners[0].city).toBe("Boston");
  });

  it("corrects CIKs as ten digits, and a row's footnote markers as a list", async () => {
    const { id: own } = await stored((f) => {
      f.issuer = { name: "CIK TEST CO", ticker: "CIKT", cik: null };
      f.reportingOwners = [emptyOwner("CIK PERSON ONE")];
    });
    await expect(updateField({ filingId: own, pointer: "/issuer/cik", value: "320193", expectedVersion: 0, author: "Ana" }, db)).rejects.toThrow(/ten digits/);
    let v = (await updateField({ filingId: own, pointer: "/issuer/cik", value: " 0000320193 ", expectedVersion: 0, author: "Ana" }, db)).version;
    v = (await updateField({ filingId: own, pointer: "/reportingOwners/0/cik", value: "0001214156", expectedVersion: v, author: "Ana" }, db)).version;
    v = (await updateField({ filingId: own, pointer: "/derivative/0/footnoteIds", value: "(1), 2", expectedVersion: v, author: "Ana" }, db)).version;
    const f = (await getCurrentFiling(own, db))!;
    expect(f.issuer.cik).toBe("0000320193");
    expect(f.reportingOwners[0].cik).toBe("0001214156");
    expect(f.derivative[0].footnoteIds).toEqual(["1", "2"]);
    const [markers] = await history({ filingId: own, pointer: "/derivative/0/footnoteIds" }, db);
    expect(markers).toMatchObject({ action: "edit", oldValue: ["1"], newValue: ["1", "2"], label: "Footnotes" });
    // Undone like any correction.
    await revertEdit({ editId: markers.id, author: "Ana" }, db);
    expect((await getCurrentFiling(own, db))!.derivative[0].footnoteIds).toEqual(["1"]);
  });

  it("refuses a CIK another issuer or person already has", async () => {
    const { id: first } = await stored((f) => {
      f.issuer = { name: "TAKEN CO", ticker: null, cik: "0000000777" };
      f.reportingOwners = [{ ...emptyOwner("TAKEN PERSON"), cik: "0000000778" }];
    });
    const { id: second } = await stored((f) => {
      f.issuer = { name: "OTHER TAKEN CO", ticker: "OTK", cik: null };
      f.reportingOwners = [emptyOwner("OTHER TAKEN PERSON")];
    });
    await expect(updateField({ filingId: second, pointer: "/issuer/cik", value: "0000000777", expectedVersion: 0, author: "Ana" }, db)).rejects.toThrow(/already TAKEN CO's/);
    await expect(updateField({ filingId: second, pointer: "/reportingOwners/0/cik", value: "0000000778", expectedVersion: 0, author: "Ana" }, db)).rejects.toThrow(/already TAKEN PERSON's/);
    expect((await getCurrentFiling(second, db))!.issuer.cik).toBeNull();
    expect((await getCurrentFiling(first, db))!.issuer.cik).toBe("0000000777");
  });

  it("tells the second analyst of a conflict, with the first analyst's value, and saves nothing", async () => {
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: 41000, expectedVersion: 0, author: "Ana" }, db);
    const attempt = updateField({ filingId: id, pointer: "/derivative/0/shares", value: 42000, expectedVersion: 0, author: "Ben" }, db);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const err = (await attempt.catch((e) => e)) as ConflictError;
    expect(err).toMatchObject({ currentValue: 41000, changedBy: "Ana", currentVersion: 1 });
    expect((await getCurrentFiling(id, db))!.derivative[0].shares).toBe(41000);
  });

  it("lets a stale copy through when the field it changes was not touched since", async () => {
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: 41000, expectedVersion: 0, author: "Ana" }, db);
    const r = await updateField({ filingId: id, pointer: "/periodOfReport", value: "2007-12-18", expectedVersion: 0, author: "Ben" }, db);
    expect(r.version).toBe(2);
  });

  it("refuses a copy said to be read at a version the filing has not reached, like a stale one, and saves nothing", async () => {
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: 41000, expectedVersion: 0, author: "Ana" }, db);
    for (const expectedVersion of [2, 99]) {
      const attempt = updateField({ filingId: id, pointer: "/derivative/0/shares", value: 42000, expectedVersion, author: "Ben" }, db);
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      expect(await attempt.catch((e) => e)).toMatchObject({ currentValue: 41000, currentVersion: 1 });
    }
    expect((await getCurrentFiling(id, db))!.derivative[0].shares).toBe(41000);
    expect((await filingRow(id)).version).toBe(1);
    expect((await updateField({ filingId: id, pointer: "/derivative/0/shares", value: 42000, expectedVersion: 1, author: "Ben" }, db)).version).toBe(2);
  });

  it("counts saving the same value as accepting it", async () => {
    const r = await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "40000", expectedVersion: 0, author: "Ana" }, db);
    expect(r.uncertainCount).toBe(2);
    expect((await history({ filingId: id }, db))[0].action).toBe("accept");
  });
});

describe("acceptField", () => {
  it("records the accept and lowers the uncertain count; a settled field cannot be accepted again", async () => {
    const { id } = await stored();
    const r = await acceptField({ filingId: id, pointer: "/periodOfReport", author: "Ana" }, db);
    expect(r.uncertainCount).toBe(2);
    expect((await history({ filingId: id }, db))[0]).toMatchObject({ action: "accept", oldValue: "2007-12-17", newValue: "2007-12-17" });
    await expect(acceptField({ filingId: id, pointer: "/periodOfReport", author: "Ana" }, db)).rejects.toThrow(/not waiting/);
    await expect(acceptField({ filingId: id, pointer: "/issuer/name", author: "Ana" }, db)).rejects.toThrow(/not waiting/);
  });

  it("accepts a footnote marker, and a table the parser doubts it read in full, by the labels the screen shows", async () => {
    const { id } = await stored((f) => Object.assign(f.fieldConfidence, { "/footnotes/0/id": 0.5, "/derivative": 0.5, "/vesting/0/totalShares": 0.5 }));
    expect((await filingRow(id)).uncertainCount).toBe(5);
    await acceptField({ filingId: id, pointer: "/footnotes/0/id", author: "Ana" }, db);
    const r = await acceptField({ filingId: id, pointer: "/derivative", author: "Ana" }, db);
    expect(r.uncertainCount).toBe(3);
    expect((await history({ filingId: id }, db)).map((h) => [h.action, h.label])).toEqual([["accept", "Table II rows"], ["accept", "Marker"]]);
    await expect(acceptField({ filingId: id, pointer: "/vesting/0/totalShares", author: "Ana" }, db)).rejects.toThrow(/not waiting/);
  });

  it("counts no confidence left on a row that was removed", async () => {
    const { id } = await stored();
    const r = await removeRow({ filingId: id, table: "derivative", index: 0, expectedVersion: 0, author: "Ana" }, db);
    expect(r.uncertainCount).toBe(2);
  });

  it("accepts every open field of a section, one history entry each, skipping one settled meanwhile", async () => {
    const { id } = await stored();
    await acceptField({ filingId: id, pointer: "/derivative/1/transactionDate", author: "Ben" }, db);
    const r = await acceptFields({ filingId: id, pointers: ["/derivative/0/shares", "/derivative/1/transactionDate"], author: "Ana" }, db);
    expect(r).toMatchObject({ accepted: 1, uncertainCount: 1 });
    expect((await history({ filingId: id }, db)).map((h) => [h.author, h.action, h.pointer])).toEqual([
      ["Ana", "accept", "/derivative/0/shares"],
      ["Ben", "accept", "/derivative/1/transactionDate"],
    ]);
    await expect(acceptFields({ filingId: id, pointers: ["/derivative/0/shares"], author: "Ana" }, db)).rejects.toThrow(/None of these/);
  });

  it("needs an author", async () => {
    const { id } = await stored();
    await expect(acceptField({ filingId: id, pointer: "/periodOfReport", author: " " }, db)).rejects.toThrow(/who you are/);
  });
});

describe("revertEdit", () => {
  it("reverts an accept: the field waits for review again, its value unchanged, and the history says so", async () => {
    const { id } = await stored();
    const a = await acceptField({ filingId: id, pointer: "/periodOfReport", author: "Ana" }, db);
    const r = await revertEdit({ editId: a.editId, author: "Ben" }, db);
    expect(r.uncertainCount).toBe(3);
    expect(JSON.parse((await filingRow(id)).reviewedJson)).toEqual([]);
    expect((await getCurrentFiling(id, db))!.periodOfReport).toBe("2007-12-17");
    const [undo, accept] = await history({ filingId: id }, db);
    expect(undo).toMatchObject({ action: "unaccept", revertsId: a.editId, author: "Ben", label: "Date of earliest transaction" });
    expect(accept.revertedById).toBe(r.editId);
    await expect(revertEdit({ editId: a.editId, author: "Ben" }, db)).rejects.toThrow(/already been reverted/);
  });

  it("refuses to revert an accept the field has been corrected since", async () => {
    const { id } = await stored();
    const a = await acceptField({ filingId: id, pointer: "/periodOfReport", author: "Ana" }, db);
    await updateField({ filingId: id, pointer: "/periodOfReport", value: "2007-12-18", expectedVersion: a.version, author: "Ana" }, db);
    await expect(revertEdit({ editId: a.editId, author: "Ana" }, db)).rejects.toThrow(/changed or accepted again since/);
  });

  it("restores the old value and records the revert against the edit", async () => {
    const { id, parsedJson } = await stored();
    const e = await updateField({ filingId: id, pointer: "/periodOfReport", value: "2007-12-18", expectedVersion: 0, author: "Ana" }, db);
    const r = await revertEdit({ editId: e.editId, author: "Ben" }, db);
    expect((await getCurrentFiling(id, db))!.periodOfReport).toBe("2007-12-17");
    const [revert, edit] = await history({ filingId: id, pointer: "/periodOfReport" }, db);
    expect(revert).toMatchObject({ id: r.editId, action: "revert", revertsId: e.editId, oldValue: "2007-12-18", newValue: "2007-12-17", author: "Ben" });
    expect(edit.revertedById).toBe(r.editId);
    await expect(revertEdit({ editId: e.editId, author: "Ben" }, db)).rejects.toThrow(/already been reverted/);
    expect((await filingRow(id)).parsedJson).toBe(parsedJson);
  });

  it("refuses when the field has changed again since", async () => {
    const { id } = await stored();
    const a = await updateField({ filingId: id, pointer: "/periodOfReport", value: "2007-12-18", expectedVersion: 0, author: "Ana" }, db);
    await updateField({ filingId: id, pointer: "/periodOfReport", value: "2007-12-19", expectedVersion: 1, author: "Ben" }, db);
    await expect(revertEdit({ editId: a.editId, author: "Ana" }, db)).rejects.toBeInstanceOf(ConflictError);
    expect((await getCurrentFiling(id, db))!.periodOfReport).toBe("2007-12-19");
  });
});

describe("rows", () => {
  it("adds, moves and removes rows; review state and pointers follow the rows", async () => {
    const { id, parsedJson } = await stored();
    const added = await addRow({ filingId: id, table: "derivative", expectedVersion: 0, author: "Ana" }, db);
    expect(added.index).toBe(2);
    await updateField({ filingId: id, pointer: "/derivative/2/securityTitle", value: "Warrant", expectedVersion: added.version, author: "Ana" }, db);
    await moveRow({ filingId: id, table: "derivative", from: 0, to: 2, expectedVersion: 2, author: "Ana" }, db);
    let f = (await getCurrentFiling(id, db))!;
    expect(f.derivative.map((r) => r.securityTitle)).toEqual(["Restricted Stock Units", "Warrant", "Stock Option (right to buy)"]);
    expect(f.fieldConfidence).toMatchObject({ "/derivative/2/shares": 0.5, "/derivative/0/transactionDate": 0.6 });

    const r = await removeRow({ filingId: id, table: "derivative", index: 0, expectedVersion: 3, author: "Ana", reason: "duplicate" }, db);
    f = (await getCurrentFiling(id, db))!;
    expect(f.derivative.map((x) => x.securityTitle)).toEqual(["Warrant", "Stock Option (right to buy)"]);
    expect(r.uncertainCount).toBe(2);
    expect((await history({ filingId: id }, db)).map((h) => h.action)).toEqual(["remove-row", "move-row", "edit", "add-row"]);
    expect((await filingRow(id)).parsedJson).toBe(parsedJson);
  });

  it("undoes row changes newest first, back to the parser's rows; a removed grant comes back with its values and vesting", async () => {
    const { id } = await stored((f) => {
      f.footnotes = [{ id: "1", text: "The option vests in four equal annual installments beginning on the first anniversary of the grant date." }];
      f.vesting = deriveVesting(f);
    });
    const titles = async () => (await getCurrentFiling(id, db))!.derivative.map((r) => r.securityTitle);
    const schedules = () => db.vestingSchedule.findMany({ where: { filingId: id }, orderBy: { rowIndex: "asc" }, select: { rowIndex: true, totalShares: true } });
    const parsed = { titles: await titles(), schedules: await schedules() };
    expect(parsed.schedules).toEqual([{ rowIndex: 0, totalShares: 40000 }, { rowIndex: 1, totalShares: 5000 }]);

    const added = await addRow({ filingId: id, table: "derivative", expectedVersion: 0, author: "Ana" }, db);
    const moved = await moveRow({ filingId: id, table: "derivative", from: 2, to: 0, expectedVersion: added.version, author: "Ana" }, db);
    await removeRow({ filingId: id, table: "derivative", index: 1, expectedVersion: moved.version, author: "Ana" }, db);
    expect(await titles()).toEqual(["", "Restricted Stock Units"]);
    const idOf = async (action: string) => (await history({ filingId: id }, db)).find((h) => h.action === action && h.revertsId === null)!.id;

    await expect(revertEdit({ editId: await idOf("add-row"), author: "Ben" }, db)).rejects.toThrow(/changed again since/);

    const removal = await idOf("remove-row");
    await revertEdit({ editId: removal, author: "Ben", reason: "not a duplicate" }, db);
    expect(await titles()).toEqual(["", "Stock Option (right to buy)", "Restricted Stock Units"]);
    expect((await getCurrentFiling(id, db))!.derivative[1]).toMatchObject({ shares: 40000, conversionOrExercisePrice: 6.1, footnoteIds: ["1"] });
    expect(await schedules()).toEqual([{ rowIndex: 1, totalShares: 40000 }, { rowIndex: 2, totalShares: 5000 }]);
    expect((await history({ filingId: id }, db))[0]).toMatchObject({ action: "add-row", author: "Ben", revertsId: removal, reason: "not a duplicate" });
    await expect(revertEdit({ editId: removal, author: "Ben" }, db)).rejects.toThrow(/already been reverted/);

    await revertEdit({ editId: await idOf("move-row"), author: "Ben" }, db);
    expect(await titles()).toEqual(["Stock Option (right to buy)", "Restricted Stock Units", ""]);
    await revertEdit({ editId: await idOf("add-row"), author: "Ben" }, db);
    expect(await titles()).toEqual(parsed.titles);
    expect(await schedules()).toEqual(parsed.schedules);
    expect((await history({ filingId: id }, db)).map((h) => h.action)).toEqual(["remove-row", "move-row", "add-row", "remove-row", "move-row", "add-row"]);
  });

  it("refuses adding, moving and removing rows from a copy said to be read at a version the filing has not reached", async () => {
    const { id } = await stored();
    const common = { filingId: id, table: "derivative" as const, expectedVersion: 1, author: "Ana" };
    await expect(addRow(common, db)).rejects.toBeInstanceOf(ConflictError);
    await expect(moveRow({ ...common, from: 0, to: 1 }, db)).rejects.toBeInstanceOf(ConflictError);
    await expect(removeRow({ ...common, index: 0 }, db)).rejects.toBeInstanceOf(ConflictError);
    expect((await getCurrentFiling(id, db))!.derivative).toHaveLength(2);
    expect((await filingRow(id)).version).toBe(0);
  });

  it("refuses a field edit from a copy read before the rows moved", async () => {
    const { id } = await stored();
    await moveRow({ filingId: id, table: "derivative", from: 0, to: 1, expectedVersion: 0, author: "Ana" }, db);
    await expect(updateField({ filingId: id, pointer: "/derivative/0/shares", value: 1, expectedVersion: 0, author: "Ben" }, db)).rejects.toThrow(/rows/);
  });
});

describe("setStatus", () => {
  it("marks the filing reviewed and records it", async () => {
    const { id } = await stored();
    await setStatus({ filingId: id, status: "reviewed", author: "Ana" }, db);
    expect((await filingRow(id)).status).toBe("reviewed");
    expect((await history({ filingId: id }, db))[0]).toMatchObject({ action: "status", oldValue: "needs_review", newValue: "reviewed" });
    await expect(setStatus({ filingId: id, status: "reviewed", author: "Ana" }, db)).rejects.toThrow(/already/);
  });

  it("keeps who marked it reviewed, when, and how many fields were still open; reopening clears it", async () => {
    const { id } = await stored();
    await acceptField({ filingId: id, pointer: "/periodOfReport", author: "Ana" }, db);
    const before = new Date();
    await setStatus({ filingId: id, status: "reviewed", author: " Ana " }, db);
    const signOff = () => db.filing.findUniqueOrThrow({ where: { id }, select: { reviewedBy: true, reviewedAt: true, reviewedOpenCount: true } });
    const marked = await signOff();
    expect(marked).toMatchObject({ reviewedBy: "Ana", reviewedOpenCount: 2 });
    expect(marked.reviewedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    await setStatus({ filingId: id, status: "needs_review", author: "Ben" }, db);
    expect(await signOff()).toEqual({ reviewedBy: null, reviewedAt: null, reviewedOpenCount: null });
  });
});

describe("getCurrentFiling", () => {
  it("is the parser's output until someone corrects it", async () => {
    // Its own issuer and person: issuers and people are shared across filings, and other tests correct them.
    const { id, parsedJson } = await stored((f) => {
      f.issuer = { name: "OTHER CO", ticker: "OTHR", cik: null };
      f.reportingOwners = [{ ...emptyOwner("ROE RICHARD"), city: "SALEM" }];
    });
    expect(await getCurrentFiling(id, db)).toEqual(JSON.parse(parsedJson));
  });
});

describe("vesting follows corrections", () => {
  const VESTS = "The option vests as to 25% of the shares one year from grant date and then, as to the remaining 75% of the shares, in equal monthly increments for the following 36 months.";
  const withSchedule = () =>
    stored((f) => {
      f.footnotes = [{ id: "1", text: VESTS }];
      f.derivative = [f.derivative[0]];
      f.vesting = deriveVesting(f);
    });
  const schedule = async (id: number) => (await getCurrentFiling(id, db))!.vesting[0];
  const total = (s: { tranches: { shares: number }[] }) => s.tranches.reduce((n, t) => n + t.shares, 0);

  it("reads the schedule again when the amount or grant date is corrected, and again on revert", async () => {
    const { id } = await withSchedule();
    expect(await schedule(id)).toMatchObject({ totalShares: 40000, tranches: expect.arrayContaining([{ date: "2008-12-17", shares: 10000 }]) });
    const e = await updateField({ filingId: id, pointer: "/derivative/0/shares", value: 48000, expectedVersion: 0, author: "Ana" }, db);
    expect((await schedule(id)).totalShares).toBe(48000);
    expect(total(await schedule(id))).toBe(48000);
    await updateField({ filingId: id, pointer: "/derivative/0/transactionDate", value: "2008-01-15", expectedVersion: e.version, author: "Ana" }, db);
    expect((await schedule(id)).tranches[0]).toEqual({ date: "2009-01-15", shares: 12000 });
    await revertEdit({ editId: e.editId, author: "Ana" }, db);
    expect(total(await schedule(id))).toBe(40000);
  });

  it("drops the schedule when the footnote no longer describes one, and leaves an analyst's schedule alone", async () => {
    const { id } = await withSchedule();
    await updateField({ filingId: id, pointer: "/footnotes/0/text", value: "Granted under the 2007 plan.", expectedVersion: 0, author: "Ana" }, db);
    expect((await getCurrentFiling(id, db))!.vesting).toEqual([]);

    const other = await withSchedule();
    await db.vestingSchedule.updateMany({ where: { filingId: other.id }, data: { origin: "analyst" } });
    await updateField({ filingId: other.id, pointer: "/derivative/0/shares", value: 48000, expectedVersion: 0, author: "Ana" }, db);
    expect((await schedule(other.id)).totalShares).toBe(40000);
  });
});
