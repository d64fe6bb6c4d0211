import { describe, it, expect } from "vitest";
import { notesForField, notesForRow } from "./warnings";

const warnings = [
  'reporting owner address: city line damaged by OCR ("SFORD M | IA | 01824"); city read as "SFORD"',
  "box 5: no mark readable next to Director / 10% Owner / Officer / Other; relationship flags left unset",
  'derivative row 1: dropped "0" as OCR noise',
  "Table II row 2: expiration not read",
  "Table I row 1: amount not read; 500 worked out from the holdings",
  "non-derivative row 2: code not read",
];

describe("parser notes beside their fields", () => {
  it("matches owner and header fields by the phrases the parsers write", () => {
    expect(notesForField("/reportingOwners/0/city", warnings)).toEqual([warnings[0]]);
    expect(notesForField("/reportingOwners/0/state", warnings)).toEqual([]);
    expect(notesForField("/reportingOwners/0/street2", ['reporting owner address: illegible line above the street ("NUS NETV VORKS, INC."), probably a c/o line; left out'])).toHaveLength(1);
    expect(notesForField("/reportingOwners/0/zip", ["reporting owner address: two lines ran together"])).toHaveLength(1);
    expect(notesForField("/reportingOwners/0/isDirector", warnings)).toEqual([warnings[1]]);
    expect(notesForField("/issuer/name", warnings)).toEqual([]);
  });

  it("tells Table I from Table II and derivative from non-derivative rows", () => {
    expect(notesForRow("derivative", 0, warnings)).toEqual([warnings[2]]);
    expect(notesForRow("derivative", 1, warnings)).toEqual([warnings[3]]);
    expect(notesForRow("nonDerivative", 0, warnings)).toEqual([warnings[4]]);
    expect(notesForRow("nonDerivative", 1, warnings)).toEqual([warnings[5]]);
  });
});
