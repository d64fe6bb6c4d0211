import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addYears,
  cleanCell,
  crossCheck,
  findDates,
  findLabel,
  joinDatePieces,
  LANDMARKS,
  readCityStateZip,
  readDate,
  readDirectIndirect,
  readNumber,
  readRow,
  readTrailer,
  readTransactionCode,
  stateForZip,
  stripFootnoteMarkers,
  tokenizeCells,
} from "./ocr-common";
import { emptyFiling } from "./types";

describe("cleanCell", () => {
  it("undoes the OCR tool's markdown", () => {
    expect(cleanCell("Non-<br>qualified<br>Stock")).toBe("Non-qualified Stock");
    expect(cleanCell("Rights -<br>2024")).toBe("Rights - 2024");
    expect(cleanCell("12/29/2005 <sup>(1)</sup>")).toBe("12/29/2005 (1)");
    expect(cleanCell("\\$6.1")).toBe("$6.1");
    expect(cleanCell("<u>Charles J. Gray</u>")).toBe("Charles J. Gray");
    expect(cleanCell("\\*\\* Signature of Reporting Person")).toBe("Signature of Reporting Person");
    expect(cleanCell("40,000²")).toBe("40,000(2)");
  });
});

describe("stripFootnoteMarkers", () => {
  it("takes markers out and keeps words in parentheses", () => {
    expect(stripFootnoteMarkers("$24.38 (1)(2)")).toEqual({ text: "$24.38", footnoteIds: ["1", "2"] });
    expect(stripFootnoteMarkers("See footnotes (2, 3)")).toEqual({ text: "See footnotes", footnoteIds: ["2", "3"] });
    expect(stripFootnoteMarkers("Stock Option (right to buy)")).toEqual({ text: "Stock Option (right to buy)", footnoteIds: [] });
    expect(stripFootnoteMarkers("(F1)")).toEqual({ text: "", footnoteIds: ["1"] });
  });
});

describe("readDate", () => {
  it("reads the forms' date styles", () => {
    expect(readDate("12/17/2007")?.value).toBe("2007-12-17");
    expect(readDate("2/3/2015")?.value).toBe("2015-02-03");
    expect(readDate("12/29/05")?.value).toBe("2005-12-29");
    expect(readDate("Dec. 17, 2007")?.value).toBe("2007-12-17");
    expect(readDate("2007-12-17")?.value).toBe("2007-12-17");
  });
  it("repairs look-alike letters with lower confidence", () => {
    const r = readDate("l2/l7/2OO7");
    expect(r?.value).toBe("2007-12-17");
    expect(r!.confidence).toBeLessThan(0.8);
    expect(r!.note).toMatch(/letters taken for digits/);
  });
  it("refuses impossible dates", () => {
    expect(readDate("02/30/2007")).toBeNull();
    expect(readDate("13/01/2007")).toBeNull();
    expect(readDate("40,000")).toBeNull();
  });
  it("round-trips every real date written M/D/YYYY", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-").map(Number);
        expect(readDate(`${m}/${day}/${y}`)?.value).toBe(iso);
      }),
    );
  });
  it("finds dates inside label text", () => {
    expect(findDates("3. Date of Earliest Transaction (Month/Day/Year) 12/17/2007").map((d) => d.value)).toEqual(["2007-12-17"]);
  });
});

describe("joinDatePieces", () => {
  it("joins a date the OCR split across cells", () => {
    expect(joinDatePieces("12/29/2", "2014")?.value).toBe("2014-12-29");
    expect(joinDatePieces("12/29/20", "14")?.value).toBe("2014-12-29");
    expect(joinDatePieces("12/29/", "2014")?.value).toBe("2014-12-29");
    expect(joinDatePieces("12/29/2", "Common")).toBeNull();
  });
});

