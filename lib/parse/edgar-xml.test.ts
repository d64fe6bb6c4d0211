import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parseEdgarXml } from "./edgar-xml";
import { ParseError, type Filing } from "./types";

const XML_DIR = fileURLToPath(new URL("./fixtures/xml/", import.meta.url));
const fixture = (name: string) => readFileSync(XML_DIR + name, "utf8");

// The contract lives beside the project in development and may be copied into it; either place will do.
const SCHEMA_PATHS = ["../../contract/filing.schema.json", "../../../shared/contract/filing.schema.json"].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);
const schemaPath = SCHEMA_PATHS.find((p) => existsSync(p));
if (!schemaPath) throw new Error(`filing.schema.json not found at ${SCHEMA_PATHS.join(" or ")}`);
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));

function expectValid(filing: Filing) {
  const ok = validate(filing);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

function expectRejected(fn: () => unknown, reason: RegExp) {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ParseError);
  expect((caught as Error).message).toMatch(reason);
}

const owner = (o: Partial<Filing["reportingOwners"][number]>) => ({
  cik: null,
  street1: null,
  street2: null,
  city: null,
  state: null,
  zip: null,
  isDirector: false,
  isOfficer: false,
  officerTitle: null,
  isTenPercentOwner: false,
  isOther: false,
  otherText: null,
  ...o,
});

