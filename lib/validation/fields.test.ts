import { describe, it, expect } from "vitest";
import { ZCik, ZFootnoteIds, ZIsoDate, ZNonNegative, ZTransactionCode, fieldValueSchema, TRANSACTION_CODES } from "./fields";

describe("field schemas", () => {
  it("takes real calendar dates only", () => {
    expect(ZIsoDate.safeParse("2024-02-29").success).toBe(true);
    expect(ZIsoDate.safeParse("2023-02-29").success).toBe(false);
    expect(ZIsoDate.safeParse("2024-04-31").success).toBe(false);
    expect(ZIsoDate.safeParse("2024-13-01").success).toBe(false);
    expect(ZIsoDate.safeParse("2024-1-01").success).toBe(false);
  });

  it("reads amounts as typed, with separators, and refuses negatives", () => {
    expect(ZNonNegative.parse("40,000")).toBe(40000);
    expect(ZNonNegative.parse("$6.10")).toBe(6.1);
    expect(ZNonNegative.parse(0)).toBe(0);
    expect(ZNonNegative.safeParse("-1").success).toBe(false);
    expect(ZNonNegative.safeParse("").success).toBe(false);
  });

  it("knows the twenty SEC transaction codes", () => {
    expect(Object.keys(TRANSACTION_CODES).join("")).toBe("PSVADFIMCEHOXGLWZJKU");
    expect(ZTransactionCode.parse(" s ")).toBe("S");
    expect(ZTransactionCode.safeParse("B").success).toBe(false);
  });

  it("takes a CIK as exactly ten digits", () => {
    expect(ZCik.parse(" 0000320193 ")).toBe("0000320193");
    for (const bad of ["320193", "00003201930", "000032019A", "0000-320193"]) expect(ZCik.safeParse(bad).success).toBe(false);
    expect(fieldValueSchema("cik", { nullable: true }).parse("")).toBeNull();
  });

  it("reads footnote markers as typed into a list", () => {
    expect(ZFootnoteIds.parse("1, 2")).toEqual(["1", "2"]);
    expect(ZFootnoteIds.parse("(1)(F3)")).toEqual(["1", "F3"]);
    expect(ZFootnoteIds.parse("")).toEqual([]);
    expect(ZFootnoteIds.safeParse("see note").success).toBe(false);
  });

  it("turns an empty entry into null for optional fields only", () => {
    expect(fieldValueSchema("number", { nullable: true }).parse("")).toBeNull();
    expect(fieldValueSchema("date", { nullable: true }).parse(" ")).toBeNull();
    expect(fieldValueSchema("text", { nullable: false, required: true }).safeParse(" ").success).toBe(false);
  });
});
