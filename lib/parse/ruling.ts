// The ruled lines of a printed form, erased before OCR. Tesseract takes a grid of ruled cells for a
// picture and drops what is inside it: on real Form 4 renderings it lost whole Table I bodies, and
// on degraded scans most of both tables. A rule is long in one direction and thin in the other;
// print is neither, and a filled band (a shaded header with light text on it) is not thin, so both
// are left as they are.

/** A grayscale page, one byte per pixel, row by row. */
export type Gray = { data: Uint8Array; width: number; height: number };

/** Darker than this is ink. */
const INK = 200;

/**
 * A rule runs at least this share of the page width. Capitals are about 1/70 of a letter page's
 * width tall and a word rarely spans 1/25 of it without a gap between letters, so text never has a
 * dark run this long in either direction.
 */
const MIN_RULE = 1 / 25;

/** And is at most this share of the width thick (a rule of a form is about 1/400; text strokes run longer). */
const MAX_THICKNESS = 1 / 250;

/**
 * Walks every line of pixels along one axis: `first(line)` is the index of its first pixel, `step`
 * the distance to the next, and `run(start, end)` is told each stretch where `on(i)` holds.
 */
function runs(lines: number, along: number, first: (line: number) => number, step: number, on: (i: number) => boolean, run: (start: number, end: number) => void) {
  for (let line = 0; line < lines; line++) {
    const begin = first(line);
    const stop = begin + along * step;
    let start = -1;
    for (let i = begin; i !== stop; i += step) {
      if (on(i)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        run(start, i);
        start = -1;
      }
    }
    if (start >= 0) run(start, stop);
  }
}

/** Marks the pixels of dark runs at least `min` long along one axis. */
function longRuns(page: Gray, min: number, across: boolean): Uint8Array {
  const { data, width, height } = page;
  const mark = new Uint8Array(data.length);
  const step = across ? 1 : width;
  const [lines, along, first] = across ? [height, width, (l: number) => l * width] : [width, height, (l: number) => l];
  runs(lines, along, first, step, (i) => data[i] < INK, (start, end) => {
    if ((end - start) / step >= min) for (let j = start; j !== end; j += step) mark[j] = 1;
  });
  return mark;
}

/** Keeps only the marked pixels whose marked run across the other axis is at most `max` thick. */
function thinOnly(page: Gray, mark: Uint8Array, max: number, across: boolean): void {
  const { width, height } = page;
  const step = across ? width : 1;
  const [lines, along, first] = across ? [width, height, (l: number) => l] : [height, width, (l: number) => l * width];
  runs(lines, along, first, step, (i) => mark[i] === 1, (start, end) => {
    if ((end - start) / step > max) for (let j = start; j !== end; j += step) mark[j] = 0;
  });
}

/**
 * Extends the marks by a pixel or two across the rule into ink: a rule a little off square is a
 * staircase, and the first and last rows of each step are runs too short to be marked themselves.
 */
function grow(page: Gray, mark: Uint8Array, by: number, across: boolean): void {
  const { data, width } = page;
  const seeds: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i]) seeds.push(i);
  for (const i of seeds) {
    const x = i % width;
    for (let d = -by; d <= by; d++) {
      if (across ? i + d * width < 0 || i + d * width >= data.length : x + d < 0 || x + d >= width) continue;
      const j = across ? i + d * width : i + d;
      if (data[j] < INK) mark[j] = 1;
    }
  }
}

/** The page with its thin long rules, across and down, turned white. */
export function eraseRuling(page: Gray): Gray {
  const min = Math.max(8, Math.round(page.width * MIN_RULE));
  const max = Math.max(2, Math.round(page.width * MAX_THICKNESS));
  const data = Uint8Array.from(page.data);
  for (const across of [true, false]) {
    const mark = longRuns(page, min, across);
    thinOnly(page, mark, max, across);
    grow(page, mark, 2, across);
    for (let i = 0; i < data.length; i++) if (mark[i]) data[i] = 255;
  }
  return { data, width: page.width, height: page.height };
}