describe("parseEdgarXml on real EDGAR filings", () => {
  it("validates every XML fixture against the contract schema", () => {
    const files = readdirSync(XML_DIR).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expectValid(parseEdgarXml(fixture(f)));
  });

  it("reads an X0508 Form 4 with aff10b5One, an RSU grant and an option whose exercise date is only a footnote", () => {
    expect(parseEdgarXml(fixture("form4-374water-x0508.xml"))).toEqual({
      formType: "4",
      issuer: { name: "374Water Inc.", ticker: "SCWO", cik: "0000933972" },
      reportingOwners: [
        owner({
          name: "Melkote Rajesh Ramaswamy",
          cik: "0002064133",
          street1: "C/O 374 WATER INC.",
          street2: "100 SOUTHCENTER COURT, SUITE 200",
          city: "MORRISVILLE",
          state: "NC",
          zip: "27560",
          isOfficer: true,
          officerTitle: "Chief Technology Officer",
        }),
      ],
      periodOfReport: "2025-04-30",
      dateOfOriginalSubmission: null,
      jointFiling: false,
      aff10b5One: false,
      nonDerivative: [
        {
          kind: "transaction",
          securityTitle: "Common Stock (restricted stock units)",
          transactionDate: "2025-04-30",
          deemedExecutionDate: null,
          transactionCode: "A",
          equitySwap: false,
          shares: 757756,
          acquiredDisposed: "A",
          price: 0,
          sharesOwnedFollowing: 757756,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["1"],
        },
      ],
      derivative: [
        {
          kind: "transaction",
          securityTitle: "Stock options (right to buy)",
          conversionOrExercisePrice: 0.33,
          transactionDate: "2025-04-30",
          deemedExecutionDate: null,
          transactionCode: "A",
          equitySwap: false,
          shares: 757576,
          acquiredDisposed: "A",
          exerciseDate: null,
          exercisableImmediately: false,
          expirationDate: "2035-04-29",
          underlyingTitle: "Common Stock",
          underlyingShares: 757576,
          price: 0,
          sharesOwnedFollowing: 757756,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["1"],
        },
      ],
      footnotes: [
        {
          id: "1",
          text: "Vesting commencement date is March 31, 2025. 25% of the shares vest and become exercisable on the first annual anniversary of the vesting commencement date and the balance vest and become exercisable equally on the last day of every month thereafter over the following 36 months, subject to the Reporting Person's continuous service through each vesting date.",
        },
      ],
      remarks: null,
      signatures: [{ name: "/s/ Rajesh Melkote", date: "2025-05-02" }],
      vesting: [],
      source: { format: "edgar-xml" },
      fieldConfidence: {},
      warnings: [],
    });
  });

  it("reads a Form 5 with a footnote on transactionCoding, holdings after the transaction, and multi-line footnotes", () => {
    expect(parseEdgarXml(fixture("form5-snowflake.xml"))).toEqual({
      formType: "5",
      issuer: { name: "Snowflake Inc.", ticker: "SNOW", cik: "0001640147" },
      reportingOwners: [
        owner({
          name: "McMahon John Dennis",
          cik: "0001397798",
          street1: "C/O SNOWFLAKE INC.",
          street2: "106 EAST BABCOCK STREET, SUITE 3A",
          city: "BOZEMAN",
          state: "MT",
          zip: "59715",
          isDirector: true,
        }),
      ],
      periodOfReport: "2022-01-31",
      dateOfOriginalSubmission: null,
      jointFiling: false,
      aff10b5One: null,
      nonDerivative: [
        {
          kind: "transaction",
          securityTitle: "Class A Common Stock",
          transactionDate: "2021-12-23",
          deemedExecutionDate: null,
          transactionCode: "G",
          equitySwap: false,
          shares: 61386,
          acquiredDisposed: "D",
          price: 0,
          sharesOwnedFollowing: 54666,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["1", "2"],
        },
        {
          kind: "holding",
          securityTitle: "Class A Common Stock",
          transactionDate: null,
          deemedExecutionDate: null,
          transactionCode: null,
          equitySwap: false,
          shares: null,
          acquiredDisposed: null,
          price: null,
          sharesOwnedFollowing: 151188,
          directOrIndirect: "I",
          natureOfOwnership: "Trust",
          footnoteIds: ["3"],
        },
        {
          kind: "holding",
          securityTitle: "Class A Common Stock",
          transactionDate: null,
          deemedExecutionDate: null,
          transactionCode: null,
          equitySwap: false,
          shares: null,
          acquiredDisposed: null,
          price: null,
          sharesOwnedFollowing: 125737,
          directOrIndirect: "I",
          natureOfOwnership: "Trust",
          footnoteIds: ["4"],
        },
      ],
      derivative: [],
      footnotes: [
        { id: "1", text: "Represents shares that the Reporting Person transferred for no consideration." },
        { id: "2", text: "Includes shares to be issued in connection with the vesting of one or more restricted stock units." },
        {
          id: "3",
          text: "The shares are held by The John McMahon Software Irrevocable Trust for which the Reporting Person's immediate family members are the beneficiaries.",
        },
        { id: "4", text: "The shares are held by the John McMahon 1995 Family Trust for which the Reporting Person is a trustee." },
      ],
      remarks: null,
      signatures: [{ name: "/s/ Travis Shrout, Attorney-in-Fact", date: "2022-03-11" }],
      vesting: [],
      source: { format: "edgar-xml" },
      fieldConfidence: {},
      warnings: [],
    });
  });

  it("reads a 4/A amendment: form type, original submission date, option exercise with footnote-only exercise date", () => {
    expect(parseEdgarXml(fixture("form4a-anterix-trimmed.xml"))).toEqual({
      formType: "4/A",
      issuer: { name: "Anterix Inc.", ticker: "ATEX", cik: "0001304492" },
      reportingOwners: [
        owner({ name: "Ashe Gena L", cik: "0001669943", isOfficer: true, officerTitle: "Chief Legal Officer & Corp Sec" }),
      ],
      periodOfReport: "2026-09-08",
      dateOfOriginalSubmission: "2026-09-08",
      jointFiling: false,
      aff10b5One: false,
      nonDerivative: [
        {
          kind: "transaction",
          securityTitle: "Common Stock",
          transactionDate: "2026-09-08",
          deemedExecutionDate: null,
          transactionCode: "S",
          equitySwap: false,
          shares: 293,
          acquiredDisposed: "D",
          price: 85.44,
          sharesOwnedFollowing: 9238,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: [],
        },
        {
          kind: "transaction",
          securityTitle: "Common Stock",
          transactionDate: "2026-09-08",
          deemedExecutionDate: null,
          transactionCode: "F",
          equitySwap: false,
          shares: 2769,
          acquiredDisposed: "D",
          price: 86.27,
          sharesOwnedFollowing: 13302,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["1"],
        },
      ],
      derivative: [
        {
          kind: "transaction",
          securityTitle: "Stock Option (Right to Buy)",
          conversionOrExercisePrice: 34.96,
          transactionDate: "2026-09-08",
          deemedExecutionDate: null,
          transactionCode: "M",
          equitySwap: false,
          shares: 6833,
          acquiredDisposed: "D",
          exerciseDate: null,
          exercisableImmediately: false,
          expirationDate: "2035-05-20",
          underlyingTitle: "Common Stock",
          underlyingShares: 6833,
          price: 0,
          sharesOwnedFollowing: 35658,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["2"],
        },
      ],
      footnotes: [],
      remarks: null,
      signatures: [],
      vesting: [],
      source: { format: "edgar-xml" },
      fieldConfidence: {},
      warnings: [],
    });
  });

  it("reads a real joint filing by three ten-percent owners", () => {
    const sale = (transactionDate: string, shares: number, price: number, sharesOwnedFollowing: number) => ({
      kind: "transaction",
      securityTitle: "Common Stock, par value $0.01 per share",
      transactionDate,
      deemedExecutionDate: null,
      transactionCode: "S",
      equitySwap: false,
      shares,
      acquiredDisposed: "D",
      price,
      sharesOwnedFollowing,
      directOrIndirect: "I",
      natureOfOwnership: null,
      footnoteIds: [],
    });
    expect(parseEdgarXml(fixture("form4-joint-oasis-trimmed.xml"))).toEqual({
      formType: "4",
      issuer: { name: "STRATUS PROPERTIES INC", ticker: "STRS", cik: "0000885508" },
      reportingOwners: [
        owner({ name: "Oasis Management Co Ltd.", cik: "0001317904", isTenPercentOwner: true }),
        owner({ name: "Oasis Investments II Master Fund Ltd.", cik: "0001530803", isTenPercentOwner: true }),
        owner({ name: "Fischer Seth", cik: "0001456474", isTenPercentOwner: true }),
      ],
      periodOfReport: "2026-06-30",
      dateOfOriginalSubmission: null,
      jointFiling: true,
      aff10b5One: false,
      nonDerivative: [sale("2026-06-30", 10000, 28.9, 961129), sale("2026-07-02", 117612, 28.0339, 843517)],
      derivative: [],
      footnotes: [],
      remarks: null,
      signatures: [],
      vesting: [],
      source: { format: "edgar-xml" },
      fieldConfidence: {},
      warnings: [],
    });
  });

  it("reads an RSU grant whose exercise and expiration dates are footnotes and whose empty elements stay null", () => {
    const [row] = parseEdgarXml(fixture("form4-rsu-cypherpunk-trimmed.xml")).derivative;
    expect(row).toEqual({
      kind: "transaction",
      securityTitle: "Restricted Stock Units",
      conversionOrExercisePrice: 0,
      transactionDate: "2026-07-01",
      deemedExecutionDate: null,
      transactionCode: "A",
      equitySwap: false,
      shares: 75000,
      acquiredDisposed: "D",
      exerciseDate: null,
      exercisableImmediately: false,
      expirationDate: null,
      underlyingTitle: "Common Stock",
      underlyingShares: 75000,
      price: 0,
      sharesOwnedFollowing: 75000,
      directOrIndirect: "D",
      natureOfOwnership: null,
      footnoteIds: ["1", "2"],
    });
  });

  it("reads a joint filing with a value-denominated swap (its dollar amount in the amount column), a zone-suffixed date and values given only by footnote", () => {
    const filing = parseEdgarXml(fixture("form4-joint-value-swap.xml"));
    expect(filing.jointFiling).toBe(true);
    expect(filing.issuer).toEqual({ name: "Example Issuer Corp", ticker: null, cik: "0000000001" });
    expect(filing.reportingOwners).toEqual([
      owner({ name: "Fund GP LLC", cik: "0002151490", isTenPercentOwner: true, isOther: true, otherText: "Member of 13(d) group" }),
      owner({ name: "Fund LP", cik: "0001698097", isTenPercentOwner: true }),
    ]);
    expect(filing.derivative).toEqual([
      {
        kind: "transaction",
        securityTitle: "Total Return Swap",
        conversionOrExercisePrice: null,
        transactionDate: "2026-09-10",
        deemedExecutionDate: "2026-09-09",
        transactionCode: "J",
        equitySwap: true,
        shares: 2500000,
        acquiredDisposed: "A",
        exerciseDate: "2026-09-10",
        exercisableImmediately: false,
        expirationDate: "2027-09-10",
        underlyingTitle: "Common Stock",
        underlyingShares: null,
        price: null,
        sharesOwnedFollowing: 0,
        directOrIndirect: "I",
        natureOfOwnership: "See Footnote",
        footnoteIds: ["1", "2", "3"],
      },
    ]);
    expect(filing.aff10b5One).toBeNull();
    expect(filing.warnings).toContain("Table II transaction 1: the amount 2500000 is a dollar value (transactionTotalValue), not a number of shares");
  });

  it("keeps every price-tranche sale row, in order, and warns that each price is a weighted average with its range", () => {
    const filing = parseEdgarXml(fixture("form4-snowflake-tranches.xml"));
    expect(filing.nonDerivative.map((r) => [r.kind, r.transactionCode, r.shares, r.price, r.sharesOwnedFollowing])).toEqual([
      ["transaction", "M", 200000, 8.88, 301097],
      ["transaction", "S", 73170, 150.841, 227927],
      ["transaction", "S", 74907, 151.814, 153020],
      ["transaction", "S", 41986, 152.655, 111034],
      ["transaction", "S", 5496, 153.872, 105538],
      ["transaction", "S", 4441, 154.76, 101097],
      ["holding", null, null, null, 577218],
      ["holding", null, null, null, 178947],
      ["holding", null, null, null, 9686],
      ["holding", null, null, null, 2755],
      ["holding", null, null, null, 9686],
      ["holding", null, null, null, 2755],
      ["holding", null, null, null, 9686],
      ["holding", null, null, null, 2755],
    ]);
    expect(filing.nonDerivative[1].footnoteIds).toEqual(["2", "3"]);
    expect(filing.derivative[0]).toMatchObject({ exerciseDate: null, underlyingShares: 200000, footnoteIds: ["16"] });
    expect(filing.footnotes).toHaveLength(16);
    expect(filing.warnings).toEqual([
      "Table I row 2: price 150.841 is a weighted average (footnote 3); trades ranged from $150.300 to $151.295",
      "Table I row 3: price 151.814 is a weighted average (footnote 4); trades ranged from $151.300 to $152.295",
      "Table I row 4: price 152.655 is a weighted average (footnote 5); trades ranged from $152.300 to $153.090",
      "Table I row 5: price 153.872 is a weighted average (footnote 6); trades ranged from $153.405 to $154.362",
      "Table I row 6: price 154.76 is a weighted average (footnote 7); trades ranged from $154.510 to $154.890",
    ]);
  });

  it("reads a holdings-only Form 3 whose preferred-stock price, exercise and expiration dates are footnotes only", () => {
    const filing = parseEdgarXml(fixture("form3-snowflake-holdings.xml"));
    expect(filing.formType).toBe("3");
    expect(filing.periodOfReport).toBe("2020-09-15");
    expect(filing.nonDerivative).toEqual([]);
    expect(filing.reportingOwners[0]).toEqual(
      owner({
        name: "GARRETT MARK",
        cik: "0001246215",
        street1: "C/O SNOWFLAKE INC.",
        street2: "450 CONCAR DRIVE",
        city: "SAN MATEO",
        state: "CA",
        zip: "94402",
        isDirector: true,
      }),
    );
    expect(filing.derivative).toHaveLength(6);
    expect(filing.derivative[0]).toEqual({
      kind: "holding",
      securityTitle: "Series E Preferred Stock",
      conversionOrExercisePrice: null,
      transactionDate: null,
      deemedExecutionDate: null,
      transactionCode: null,
      equitySwap: false,
      shares: null,
      acquiredDisposed: null,
      exerciseDate: null,
      exercisableImmediately: false,
      expirationDate: null,
      underlyingTitle: "Class B Common Stock",
      underlyingShares: 134018,
      price: null,
      sharesOwnedFollowing: null,
      directOrIndirect: "I",
      natureOfOwnership: "Limited Partnership",
      footnoteIds: ["1", "2", "3", "4"],
    });
    expect(filing.derivative.map((r) => [r.conversionOrExercisePrice, r.underlyingShares, r.directOrIndirect, r.footnoteIds])).toEqual([
      [null, 134018, "I", ["1", "2", "3", "4"]],
      [3.74, 383594, "D", ["5", "2", "3"]],
      [3.74, 95898, "I", ["5", "2", "3", "6"]],
      [3.74, 95898, "I", ["5", "2", "3", "7"]],
      [3.74, 95898, "I", ["5", "2", "3", "8"]],
      [3.74, 95898, "I", ["5", "2", "3", "9"]],
    ]);
    expect(filing.footnotes[1].text).toContain('certain "Permitted Transfers" described');
    expect(filing.remarks).toBe("Exhibit 24 - Power of Attorney");
    expect(filing.signatures).toEqual([{ name: "/s/ Travis Shrout, Attorney-in-Fact", date: "2020-09-15" }]);
  });
});