describe("readNumber", () => {
  it("reads counts and prices", () => {
    expect(readNumber("40,000")?.value).toBe(40000);
    expect(readNumber("$6.1")?.value).toBe(6.1);
    expect(readNumber("$ 5.52")?.money).toBe(true);
    expect(readNumber("\\$0")?.value).toBe(0);
    expect(readNumber("-0-")?.value).toBe(0);
    expect(readNumber("Common")).toBeNull();
  });
  it("reads ambiguous separators by what the number is", () => {
    expect(readNumber("40.000", "shares")?.value).toBe(40000);
    expect(readNumber("40.000", "price")?.value).toBe(40);
    expect(readNumber("6,10", "price")?.value).toBe(6.1);
    expect(readNumber("40.000", "shares")!.confidence).toBeLessThan(0.8);
  });
  it("gives the other reading of a count printed with one dot", () => {
    expect(readNumber("8.626", "shares")).toMatchObject({ value: 8626, alternative: 8.626 });
    expect(readNumber("8.626")).toMatchObject({ value: 8.626, alternative: 8626 });
    expect(readNumber("8,626", "shares")?.alternative).toBeNull();
    expect(readNumber("8.62", "shares")?.alternative).toBeNull();
  });
  it("round-trips any count written with thousands separators", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
      expect(readNumber(n.toLocaleString("en-US"), "shares")?.value).toBe(n);
    }));
  });
});

describe("codes and D/I", () => {
  it("reads codes with the V mark and look-alikes", () => {
    expect(readTransactionCode("A")).toMatchObject({ code: "A", equitySwap: false });
    expect(readTransactionCode("S V")).toMatchObject({ code: "S", equitySwap: true });
    expect(readTransactionCode("5")).toMatchObject({ code: "S" });
    expect(readTransactionCode("5")!.confidence).toBeLessThan(0.8);
    expect(readTransactionCode("Q")).toBeNull();
  });
  it("reads the ownership form", () => {
    expect(readDirectIndirect("(D)")?.value).toBe("D");
    expect(readDirectIndirect("Indirect")?.value).toBe("I");
    expect(readDirectIndirect("Common")).toBeNull();
  });
});

describe("findLabel", () => {
  it("finds half-eaten and misread labels", () => {
    const m = findLabel("1. Name and Address of Reporting Person* JANZEN HOWARD E", LANDMARKS.reportingPerson);
    expect(m).not.toBeNull();
    expect("1. Name and Address of Reporting Person* JANZEN HOWARD E".slice(m!.end)).toBe("* JANZEN HOWARD E");
    expect(findLabel("2. Issuer Narne and Tieker or Trading Symbol X", LANDMARKS.issuer)).not.toBeNull();
    expect(findLabel("Explanation of Respon", LANDMARKS.explanation)).not.toBeNull();
    expect(findLabel("Common Stock", LANDMARKS.issuer)).toBeNull();
  });
});

describe("readCityStateZip", () => {
  it("reads a clean line", () => {
    expect(readCityStateZip(["WESTFORD MA 01886"])).toMatchObject({ city: "WESTFORD", state: "MA", zip: "01886" });
    expect(readCityStateZip(["SAN FRANCISCO", "CA", "94105"])).toMatchObject({ city: "SAN FRANCISCO", state: "CA", zip: "94105" });
  });
  it("takes six digits for a postcode abroad, not their last five for a ZIP", () => {
    expect(readCityStateZip(["HSINCHU 300096"])).toMatchObject({ city: "HSINCHU", state: null, zip: "300096" });
  });
  it("settles a garbled state from the ZIP and keeps the damaged city unsure", () => {
    const r = readCityStateZip(["SFORD M", "IA", "01824"]);
    expect(r.state).toBe("MA");
    expect(r.confidence.city).toBeLessThan(0.8);
    expect(stateForZip("01824")).toBe("MA");
  });
  it("ends the city at a UK, Canadian or Dutch postcode, with no state", () => {
    expect(readCityStateZip(["LONDON", "", "EC3M 7DQ"])).toMatchObject({ city: "LONDON", state: null, zip: "EC3M 7DQ" });
    expect(readCityStateZip(["TORONTO M5V 3L9"])).toMatchObject({ city: "TORONTO", state: null, zip: "M5V 3L9" });
    expect(readCityStateZip(["AMSTERDAM 1017 AB"])).toMatchObject({ city: "AMSTERDAM", state: null, zip: "1017 AB" });
  });
  it("reads a province or EDGAR's country code before a foreign postcode as the state, unsure", () => {
    const toronto = readCityStateZip(["TORONTO ON M5V 3L9"]);
    expect(toronto).toMatchObject({ city: "TORONTO", state: "ON", zip: "M5V 3L9" });
    expect(toronto.confidence.state).toBeLessThan(0.8);
    expect(readCityStateZip(["LONDON", "X0", "EC3M 7DQ"])).toMatchObject({ city: "LONDON", state: "X0", zip: "EC3M 7DQ" });
    expect(readCityStateZip(["ST. JOHN'S NL A1C 5M2"])).toMatchObject({ city: "ST. JOHN'S", state: "NL", zip: "A1C 5M2" });
  });
});

