import { describe, it, expect, afterAll } from "vitest";
import { createTestDb } from "./test-db";
import { storeFiling, countUncertain } from "./filings";
import { emptyFiling, emptyOwner, type DerivativeRow } from "../parse/types";

const db = createTestDb();
afterAll(() => db.$disconnect());

function sampleFiling(sha256: string) {
  const f = emptyFiling("edgar-xml");
  f.issuer = { name: "ACME CORP", ticker: "ACME", cik: "0000000001" };
  f.reportingOwners = [{ ...emptyOwner("DOE JANE"), cik: "0000000002", isOfficer: true, officerTitle: "CFO" }];
  f.periodOfReport = "2024-02-29";
  f.source.sha256 = sha256;
  return f;
}

describe("storeFiling", () => {
  it("leaves nothing behind when a row fails half way through", async () => {
    const f = sampleFiling("a".repeat(64));
    f.derivative = [{ securityTitle: null } as unknown as DerivativeRow];
    await expect(storeFiling({ filing: f, fileName: "bad.xml", rawText: "" }, db)).rejects.toThrow();
    expect(await db.filing.count()).toBe(0);
    expect(await db.issuer.count()).toBe(0);
    expect(await db.reportingOwner.count()).toBe(0);
  });

  it("reuses the issuer and owner of an earlier filing by CIK", async () => {
    const a = await storeFiling({ filing: sampleFiling("b".repeat(64)), fileName: "a.xml", rawText: "" }, db);
    const b = await storeFiling({ filing: sampleFiling("c".repeat(64)), fileName: "b.xml", rawText: "" }, db);
    expect(a.status).toBe("stored");
    expect(b.status).toBe("stored");
    expect(await db.issuer.count()).toBe(1);
    expect(await db.reportingOwner.count()).toBe(1);
    const owner = await db.filingOwner.findFirst({ where: { filingId: b.filingId } });
    expect(owner).toMatchObject({ isOfficer: true, officerTitle: "CFO", nameAsFiled: "DOE JANE" });
  });

  it("counts fields under the review threshold", () => {
    const f = emptyFiling("ocr-text");
    f.fieldConfidence = { "/periodOfReport": 0.5, "/remarks": 0.79, "/formType": 0.8, "/jointFiling": 1, "/derivative/0/shares": 0.5 };
    expect(countUncertain(f)).toBe(2);
  });
});
