import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseEdgarSubmission } from "./edgar-submission";
import { parseEdgarXml } from "./edgar-xml";
import { readOwnershipIndependently } from "./edgar-xml.crosscheck";

const DIRS = ["./fixtures/xml/", "./fixtures/xml/more/", "./fixtures/corpus/xml/"].map((d) => fileURLToPath(new URL(d, import.meta.url)));
const documents = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xml") || f.startsWith("submission-"))
    .map((f) => ({ name: f, path: dir + f })),
);

describe("parseEdgarXml agrees with an independent reading of every real ownership document", () => {
  it("has the documents to check", () => {
    expect(documents.length).toBeGreaterThanOrEqual(34);
  });

  it.each(documents)("$name", ({ path }) => {
    const text = readFileSync(path, "utf8");
    const submission = path.endsWith(".txt");
    // A submission's XML is read on its own; the header's type stands in for a documentType the XML lacks.
    const xml = submission ? text.slice(text.indexOf("<ownershipDocument"), text.indexOf("</ownershipDocument>") + 20) : text;
    const headerType = submission ? (/CONFORMED SUBMISSION TYPE:\s*(\S+)/.exec(text)?.[1] ?? null) : null;
    const expected = readOwnershipIndependently(xml, headerType);
    const actual = submission ? parseEdgarSubmission(text) : parseEdgarXml(xml);
    const picked: Record<string, unknown> = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k as keyof typeof actual]]));
    const rowsPicked = (rows: object[], like: object[]) =>
      rows.map((r, i) => Object.fromEntries(Object.keys(like[i] ?? r).map((k) => [k, (r as Record<string, unknown>)[k]])));
    picked.nonDerivative = rowsPicked(actual.nonDerivative, expected.nonDerivative);
    picked.derivative = rowsPicked(actual.derivative, expected.derivative);
    expect(picked).toEqual(expected);
  });
});
