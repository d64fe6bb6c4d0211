import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { parseOcrText } from "./ocr-text";
import { ParseError } from "./types";
import { flagged, score } from "../../scripts/fixtures/ocr-score";

const dir = join(__dirname, "fixtures", "text");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4));
/** Real sec.gov renderings whose ruled table rows Tesseract did not read at all. */
const ROWS_LOST = new Set(["r02-374water-scan", "r03-snowflake-form3-scan"]);
const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "shared", "contract", "filing.schema.json"), "utf8"));

function load(name: string) {
  const text = readFileSync(join(dir, `${name}.txt`), "utf8");
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8"));
  return { text, expected };
}

/**
 * Floors per fixture set (first letter of the name): t synthetic pages, b the same with black
 * rules, p real EDGAR filings drawn as degraded paper scans, n, m, k and j the same filings scanned
 * again with other degradations (j drawn last), r real sec.gov renderings; held-out is the p fixtures drawn after the
 * parser's tuning, the honest measure of how it generalises. The degraded scans change with every
 * Tesseract build, so sets are held to a floor, not exact values.
 */
const SET_FLOORS: Record<string, { right: number; flagged: number }> = {
  // p13-p20: real filings added after the parser was tuned on p01-p12 (see the fixtures README).
  "held-out": { right: 0.91, flagged: 0.93 },
  t: { right: 0.94, flagged: 0.94 },
  b: { right: 0.95, flagged: 0.95 },
  p: { right: 0.91, flagged: 0.97 },
  r: { right: 0.38, flagged: 0.95 },
  n: { right: 0.89, flagged: 0.9 },
  m: { right: 0.82, flagged: 0.9 },
  k: { right: 0.89, flagged: 0.88 },
  j: { right: 0.88, flagged: 0.9 },
  all: { right: 0.88, flagged: 0.95 },
};

describe("parseOcrText on Tesseract fixtures", () => {
  const totals = new Map<string, { total: number; right: number; wrong: number; flagged: number }>();
  for (const name of fixtures) {
    it(`${name}: valid filing, most fields right`, () => {
      const { text, expected } = load(name);
      const filing = parseOcrText(text);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      const validate = ajv.compile(schema);
      expect(validate(filing), JSON.stringify(validate.errors)).toBe(true);
      const s = score(expected, filing);
      const heldOut = /^p(1[3-9]|20)-/.test(name);
      for (const key of [name[0], "all", ...(heldOut ? ["held-out"] : [])]) {
        const t = totals.get(key) ?? { total: 0, right: 0, wrong: 0, flagged: 0 };
        t.total += s.total;
        t.right += s.right;
        t.wrong += s.wrong.length;
        t.flagged += flagged(s);
        totals.set(key, t);
      }
      expect(filing.formType).toBe(expected.formType);
      if (ROWS_LOST.has(name)) {
        // Tesseract dropped every table row of these real renderings: the loss must be flagged.
        expect(s.wrong.filter((w) => w.confidence >= 0.8).length).toBeLessThan(s.wrong.length * 0.2);
      } else {
        // Fixtures whose pages Tesseract mangled keep a lower bar; the set floors below are the target.
        expect(s.right / s.total).toBeGreaterThan(0.5);
      }
    });
  }
  it("accuracy and flagging per fixture set", () => {
    for (const [key, t] of totals) {
      const acc = t.right / t.total;
      const flaggedShare = t.wrong ? t.flagged / t.wrong : 1;
      console.log(`ocr-text fixtures ${key}: ${t.right}/${t.total} fields right (${(acc * 100).toFixed(1)}%), ${t.flagged}/${t.wrong} wrong fields flagged (${(flaggedShare * 100).toFixed(1)}%)`);
      const floor = SET_FLOORS[key] ?? SET_FLOORS.all;
      expect(acc, `set ${key} accuracy`).toBeGreaterThanOrEqual(floor.right);
      expect(flaggedShare, `set ${key} wrong fields flagged`).toBeGreaterThanOrEqual(floor.flagged);
    }
  });
});

