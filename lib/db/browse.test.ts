import { describe, it, expect, afterAll, beforeAll } from "vitest";
import { createTestDb, createTestDbFile } from "./test-db";
import { storeFiling } from "./filings";
import { generateFilings, fourYearTranches } from "./generate";
import { addMonths } from "../vesting/dates";
import { bulkInsertFilings } from "./bulk-insert";
import { storeGeneratedFilings } from "./seed";
import { findInsiders, findHoldings, findInsiderFilings, getInsider } from "./insiders";
import { findGrants, findInsiderGrants } from "./grants";
import { findIssuers, findIssuerInsiders, findVestingByMonth } from "./issuers";
import { findFilings } from "./filing-search";
import { findInsiderVesting, findIssuerActivity, findExpirationsByMonth } from "./timelines";
import { mergeInsiders, unmergeInsider, findMergeCandidates, MergeError } from "./merge";
import { nameKey } from "../names";
import { emptyFiling, emptyOwner, type DerivativeRow, type Filing, type NonDerivativeRow } from "../parse/types";

const db = createTestDb();
afterAll(() => db.$disconnect());

let sha = 0;
function filing(over: Partial<Filing> & { owner?: string; ownerCik?: string | null }): Filing {
  const f = emptyFiling("edgar-xml");
  f.issuer = { name: "SONUS NETWORKS INC", ticker: "SONS", cik: "0001105472" };
  f.reportingOwners = [{ ...emptyOwner(over.owner ?? "JANZEN HOWARD E"), cik: over.ownerCik === undefined ? "0001234567" : over.ownerCik, isOfficer: true, officerTitle: "CEO", isDirector: true }];
  f.source.sha256 = String(++sha).padStart(64, "0");
  const { owner: _o, ownerCik: _c, ...rest } = over;
  return { ...f, ...rest, source: { format: rest.source?.format ?? "edgar-xml", sha256: f.source.sha256 } };
}
const common = (over: Partial<NonDerivativeRow>): NonDerivativeRow => ({
  kind: "transaction", securityTitle: "Common Stock", transactionDate: null, deemedExecutionDate: null, transactionCode: null, equitySwap: false,
  shares: null, acquiredDisposed: null, price: null, sharesOwnedFollowing: null, directOrIndirect: "D", natureOfOwnership: null, footnoteIds: [], ...over,
});
const option = (over: Partial<DerivativeRow>): DerivativeRow => ({
  kind: "transaction", securityTitle: "Stock Option (right to buy)", conversionOrExercisePrice: 6.1, transactionDate: "2007-12-17", deemedExecutionDate: null,
  transactionCode: "A", equitySwap: false, shares: 40000, acquiredDisposed: "A", exerciseDate: null, exercisableImmediately: false, expirationDate: "2017-12-17",
  underlyingTitle: "Common Stock", underlyingShares: 40000, price: 0, sharesOwnedFollowing: 40000, directOrIndirect: "D", natureOfOwnership: null, footnoteIds: ["1"], ...over,
});
const store = (f: Filing) => storeFiling({ filing: f, fileName: `${f.source.sha256!.slice(-4)}.xml`, rawText: "" }, db);

