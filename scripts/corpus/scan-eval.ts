// Scores the page-image path of `npm run parse` (OCR on this machine, then the readers) on the
// development corpus: each document's EDGAR page photographed by Chromium, clean and degraded as the
// corpus's Tesseract text is (degrade.ts), read through `parseFiling` exactly as an upload is, against
// the filing read from its XML. Prints accuracy, silent errors, false alarms and median OCR seconds per
// page. The pictures are cached in the corpus's .tmp folder (not kept in the repo: a rebuild is exact).
//
//   npx tsx scripts/corpus/scan-eval.ts [-n N]          the tuning half (or every k-th of it, N documents)
//   npx tsx scripts/corpus/scan-eval.ts --held-back     both halves, side by side: run once, at the end
//   npx tsx scripts/corpus/scan-eval.ts -v [kind]       the tuning half's misses (kind: clean, light, heavy)
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { parseFiling } from "../../lib/parse";
import { ocrEngine } from "../../lib/parse/ocr-image";
import { DEGRADE, degrade } from "./degrade";
import { renderEdgarHtml } from "./edgar-render";
import { empty, leaves, line, scored, tally, type Tally } from "./score";
import { CORPUS, readSplit } from "./split";

const SCANS = ["clean", "light", "heavy"] as const;
type Scan = (typeof SCANS)[number];
const file = (n: string, s: Scan) => join(CORPUS, ".tmp", "scans", `${n}.${s}.${s === "clean" ? "png" : "jpg"}`);

/** The same pictures build.ts gives Tesseract: a 1100 px page at twice its size, degraded by the same seeds. */
async function photograph(names: string[]) {
  const todo = names.filter((n) => SCANS.some((s) => !existsSync(file(n, s))));
  if (!todo.length) return;
  mkdirSync(join(CORPUS, ".tmp", "scans"), { recursive: true });
  const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2 });
  for (const n of todo) {
    await page.setContent(renderEdgarHtml(readFileSync(join(CORPUS, "xml", `${n}.xml`), "utf8")), { waitUntil: "load" });
    const png = await page.screenshot({ fullPage: true, type: "png" });
    const seed = createHash("sha256").update(n).digest().readUInt32LE(0);
    writeFileSync(file(n, "clean"), png);
    writeFileSync(file(n, "light"), await degrade(png, DEGRADE.light, seed));
    writeFileSync(file(n, "heavy"), await degrade(png, DEGRADE.heavy, seed + 1));
  }
  await browser.close();
}

type Run = { kinds: Record<Scan, Tally>; seconds: Record<Scan, number[]> };

async function evaluate(names: string[]): Promise<Run> {
  await photograph(names);
  const run: Run = {
    kinds: { clean: empty(), light: empty(), heavy: empty() },
    seconds: { clean: [], light: [], heavy: [] },
  };
  for (const n of names) {
    const xml = readFileSync(join(CORPUS, "xml", `${n}.xml`));
    const expected = scored(await parseFiling(new Uint8Array(xml), { fileName: `${n}.xml` }), false);
    for (const s of SCANS) {
      const t0 = performance.now();
      try {
        const got = await parseFiling(new Uint8Array(readFileSync(file(n, s))), { fileName: file(n, s) });
        tally(run.kinds[s], n, expected, got, false);
      } catch {
        run.kinds[s].failed++;
        run.kinds[s].fields += leaves(expected).size;
      }
      run.seconds[s].push((performance.now() - t0) / 1000);
    }
  }
  return run;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

/** Every k-th document, so a quick run still spreads over issuers and years. */
function sample(names: string[], n: number | undefined): string[] {
  if (!n || n >= names.length) return names;
  const step = names.length / n;
  return Array.from({ length: n }, (_, i) => names[Math.floor(i * step)]);
}

async function main(args: string[]) {
  const split = readSplit();
  const nAt = args.indexOf("-n");
  const n = nAt >= 0 ? Number(args[nAt + 1]) : undefined;
  const only = args.find((a) => (SCANS as readonly string[]).includes(a)) as Scan | undefined;
  const tuning = await evaluate(sample(split.tuning, n));
  if (args.includes("-v"))
    for (const s of only ? [only] : SCANS)
      for (const m of tuning.kinds[s].misses)
        console.log(`${s}\t${m.file}\t${m.pointer}\t${JSON.stringify(m.expected)}\t${JSON.stringify(m.got)}\t${m.confidence}`);
  const held = args.includes("--held-back") ? await evaluate(split.heldBack) : null;
  console.log(`\nOCR engine: ${ocrEngine()}; ${sample(split.tuning, n).length} tuning documents${held ? `, ${split.heldBack.length} held back` : ""}`);
  console.log(`scan    | tuning: right  silent  false-alarms  s/page${held ? " | held back: right  silent  false-alarms  s/page" : ""}`);
  for (const s of SCANS) {
    const cell = (r: Run) => `${line(r.kinds[s])} ${median(r.seconds[s]).toFixed(1).padStart(6)}`;
    console.log(`${s.padEnd(7)} | ${cell(tuning)}${held ? `        | ${cell(held)}` : ""}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