// The contract README's worked example (seed 000) as Tesseract lays it out: boxes 1, 2 and 5 on shared lines.
const SEED_000 = `FORM 4 UNITED STATES SECURITIES AND EXCHANGE COMMISSION OMB APPROVAL
Washington, D.C. 20549
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer
JANZEN HOWARD E SONUS NETWORKS INC [SONS] (Check all applicable)
(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) X Director 10% Owner
C/O SONUS NETWORKS, INC. 12/17/2007 Officer (give title below) Other (specify below)
7 TECHNOLOGY PARK DRIVE
(Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)
WESTFORD MA 01886 X Form filed by One Reporting Person
(City) (State) (Zip) Form filed by More than One Reporting Person
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1. Title of Security (Instr. 3) 2. Transaction Date (Month/Day/Year) 2A. Deemed Execution Date, if any 3. Transaction Code (Instr. 8)
Code V Amount (A) or (D) Price
Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)
1. Title of Derivative Security 2. Conversion or Exercise Price 3. Transaction Date
Code V (A) (D) Date Exercisable Expiration Date Title Amount or Number of Shares
Stock Option (right to buy) \$6.1 12/17/2007 A 40,000 (1) 12/17/2017 Common Stock 40,000 \$0 40,000 D
Explanation of Responses:
1. The option vests as to 25% of the shares one year from grant date and then, as to the remaining 75% of the shares, in equal monthly increments for the following 36 months.
Remarks:
Charles J. Gray as attorney-infact for Howard E. Janzen 12/18/2007
** Signature of Reporting Person Date
`;

describe("parseOcrText on run-together header lines", () => {
  it("reads the contract's worked example", () => {
    const f = parseOcrText(SEED_000);
    expect(f.formType).toBe("4");
    expect(f.issuer).toEqual({ name: "SONUS NETWORKS INC", ticker: "SONS", cik: null });
    expect(f.reportingOwners[0]).toMatchObject({ name: "JANZEN HOWARD E", street1: "C/O SONUS NETWORKS, INC.", street2: "7 TECHNOLOGY PARK DRIVE", city: "WESTFORD", state: "MA", zip: "01886", isDirector: true, isOfficer: false });
    expect(f.periodOfReport).toBe("2007-12-17");
    expect(f.derivative).toEqual([
      {
        kind: "transaction", securityTitle: "Stock Option (right to buy)", conversionOrExercisePrice: 6.1, transactionDate: "2007-12-17",
        deemedExecutionDate: null, transactionCode: "A", equitySwap: false, shares: 40000, acquiredDisposed: "A", exerciseDate: null,
        exercisableImmediately: false, expirationDate: "2017-12-17", underlyingTitle: "Common Stock", underlyingShares: 40000, price: 0,
        sharesOwnedFollowing: 40000, directOrIndirect: "D", natureOfOwnership: null, footnoteIds: ["1"],
      },
    ]);
    expect(f.footnotes[0].text).toMatch(/^The option vests as to 25%/);
    expect(f.signatures).toEqual([{ name: "Charles J. Gray as attorney-infact for Howard E. Janzen", date: "2007-12-18" }]);
    expect(Object.values(f.fieldConfidence).every((c) => c >= 0.8)).toBe(true);
  });

  it("ends a city line abroad at its postcode, not in the street", () => {
    for (const [line, city, zip] of [["LONDON EC3M 7DQ", "LONDON", "EC3M 7DQ"], ["TORONTO M5V 3L9", "TORONTO", "M5V 3L9"]]) {
      const f = parseOcrText(SEED_000.replace("WESTFORD MA 01886", line));
      expect(f.reportingOwners[0]).toMatchObject({ street2: "7 TECHNOLOGY PARK DRIVE", city, state: null, zip });
    }
  });

  it("reads a joint filer's address abroad up to its postcode", () => {
    const text = readFileSync(join(dir, "p14-berkshire-form3-joint.txt"), "utf8").replace("Address: 3555 FARNAM STREET, OMAHA, NE 68131", "Address: 30 ST MARY AXE, LONDON, EC3M 7DQ");
    expect(parseOcrText(text).reportingOwners[1]).toMatchObject({ street1: "30 ST MARY AXE", city: "LONDON", state: null, zip: "EC3M 7DQ" });
  });

  it("repairs digit misreads and says so", () => {
    const damaged = SEED_000.replace("Reporting Person*", "Reporing Person*")
      .replace("Earliest Transaction", "Earliest Tansacion")
      .replace("$6.1 12/17/2007 A 40,000 (1) 12/17/2017 Common Stock 40,000", "6.1 l2/17/2007 A 4O,000 (1) 12/17/20l7 Common Stock 40.000")
      .replace("MA 01886", "MA O1886");
    const f = parseOcrText(damaged);
    expect(f.derivative[0]).toMatchObject({ conversionOrExercisePrice: 6.1, transactionDate: "2007-12-17", shares: 40000, expirationDate: "2017-12-17", underlyingShares: 40000 });
    expect(f.reportingOwners[0].zip).toBe("01886");
    expect(f.fieldConfidence["/reportingOwners/0/zip"]).toBeLessThan(0.8);
    expect(f.warnings.some((w) => w.includes("4O,000"))).toBe(true);
  });

  it("joins a title wrapped over the lines under its row", () => {
    const wrapped = SEED_000.replace("Stock Option (right to buy) $6.1", "Non- $6.1").replace(
      "D\nExplanation",
      "D\nqualified\nStock Option\n(right to buy)\nExplanation",
    );
    expect(parseOcrText(wrapped).derivative[0].securityTitle).toBe("Non-qualified Stock Option (right to buy)");
  });

  it("marks an unreadable box 3 date as unknown, not guessed", () => {
    const f = parseOcrText(SEED_000.replace("12/17/2007 Officer", "1?/1?/2O?? Officer").replace("$6.1 12/17/2007", "$6.1 ??"));
    expect(f.fieldConfidence["/periodOfReport"] ?? 1).toBeLessThan(0.8);
  });
});

