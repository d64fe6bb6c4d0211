import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderEdgarHtml } from "./edgar-render";
import { gridMarkdown, libraryMarkdown } from "./to-markdown";

const FIXTURES = join(__dirname, "../../lib/parse/fixtures");
const read = (p: string) => readFileSync(join(FIXTURES, p), "utf8");

// The corpus is only as good as its pages: each must read, word for word and cell for cell, as sec.gov prints it.
const words = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .split(/\s+/)
    .filter(Boolean);
const structure = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, "").match(/<\/?(table|tr|td|th|thead|tbody|br|hr)\b/g) ?? [];

describe.each([
  ["Form 3", "xml/form3-snowflake-holdings.xml", "html/form3-snowflake.html"],
  ["Form 4", "xml/form4-374water-x0508.xml", "html/form4-374water.html"],
  ["Form 5", "xml/form5-snowflake.xml", "html/form5-snowflake.html"],
])("renderEdgarHtml, %s", (_form, xml, html) => {
  const ours = renderEdgarHtml(read(xml));
  const theirs = read(html);

  it("prints the same words as sec.gov's rendering", () => {
    expect(words(ours)).toEqual(words(theirs));
  });

  it("lays them out in the same tables, rows and cells", () => {
    expect(structure(ours)).toEqual(structure(theirs));
  });

  it("converts to the same markdown both ways", () => {
    expect(gridMarkdown(ours)).toBe(gridMarkdown(theirs));
    expect(libraryMarkdown(ours)).toBe(libraryMarkdown(theirs));
  });
});

describe("gridMarkdown", () => {
  it("prints box 1 as one cell with a <br> per line, as document-OCR tools do", () => {
    const md = gridMarkdown(read("html/form4-374water.html"));
    expect(md).toContain(
      "| 1. Name and Address of Reporting Person*<br>Melkote Rajesh Ramaswamy<br>(Last)<br>(First)<br>(Middle)<br>C/O 374 WATER INC.<br>100 SOUTHCENTER COURT, SUITE 200<br>(Street)<br>MORRISVILLE<br>NC<br>27560<br>(City)<br>(State)<br>(Zip) |",
    );
  });
});
