import { describe, it, expect, afterAll, beforeEach } from "vitest";
import { readFileSync } from "node:fs";
import { createTestDb } from "./test-db";
import { ingestFile } from "../ingest";
import { updateField, revertEdit, history, getCurrentFiling } from "./edits";
import { reparseFiling } from "./reparse";
import { openUncertain, shapeOf } from "../review/uncertain";
import { ConflictError, ValidationError } from "../errors";

const db = createTestDb();
afterAll(() => db.$disconnect());

const seed = readFileSync("lib/parse/fixtures/markdown/seed-000.md", "utf8");

let id: number;
let parsedJson: string;
beforeEach(async () => {
  // A database per file, so each test stores the seed afresh under a different sha256.
  await db.filing.deleteMany();
  const r = await ingestFile("seed-000.md", new TextEncoder().encode(seed), db);
  if (r.status !== "stored") throw new Error(`seed not stored: ${JSON.stringify(r)}`);
  id = r.filingId;
  ({ parsedJson } = await db.filing.findUniqueOrThrow({ where: { id }, select: { parsedJson: true } }));
});

/** What a parser change would do: the same source now reads differently. */
const changeSource = (...replacements: [from: string, to: string][]) =>
  db.filing.update({ where: { id }, data: { rawText: replacements.reduce((text, [from, to]) => text.replace(from, to), seed) } });
