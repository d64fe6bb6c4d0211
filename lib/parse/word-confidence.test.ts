import { describe, expect, it } from "vitest";
import type { Word } from "./ocr-layout";
import { emptyFiling, type NonDerivativeRow } from "./types";
import { applyWordConfidence } from "./word-confidence";

const word = (text: string, conf: number): Word => ({ text, conf, left: 0, top: 0, width: 10, height: 10, line: "1.1.1.1" });

function filing() {
  const f = emptyFiling("ocr-text");
  f.issuer = { name: "374Water Inc.", ticker: "SCWO", cik: null };
  f.nonDerivative = [
    {
      kind: "transaction",
      securityTitle: "Common Stock",
      transactionDate: "2025-04-30",
      deemedExecutionDate: null,
      transactionCode: "A",
      equitySwap: false,
      shares: 757756,
      acquiredDisposed: "A",
      price: 41.5,
      sharesOwnedFollowing: 8800,
      directOrIndirect: "D",
      natureOfOwnership: null,
      footnoteIds: [],
    } as NonDerivativeRow,
  ];
  f.footnotes = [{ id: "1", text: "The shares vest in four equal annual installments beginning on the first anniversary." }];
  f.fieldConfidence["/issuer/name"] = 0.9;
  return f;
}

describe("applyWordConfidence", () => {
  it("marks a field read from a word Tesseract doubted, whatever the reader thought of it", () => {
    const f = filing();
    applyWordConfidence(f, [word("374Water", 95), word("Inc.", 96), word("757,756", 31), word("$41.50", 40), word("04/30/2025", 22), word("8,800", 93), word("Stock", 90), word("Common", 91)]);
    expect(f.fieldConfidence["/issuer/name"]).toBe(0.9);
    expect(f.fieldConfidence["/nonDerivative/0/shares"]).toBeLessThan(0.8);
    expect(f.fieldConfidence["/nonDerivative/0/price"]).toBeLessThan(0.8);
    expect(f.fieldConfidence["/nonDerivative/0/transactionDate"]).toBeLessThan(0.8);
    expect(f.fieldConfidence["/nonDerivative/0/sharesOwnedFollowing"]).toBeUndefined();
    expect(f.fieldConfidence["/nonDerivative/0/securityTitle"]).toBeUndefined();
  });

  it("keeps a value the page does not hold as one word, and the best reading of a word printed twice", () => {
    const f = filing();
    applyWordConfidence(f, [word("374Water", 95), word("Inc.", 20), word("Inc.", 88), word("757", 10), word("756", 10)]);
    expect(f.fieldConfidence["/issuer/name"]).toBe(0.9);
    expect(f.fieldConfidence["/nonDerivative/0/shares"]).toBeUndefined();
  });

  it("doubts a footnote for many doubtful words, not for one", () => {
    const words = (low: number) => f0.footnotes[0].text.split(" ").map((w, i) => word(w, i < low ? 30 : 92));
    const f0 = filing();
    applyWordConfidence(f0, words(1));
    expect(f0.fieldConfidence["/footnotes/0/text"]).toBeUndefined();
    const f1 = filing();
    applyWordConfidence(f1, words(5));
    expect(f1.fieldConfidence["/footnotes/0/text"]).toBeLessThan(0.8);
  });
});