describe("tokenizeCells + readRow", () => {
  it("keeps a second ownership letter as the nature of ownership, unsure", () => {
    const { row, confidence } = readRow(tokenizeCells(["Common Stock", "12,345", "I", "I (1)"]), "nonDerivative", "4");
    expect(row).toMatchObject({ sharesOwnedFollowing: 12345, directOrIndirect: "I", natureOfOwnership: "I", footnoteIds: ["1"] });
    expect(confidence.natureOfOwnership).toBeLessThan(0.8);
    expect(readRow(tokenizeCells(["Common Stock", "12,345", "I"]), "nonDerivative", "4").row).toMatchObject({ directOrIndirect: "I", natureOfOwnership: null });
  });
  it("reads a Form 4 Table I line with no date and one count as a holding", () => {
    expect(readRow(tokenizeCells(["Common Stock", "12,345", "D"]), "nonDerivative", "4").row).toMatchObject({ kind: "holding", acquiredDisposed: null, sharesOwnedFollowing: 12345, directOrIndirect: "D" });
    expect(readRow(tokenizeCells(["Common Stock", "I", "By Trust"]), "nonDerivative", "5").row).toMatchObject({ kind: "holding", transactionCode: null, directOrIndirect: "I", natureOfOwnership: "By Trust" });
  });
  it("reads a Table II row from a plain-text line", () => {
    const tokens = tokenizeCells(["Stock Option (right to buy) $6.1 12/17/2007 A 40,000 (1) 12/17/2017 Common Stock 40,000 $0 40,000 D"]);
    const { row } = readRow(tokens, "derivative", "4");
    expect(row).toMatchObject({
      securityTitle: "Stock Option (right to buy)", conversionOrExercisePrice: 6.1, transactionDate: "2007-12-17", transactionCode: "A",
      shares: 40000, acquiredDisposed: "A", exerciseDate: null, expirationDate: "2017-12-17", underlyingTitle: "Common Stock",
      underlyingShares: 40000, price: 0, sharesOwnedFollowing: 40000, directOrIndirect: "D", footnoteIds: ["1"],
    });
  });
  it("reads Table I transaction and holding rows", () => {
    const sale = readRow(tokenizeCells(["Class A Common Stock 08/14/2013 S(3) 5,000 D $24.38(1) 45,210 D"]), "nonDerivative", "4").row;
    expect(sale).toMatchObject({ securityTitle: "Class A Common Stock", transactionCode: "S", shares: 5000, acquiredDisposed: "D", price: 24.38, sharesOwnedFollowing: 45210, directOrIndirect: "D", footnoteIds: ["3", "1"] });
    const holding = readRow(tokenizeCells(["Common Stock 8,000 I By Family Trust"]), "nonDerivative", "4").row;
    expect(holding).toMatchObject({ kind: "holding", shares: null, sharesOwnedFollowing: 8000, directOrIndirect: "I", natureOfOwnership: "By Family Trust" });
  });
  it("drops a stray token with a warning and doubts its neighbours", () => {
    const r = readRow(tokenizeCells(["Common Stock", "01/02/2020", "S", "100", "D", "$5", "900", "0", "D"]), "nonDerivative", "4");
    expect(r.row.sharesOwnedFollowing).toBe(900);
    expect(r.row.directOrIndirect).toBe("D");
    expect(r.warnings.join()).toMatch(/dropped "0"/);
    expect(r.confidence.directOrIndirect).toBeLessThan(0.8);
  });
  it("takes a stray 0 beside a holding for noise, not for a transaction or a price", () => {
    const r = readRow(tokenizeCells(["Class A Common Stock", "2,755", "I", "0", "Trust (13)"]), "nonDerivative", "4").row;
    expect(r).toMatchObject({ kind: "holding", transactionCode: null, shares: null, sharesOwnedFollowing: 2755, directOrIndirect: "I", natureOfOwnership: "Trust" });
    const priced = readRow(tokenizeCells(["Common Stock", "0", "9,686", "I", "By Trust"]), "nonDerivative", "4").row;
    expect(priced).toMatchObject({ kind: "holding", price: null, sharesOwnedFollowing: 9686 });
  });
  it("reads (A) or (D) of a drifted Table II row from the code and date-exercisable columns", () => {
    const hints = { acquiredCell: 6, disposedCell: 7, codeCell: 4, exerciseCell: 8 };
    // One empty cell lost left of the code: code, amount and date all sit one cell left.
    const lost = readRow(tokenizeCells(["Option", "$1", "04/30/2025", "A", "", "", "757,576", "", "(1)", "04/29/2035", "Common Stock", "757,576", "$0", "757,576", "D"].filter((_, i) => i !== 4)), "derivative", "4", hints);
    expect(lost.row.acquiredDisposed).toBe("A");
    // An empty cell added between the code and the amount: the two anchors disagree, so it is doubted.
    const added = readRow(tokenizeCells(["Option", "$1", "04/30/2025", "", "D", "", "", "757,576", "", "(1)", "04/29/2035", "Common Stock", "757,576", "$0", "0", "D"]), "derivative", "4", hints);
    expect(added.confidence.acquiredDisposed).toBeLessThan(0.8);
  });
  it("reads Form 3 layouts", () => {
    const r = readRow(tokenizeCells(["Stock Option (right to buy)", "(2)", "01/15/2025", "Common Stock", "5,000", "$18.4", "D"]), "derivative", "3").row;
    expect(r).toMatchObject({ exerciseDate: null, expirationDate: "2025-01-15", underlyingShares: 5000, conversionOrExercisePrice: 18.4, shares: null, sharesOwnedFollowing: null });
  });
});