const version = async () => (await db.filing.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("reparseFiling", () => {
  it("changes nothing when the parser reads the source as before", async () => {
    const r = await reparseFiling({ filingId: id, author: "Ana", expectedVersion: 0 }, db);
    expect(r).toEqual({ version: 1, applied: [], rows: [], disagreements: [] });
    expect(await db.fieldEdit.count({ where: { filingId: id } })).toBe(0);
  });

  it("keeps the analyst's corrections, applies the new parse elsewhere as revertible changes, reports disagreements", async () => {
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "45000", expectedVersion: 0, author: "Ana" }, db);
    await updateField({ filingId: id, pointer: "/signatures/0/date", value: "2007-12-19", expectedVersion: 1, author: "Ana" }, db);
    await changeSource(["| 12/17/2017 |", "| 12/17/2018 |"], ["12/18/2007", "12/19/2007"]);

    const r = await reparseFiling({ filingId: id, author: "Ben", expectedVersion: 2 }, db);

    expect(r.applied).toEqual([{ pointer: "/derivative/0/expirationDate", from: "2017-12-17", to: "2018-12-17" }]);
    // The signature date the analyst typed is what the new parse reads too: no disagreement.
    expect(r.disagreements).toEqual([{ pointer: "/derivative/0/shares", analystValue: 45000, parserValue: 40000 }]);
    const current = (await getCurrentFiling(id, db))!;
    expect(current.derivative[0].shares).toBe(45000);
    expect(current.signatures[0].date).toBe("2007-12-19");
    expect(current.derivative[0].expirationDate).toBe("2018-12-17");
    const [change] = await history({ filingId: id, pointer: "/derivative/0/expirationDate" }, db);
    expect(change).toMatchObject({ action: "reparse", author: "Ben", oldValue: "2017-12-17", newValue: "2018-12-17" });

    const row = await db.filing.findUniqueOrThrow({ where: { id } });
    expect(row.parsedJson).toBe(parsedJson);
    expect(JSON.parse(row.reparsedJson!).derivative[0].expirationDate).toBe("2018-12-17");
    expect(row.version).toBe(3);

    await revertEdit({ editId: change.id, author: "Ana" }, db);
    expect((await getCurrentFiling(id, db))!.derivative[0].expirationDate).toBe("2017-12-17");
  });

  it("applies the new parse to a field whose correction was reverted", async () => {
    const { editId } = await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "45000", expectedVersion: 0, author: "Ana" }, db);
    await revertEdit({ editId, author: "Ana" }, db);
    await changeSource(["| 40,000 | | (1) |", "| 41,000 | | (1) |"]);
    const r = await reparseFiling({ filingId: id, author: "Ben", expectedVersion: 2 }, db);
    expect(r.applied).toEqual([{ pointer: "/derivative/0/shares", from: 40000, to: 41000 }]);
    expect(r.disagreements).toEqual([]);
  });

  it("takes confidences from the new parse except for corrected fields", async () => {
    await db.filing.update({ where: { id }, data: { confidenceJson: JSON.stringify({ "/derivative/0/shares": 0.4, "/remarks": 0.3 }) } });
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "45000", expectedVersion: 0, author: "Ana" }, db);
    await reparseFiling({ filingId: id, author: "Ana", expectedVersion: 1 }, db);
    const row = await db.filing.findUniqueOrThrow({ where: { id } });
    const confidence = JSON.parse(row.confidenceJson);
    expect(confidence["/derivative/0/shares"]).toBe(0.4);
    expect(confidence["/remarks"]).toBe(JSON.parse(parsedJson).fieldConfidence["/remarks"]);
    expect(row.uncertainCount).toBe(openUncertain(JSON.parse(parsedJson).fieldConfidence, ["/derivative/0/shares"], shapeOf(JSON.parse(parsedJson))).length);
  });

  it("refuses a stale copy, and a source whose rows now differ where the analyst corrected that table, changing nothing", async () => {
    await updateField({ filingId: id, pointer: "/derivative/0/shares", value: "45000", expectedVersion: 0, author: "Ana" }, db);
    await expect(reparseFiling({ filingId: id, author: "Ben", expectedVersion: 0 }, db)).rejects.toBeInstanceOf(ConflictError);

    const row = seed.split("\n").find((l) => l.startsWith("| Stock Option (right to buy) |"))!;
    await changeSource([row, `${row}\n${row}`]);
    const attempt = reparseFiling({ filingId: id, author: "Ben", expectedVersion: 1 }, db);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/reads 2 Table II row\(s\) where the filing has 1, and Table II has corrections/);
    expect(await version()).toBe(1);
    expect((await db.filing.findUniqueOrThrow({ where: { id } })).reparsedJson).toBeNull();
  });

  it("adds a row the new parse finds, with its vesting, as a revertible row change; removes one it no longer finds", async () => {
    const row = seed.split("\n").find((l) => l.startsWith("| Stock Option (right to buy) |"))!;
    await changeSource([row, `${row}\n${row.replace("Stock Option (right to buy)", "Stock Option (right to buy) II")}`]);
    const r = await reparseFiling({ filingId: id, author: "Ben", expectedVersion: 0 }, db);
    expect(r.rows).toEqual([{ table: "derivative", index: 1, action: "add-row" }]);
    const f = (await getCurrentFiling(id, db))!;
    expect(f.derivative.map((d) => d.securityTitle)).toEqual(["Stock Option (right to buy)", "Stock Option (right to buy) II"]);
    expect(f.derivative[1]).toMatchObject({ shares: f.derivative[0].shares, expirationDate: f.derivative[0].expirationDate });
    expect(f.vesting.map((v) => v.row)).toEqual([{ table: "derivative", index: 0 }, { table: "derivative", index: 1 }]);
    const [added] = await history({ filingId: id, pointer: "/derivative/1" }, db);
    expect(added).toMatchObject({ action: "add-row", author: "Ben", reason: "re-parse" });

    await revertEdit({ editId: added.id, author: "Ben" }, db);
    expect((await getCurrentFiling(id, db))!.derivative).toHaveLength(1);

    // The source as it was: the parser reads one row again, where the filing now has one: nothing to do.
    await changeSource();
    const again = await reparseFiling({ filingId: id, author: "Ben", expectedVersion: await version() }, db);
    expect(again.rows).toEqual([]);
  });

  it("removes trailing rows the new parse no longer reads", async () => {
    const row = seed.split("\n").find((l) => l.startsWith("| Stock Option (right to buy) |"))!;
    await changeSource([row, ""]);
    const r = await reparseFiling({ filingId: id, author: "Ben", expectedVersion: 0 }, db);
    expect(r.rows).toEqual([{ table: "derivative", index: 0, action: "remove-row" }]);
    expect((await getCurrentFiling(id, db))!.derivative).toHaveLength(0);
    expect(await db.vestingSchedule.count({ where: { filingId: id } })).toBe(0);
    const [removed] = await history({ filingId: id, pointer: "/derivative/0" }, db);
    await revertEdit({ editId: removed.id, author: "Ben" }, db);
    expect((await getCurrentFiling(id, db))!.derivative).toHaveLength(1);
    expect(await db.vestingSchedule.count({ where: { filingId: id } })).toBe(1);
  });
});