describe("parseOcrText on hostile input", () => {
  it("rejects 100,000 lines quickly", () => {
    const t0 = performance.now();
    expect(() => parseOcrText("Table I - Non-Derivative Securities\n".repeat(100_000))).toThrow(ParseError);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("reads a long, repetitive page within a second", () => {
    const row = "Common Stock 03/01/2023 S (1) 4,312 D $64.2311 (2) 241,507 D\n";
    const text = `FORM 4\n1. Name and Address of Reporting Person*\nDOE JOHN ACME INC [ ACME ]\n(Last) (First) (Middle)\nTable I - Non-Derivative Securities Acquired\n${row.repeat(500)}`;
    const t0 = performance.now();
    const f = parseOcrText(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(f.nonDerivative.length).toBe(500);
  });

  it("survives pathological lines", () => {
    const text = `FORM 4\nName and Address of Reporting Person\n${"(".repeat(50_000)}\n${"1/".repeat(20_000)}\n${"X ".repeat(20_000)}Director\n${"[A".repeat(20_000)}\nTable I - Non-Derivative Securities\n${"$1 ".repeat(20_000)}`;
    const t0 = performance.now();
    const f = parseOcrText(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(f.reportingOwners.length).toBe(1);
  });

  it("rejects text with no form landmarks", () => {
    expect(() => parseOcrText("hello\nworld")).toThrow(ParseError);
  });
});

describe("Tesseract text of real EDGAR pages (development corpus, tuning half)", () => {
  const corpus = (name: string) => parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", `${name}.clean.txt`), "utf8"));

  it("completes a date whose year the column clipped, and a code with its footnote marker garbled", () => {
    // "Class A Common Stock 11/16/202 sO 2,469 D $135.63 321,590 I Footnotes®"
    const f = corpus("form4-duolingo-inc-capitalg-2014-lp-20211116");
    expect(f.nonDerivative[0]).toMatchObject({ securityTitle: "Class A Common Stock", transactionDate: "2021-11-16", transactionCode: "S", shares: 2469, price: 135.63 });
    expect(f.warnings.join(" ")).toMatch(/year cut to three digits/);
  });

  it("takes a post-office box for the street, not its number for the ZIP, and no garbled label for a street", () => {
    // "P.O. BOX 81226 05/21/2026 Worldwide" over "SEATTLE WA 98108-1226 4. If Amendment …", under "Last) First) Middle}".
    const f = corpus("0001018724-26-000020");
    expect(f.reportingOwners[0]).toMatchObject({ street1: "P.O. BOX 81226", city: "SEATTLE", state: "WA", zip: "98108-1226" });
  });

  it("reads a joint filing's further persons printed after the tables as owners, not Table II rows", () => {
    const f = corpus("0000921895-25-001190");
    expect(f.reportingOwners.map((o) => o.name)).toEqual(["Fund 1 Investments, LLC", "PLP Funds Master Fund LP", "Pleasant Lake Partners LLC"]);
    expect(f.reportingOwners[2]).toMatchObject({ street1: "100 CARR 115 UNIT 1900", city: "RINCON", state: "PR", zip: "00677", isTenPercentOwner: true });
    expect(f.derivative.map((r) => r.securityTitle).join(" ")).not.toMatch(/Name and Address/);
  });

  it("joins a nature of ownership wrapped over the lines above and below its row", () => {
    // "By" / "Common Stoc! 03/16/2026 Ss 1,080 D $155.495 17,124 I Revocable" / "Trust\?"; "By Savings" / "… I y 8" / "Plan".
    const xom = corpus("0000034088-26-000052").nonDerivative.map((r) => r.natureOfOwnership);
    expect(xom).toEqual(["By Revocable Trust", null, "By Dependent Child", expect.anything(), "By Savings Plan"]);
    // "By" / "… 60 I Immediate" / ". Family" / "Member": the tail runs over two lines behind specks.
    const tsm = corpus("0001046179-26-000285").nonDerivative.map((r) => r.natureOfOwnership);
    expect(tsm).toEqual([null, null, null, "By ESPP Trust", "By Immediate Family Member"]);
  });

  it("finishes a signature on the line under its date, joins a word hyphenated at the box's edge, keeps /s/ as printed", () => {
    // "By: Aaron Beckman, Power of Attorney 05/15/2026" over "For: Vaibhav Taneja a".
    expect(corpus("0001104659-26-062860").signatures).toEqual([{ name: "By: Aaron Beckman, Power of Attorney For: Vaibhav Taneja", date: "2026-05-15" }]);
    expect(corpus("0001209191-22-024550").signatures[0].name).toBe("/s/ Valentina Margulis, as Attorney-in-Fact for Sergey Brin");
    expect(corpus("form4-silk-road-medical-inc-rogers-erica-j-20220111").signatures[0].name).toBe("/s/Mhairi Jones, by power of attorney");
  });

  it("flags a signature of mostly lower-case words as misread", () => {
    const f = corpus("form4-duolingo-inc-capitalg-2014-lp-20211116");
    expect(f.fieldConfidence["/signatures/0/name"]).toBeLessThan(0.8);
  });

  it("links a lost-marker row to the weighted-average footnote whose price range holds its price", () => {
    // "Class A Common Stock 04/13/2022 S 100 D $2,556.7346 13,788 D": footnote 2 gives "$2,556.14 to $2,557.13".
    const f = corpus("0001209191-22-024550");
    expect(f.nonDerivative[1]).toMatchObject({ price: 2556.7346, footnoteIds: ["2"] });
    expect(f.fieldConfidence["/nonDerivative/1/footnoteIds"]).toBeLessThan(0.8);
    // "$2,579.3767" with its marker run in as digits: cut to four decimals, flagged.
    expect(f.nonDerivative[16].price).toBe(2579.3767);
    expect(f.fieldConfidence["/nonDerivative/16/price"]).toBeLessThan(0.8);
  });

  it("links a lost-marker row to the one footnote naming the holders its nature of ownership names", () => {
    // "… I by trust" on three rows; footnote 3: "Shares held by The Narayen Family Trust, …".
    const f = corpus("0000796343-26-000105");
    for (const i of [0, 1, 2]) {
      expect(f.nonDerivative[i].footnoteIds).toContain("3");
      expect(f.fieldConfidence[`/nonDerivative/${i}/footnoteIds`]).toBeLessThan(0.8);
    }
  });

  it("finds Table II by its heading's words and the footnotes by their numbering when both labels are lost", () => {
    // "Derivative Securities Acquired, …" without "Table II -"; "1. Exhibit Index - …" / "2. Each phantom share …" without "Explanation of Responses:".
    const light = parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "0000021344-26-000122.light.txt"), "utf8"));
    expect(light.footnotes.map((f) => f.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(light.footnotes[1].text).toMatch(/^Each phantom share unit is economically equivalent/);
  });

  it("reads the footnotes above the remarks when the explanation label is garbled", () => {
    // "Explanation ofResponses; Se" / "1. The sale was primarily made …" … "Remarks:".
    const light = parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "0000796343-26-000105.light.txt"), "utf8"));
    expect(light.footnotes.map((f) => f.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(light.footnotes[2].text).toBe("Shares held by The Narayen Family Trust, dtd 11/30/00 of which reporting person is a trustee.");
  });

  it("takes quote marks glued to a figure for a garbled marker", () => {
    // "… S 100 D $2,556.7346\") 13,788 D" in the lightly degraded photograph.
    const light = parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "0001209191-22-024550.light.txt"), "utf8"));
    expect(light.nonDerivative[1]).toMatchObject({ price: 2556.7346, sharesOwnedFollowing: 13788 });
  });

  it("takes a year alone on its line for a wrapped name's, not a row, and splits a line shared by two wrapped cells", () => {
    // "SMB Pacific" / "2021" / "Class B Common Stock $0 (6) (7) Class A 8,635 8,635 I Charitable" / "Common Stock Remainder" / "Unitrust I"
    const f = corpus("0001209191-22-024552");
    expect(f.derivative).toHaveLength(3);
    expect(f.derivative.map((r) => r.underlyingTitle)).toEqual(["Class A Common Stock", "Class A Common Stock", "Class A Common Stock"]);
    expect(f.derivative[1].natureOfOwnership).toMatch(/Charitable Remainder/);
  });

  it("reads a holding whose amount carries a marker that lost its opening parenthesis", () => {
    // "Common Stoc 355,525) D" between two indirect rows.
    const f = corpus("0000093410-26-000117");
    expect(f.nonDerivative).toHaveLength(8);
    expect(f.nonDerivative[3]).toMatchObject({ kind: "holding", sharesOwnedFollowing: 355525, directOrIndirect: "D" });
    // "Common Stock 11/04/2024 G 3,690 D $0 0 D®": the ownership form with its marker glued on.
    const lrcx = corpus("0000707549-25-000004");
    expect(lrcx.nonDerivative[0]).toMatchObject({ sharesOwnedFollowing: 0, directOrIndirect: "D" });
    expect(lrcx.warnings.join(" ")).not.toMatch(/dropped "D®"/);
    // "Common Stock 2,687,197°) I Living": a marker read as a degree sign and a parenthesis.
    expect(corpus("0001696841-26-000006").nonDerivative[1]).toMatchObject({ sharesOwnedFollowing: 2687197, directOrIndirect: "I" });
  });

  it("reads box 2 drawn over the labels' line: the ticker alone under it, an unclosed bracket, the name over box 1's line", () => {
    // "1. Name and Address of Reporting Person” E XXON MOBIL CORP XoM ] …" over "A XOM".
    expect(corpus("0000034088-26-000052").issuer.ticker).toBe("XOM");
    // "… Reporting Person” Meta Plath and ad …" over ". eta Platforms, Inc. | META".
    expect(corpus("0000950103-26-007492").issuer.ticker).toBe("META");
    // "MICROSOFT CORP [ MSFT (Check all applicable)" over "Coleman Amy [ ] Director 10% Owner".
    expect(corpus("0000789019-26-000066").issuer).toMatchObject({ name: "MICROSOFT CORP", ticker: "MSFT" });
    // "7 7 Tesla, Inc. [ TSLA (Check all applicable)" over "Taneja Vaibhav Tesla, Inc. | ] Director 10% Owner".
    const tsla = corpus("0001104659-26-062860");
    expect(tsla.issuer).toMatchObject({ name: "Tesla, Inc.", ticker: "TSLA" });
    expect(tsla.reportingOwners[0].name).toBe("Taneja Vaibhav");
    // A number starting the issuer's name is no speck.
    expect(corpus("0000921895-25-001190").issuer.name).toBe("1 800 FLOWERS COM INC");
  });

  it("ends the tables at a signature with its date when every label around it is lost", () => {
    // "Julia Stark, Atlorney-in-Fact for Amy 08/18/2025" / "Coleman" under Table II's broken heading.
    const light = parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "form4-microsoft-corp-coleman-amy-20250815.light.txt"), "utf8"));
    expect(light.derivative).toHaveLength(0);
    expect(light.signatures).toEqual([{ name: "Julia Stark, Attorney-in-Fact for Amy Coleman", date: "2025-08-18" }]);
  });

  it("pairs footnote numbers printed as a column of their own with the texts that lost them", () => {
    // ". This transaction was effected …" ×5, then "1." "2." "3." "4. Represents …" "5." "6." "7.", then ". Converts …".
    const f = corpus("0001374545-26-000008");
    expect(f.footnotes.map((n) => n.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(f.footnotes[0].text).toMatch(/^This transaction was effected pursuant to a Rule 10b5-1 trading plan/);
    expect(f.footnotes[6].text).toBe("Converts into Common Stock on a one-for-one basis.");
  });

  it("restores a range's dollar sign the OCR dropped, and flags the footnote", () => {
    // "… at prices ranging from 368.360 to $369.350, inclusive."
    const f = corpus("0001104659-26-055079");
    expect(f.footnotes[1].text).toMatch(/ranging from \$368\.360 to \$369\.350, inclusive/);
    expect(f.fieldConfidence["/footnotes/1/text"]).toBeLessThan(0.8);
  });

  it("reads a footnote block printed above the header without its label", () => {
    // Lines 7-25: "1. The sales reported in this Form 4 …" … "10, Weighted average sale price …"; the label comes last.
    const light = parseOcrText(readFileSync(join(__dirname, "fixtures", "corpus", "tuning", "form4-duolingo-inc-capitalg-2014-lp-20211116.light.txt"), "utf8"));
    expect(light.footnotes.map((f) => f.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(light.footnotes[2].text).toMatch(/^Shares held by CapitalG 2014 LP\./);
  });

  it("trusts a street with its number spelt out or a name near a street word", () => {
    // "ONE JOHNSON & JOHNSON PLAZA"; "1400 SMITH STREET" (SMITH is not SOUTH misspelt).
    expect(corpus("0000200406-26-000108").fieldConfidence["/reportingOwners/0/street1"]).toBeGreaterThanOrEqual(0.8);
    const cvx = corpus("0000093410-26-000117");
    expect(cvx.reportingOwners[0].street1).toBe("1400 SMITH STREET");
    expect(cvx.fieldConfidence["/reportingOwners/0/street1"]).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps a par value in the title instead of taking it for a price", () => {
    // "Common Stock, $.25 Par Value 05/11/2026 G 44,678 D $0 0 I By Wife"
    const f = corpus("0000021344-26-000139");
    expect(f.nonDerivative[0]).toMatchObject({ securityTitle: "Common Stock, $.25 Par Value", shares: 44678, price: 0, natureOfOwnership: "By Wife" });
  });

  it("drops garbled markers printed before the underlying title", () => {
    // "Deferred Share Units @ 04/23/2026 A 975 ( oy Common Stock 975": column 6's markers garbled to specks.
    expect(corpus("0000200406-26-000108").derivative[0].underlyingTitle).toBe("Common Stock");
    expect(corpus("0000796343-26-000097").derivative[1].underlyingTitle).toBe("Common Stock");
  });

  it("splits box 1's name from the issuer on the ticker's line, and takes no printed rule for a name", () => {
    // "HESS JOHN B CHEVRON CORP [ CVX ]" over "—_————__—E—A—_E— esr x Director 10% Owner".
    const f = corpus("0000093410-26-000117");
    expect(f.reportingOwners[0].name).toBe("HESS JOHN B");
    expect(f.issuer).toMatchObject({ name: "CHEVRON CORP", ticker: "CVX" });
  });

  it("cuts box 1's clipped name, or its initial, printed in front of the issuer, and flags an initial's cut", () => {
    // "McEvoy Ashle PROCTER & GAMBLE Co [ PG ]"; ". J COCA COLA CO [ KO ]" over "Quincey James".
    expect(corpus("0000080424-26-000032").issuer.name).toBe("PROCTER & GAMBLE Co");
    const ko = corpus("0000021344-26-000139");
    expect(ko.issuer.name).toBe("COCA COLA CO");
    expect(ko.fieldConfidence["/issuer/name"]).toBeLessThan(0.8);
  });

  it("reads a signature wrapped over two lines with its date under the label, and the unchecked 10b5-1 box", () => {
    const f = corpus("0000021344-26-000122");
    expect(f.signatures).toEqual([{ name: "/s/ April Edwards, attorney-in-fact for Amity Millhiser", date: "2026-04-03" }]);
    expect(f.aff10b5One).toBe(false);
  });
});
