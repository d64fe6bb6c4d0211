// Every confidence the parser stores must name a field the filing has: the review screen counts
// them, and one it cannot show could never be settled.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dropDanglingConfidence, flagSuspiciousNames, parseFiling, ParseError } from "./index";
import { CONFIDENCE_THRESHOLD, emptyFiling, emptyOwner } from "./types";
import { valueAt } from "../review/fields";

const FIXTURES = join(__dirname, "fixtures");
const SEEDS = join(__dirname, "..", "..", "..", "shared", "seeds");

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
// Everything a person could upload: the filings themselves, not their hand-checked answers or notes.
const filings = [...walk(FIXTURES), ...walk(SEEDS)].filter((f) => /\.(txt|md|xml|html|pdf|png)$/.test(f) && !/README\.md$/.test(f));

describe("confidences on every fixture and seed", () => {
  it("covers the fixtures and both seeds", () => {
    expect(filings.length).toBeGreaterThan(900);
    expect(filings.filter((f) => f.startsWith(SEEDS))).toHaveLength(2);
  });

  it("point only at fields the parsed filing has", { timeout: 240_000 }, async () => {
    const dangling: string[] = [];
    for (const file of filings) {
      let filing;
      try {
        filing = await parseFiling(readFileSync(file));
      } catch (err) {
        // Some fixtures are non-filings kept to test refusals.
        if (err instanceof ParseError) continue;
        throw err;
      }
      for (const pointer of Object.keys(filing.fieldConfidence)) {
        if (valueAt(filing, pointer) === undefined) dangling.push(`${relative(FIXTURES, file)} ${pointer}`);
      }
    }
    expect(dangling).toEqual([]);
  });
});

describe("dropDanglingConfidence", () => {
  it("drops confidences of rows the reader did not produce and flags their table instead", () => {
    const f = emptyFiling("ocr-text");
    f.fieldConfidence = { "/issuer/name": 0.9, "/derivative/0/shares": 0.4, "/derivative/0/price": 0.6, "/vesting/0/tranches/3/date": 0.3, "/reportingOwners/0/name": 0.5 };
    dropDanglingConfidence(f);
    expect(f.fieldConfidence).toEqual({ "/issuer/name": 0.9, "/derivative": 0.4 });
  });

  it("keeps the confidence of a field whose value is null", () => {
    const f = emptyFiling("ocr-text");
    f.fieldConfidence = { "/periodOfReport": 0.5, "/issuer/cik": 0.5 };
    dropDanglingConfidence(f);
    expect(f.fieldConfidence).toEqual({ "/periodOfReport": 0.5, "/issuer/cik": 0.5 });
  });
});

describe("flagSuspiciousNames", () => {
  const named = (...names: string[]) => {
    const f = emptyFiling("edgar-xml");
    f.reportingOwners = names.map(emptyOwner);
    flagSuspiciousNames(f);
    return f;
  };

  it("flags a one-word name however sure the reader was", () => {
    const f = named("GARRETT MARK", "MARK");
    f.fieldConfidence["/reportingOwners/1/name"] = 1;
    flagSuspiciousNames(f);
    expect(f.fieldConfidence["/reportingOwners/1/name"]).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(f.fieldConfidence["/reportingOwners/0/name"]).toBeUndefined();
    expect(f.warnings).toContain('reporting person 2: the name "MARK" is one word; check it against box 1');
  });

  it("flags a name repeating a label printed in box 1", () => {
    const f = named("(Last) SMITH JOHN", "Name Reporting Person", "JONES ANN (Middle)");
    expect(Object.keys(f.fieldConfidence).sort()).toEqual(["/reportingOwners/0/name", "/reportingOwners/1/name", "/reportingOwners/2/name"]);
    expect(f.warnings[0]).toMatch(/repeats the form's label "\(Last\)"/);
  });

  it("flags a name that was not read at all", () => {
    expect(named("").warnings).toEqual(["reporting person 1: the name was not read; check it against box 1"]);
  });

  it("leaves ordinary names and entities alone", () => {
    const f = named("JANZEN HOWARD E", "Berkshire Hathaway Inc", "STATE STREET CORP", "O'Neil Mary-Kate");
    expect(f.fieldConfidence).toEqual({});
    expect(f.warnings).toEqual([]);
  });

  it("is applied to every parse", async () => {
    const xml = readFileSync(join(FIXTURES, "xml", "form4-374water-x0508.xml"), "utf8").replace(/<rptOwnerName>[^<]*<\/rptOwnerName>/, "<rptOwnerName>MARK</rptOwnerName>");
    const f = await parseFiling(new TextEncoder().encode(xml));
    expect(f.fieldConfidence["/reportingOwners/0/name"]).toBe(0.4);
  });
});
