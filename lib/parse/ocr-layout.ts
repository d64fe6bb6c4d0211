// Tesseract's words put back into the printed form's rows. With the ruling erased, Tesseract reads
// every cell but cuts the page into column blocks and prints them one after another, so a table row
// comes out as scattered pieces. Its word boxes say where each piece sits: pieces whose baselines
// line up form one row of the form, read left to right, as the text readers expect.

export type Word = { text: string; left: number; top: number; width: number; height: number; conf: number; line: string };

/** Words of Tesseract's TSV output (level 5 rows), each with the id of the line Tesseract put it in. */
export function tsvWords(tsv: string): Word[] {
  const words: Word[] = [];
  for (const row of tsv.split("\n")) {
    const f = row.split("\t");
    if (f[0] !== "5" || f.length < 12) continue;
    const text = f.slice(11).join("\t").trim();
    if (!text) continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Number(f[10]),
      line: `${f[1]}.${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return words;
}

/**
 * The page's skew as a slope (dy per dx), from the words themselves: at the right slope the words'
 * bottoms pile up on few baselines. A scan a degree off drifts a text height across a page, which
 * would put the right half of a row on the next one.
 */
function skew(words: Word[]): number {
  let best = 0;
  let bestScore = -1;
  for (let deg = -3; deg <= 3.0001; deg += 0.1) {
    const slope = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (const w of words) {
      const y = Math.round((w.top + w.height - slope * (w.left + w.width / 2)) / 2);
      bins.set(y, (bins.get(y) ?? 0) + 1);
    }
    let score = 0;
    for (const n of bins.values()) score += n * n;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = slope;
    }
  }
  return best;
}

type Piece = { words: Word[]; left: number; mid: number; height: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
};

/** The page's text, one printed row per line, pieces of a row in left-to-right order. */
export function reflow(words: Word[]): string {
  if (!words.length) return "";
  const slope = skew(words);
  const lines = new Map<string, Word[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const pieces: Piece[] = [...lines.values()].map((ws) => {
    ws.sort((a, b) => a.left - b.left);
    const mids = ws.map((w) => w.top + w.height / 2 - slope * (w.left + w.width / 2));
    return { words: ws, left: ws[0].left, mid: median(mids), height: median(ws.map((w) => w.height)) };
  });
  pieces.sort((a, b) => a.mid - b.mid);
  const rows: Piece[][] = [];
  for (const p of pieces) {
    const row = rows.at(-1);
    // A piece joins the row when its middle is within half a text height of the row's.
    const rowMid = row ? median(row.map((q) => q.mid)) : 0;
    const h = row ? Math.min(p.height, median(row.map((q) => q.height))) : 0;
    if (row && Math.abs(p.mid - rowMid) <= h / 2) row.push(p);
    else rows.push([p]);
  }
  return rows
    .map((row) =>
      row
        .sort((a, b) => a.left - b.left)
        .map((p) => p.words.map((w) => w.text).join(" "))
        .join(" "),
    )
    .join("\n");
}