describe("readTrailer", () => {
  it("reads footnotes, remarks and signatures", () => {
    const t = readTrailer([
      "Explanation of Responses:",
      "1. The option vests as to 25% of the shares",
      "one year from grant date.",
      "2. Held by a trust.",
      "Remarks:",
      "Exhibit 24 - Power of Attorney",
      "/s/ Jane Roe",
      "01/03/2005",
      "** Signature of Reporting Person",
      "Date",
    ]);
    expect(t.footnotes).toEqual([
      { id: "1", text: "The option vests as to 25% of the shares one year from grant date." },
      { id: "2", text: "Held by a trust." },
    ]);
    expect(t.remarks).toBe("Exhibit 24 - Power of Attorney");
    expect(t.signatures).toEqual([{ name: "/s/ Jane Roe", date: "2005-01-03" }]);
  });

  it("reads a fund's signer name of a few hundred characters, but not a long footnote over a date", () => {
    const long = "Baker Bros. Advisors LP, Mgmt. Co. and Inv. Adviser to BAKER BROTHERS LIFE SCIENCES, L.P., pursuant to authority granted by Baker Brothers Life Sciences Capital, L.P., GP to Baker Brothers Life Sciences, L.P.";
    const t = readTrailer(["Explanation of Responses:", "1. Held by a trust.", long, "01/03/2005", "/s/ Jane Roe", "01/03/2005", "** Signature of Reporting Person"]);
    expect(t.signatures.map((s) => s.name)).toEqual([long, "/s/ Jane Roe"]);
    expect(t.footnotes).toEqual([{ id: "1", text: "Held by a trust." }]);
    const note = `2. ${"The shares vest in four equal annual installments beginning on the first anniversary of the grant date. ".repeat(2)}`;
    expect(readTrailer(["Explanation of Responses:", "1. Held by a trust.", note, "01/03/2005", "** Signature of Reporting Person"]).footnotes).toHaveLength(2);
  });

  it("joins a signature wrapped over lines with its date printed beside the middle one", () => {
    const t = readTrailer(["Explanation of Responses:", "1. Held by a trust.", "/s/ Pat Roe, attorney-in-fact", "SOP. ¥ 03/11/2026", "for Jane Q. Public", "** Signature of Reporting Person Date"]);
    expect(t.signatures).toEqual([{ name: "/s/ Pat Roe, attorney-in-fact for Jane Q. Public", date: "2026-03-11" }]);
    expect(t.confidence["/signatures/0/name"]).toBeLessThan(0.8);
    expect(t.footnotes).toEqual([{ id: "1", text: "Held by a trust." }]);
  });

  it("finds a signature's date printed under its label", () => {
    const t = readTrailer(["Explanation of Responses:", "1. Held by a trust.", "/s/ Pat Roe, attorney-in-fact for", "Jane Q. Public", "** Signature of Reporting Person", "", "04/03/2026", "", "Date"]);
    expect(t.signatures).toEqual([{ name: "/s/ Pat Roe, attorney-in-fact for Jane Q. Public", date: "2026-04-03" }]);
  });

  it("flags the signatures and remarks when more signature dates than signatures were read", () => {
    const remark = "The reporting person disclaims beneficial ownership of these securities except to the extent of any pecuniary interest therein, and this report shall not be deemed an admission of such ownership for any purpose.";
    const t = readTrailer(["Remarks:", remark, "01/02/2005", "/s/ Jane Roe", "01/03/2005", "** Signature of Reporting Person"]);
    expect(t.signatures).toEqual([{ name: "/s/ Jane Roe", date: "2005-01-03" }]);
    expect(t.confidence["/remarks"]).toBeLessThan(0.8);
    expect(t.confidence["/signatures/0/name"]).toBeLessThan(0.8);
  });
});