const minimal = (body: string, head = "<documentType>4</documentType>") => `<?xml version="1.0"?>
<ownershipDocument>${head}<periodOfReport>2024-01-02</periodOfReport>
<issuer><issuerCik>0000000001</issuerCik><issuerName>X Corp</issuerName></issuer>
<reportingOwner><reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik><rptOwnerName>DOE  JANE</rptOwnerName></reportingOwnerId></reportingOwner>
${body}</ownershipDocument>`;

describe("parseEdgarXml edge cases", () => {
  it("keeps rows in document order when a holding precedes a transaction", () => {
    const filing = parseEdgarXml(
      minimal(`<nonDerivativeTable>
  <nonDerivativeHolding><securityTitle><value>Held</value></securityTitle></nonDerivativeHolding>
  <nonDerivativeTransaction><securityTitle><value>Sold</value></securityTitle></nonDerivativeTransaction>
</nonDerivativeTable>`),
    );
    expect(filing.nonDerivative.map((r) => [r.kind, r.securityTitle])).toEqual([
      ["holding", "Held"],
      ["transaction", "Sold"],
    ]);
  });

  it("marks an amendment from dateOfOriginalSubmission, reads true/1 flags, commas, and single-spaces names", () => {
    const filing = parseEdgarXml(
      minimal(
        `<aff10b5One>1</aff10b5One><nonDerivativeTable><nonDerivativeTransaction>
  <securityTitle><value>Common</value><footnoteId id="F9"/></securityTitle>
  <transactionDate><value>2005-01-03-05:00</value></transactionDate>
  <transactionCoding><transactionCode>s</transactionCode><equitySwapInvolved>true</equitySwapInvolved></transactionCoding>
  <transactionAmounts><transactionShares><value>1,234.5</value></transactionShares>
    <transactionPricePerShare><footnoteId id="F2"/></transactionPricePerShare></transactionAmounts>
</nonDerivativeTransaction></nonDerivativeTable>
<footnotes><footnote id="F2">Sold at prices   ranging from $1.00 to $2.00; weighted average.</footnote></footnotes>`,
        "<documentType>5</documentType><dateOfOriginalSubmission>2024-02-03</dateOfOriginalSubmission>",
      ),
    );
    expect(filing.formType).toBe("5/A");
    expect(filing.dateOfOriginalSubmission).toBe("2024-02-03");
    expect(filing.aff10b5One).toBe(true);
    expect(filing.reportingOwners[0].name).toBe("DOE JANE");
    expect(filing.nonDerivative[0]).toMatchObject({
      transactionDate: "2005-01-03",
      transactionCode: "S",
      equitySwap: true,
      shares: 1234.5,
      price: null,
      footnoteIds: ["9", "2"],
    });
    expect(filing.footnotes).toEqual([{ id: "2", text: "Sold at prices ranging from $1.00 to $2.00; weighted average." }]);
    // No price, so nothing to call a weighted average.
    expect(filing.warnings).toEqual([]);
  });

  it("warns when a footnote says the price is an aggregate", () => {
    const filing = parseEdgarXml(
      minimal(`<nonDerivativeTable><nonDerivativeTransaction><securityTitle><value>Common</value></securityTitle>
  <transactionAmounts><transactionShares><value>100</value></transactionShares>
    <transactionPricePerShare><value>2500</value><footnoteId id="F1"/></transactionPricePerShare></transactionAmounts>
</nonDerivativeTransaction></nonDerivativeTable>
<footnotes><footnote id="F1">Represents the aggregate purchase price paid for the shares.</footnote></footnotes>`),
    );
    expect(filing.nonDerivative[0].price).toBe(2500);
    expect(filing.warnings).toEqual([
      "Table I row 1: price 2500 may be a total rather than a per-share price (footnote 1 speaks of an aggregate)",
    ]);
  });

  it("decodes character references once and only once", () => {
    const filing = parseEdgarXml(minimal("<remarks>O&#39;Neil &#x2019;s &amp;amp; AT&amp;T</remarks>"));
    expect(filing.remarks).toBe("O'Neil ’s &amp; AT&T");
  });

  it("leaves a missing or unreadable value null with a warning and never aborts", () => {
    const filing = parseEdgarXml(
      minimal(`<derivativeTable><derivativeHolding>
  <securityTitle><value>Option</value></securityTitle>
  <exerciseDate><value>soon</value></exerciseDate>
  <underlyingSecurity><underlyingSecurityValue><value>500</value></underlyingSecurityValue></underlyingSecurity>
  <postTransactionAmounts><valueOwnedFollowingTransaction><value>700</value></valueOwnedFollowingTransaction></postTransactionAmounts>
</derivativeHolding></derivativeTable>`),
    );
    expect(filing.derivative[0]).toMatchObject({ exerciseDate: null, underlyingShares: 500, sharesOwnedFollowing: 700, transactionCode: null });
    expect(filing.warnings).toEqual(['Table II holding 1 date exercisable: "soon" is not a date; left empty']);
    expectValid(filing);
  });
});

