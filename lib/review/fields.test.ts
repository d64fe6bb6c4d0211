import { describe, it, expect } from "vitest";
import { resolvePointer, remapRowPointers } from "./fields";
import { openUncertain } from "./uncertain";

describe("resolvePointer", () => {
  it("names where each editable field lives", () => {
    expect(resolvePointer("/derivative/0/shares")).toMatchObject({ kind: "number", nullable: true, target: { entity: "derivative", index: 0, column: "shares" } });
    expect(resolvePointer("/reportingOwners/1/name")?.target).toEqual({ entity: "filingOwner", index: 1, column: "nameAsFiled" });
    expect(resolvePointer("/reportingOwners/0/city")?.target).toEqual({ entity: "reportingOwner", index: 0, column: "city" });
    expect(resolvePointer("/signatures/0/date")?.kind).toBe("date");
    expect(resolvePointer("/nonDerivative/0/transactionCode")?.kind).toBe("transactionCode");
  });

  it("makes every field the parser scores correctable, CIKs and footnote markers included", () => {
    expect(resolvePointer("/issuer/cik")).toMatchObject({ kind: "cik", nullable: true, target: { entity: "issuer", column: "cik" } });
    expect(resolvePointer("/reportingOwners/0/cik")).toMatchObject({ kind: "cik", target: { entity: "reportingOwner", index: 0, column: "cik" } });
    expect(resolvePointer("/derivative/1/footnoteIds")).toMatchObject({ kind: "footnoteIds", target: { entity: "derivative", index: 1, column: "footnoteIds" } });
    expect(resolvePointer("/footnotes/2/id")?.target).toEqual({ entity: "footnote", index: 2, column: "marker" });
  });

  it("refuses what is not an editable field", () => {
    for (const p of ["", "/", "/issuer/sic", "/derivative", "/derivative/x/shares", "/derivative/01/shares", "/nonDerivative/0/exerciseDate", "/derivative/0/constructor", "/source/format"]) {
      expect(resolvePointer(p)).toBeNull();
    }
  });
});

describe("remapRowPointers", () => {
  it("moves entries of one table and drops those of a removed row", () => {
    const m = { "/derivative/0/shares": 1, "/derivative/1/price": 2, "/derivative/2/price": 3, "/nonDerivative/1/price": 4, "/periodOfReport": 5 };
    expect(remapRowPointers(m, "derivative", (i) => (i === 1 ? null : i > 1 ? i - 1 : i))).toEqual({
      "/derivative/0/shares": 1,
      "/derivative/1/price": 3,
      "/nonDerivative/1/price": 4,
      "/periodOfReport": 5,
    });
  });
});

describe("openUncertain", () => {
  it("lists fields under the threshold no analyst has settled", () => {
    const shape = { reportingOwners: 1, nonDerivative: 0, derivative: 2, footnotes: 1, signatures: 0 };
    expect(openUncertain({ "/periodOfReport": 0.5, "/remarks": 0.79, "/formType": 0.8 }, ["/periodOfReport"], shape)).toEqual(["/remarks"]);
  });

  it("counts only what the review screen shows of this filing", () => {
    const shape = { reportingOwners: 1, nonDerivative: 0, derivative: 2, footnotes: 1, signatures: 0 };
    const confidence = {
      "/derivative/1/shares": 0.5,
      "/derivative/2/shares": 0.5,
      "/nonDerivative/0/price": 0.5,
      "/reportingOwners/0/cik": 0.5,
      "/reportingOwners/1/name": 0.5,
      "/footnotes/0/id": 0.5,
      "/signatures/0/name": 0.5,
      "/derivative": 0.5,
      "/issuer/cik": 0.5,
      "/vesting/0/tranches/0/date": 0.5,
      "/source/format": 0.5,
    };
    expect(openUncertain(confidence, [], shape)).toEqual(["/derivative/1/shares", "/reportingOwners/0/cik", "/footnotes/0/id", "/derivative", "/issuer/cik"]);
  });
});
