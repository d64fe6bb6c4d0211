// Every confidence the parser stores must name a field the filing has: the review screen counts
// them, and one it cannot show could never be settled.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dropDanglingConfidence, parseFiling, ParseError } from "./index";
import { emptyFiling } from "./types";
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
