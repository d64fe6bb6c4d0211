import { describe, expect, it } from "vitest";
import { eraseRuling, type Gray } from "./ruling";

/** A white page of a letter form's proportions at the resolution OCR reads it (2200 px wide). */
function page(): Gray {
  const width = 2200;
  const height = 600;
  return { data: new Uint8Array(width * height).fill(255), width, height };
}

function fill(p: Gray, x0: number, y0: number, w: number, h: number, shade = 0) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) p.data[y * p.width + x] = shade;
}

function inkIn(p: Gray, x0: number, y0: number, w: number, h: number): number {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (p.data[y * p.width + x] < 200) n++;
  return n;
}

describe("eraseRuling", () => {
  it("whitens a table's rules across and down, a degree off square as a scan is", () => {
    const p = page();
    fill(p, 100, 100, 2000, 3, 120);
    fill(p, 100, 400, 2000, 3, 120);
    fill(p, 100, 100, 3, 303, 120);
    fill(p, 2097, 100, 3, 303, 120);
    // A rule drifting one pixel every 60: the way a horizontal line lies on a page turned 0.9°.
    for (let x = 100; x < 2100; x++) fill(p, x, 200 + Math.floor((x - 100) / 60), 1, 3, 120);
    const out = eraseRuling(p);
    expect(inkIn(out, 0, 0, p.width, p.height)).toBe(0);
  });

  it("keeps the print: capitals, a long word's strokes, a tall title glyph, underlined text's letters", () => {
    const p = page();
    // Stems of capitals 30 px tall and 5 px wide, and the bar of an E.
    for (let x = 200; x < 600; x += 25) fill(p, x, 100, 5, 30);
    fill(p, 200, 100, 22, 5);
    // A title glyph's stem 70 px tall, 12 px wide.
    fill(p, 800, 50, 12, 70);
    // An 'm' in a long word: strokes joined by a hairline no longer than a word.
    fill(p, 1000, 300, 60, 3);
    const out = eraseRuling(p);
    expect(inkIn(out, 0, 0, p.width, p.height)).toBe(inkIn(p, 0, 0, p.width, p.height));
  });

  it("leaves a shaded band, and the light text on it, as it is", () => {
    const p = page();
    fill(p, 100, 100, 1800, 60, 150);
    fill(p, 300, 115, 5, 30, 255);
    const out = eraseRuling(p);
    expect(Buffer.compare(out.data, p.data)).toBe(0);
  });

  it("erases a rule that runs into a letter but keeps the letter's stem", () => {
    const p = page();
    fill(p, 100, 300, 2000, 3, 0);
    fill(p, 1000, 280, 5, 30, 0);
    const out = eraseRuling(p);
    expect(inkIn(out, 100, 300, 900, 3)).toBe(0);
    expect(inkIn(out, 1000, 280, 5, 18)).toBe(90);
  });
});
