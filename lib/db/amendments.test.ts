import { describe, it, expect, afterAll } from "vitest";
import { createTestDb } from "./test-db";
import { storeFiling } from "./filings";
import { emptyFiling, emptyOwner, type FormType } from "../parse/types";

const db = createTestDb();
afterAll(() => db.$disconnect());

let n = 0;
function filing(formType: FormType, period: string, owner = "ROE RICHARD") {
  const f = emptyFiling("edgar-xml");
  f.formType = formType;
  f.issuer = { name: "GLOBEX CORP", ticker: "GLBX", cik: "0000000777" };
  f.reportingOwners = [emptyOwner(owner)];
  f.periodOfReport = period;
  f.source.sha256 = String(++n).padStart(64, "0");
  return f;
}
const store = async (f: ReturnType<typeof filing>) => {
  const r = await storeFiling({ filing: f, fileName: `${f.formType}.xml`, rawText: "" }, db);
  return r.filingId;
};
const amendsOf = async (id: number) => (await db.filing.findUnique({ where: { id }, select: { amendsId: true } }))?.amendsId;

describe("amendments", () => {
  it("link a 4/A to the Form 4 of the same owner, issuer and period", async () => {
    const original = await store(filing("4", "2024-03-01"));
    await store(filing("4", "2024-03-02"));
    await store(filing("4", "2024-03-01", "SOMEONE ELSE"));
    const amendment = await store(filing("4/A", "2024-03-01"));
    expect(await amendsOf(amendment)).toBe(original);
    expect(await amendsOf(original)).toBeNull();
  });

  it("link an amendment stored before its original once the original arrives", async () => {
    const amendment = await store(filing("4/A", "2024-05-01"));
    expect(await amendsOf(amendment)).toBeNull();
    const original = await store(filing("4", "2024-05-01"));
    expect(await amendsOf(amendment)).toBe(original);
  });
});