let janzen: number;
beforeAll(async () => {
  // Form 3: direct and indirect holdings. Form 4: an option grant vesting over four years, and a sale.
  const f3 = await store(filing({
    formType: "3", periodOfReport: "2007-01-10",
    nonDerivative: [common({ kind: "holding", sharesOwnedFollowing: 100000 }), common({ kind: "holding", sharesOwnedFollowing: 5000, directOrIndirect: "I", natureOfOwnership: "By Trust" })],
  }));
  await store(filing({
    periodOfReport: "2007-12-17",
    derivative: [option({})],
    vesting: [{ row: { table: "derivative", index: 0 }, totalShares: 40000, commencementDate: "2007-12-17", sourceFootnoteIds: ["1"], tranches: fourYearTranches("2007-12-17", 40000) }],
  }));
  // An OCR copy reads the name with other case and punctuation and no CIK: the same person by nameKey.
  await store(filing({
    owner: "Janzen Howard E.", ownerCik: null, periodOfReport: "2008-03-03", source: { format: "ocr-text" },
    nonDerivative: [common({ transactionDate: "2008-03-03", transactionCode: "S", shares: 2500, acquiredDisposed: "D", price: 5.52, sharesOwnedFollowing: 97500 })],
  }));
  // A different spelling OCR garbled: a second record, until an analyst merges it.
  await store(filing({ owner: "JANZFN HOWARD E", ownerCik: null, periodOfReport: "2008-05-01", nonDerivative: [common({ transactionDate: "2008-05-01", transactionCode: "P", shares: 100, acquiredDisposed: "A", price: 5, sharesOwnedFollowing: 97600 })] }));
  janzen = (await db.filingOwner.findFirstOrThrow({ where: { filingId: (f3 as { filingId: number }).filingId } })).ownerId;
});