describe("readRow on Tesseract's garbled footnote markers", () => {
  it("cuts a garbled marker off the nature and flags the row's footnotes; flags a price with a fifth decimal", () => {
    const { row, confidence } = readRow(tokenizeCells(["Common Stock 05/06/2026 S 28,031 D $184.67019 825,014 I By Trust®"]), "nonDerivative", "4");
    expect(row).toMatchObject({ natureOfOwnership: "By Trust", shares: 28031, sharesOwnedFollowing: 825014 });
    expect(confidence.footnoteIds).toBeLessThan(0.8);
    expect(confidence.price).toBeLessThan(0.8);
  });

  it("flags a one-word nature that is the middle of a wrapped phrase, not a whole one", () => {
    const read = (nature: string) => readRow(tokenizeCells([`Common Stock 9,043 I ${nature}`]), "nonDerivative", "4").confidence.natureOfOwnership;
    expect(read("Supplemental")).toBeLessThan(0.8);
    expect(read("Spouse")).toBeGreaterThanOrEqual(0.8);
  });
});

describe("crossCheck", () => {
  it("doubts a total smaller than the shares just acquired, and the chain of totals that follows from it", () => {
    const f = emptyFiling("ocr-text");
    for (const line of ["Class A Common Stock 04/13/2022 C 13,888 A $0 3,888 D", "Class A Common Stock 04/13/2022 S 100 D $2,556.73 3,788 D"]) {
      const { row, confidence } = readRow(tokenizeCells([line]), "nonDerivative", "4");
      const i = f.nonDerivative.push(row as (typeof f.nonDerivative)[number]) - 1;
      for (const [k, v] of Object.entries(confidence)) f.fieldConfidence[`/nonDerivative/${i}/${k}`] = v;
    }
    crossCheck(f);
    expect(f.fieldConfidence["/nonDerivative/0/sharesOwnedFollowing"]).toBeLessThan(0.8);
    expect(f.fieldConfidence["/nonDerivative/1/sharesOwnedFollowing"]).toBeLessThan(0.8);
    expect(f.fieldConfidence["/nonDerivative/1/shares"]).toBeGreaterThanOrEqual(0.8);
  });

  it("does not raise a reading the row marked ambiguous", () => {
    const { row, confidence, ambiguous } = readRow(tokenizeCells(["Dividend Equivalents $0 12/17/2007 A 8.626 (1) (1) Common Stock 8,626 0 8.626 D"]), "derivative", "4");
    expect(row).toMatchObject({ shares: 8626, underlyingShares: 8626, price: 0 });
    expect([...ambiguous].sort()).toEqual(["price", "shares", "sharesOwnedFollowing"]);
    const filing = emptyFiling("ocr-markdown");
    filing.derivative = [row];
    for (const [k, v] of Object.entries(confidence)) filing.fieldConfidence[`/derivative/0/${k}`] = v;
    crossCheck(filing, new Set([...ambiguous].map((k) => `/derivative/0/${k}`)));
    expect(filing.fieldConfidence["/derivative/0/shares"]).toBeLessThan(0.8);
    expect(filing.fieldConfidence["/derivative/0/price"]).toBeLessThan(0.97);
    crossCheck(filing);
    expect(filing.fieldConfidence["/derivative/0/shares"]).toBe(0.97);
  });
});

describe("addYears", () => {
  it("keeps leap days real", () => {
    expect(addYears("2008-02-29", 1)).toBe("2009-02-28");
    expect(addYears("2007-12-17", 10)).toBe("2017-12-17");
  });
});
