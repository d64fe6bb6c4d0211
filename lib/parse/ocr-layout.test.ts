import { describe, expect, it } from "vitest";
import { reflow, tsvWords, type Word } from "./ocr-layout";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

/** Words as Tesseract's TSV gives them: a block per column, a line per cell, turned by `deg`. */
function printed(cells: { text: string; x: number; y: number; block: number }[], deg = 0): string {
  const t = Math.tan((deg * Math.PI) / 180);
  const rows = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2200\t3000\t-1\t"];
  cells.forEach((c, line) => {
    let x = c.x;
    c.text.split(" ").forEach((w, i) => {
      const width = w.length * 14;
      const top = Math.round(c.y + (x + width / 2) * t);
      rows.push(`5\t1\t${c.block}\t1\t${line}\t${i + 1}\t${x}\t${top}\t${width}\t24\t91.5\t${w}`);
      x += width + 12;
    });
  });
  return rows.join("\n");
}

const table = [
  { text: "Common Stock", x: 30, y: 1000, block: 1 },
  { text: "Common Stock", x: 30, y: 1060, block: 1 },
  { text: "Common Stock", x: 30, y: 1120, block: 1 },
  { text: "03/14/2025 S", x: 700, y: 1002, block: 2 },
  { text: "03/14/2025 S", x: 700, y: 1061, block: 2 },
  { text: "03/17/2025 M", x: 700, y: 1119, block: 2 },
  { text: "1,200 D $41.50 8,800 D", x: 1300, y: 999, block: 3 },
  { text: "800 D $41.70 8,000 D", x: 1300, y: 1062, block: 3 },
  { text: "5,000 A $0 13,000 D", x: 1300, y: 1121, block: 3 },
];

const rows = [
  "Common Stock 03/14/2025 S 1,200 D $41.50 8,800 D",
  "Common Stock 03/14/2025 S 800 D $41.70 8,000 D",
  "Common Stock 03/17/2025 M 5,000 A $0 13,000 D",
];

describe("reflow", () => {
  it("puts a table read as column blocks back into its rows", () => {
    expect(reflow(tsvWords(printed(table)))).toBe(rows.join("\n"));
  });

  it("keeps rows together on a page scanned a degree off square", () => {
    expect(reflow(tsvWords(printed(table, 1)))).toBe(rows.join("\n"));
    expect(reflow(tsvWords(printed(table, -1.5)))).toBe(rows.join("\n"));
  });

  it("keeps a cell's lines, and the box beside it, on lines of their own", () => {
    const boxes = [
      { text: "C/O 374 WATER INC.", x: 30, y: 500, block: 1 },
      { text: "100 SOUTHCENTER COURT", x: 30, y: 540, block: 1 },
      { text: "3. Date of Earliest Transaction", x: 800, y: 520, block: 2 },
    ];
    expect(reflow(tsvWords(printed(boxes))).split("\n")).toEqual([
      "C/O 374 WATER INC.",
      "3. Date of Earliest Transaction",
      "100 SOUTHCENTER COURT",
    ]);
  });

  it("reads the words of Tesseract's TSV with their boxes and confidences, and nothing from an empty page", () => {
    const words: Word[] = tsvWords(printed([{ text: "FORM 4", x: 100, y: 40, block: 1 }]));
    expect(words).toEqual([
      { text: "FORM", left: 100, top: 40, width: 56, height: 24, conf: 91.5, line: "1.1.1.0" },
      { text: "4", left: 168, top: 40, width: 14, height: 24, conf: 91.5, line: "1.1.1.0" },
    ]);
    expect(reflow(tsvWords(HEADER))).toBe("");
  });
});