describe("parseEdgarXml reads documents in every shape EDGAR has carried", () => {
  const more = (name: string) => readFileSync(`${XML_DIR}more/${name}`, "utf8");

  it("reads a document with blank lines before its declaration, or still in the <XML> tag of its submission", () => {
    const doc = minimal("<remarks>r</remarks>");
    for (const text of [`\n\r\n  ${doc}`, `\uFEFF\n${doc}`, `<XML>\n${doc}\n</XML>\n`]) {
      expect(parseEdgarXml(text).remarks).toBe("r");
    }
  });

  it("reads a document whose elements carry a namespace prefix", () => {
    const prefixed = minimal("<remarks>r</remarks>")
      .replace(/<(\/?)(\w)/g, "<$1own:$2")
      .replace("<own:ownershipDocument>", '<own:ownershipDocument xmlns:own="http://www.sec.gov/edgar/ownership">');
    const filing = parseEdgarXml(prefixed);
    expect(filing.issuer.name).toBe("X Corp");
    expect(filing.reportingOwners[0].name).toBe("DOE JANE");
    expect(filing.remarks).toBe("r");
  });

  it("collects footnote ids put on parent elements as well as on values, once each, in document order", () => {
    const filing = parseEdgarXml(
      minimal(`<derivativeTable><derivativeTransaction>
  <securityTitle><value>Option</value></securityTitle>
  <transactionCoding><transactionCode>A</transactionCode><footnoteId id="F4"/></transactionCoding>
  <transactionAmounts><footnoteId id="F2"/><transactionShares><value>10</value><footnoteId id="F1"/></transactionShares></transactionAmounts>
  <underlyingSecurity><underlyingSecurityTitle><value>Common</value></underlyingSecurityTitle><footnoteId id="F5"/></underlyingSecurity>
  <postTransactionAmounts><sharesOwnedFollowingTransaction><footnoteId id="F3"/></sharesOwnedFollowingTransaction><footnoteId id="F2"/></postTransactionAmounts>
  <ownershipNature><footnoteId id="F6"/><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership></ownershipNature>
</derivativeTransaction></derivativeTable>`),
    );
    expect(filing.derivative[0]).toMatchObject({ shares: 10, sharesOwnedFollowing: null, footnoteIds: ["4", "2", "1", "5", "3", "6"] });
  });

  it("reads CDATA sections in footnotes and remarks as their text, markup characters and all", () => {
    const filing = parseEdgarXml(minimal('<footnotes><footnote id="F1"><![CDATA[Held by A & B <Trust>]]></footnote></footnotes><remarks><![CDATA[R&D]]></remarks>'));
    expect(filing.footnotes).toEqual([{ id: "1", text: "Held by A & B <Trust>" }]);
    expect(filing.remarks).toBe("R&D");
  });

  it("leaves a date that names no calendar day null with a warning", () => {
    const filing = parseEdgarXml(
      minimal(`<nonDerivativeTable><nonDerivativeTransaction><securityTitle><value>C</value></securityTitle>
  <transactionDate><value>2023-02-29</value></transactionDate><deemedExecutionDate><value>2024-02-29</value></deemedExecutionDate>
</nonDerivativeTransaction></nonDerivativeTable>`),
    );
    expect(filing.nonDerivative[0]).toMatchObject({ transactionDate: null, deemedExecutionDate: "2024-02-29" });
    expect(filing.warnings).toEqual(['Table I transaction 1 transaction date: "2023-02-29" is not a date; left empty']);
  });

  it("writes every CIK in EDGAR's ten-digit form, whether or not the filer kept the leading zeros", () => {
    const filing = parseEdgarXml(minimal("").replace("<rptOwnerCik>0000000002</rptOwnerCik>", "<rptOwnerCik> 912093 </rptOwnerCik>"));
    expect(filing.issuer.cik).toBe("0000000001");
    expect(filing.reportingOwners[0].cik).toBe("0000912093");
    expect(parseEdgarXml(minimal("").replace("<issuerCik>0000000001</issuerCik>", "<issuerCik>1750</issuerCik>")).issuer.cik).toBe("0000001750");
  });

  it("reads schema X0101's rows, which stand outside any table and give the price as transactionValue", () => {
    const filing = parseEdgarXml(
      minimal(`<nonDerivativeSecurity><securityTitle><value>Common Stock</value></securityTitle>
  <transactionDate><value>2003-06-09</value></transactionDate><transactionCoding><transactionCode>S</transactionCode></transactionCoding>
  <transactionAmounts><transactionShares><value>3100</value></transactionShares><transactionValue><value>3.8</value></transactionValue>
    <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
</nonDerivativeSecurity>
<nonDerivativeSecurity><securityTitle><value>Common Stock</value></securityTitle>
  <postTransactionAmounts><sharesOwnedFollowingTransaction><value>900</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
</nonDerivativeSecurity>
<derivativeSecurity><securityTitle><value>Option</value></securityTitle><transactionDate><value>2003-06-09</value></transactionDate></derivativeSecurity>`),
    );
    expect(filing.nonDerivative.map((r) => [r.kind, r.transactionCode, r.shares, r.price, r.acquiredDisposed, r.sharesOwnedFollowing])).toEqual([
      ["transaction", "S", 3100, 3.8, "D", null],
      ["holding", null, null, null, null, 900],
    ]);
    expect(filing.derivative.map((r) => [r.kind, r.securityTitle, r.transactionDate])).toEqual([["transaction", "Option", "2003-06-09"]]);
  });

  it("reads a document with elements the schema it names does not have (schema X0609's foreign address fields)", () => {
    const filing = parseEdgarXml(more("form4a-linde-nonus-psu.xml"));
    expect(filing.formType).toBe("4/A");
    expect(filing.dateOfOriginalSubmission).toBe("2026-03-11");
    expect(filing.reportingOwners[0]).toMatchObject({ city: "WOKING SURREY", state: null, zip: "GU216HT", officerTitle: "Senior Vice President - APAC" });
    expect(filing.footnotes[0].text).toMatch(/^\(1\) The purpose of this Form 4 amendment/);
    expect(filing.footnotes[0].text).toContain('(the "Original Form 4")');
  });

  it("reads a Form 5 with a late transaction, holdings, and an empty nature of ownership as null", () => {
    const filing = parseEdgarXml(more("form5-fortinet-late-holdings.xml"));
    expect(filing.formType).toBe("5");
    expect(filing.nonDerivative.map((r) => [r.kind, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, r.footnoteIds])).toEqual([
      ["transaction", 143, "I", "By Trust", ["1"]],
      ["holding", 53914, "D", null, []],
      ["holding", 25, "I", "By Trust", ["2"]],
      ["holding", 25, "I", "By Trust", ["3"]],
    ]);
    expect(filing.remarks).toBe("The holdings set forth in Column 5 of Table I represent the Reporting Person's holdings as of December 31, 2023.");
  });

  it("keeps a joint filing's owners, their Other text, entities in names and every signature in order", () => {
    const filing = parseEdgarXml(more("form4-lvs-joint-other-gifts.xml"));
    expect(filing.jointFiling).toBe(true);
    expect(filing.reportingOwners.map((o) => [o.name, o.isTenPercentOwner, o.isOther, o.otherText])).toEqual([
      ["Adelson Miriam", true, false, null],
      ["SHELDON G. ADELSON 2007 REMAINDER TRUST", false, true, "Former 10% Owner"],
      ["SHELDON G. ADELSON 2007 FRIENDS & FAMILY TRUST", false, true, "Former 10% Owner"],
    ]);
    expect(filing.signatures.map((x) => x.name)).toEqual([
      "/s/ Miriam Adelson",
      "General Trust under the Sheldon G. Adelson 2007 Remainder Trust, By: /s/ Miriam Adelson, Trustee",
      "General Trust under the Sheldon G. Adelson 2007 Friends & Family Trust, By: /s/ Miriam Adelson, Trustee",
    ]);
    expect(filing.nonDerivative.at(-1)).toMatchObject({ kind: "holding", sharesOwnedFollowing: 165443496, footnoteIds: ["2"] });
  });
});

