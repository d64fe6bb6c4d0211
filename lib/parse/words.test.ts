import { describe, expect, it } from "vitest";
import { misreadWords } from "./words";

describe("misreadWords", () => {
  it("finds OCR's misreadings among the lower-case words and leaves names and form words alone", () => {
    const text = "The price is the weighted averaye sale price. There is no data appticable to the RSUs held by Narayen Family Trust, dtd 11/30/00; shares sald pursuant to a Rule 10b5-1 plan by the attorney-in-fact.";
    expect(misreadWords(text)).toEqual(["averaye", "appticable", "sald"]);
  });

  it("finds nothing in a clean footnote", () => {
    expect(misreadWords("Shares held jointly with spouse; the reporting person disclaims beneficial ownership except to the extent of his pecuniary interest therein.")).toEqual([]);
  });
});
