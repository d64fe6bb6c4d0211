import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEdgarSubmission } from "./edgar-submission";
import { detectFormat, parseText } from "./index";
import { ParseError } from "./types";

const submission = readFileSync(new URL("./fixtures/xml/submission-aar-0001127602-25-001055.txt", import.meta.url), "utf8");

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return (err as Error).message;
  }
  throw new Error("expected a ParseError");
}

describe("parseEdgarSubmission", () => {
  it("reads the ownership XML out of a real submission text file, ignoring the other documents", () => {
    expect(parseEdgarSubmission(submission)).toEqual({
      formType: "4",
      issuer: { name: "AAR CORP", ticker: "AIR", cik: "0000001750" },
      reportingOwners: [
        {
          name: "Garascia Jessica A.",
          cik: "0001806647",
          street1: "1100 N. WOOD DALE ROAD",
          street2: null,
          city: "WOOD DALE",
          state: "IL",
          zip: "60191",
          isDirector: false,
          isOfficer: true,
          officerTitle: "Senior VP, GC, CAO & Secretary",
          isTenPercentOwner: false,
          isOther: false,
          otherText: null,
        },
      ],
      periodOfReport: "2025-01-10",
      dateOfOriginalSubmission: null,
      jointFiling: false,
      aff10b5One: false,
      nonDerivative: [
        {
          kind: "transaction",
          securityTitle: "Common Stock",
          transactionDate: "2025-01-10",
          deemedExecutionDate: null,
          transactionCode: "S",
          equitySwap: false,
          shares: 1500,
          acquiredDisposed: "D",
          price: 66.903,
          sharesOwnedFollowing: 37565,
          directOrIndirect: "D",
          natureOfOwnership: null,
          footnoteIds: ["1"],
        },
      ],
      derivative: [],
      footnotes: [
        {
          id: "1",
          text: "The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $66.8350 to $66.9800 inclusive. The reporting person undertakes to provide AAR CORP. any security holder of AAR CORP. or the staff of the Securities Exchange Commission upon request, full information regarding the number of shares sold at each separate price within the range set forth in this footnote.",
        },
      ],
      remarks: null,
      signatures: [{ name: "/s/ Katherine Kwiat, power of attorney", date: "2025-01-10" }],
      vesting: [],
      source: { format: "edgar-xml" },
      fieldConfidence: {},
      warnings: ["Table I row 1: price 66.903 is a weighted average (footnote 1); trades ranged from $66.8350 to $66.9800"],
    });
  });

  it("is what the format detector picks for a submission, and the dispatcher labels it so", () => {
    expect(detectFormat(submission)).toBe("edgar-submission");
    expect(parseText(submission, "edgar-submission").source).toEqual({ format: "edgar-submission" });
  });

  it("takes the form type and period from the header when the XML (schemas X0101, X0201) leaves them out", () => {
    const old = readFileSync(new URL("./fixtures/xml/more/submission-x0101-metagroup-0001233883-03-000002.txt", import.meta.url), "utf8");
    const filing = parseEdgarSubmission(old.replace("FILED AS OF DATE:", "CONFORMED PERIOD OF REPORT:\t20030609\nFILED AS OF DATE:").replace("SUBMISSION TYPE:\t4", "SUBMISSION TYPE:\t4/A"));
    expect(filing.formType).toBe("4/A");
    expect(filing.periodOfReport).toBe("2003-06-09");
    expect(filing.warnings).toContain("the document has no documentType; the submission header's type 4/A is used");
    expect(filing.nonDerivative).toHaveLength(5);
    expect(parseEdgarSubmission(submission).periodOfReport).toBe("2025-01-10");
  });

  it("reads a submission whose ownership document carries a namespace prefix", () => {
    const prefixed = submission.replace(/<(\/?)ownershipDocument>/g, "<$1own:ownershipDocument>").replace("<own:ownershipDocument>", '<own:ownershipDocument xmlns:own="urn:x">');
    expect(detectFormat(prefixed)).toBe("edgar-submission");
    expect(parseEdgarSubmission(prefixed).issuer.name).toBe("AAR CORP");
  });

  it("refuses a submission with no ownership document or a truncated one", () => {
    expect(rejection(() => parseEdgarSubmission("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>hello</TEXT>\n</DOCUMENT>"))).toMatch(
      /no ownership XML document/,
    );
    expect(rejection(() => parseEdgarSubmission(submission.slice(0, submission.indexOf("</ownershipDocument>"))))).toMatch(/truncated/);
    const cut = submission.replace("</nonDerivativeTable>", "");
    expect(rejection(() => parseEdgarSubmission(cut))).toMatch(/^the XML is malformed/);
  });

  it("refuses a DOCTYPE before the ownership XML's root, which cutting the XML out used to drop with its entities left as text", () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`).join("")}]>`;
    const bomb = submission.replace('<?xml version="1.0"?>', `<?xml version="1.0"?>\n${laughs}`).replace("<issuerName>AAR CORP</issuerName>", "<issuerName>&lol9;</issuerName>");
    expect(rejection(() => parseEdgarSubmission(bomb))).toBe("the submission declares a DOCTYPE or entities, which EDGAR ownership documents never do; refused for safety");
    const xxe = submission.replace("<XML>", '<XML>\n<!DOCTYPE ownershipDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    expect(rejection(() => parseEdgarSubmission(xxe))).toMatch(/DOCTYPE or entities/);
    const exhibitEntities = submission.replace("</SEC-DOCUMENT>", `<DOCUMENT>\n<TYPE>EX-24\n<TEXT>\n${laughs}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>`);
    expect(rejection(() => parseEdgarSubmission(exhibitEntities))).toMatch(/DOCTYPE or entities/);
  });

  it("reads a submission whose HTML exhibit has an ordinary DOCTYPE", () => {
    const exhibit = submission.replace("</SEC-DOCUMENT>", '<DOCUMENT>\n<TYPE>EX-24\n<TEXT>\n<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<html><body>Power of attorney</body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>');
    expect(parseEdgarSubmission(exhibit).issuer.name).toBe("AAR CORP");
  });
});