describe("generateFilings", () => {
  it("is repeatable and writes consistent vesting", () => {
    const a = [...generateFilings({ count: 300, seed: 7 })];
    const b = [...generateFilings({ count: 300, seed: 7 })];
    expect(a.map((g) => g.filing.source.sha256)).toEqual(b.map((g) => g.filing.source.sha256));
    expect(new Set(a.map((g) => g.filing.formType))).toEqual(new Set(["3", "4", "4/A", "5", "3/A", "5/A"].filter((t) => a.some((g) => g.filing.formType === t))));
    expect(a.some((g) => g.filing.formType.endsWith("/A"))).toBe(true);
    for (const { filing: f } of a) {
      expect(f.periodOfReport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const v of f.vesting) {
        expect(v.tranches.reduce((s, t) => s + t.shares, 0)).toBe(v.totalShares);
        expect(f.derivative[v.row.index]).toBeDefined();
      }
    }
  });

  it("adds months on the calendar, clamping to month ends", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("bulk insert writes what storeFiling writes", { timeout: 60_000 }, async () => {
    const viaStore = createTestDb();
    const file = createTestDbFile();
    const viaBulk = createTestDb(file);
    try {
      await storeGeneratedFilings({ count: 80, seed: 3, tag: "same" }, viaStore);
      const { filingIds } = bulkInsertFilings({ file, filings: generateFilings({ count: 80, seed: 3, tag: "same" }) });
      expect(filingIds).toHaveLength(80);
      for (const model of ["issuer", "reportingOwner", "filing", "filingOwner", "nonDerivativeRow", "derivativeRow", "footnote", "vestingSchedule", "vestingTranche"] as const) {
        const count = (c: typeof db) => (c[model] as unknown as { count: () => Promise<number> }).count();
        expect([model, await count(viaBulk)]).toEqual([model, await count(viaStore)]);
      }
      const owner = await viaStore.reportingOwner.findFirstOrThrow({ where: { cik: { not: null } }, orderBy: { id: "asc" } });
      const bulkOwner = await viaBulk.reportingOwner.findUniqueOrThrow({ where: { cik: owner.cik! } });
      const strip = (rows: Awaited<ReturnType<typeof findHoldings>>) => rows.map(({ filingId: _f, issuerId: _i, ...r }) => r);
      expect(strip(await findHoldings({ ownerId: bulkOwner.id }, viaBulk))).toEqual(strip(await findHoldings({ ownerId: owner.id }, viaStore)));
      expect(await viaBulk.filing.count({ where: { status: "reviewed" } })).toBe(await viaStore.filing.count({ where: { status: "reviewed" } }));
      const amended = await viaStore.filing.count({ where: { amendsId: { not: null } } });
      expect(amended).toBeGreaterThan(0);
      expect(await viaBulk.filing.count({ where: { amendsId: { not: null } } })).toBe(amended);
    } finally {
      await viaStore.$disconnect();
      await viaBulk.$disconnect();
    }
  });
});

describe("findInsiders", () => {
  it("finds OCR variants of a name through its nameKey", async () => {
    const r = await findInsiders({ q: "Janzen Howard E." }, db);
    expect(r.rows.map((x) => x.name)).toContain("JANZEN HOWARD E");
    const row = r.rows.find((x) => x.name === "JANZEN HOWARD E")!;
    expect(row.issuers).toEqual([expect.objectContaining({ name: "SONUS NETWORKS INC", ticker: "SONS" })]);
    expect(row.grantCount).toBe(1);
    expect(row.latestFiling).toMatchObject({ periodOfReport: "2008-03-03" });
  });

  it("finds misspelt names and parts of names", async () => {
    expect((await findInsiders({ q: "Janzon Howrad" }, db)).rows.map((x) => x.name)).toEqual(expect.arrayContaining(["JANZEN HOWARD E", "JANZFN HOWARD E"]));
    expect((await findInsiders({ q: "howard" }, db)).total).toBe(2);
    expect((await findInsiders({ q: "Nobody Atall" }, db)).total).toBe(0);
  });

  it("pages on the server", async () => {
    const all = await findInsiders({ pageSize: 1 }, db);
    expect(all.rows).toHaveLength(1);
    expect(all.pageCount).toBe(all.total);
    const last = await findInsiders({ pageSize: 1, page: 999 }, db);
    expect(last.page).toBe(all.total);
  });
});

describe("an insider's holdings, grants and filings", () => {
  it("takes each holding from the latest filing, direct and indirect apart", async () => {
    const h = await findHoldings({ ownerId: janzen }, db);
    const common = h.filter((x) => x.table === "nonDerivative");
    expect(common.map((x) => [x.directOrIndirect, x.shares, x.periodOfReport])).toEqual([
      ["D", 97500, "2008-03-03"],
      ["I", 5000, "2007-01-10"],
    ]);
    expect(h.find((x) => x.table === "derivative")).toMatchObject({ shares: 40000, exercisePrice: 6.1, expirationDate: "2017-12-17" });
  });

  it("computes vested and unvested shares from the tranches", async () => {
    const at = (today: string) => findInsiderGrants({ ownerId: janzen, today }, db).then((r) => r.rows[0].vesting);
    expect(await at("2008-12-16")).toMatchObject({ vested: 0, unvested: 40000, nextDate: "2008-12-17" });
    expect(await at("2008-12-17")).toMatchObject({ vested: 10000, unvested: 30000 });
    expect(await at("2012-01-01")).toMatchObject({ vested: 40000, unvested: 0, nextDate: null });
  });

  it("lists the person's filings with their status", async () => {
    const r = await findInsiderFilings({ ownerId: janzen }, db);
    expect(r.total).toBe(3);
    expect(r.rows.map((x) => x.periodOfReport)).toEqual(["2008-03-03", "2007-12-17", "2007-01-10"]);
    expect(r.rows[0].status).toBe("needs_review");
    expect(await getInsider({ id: janzen }, db)).toMatchObject({ name: "JANZEN HOWARD E", mergedIntoId: null });
  });
});

describe("grants, issuers and filings across the database", () => {
  const tag = "acrossdb";
  beforeAll(async () => {
    await storeGeneratedFilings({ count: 150, seed: 11, tag }, db);
  }, 60_000);

  it("filters grants by code, price range and issuer, sorts and pages", async () => {
    const all = await findGrants({ issuer: tag, pageSize: 500 }, db);
    expect(all.total).toBeGreaterThan(10);
    const a = await findGrants({ issuer: tag, code: "A", priceMin: 20, priceMax: 80, sort: "exercisePrice", dir: "asc", pageSize: 500 }, db);
    expect(a.total).toBeGreaterThan(0);
    expect(a.total).toBeLessThan(all.total);
    for (const g of a.rows) {
      expect(g.transactionCode).toBe("A");
      expect(g.exercisePrice).toBeGreaterThanOrEqual(20);
      expect(g.exercisePrice).toBeLessThanOrEqual(80);
      expect(g.issuer.name).toContain(tag.toUpperCase());
    }
    expect(a.rows.map((g) => g.exercisePrice)).toEqual([...a.rows.map((g) => g.exercisePrice)].sort((x, y) => x! - y!));
    const page2 = await findGrants({ issuer: tag, pageSize: 5, page: 2 }, db);
    expect(page2.rows.map((g) => g.id)).toEqual(all.rows.slice(5, 10).map((g) => g.id));
    const ranged = await findGrants({ issuer: tag, from: "2020-01-01", to: "2020-12-31", pageSize: 500 }, db);
    for (const g of ranged.rows) expect(g.transactionDate! >= "2020-01-01" && g.transactionDate! <= "2020-12-31").toBe(true);
  });

  it("filters grants by vesting status as of a date, following tranche edits", async () => {
    const today = "2024-06-30";
    const all = await findGrants({ issuer: tag, pageSize: 500, today }, db);
    const [unvested, vested, none] = await Promise.all(
      (["unvested", "vested", "none"] as const).map((vesting) => findGrants({ issuer: tag, vesting, pageSize: 500, today }, db)),
    );
    expect(unvested.total).toBeGreaterThan(0);
    expect(vested.total).toBeGreaterThan(0);
    expect(none.total).toBeGreaterThan(0);
    expect(unvested.total + vested.total + none.total).toBe(all.total);
    for (const g of unvested.rows) expect(g.vesting?.nextDate! > today).toBe(true);
    for (const g of vested.rows) expect(g.vesting).toMatchObject({ nextDate: null, unvested: 0 });
    for (const g of none.rows) expect(g.vesting === null || g.vesting.vested + (g.vesting.nextDate ? 1 : 0) === 0).toBe(true);

    // Moving a fully vested grant's last tranche past today makes it vesting again; deleting its tranches leaves it with none.
    const moved = vested.rows[0].id;
    const schedule = await db.vestingSchedule.findUniqueOrThrow({ where: { derivativeRowId: moved }, include: { tranches: { orderBy: { date: "desc" } } } });
    await db.vestingTranche.update({ where: { id: schedule.tranches[0].id }, data: { date: "2030-01-31" } });
    expect((await findGrants({ issuer: tag, vesting: "unvested", pageSize: 500, today }, db)).rows.map((g) => g.id)).toContain(moved);
    await db.vestingTranche.deleteMany({ where: { scheduleId: schedule.id } });
    expect((await findGrants({ issuer: tag, vesting: "none", pageSize: 500, today }, db)).rows.map((g) => g.id)).toContain(moved);
    expect((await findGrants({ issuer: tag, vesting: "vested", pageSize: 500, today }, db)).total).toBe(vested.total - 1);
  });

  it("lists issuers with their insiders and what vests per month", async () => {
    const issuers = await findIssuers({ q: tag }, db);
    expect(issuers.total).toBeGreaterThanOrEqual(2);
    const issuer = issuers.rows[0];
    expect(issuer.filingCount).toBeGreaterThan(0);
    const insiders = await findIssuerInsiders({ issuerId: issuer.id }, db);
    expect(insiders.length).toBe(issuer.insiderCount);
    expect(insiders.reduce((s, i) => s + i.filingCount, 0)).toBe(issuer.filingCount);
    const months = await findVestingByMonth({ issuerId: issuer.id, from: "2010-01-01", months: 300 }, db);
    const tranches = await db.vestingTranche.aggregate({ _sum: { shares: true }, where: { schedule: { filing: { issuerId: issuer.id } } } });
    expect(months.reduce((s, m) => s + m.shares, 0)).toBe(tranches._sum.shares);
  });

  it("filters filings by status, form type and format", async () => {
    const r = await findFilings({ status: "reviewed", formType: "4", format: "edgar-xml", pageSize: 500 }, db);
    expect(r.total).toBeGreaterThan(0);
    for (const f of r.rows) expect([f.status, f.formType, f.sourceFormat]).toEqual(["reviewed", "4", "edgar-xml"]);
  });

  it("filters filings by issuer, by any spelling of a person, and by date of earliest transaction", async () => {
    const all = await findFilings({ pageSize: 500 }, db);
    expect(all.total).toBeLessThanOrEqual(500);
    const some = all.rows[3];
    const byIssuer = await findFilings({ issuer: some.issuer.ticker!.toLowerCase(), pageSize: 500 }, db);
    expect(byIssuer.total).toBe(all.rows.filter((f) => f.issuer.ticker === some.issuer.ticker).length);
    expect(byIssuer.rows.map((f) => f.id)).toContain(some.id);

    // The OCR copy "Janzen Howard E." and the merged-in garbled spelling count as the person.
    const janzens = await findFilings({ insider: "janzen howard", pageSize: 500 }, db);
    expect(janzens.rows.every((f) => f.owners.some((o) => /janz/i.test(o.nameAsFiled)))).toBe(true);
    expect(janzens.rows.map((f) => f.owners[0].nameAsFiled)).toEqual(expect.arrayContaining(["JANZEN HOWARD E", "Janzen Howard E."]));

    const range = await findFilings({ from: "2007-12-01", to: "2008-03-31", pageSize: 500 }, db);
    expect(range.total).toBeGreaterThan(0);
    for (const f of range.rows) expect(f.periodOfReport! >= "2007-12-01" && f.periodOfReport! <= "2008-03-31").toBe(true);
    expect(range.total).toBe(all.rows.filter((f) => f.periodOfReport && f.periodOfReport >= "2007-12-01" && f.periodOfReport <= "2008-03-31").length);
    expect(all.rows.map((f) => f.id)).toEqual([...all.rows].sort((a, b) => +b.createdAt - +a.createdAt || b.id - a.id).map((f) => f.id));
  });
});

describe("mergeInsiders", () => {
  it("makes two records one person, everywhere, with an audit entry per filing", async () => {
    const garbled = (await db.reportingOwner.findFirstOrThrow({ where: { name: "JANZFN HOWARD E" } })).id;
    expect((await findMergeCandidates({ ownerId: janzen }, db)).map((c) => c.id)).toContain(garbled);
    await expect(mergeInsiders({ sourceId: garbled, targetId: janzen, author: "" }, db)).rejects.toThrow(MergeError);
    expect(await mergeInsiders({ sourceId: garbled, targetId: janzen, author: "Ana Lyst" }, db)).toEqual({ filingsMoved: 1 });

    const found = await findInsiders({ q: "janzen howard" }, db);
    expect(found.rows.map((r) => r.name)).toEqual(["JANZEN HOWARD E"]);
    expect(found.rows[0].aliases).toEqual(["JANZFN HOWARD E"]);
    expect((await findInsiderFilings({ ownerId: janzen }, db)).total).toBe(4);
    // Filtering by the person's name finds the filing made under the merged spelling too.
    const byName = await findFilings({ insider: "janzen howard", pageSize: 500 }, db);
    expect(byName.rows.map((f) => f.owners[0].nameAsFiled)).toContain("JANZFN HOWARD E");
    const direct = (await findHoldings({ ownerId: janzen }, db)).find((h) => h.table === "nonDerivative" && h.directOrIndirect === "D");
    expect(direct).toMatchObject({ shares: 97600, periodOfReport: "2008-05-01" });

    const audit = await db.fieldEdit.findMany({ where: { action: "merge" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ pointer: "/reportingOwners/0", author: "Ana Lyst" });
    expect(JSON.parse(audit[0].newValue!)).toEqual({ personId: janzen, name: "JANZEN HOWARD E" });

    await expect(mergeInsiders({ sourceId: garbled, targetId: janzen, author: "Ana Lyst" }, db)).rejects.toThrow(/already merged/);
    await expect(mergeInsiders({ sourceId: janzen, targetId: garbled, author: "Ana Lyst" }, db)).rejects.toThrow(/merge into that person instead/);
  });

  it("is undone record by record, the undo recorded too, and can be made again", async () => {
    const garbled = (await db.reportingOwner.findFirstOrThrow({ where: { name: "JANZFN HOWARD E" } })).id;
    await expect(unmergeInsider({ recordId: garbled, author: " " }, db)).rejects.toThrow(MergeError);
    expect(await unmergeInsider({ recordId: garbled, author: "Bo Checker", reason: "different middle initial on the signature" }, db)).toEqual({ personId: janzen, filingsMoved: 1 });
    expect((await findInsiders({ q: "janzen howard" }, db)).rows.map((r) => r.name)).toEqual(["JANZEN HOWARD E", "JANZFN HOWARD E"]);
    expect((await findInsiderFilings({ ownerId: janzen }, db)).total).toBe(3);
    expect((await findHoldings({ ownerId: janzen }, db)).find((h) => h.table === "nonDerivative" && h.directOrIndirect === "D")).toMatchObject({ shares: 97500 });
    const undo = await db.fieldEdit.findFirstOrThrow({ where: { action: "unmerge" } });
    expect(undo).toMatchObject({ author: "Bo Checker", reason: "different middle initial on the signature", pointer: "/reportingOwners/0" });
    expect(JSON.parse(undo.oldValue!)).toEqual({ personId: janzen, name: "JANZEN HOWARD E" });
    expect(JSON.parse(undo.newValue!)).toEqual({ personId: garbled, name: "JANZFN HOWARD E" });
    await expect(unmergeInsider({ recordId: garbled, author: "Bo Checker" }, db)).rejects.toThrow(/not merged/);

    await mergeInsiders({ sourceId: garbled, targetId: janzen, author: "Ana Lyst" }, db);
    expect((await findInsiderFilings({ ownerId: janzen }, db)).total).toBe(4);
  });
});

describe("amended filings", () => {
  it("count a restated grant once, from the amendment", async () => {
    const original = await db.filing.findFirstOrThrow({ where: { periodOfReport: "2007-12-17" }, select: { parsedJson: true, issuerId: true } });
    const amendment = JSON.parse(original.parsedJson) as Filing;
    amendment.formType = "4/A";
    amendment.dateOfOriginalSubmission = "2007-12-19";
    amendment.source = { format: "edgar-xml", sha256: "f".repeat(64) };
    await store(amendment);

    const grants = await findInsiderGrants({ ownerId: janzen, today: "2030-01-01" }, db);
    expect(grants.total).toBe(1);
    expect(grants.rows[0].filing.formType).toBe("4/A");
    expect((await findInsiders({ q: "janzen howard e" }, db)).rows[0].grantCount).toBe(1);
    const months = await findVestingByMonth({ issuerId: original.issuerId, from: "2007-01-01", months: 120 }, db);
    expect(months.reduce((s, m) => s + m.shares, 0)).toBe(40000);
    // The grants view lists every Table II row, the original's and the amendment's.
    expect((await findGrants({ issuerId: original.issuerId, code: "A" }, db)).total).toBe(2);
  });

  it("count once in the person's combined vesting, the issuer's expirations and its transactions over time", async () => {
    const { issuerId } = await db.filing.findFirstOrThrow({ where: { periodOfReport: "2007-12-17" }, select: { issuerId: true } });
    expect(await findInsiderVesting({ ownerId: janzen }, db)).toEqual(fourYearTranches("2007-12-17", 40000).map((t) => ({ ...t, grants: 1 })));
    // The option expired on 2017-12-17: held until then, gone after.
    expect(await findInsiderVesting({ ownerId: janzen, expiredBefore: "2017-12-17" }, db)).toHaveLength(13);
    expect(await findInsiderVesting({ ownerId: janzen, expiredBefore: "2017-12-18" }, db)).toEqual([]);
    expect(await findExpirationsByMonth({ issuerId, from: "2017-03-15", months: 12 }, db)).toEqual([{ month: "2017-12", shares: 40000, grants: 1 }]);
    expect(await findExpirationsByMonth({ issuerId, from: "2018-01-01", months: 12 }, db)).toEqual([]);
    // The sale was filed under one spelling and the purchase under another, merged since: one insider each quarter.
    expect(await findIssuerActivity({ issuerId }, db)).toEqual([
      { quarter: "2008-Q1", acquired: 0, disposed: 2500, transactions: 1, insiders: 1 },
      { quarter: "2008-Q2", acquired: 100, disposed: 0, transactions: 1, insiders: 1 },
    ]);
    expect(await findIssuerActivity({ issuerId, quarters: 1 }, db)).toEqual([expect.objectContaining({ quarter: "2008-Q2" })]);
  });
});

describe("grants sorted by issuer on a large database", () => {
  it("pages through every row in issuer-name order, agreeing with the order of one issuer's rows", async () => {
    const file = createTestDbFile();
    const big = createTestDb(file);
    try {
      bulkInsertFilings({ file, filings: generateFilings({ count: 4000, seed: 7, tag: "sortwalk" }) });
      const first = await findGrants({ sort: "issuer", dir: "asc", pageSize: 500 }, big);
      expect(first.total).toBeGreaterThan(2000);
      const rows = [...first.rows];
      for (let page = 2; page <= first.pageCount; page++) rows.push(...(await findGrants({ sort: "issuer", dir: "asc", pageSize: 500, page }, big)).rows);
      expect(new Set(rows.map((g) => g.id)).size).toBe(first.total);
      const names = rows.map((g) => g.issuer.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      // The few rows of one issuer are ordered by the other plan; they must come out the same.
      const issuerId = rows[rows.length - 1].issuer.id;
      const one = await findGrants({ issuerId, sort: "issuer", dir: "asc", pageSize: 500 }, big);
      expect(one.rows.map((g) => g.id)).toEqual(rows.filter((g) => g.issuer.id === issuerId).map((g) => g.id));
      const desc = await findGrants({ sort: "issuer", dir: "desc", pageSize: 50 }, big);
      expect(desc.rows.map((g) => g.id)).toEqual(rows.slice(-50).reverse().map((g) => g.id));

      // By insider: the first-named person's name, a merged record under the person it joined.
      const [a, b] = await big.reportingOwner.findMany({ where: { nameKey: { gte: "m" } }, orderBy: { nameKey: "asc" }, take: 2, select: { id: true, name: true } });
      await mergeInsiders({ sourceId: a.id, targetId: b.id, author: "test" }, big);
      const byInsider = await findGrants({ sort: "insider", dir: "asc", pageSize: 500 }, big);
      expect(byInsider.total).toBe(first.total);
      const people: string[] = [];
      for (let page = 1; page <= byInsider.pageCount; page++) people.push(...(await findGrants({ sort: "insider", dir: "asc", pageSize: 500, page }, big)).rows.map((g) => nameKey(g.owners[0].name)));
      expect(people).toEqual([...people].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      expect(people).not.toContain(nameKey(a.name));
      const lastByInsider = (await findGrants({ sort: "insider", dir: "desc", pageSize: 5 }, big)).rows.map((g) => nameKey(g.owners[0].name));
      expect(lastByInsider).toEqual(people.slice(-5).reverse());

      // Filings newest first over many matches walk the upload-time index; the same order as a plain sort.
      const uploaded = (await big.$queryRaw<{ id: bigint }[]>`SELECT id FROM Filing WHERE periodOfReport >= '2000-01-01' ORDER BY createdAt DESC, id DESC`).map((r) => Number(r.id));
      expect(uploaded.length).toBeGreaterThan(2000);
      const filingsPage = await findFilings({ from: "2000-01-01", pageSize: 100, page: 4 }, big);
      expect(filingsPage.total).toBe(uploaded.length);
      expect(filingsPage.rows.map((f) => f.id)).toEqual(uploaded.slice(300, 400));

      // Newest first walks the date index over many matches; it must agree with a plain sort of the same rows.
      const today = "2016-06-30";
      const vestingIds = (await big.$queryRaw<{ id: bigint }[]>`
        SELECT d.id FROM DerivativeRow d JOIN VestingSchedule v ON v.derivativeRowId = d.id
        WHERE v.lastTrancheDate > ${today} ORDER BY d.transactionDate DESC, d.id DESC`).map((r) => Number(r.id));
      expect(vestingIds.length).toBeGreaterThan(2000);
      const newest = await findGrants({ vesting: "unvested", today, pageSize: 100, page: 3 }, big);
      expect(newest.total).toBe(vestingIds.length);
      expect(newest.rows.map((g) => g.id)).toEqual(vestingIds.slice(200, 300));
    } finally {
      await big.$disconnect();
    }
  }, 60_000);
});

describe("the OwnerIssuer summary the indexes read", () => {
  const file = createTestDbFile();
  const fresh = createTestDb(file);
  afterAll(() => fresh.$disconnect());
  const fromScratch = async () =>
    (await fresh.$queryRaw<{ ownerId: number; issuerId: number; filingCount: number | bigint; latestPeriod: string | null; latestFilingId: number }[]>`
      SELECT fo.ownerId, f.issuerId, COUNT(*) AS filingCount, MAX(f.periodOfReport) AS latestPeriod,
        (SELECT f2.id FROM FilingOwner fo2 JOIN Filing f2 ON f2.id = fo2.filingId WHERE fo2.ownerId = fo.ownerId AND f2.issuerId = f.issuerId
         ORDER BY f2.periodOfReport DESC, f2.id DESC LIMIT 1) AS latestFilingId
      FROM FilingOwner fo JOIN Filing f ON f.id = fo.filingId GROUP BY fo.ownerId, f.issuerId ORDER BY fo.ownerId, f.issuerId`).map((r) => ({ ...r, filingCount: Number(r.filingCount) }));
  const summary = () =>
    fresh.$queryRaw`SELECT ownerId, issuerId, filingCount, latestPeriod, latestFilingId FROM OwnerIssuer ORDER BY ownerId, issuerId`;

  it("agrees with the filings after uploads, bulk loads, corrections and deletions", { timeout: 60_000 }, async () => {
    await storeGeneratedFilings({ count: 30, seed: 7, tag: "upload" }, fresh);
    bulkInsertFilings({ file, filings: generateFilings({ count: 30, seed: 8, tag: "bulk" }) });
    const rows = await fromScratch();
    expect(rows.length).toBeGreaterThan(5);
    expect(await summary()).toEqual(rows);

    // An analyst corrects one filing's issuer and another's date of earliest transaction.
    const [a, b] = await fresh.filing.findMany({ take: 2, orderBy: { id: "asc" }, select: { id: true, issuerId: true } });
    const other = await fresh.issuer.findFirstOrThrow({ where: { id: { not: a.issuerId } } });
    await fresh.filing.update({ where: { id: a.id }, data: { issuerId: other.id } });
    await fresh.filing.update({ where: { id: b.id }, data: { periodOfReport: "2031-01-01" } });
    expect(await summary()).toEqual(await fromScratch());
    expect(await summary()).toContainEqual(expect.objectContaining({ latestPeriod: "2031-01-01", latestFilingId: b.id }));

    await fresh.filing.delete({ where: { id: b.id } });
    expect(await summary()).toEqual(await fromScratch());
  });
});
