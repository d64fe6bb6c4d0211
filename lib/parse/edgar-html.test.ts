import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEdgarHtml } from "./edgar-html";
import { parseEdgarXml } from "./edgar-xml";
import { detectFormat } from "./index";
import { ParseError } from "./types";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

// Each HTML fixture is EDGAR's rendering of an XML fixture, so the two must read the same.
const PAIRS = [
  ["./fixtures/html/form4-374water.html", "./fixtures/xml/form4-374water-x0508.xml"],
  ["./fixtures/html/form3-snowflake.html", "./fixtures/xml/form3-snowflake-holdings.xml"],
  ["./fixtures/html/form5-snowflake.html", "./fixtures/xml/form5-snowflake.xml"],
] as const;

describe("parseEdgarHtml", () => {
  for (const [html, xml] of PAIRS) {
    it(`reads ${html.split("/").pop()} exactly as the XML it was rendered from`, () => {
      const text = read(html);
      expect(detectFormat(text)).toBe("edgar-html");
      const fromHtml = parseEdgarHtml(text);
      const fromXml = parseEdgarXml(read(xml));
      expect({ ...fromHtml, source: null }).toEqual({ ...fromXml, source: null });
      expect(fromHtml.source).toEqual({ format: "edgar-html" });
    });
  }

  it("reads a real rendering with no XML beside it (Microsoft, 2016) as the page shows it, checked by hand", () => {
    const filing = parseEdgarHtml(read("./fixtures/html/form4-msft-list-rsu.html"));
    expect(filing.issuer).toEqual({ name: "MICROSOFT CORP", ticker: "MSFT", cik: "0000789019" });
    expect(filing.reportingOwners).toEqual([
      {
        name: "List Teri L.",
        cik: "0001529370",
        street1: "C/O MICROSOFT CORPORATION",
        street2: "ONE MICROSOFT WAY",
        city: "REDMOND",
        state: "WA",
        zip: "98052-6399",
        isDirector: true,
        isOfficer: false,
        officerTitle: null,
        isTenPercentOwner: false,
        isOther: false,
        otherText: null,
      },
    ]);
    expect([filing.formType, filing.periodOfReport, filing.dateOfOriginalSubmission, filing.jointFiling, filing.aff10b5One]).toEqual(["4", "2016-06-02", null, false, null]);
    expect(filing.nonDerivative).toEqual([
      expect.objectContaining({ kind: "holding", securityTitle: "Common Stock", shares: null, sharesOwnedFollowing: 3398, directOrIndirect: "D", footnoteIds: [] }),
    ]);
    expect(filing.derivative).toEqual([
      {
        kind: "transaction",
        securityTitle: "Restricted Stock Units",
        conversionOrExercisePrice: null,
        transactionDate: "2016-06-02",
        deemedExecutionDate: null,
        transactionCode: "A",
        equitySwap: false,
        shares: 1619,
        acquiredDisposed: "A",
        exerciseDate: null,
        exercisableImmediately: false,
        expirationDate: null,
        underlyingTitle: "Common Stock",
        underlyingShares: 1619,
        price: 0,
        sharesOwnedFollowing: 4172,
        directOrIndirect: "D",
        natureOfOwnership: null,
        footnoteIds: ["1", "2", "3"],
      },
    ]);
    expect(filing.footnotes.map((f) => f.id)).toEqual(["1", "2", "3"]);
    expect(filing.footnotes[1].text).toMatch(/^The restricted stock units are fully vested\. Delivery of the shares/);
    expect(filing.remarks).toBeNull();
    expect(filing.signatures).toEqual([{ name: "Keith R. Dolliver, Attorney-in-fact for Teri L. List-Stoll", date: "2016-06-03" }]);
  });

  it("reads the boxes that only the HTML states as marks: joint filing, 10b5-1 plan, immediate exercise", () => {
    const html = read("./fixtures/html/form4-374water.html")
      .replace(
        '<td width="15%" align="center"></td>\n<td width="85%" class="MedSmallFormText">Form filed by More than One',
        '<td width="15%" align="center">X</td>\n<td width="85%" class="MedSmallFormText">Form filed by More than One',
      )
      .replace(
        '<td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>  </td></tr></table></td>\n<td class="SmallFormText">Check this box to indicate',
        '<td><table width="100%" border="1" cellpadding="0" cellspacing="0"><tr><td>X</td></tr></table></td>\n<td class="SmallFormText">Check this box to indicate',
      )
      .replace(/<span class="SmallFormData">\s+<\/span><span class="FootnoteData"><sup>\(1\)<\/sup><\/span>/, '<span class="SmallFormData">Immediately</span>');
    const filing = parseEdgarHtml(html);
    expect(filing.jointFiling).toBe(true);
    expect(filing.aff10b5One).toBe(true);
    expect(filing.derivative[0]).toMatchObject({ exerciseDate: null, exercisableImmediately: true });
  });

  it("refuses HTML that is not an ownership form rendering", () => {
    expect(() => parseEdgarHtml("<html><body><table><tr><td>Revenue</td><td>1</td></tr></table></body></html>")).toThrow(ParseError);
    expect(() => parseEdgarHtml("<html><body><p>unclosed <b>tags <td>everywhere")).toThrow(/not EDGAR's rendering/);
  });

  it("refuses a page cut short, which used to read as a filing without its tables, footnotes or signatures", () => {
    const page = read("./fixtures/html/form4-374water.html");
    for (const at of [page.indexOf("Table I -"), page.indexOf("Explanation of Responses"), page.lastIndexOf("</html>")]) {
      expect(() => parseEdgarHtml(page.slice(0, at))).toThrow("the HTML ends before </html> (the file looks truncated)");
    }
  });

  it("refuses absurdly deep nesting instead of overflowing the stack", () => {
    expect(() => parseEdgarHtml("<html><body>" + "<div>".repeat(100_000))).toThrow(/nests elements more than/);
  });

  it("gets through 100,000 lines of tag soup quickly", () => {
    const soup = "<html><body>" + Array.from({ length: 100_000 }, (_, i) => `<tr><td>${i}<td><b>x`).join("\n");
    const t0 = performance.now();
    expect(() => parseEdgarHtml(soup)).toThrow(ParseError);
    // Linear work, about a second on an idle laptop; the bound leaves room for a busy CI machine.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
