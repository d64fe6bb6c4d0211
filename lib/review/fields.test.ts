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

  it("refuses what is not an editable field", () => {
    for (const p of ["", "/", "/issuer/cik", "/derivative/x/shares", "/derivative/01/shares", "/nonDerivative/0/exerciseDate", "/derivative/0/constructor", "/source/format"]) {
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
    expect(openUncertain({ "/a": 0.5, "/b": 0.79, "/c": 0.8 }, ["/a"])).toEqual(["/b"]);
  });
});
