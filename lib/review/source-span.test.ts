import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bestSpan, findSourceSpans, sourceMarks } from "./source-span";

const seed = readFileSync(join(__dirname, "..", "parse", "fixtures", "markdown", "seed-000.md"), "utf8");
const texts = (source: string, spans: { start: number; end: number }[]) => spans.map((s) => source.slice(s.start, s.end));

describe("findSourceSpans on seed-000", () => {
  it("finds shares written with a thousands separator", () => {
    expect(texts(seed, findSourceSpans(seed, 40000, "number"))).toContain("40,000");
  });

  it("finds an ISO date written M/D/YYYY", () => {
    expect(texts(seed, findSourceSpans(seed, "2007-12-17", "date"))).toContain("12/17/2007");
  });

  it("finds a price with the escaped dollar sign", () => {
    expect(texts(seed, findSourceSpans(seed, 6.1, "number"))).toContain("\\$6.1");
  });
});

describe("findSourceSpans", () => {
  it("reads each date form sources use", () => {
    const source = "a 3/5/2021 b 03/05/2021 c 03/05/21 d <value>2021-03-05</value>";
    expect(texts(source, findSourceSpans(source, "2021-03-05", "date"))).toEqual(["3/5/2021", "03/05/2021", "03/05/21", "2021-03-05"]);
  });

  it("finds numbers without separators, with $ and trailing zeros, not inside longer numbers", () => {
    const source = "40000 then $6.10 but not 16.1 nor 6.15 nor 140,000";
    expect(texts(source, findSourceSpans(source, 40000, "number"))).toEqual(["40000"]);
    expect(texts(source, findSourceSpans(source, "6.1", "number"))).toEqual(["$6.10"]);
  });

  it("finds text case-insensitively across line breaks, as whole words", () => {
    const source = "Chief  Executive\nOfficer; SONUS networks, inc.";
    expect(texts(source, findSourceSpans(source, "chief executive officer", "text"))).toEqual(["Chief  Executive\nOfficer"]);
    expect(findSourceSpans(source, "Exec", "text")).toEqual([]);
  });

  it("stops at the limit and finds nothing for empty values", () => {
    expect(findSourceSpans("D D D D D", "D", "directOrIndirect", 3)).toHaveLength(3);
    expect(findSourceSpans("D", null, "text")).toEqual([]);
    expect(findSourceSpans("true", true, null)).toEqual([]);
  });
});

describe("bestSpan", () => {
  it("picks the match among its row's other values, not the same number in a header or footnote", () => {
    const source = [
      "Amount of Securities Beneficially Owned: 40,000",
      "filler ".repeat(100),
      "| Stock Option | $6.1 | 12/17/2007 | A | 40,000 | 12/17/2017 |",
      "filler ".repeat(100),
      "(1) 40,000 shares vest over four years.",
    ].join("\n");
    const spans = findSourceSpans(source, 40000, "number");
    expect(spans).toHaveLength(3);
    const row = [
      { value: 6.1, kind: "number" as const },
      { value: "2007-12-17", kind: "date" as const },
      { value: "2017-12-17", kind: "date" as const },
    ];
    expect(bestSpan(source, spans, row)).toBe(1);
    expect(bestSpan(source, spans, [])).toBe(0);
  });
});

describe("sourceMarks for values under three characters", () => {
  const source = [
    "Check a box. Table II - Derivative Securities Acquired (A) or Disposed of (D)",
    "filler ".repeat(100),
    "| 4. Transaction Code | (A) | (D) | 6. Ownership Form: Direct (D) or Indirect (I) |",
    "| Stock Option | $6.1 | 12/17/2007 | A | 40,000 | D | 12/17/2017 |",
    "filler ".repeat(100),
    "Explanation: a grant. A second sentence.",
  ].join("\n");
  const row = [
    { value: 40000, kind: "number" as const },
    { value: "2007-12-17", kind: "date" as const },
    { value: "D", kind: "directOrIndirect" as const },
  ];

  it("marks a one-letter code only as the whole cell among its row's other values", () => {
    const marks = sourceMarks(source, "A", "transactionCode", row);
    expect(marks.spans).toHaveLength(1);
    expect(source.slice(marks.spans[0].start - 2, marks.spans[0].end + 2)).toBe("| A |");
    expect(marks.best).toBe(0);
  });

  it("marks nothing when none of the row's longer values is near, rather than every letter", () => {
    expect(sourceMarks(source, "A", "transactionCode", []).spans).toEqual([]);
    expect(sourceMarks(source, "A", "transactionCode", [{ value: "D", kind: "directOrIndirect" }]).spans).toEqual([]);
  });

  it("does not take the form's printed labels for the value", () => {
    const marks = sourceMarks(source, "D", "directOrIndirect", [{ value: 40000, kind: "number" }]);
    expect(marks.spans.map((s) => source.slice(s.start - 2, s.end + 2))).toEqual(["| D |"]);
  });

  it("leaves longer values as before: every match, the likeliest strongest", () => {
    const marks = sourceMarks(source, "2007-12-17", "date", row);
    expect(marks.spans).toHaveLength(1);
    expect(sourceMarks(source, "Stock Option", "text", row).spans).toHaveLength(1);
  });
});