describe("parseEdgarXml rejects what it cannot trust", () => {
  it("refuses absurdly deep nesting with that reason, not as malformed XML", () => {
    const deep = fixture("form4-374water-x0508.xml").replace("</footnotes>", `</footnotes><remarks>${"<a>".repeat(1_000)}${"</a>".repeat(1_000)}</remarks>`);
    expectRejected(() => parseEdgarXml(deep), /^the XML nests elements more than 100 deep; an ownership document never does$/);
  });

  it("refuses a DOCTYPE or entity declaration (billion laughs, external entities) at once", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`).join("")}]><ownershipDocument><remarks>&lol9;</remarks></ownershipDocument>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ownershipDocument><remarks>&xxe;</remarks></ownershipDocument>`;
    for (const doc of [lol, xxe, minimal("").replace("<ownershipDocument>", '<!ENTITY a "b"><ownershipDocument>')]) {
      const t0 = performance.now();
      expectRejected(() => parseEdgarXml(doc), /DOCTYPE or entities/);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });

  it("refuses a truncated document with the reason", () => {
    const full = fixture("form4-374water-x0508.xml");
    expectRejected(() => parseEdgarXml(full.slice(0, Math.floor(full.length / 2))), /^the XML is malformed: .+truncated/);
  });

  it("refuses junk quickly", () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => `line ${i} of nothing in particular`).join("\n");
    const t0 = performance.now();
    expectRejected(() => parseEdgarXml(junk), /malformed|not an EDGAR ownership document/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("refuses binary data", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expectRejected(() => parseEdgarXml(new TextDecoder().decode(bytes)), /malformed|not an EDGAR ownership document/);
  });

  it("says a document cut inside a tag is truncated", () => {
    const full = fixture("form4-374water-x0508.xml");
    const cut = full.slice(0, full.indexOf("<rptOwnerName>") + 7);
    expectRejected(() => parseEdgarXml(cut), /^the XML is malformed: it ends before <\/ownershipDocument> \(the file looks truncated\)$/);
  });

  it("refuses a document that is not an ownership document, or names no issuer or owner", () => {
    expectRejected(() => parseEdgarXml("<edgarSubmission><x>1</x></edgarSubmission>"), /root element is <edgarSubmission>/);
    expectRejected(
      () => parseEdgarXml("<ownershipDocument><documentType>4</documentType></ownershipDocument>"),
      /names no issuer/,
    );
    expectRejected(
      () => parseEdgarXml("<ownershipDocument><issuer><issuerName>X</issuerName></issuer></ownershipDocument>"),
      /names no reporting owner/,
    );
    expectRejected(() => parseEdgarXml(minimal("", "<documentType>13F-HR</documentType>")), /not a Form 3, 4 or 5/);
  });
});

