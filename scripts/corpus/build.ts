// Rebuilds the development corpus from its real ownership XML documents:
//   lib/parse/fixtures/corpus/xml/<name>.xml          (the sources, copied byte for byte; SOURCES.tsv says from where)
//   lib/parse/fixtures/corpus/<half>/<name>.grid.md    (EDGAR page → markdown grid with <br> in cells, as the seeds)
//   lib/parse/fixtures/corpus/<half>/<name>.lib.md     (EDGAR page → node-html-markdown)
//   lib/parse/fixtures/corpus/<half>/<name>.<clean|light|heavy>.txt  (page photographed by Chromium, read by tesseract)
// The halves come from split.json, written once by `--split` before any tuning and never rewritten.
//
//   npx tsx scripts/corpus/build.ts --split      write split.json for documents not yet in it
//   npx tsx scripts/corpus/build.ts [name…]      render, convert, photograph and OCR (by default every document
//                                                not built yet; --all rebuilds them all)
//
// Needs Debian's chromium and tesseract-ocr; the OCR takes a few seconds per page, so the outputs are kept in the repo.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { renderEdgarHtml } from "./edgar-render";
import { DEGRADE, degrade } from "./degrade";
import { CORPUS, SPLIT, readSplit } from "./split";
import { gridMarkdown, libraryMarkdown } from "./to-markdown";

const run = promisify(execFile);

function names(): string[] {
  return readdirSync(join(CORPUS, "xml"))
    .filter((f) => f.endsWith(".xml"))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** A document's half is fixed by a hash of its name, so adding documents never moves old ones. */
function writeSplit() {
  const split = readSplit();
  const known = new Set([...split.tuning, ...split.heldBack]);
  for (const n of names()) {
    if (known.has(n)) continue;
    const h = createHash("sha256").update(n).digest()[0];
    (h % 2 === 0 ? split.tuning : split.heldBack).push(n);
  }
  split.tuning.sort();
  split.heldBack.sort();
  writeFileSync(SPLIT, JSON.stringify(split, null, 2) + "\n");
  console.log(`split: ${split.tuning.length} tuning, ${split.heldBack.length} held back`);
}

async function tesseract(image: Buffer, tmp: string): Promise<string> {
  writeFileSync(tmp, image);
  const { stdout } = await run("tesseract", [tmp, "stdout"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function build(only: string[], all: boolean) {
  const split = readSplit();
  const half = new Map<string, string>([
    ...split.tuning.map((n) => [n, "tuning"] as [string, string]),
    ...split.heldBack.map((n) => [n, "held-back"] as [string, string]),
  ]);
  const built = (n: string) => existsSync(join(CORPUS, half.get(n)!, `${n}.heavy.txt`));
  const todo = (only.length ? only : names()).filter((n) => {
    if (!half.has(n)) console.error(`${n}: not in split.json (run --split first)`);
    return half.has(n) && (only.length > 0 || all || !built(n));
  });
  const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2 });
  const tmpDir = join(CORPUS, ".tmp");
  mkdirSync(tmpDir, { recursive: true });
  let done = 0;
  for (const n of todo) {
    const dir = join(CORPUS, half.get(n)!);
    mkdirSync(dir, { recursive: true });
    const html = renderEdgarHtml(readFileSync(join(CORPUS, "xml", `${n}.xml`), "utf8"));
    writeFileSync(join(dir, `${n}.grid.md`), gridMarkdown(html));
    writeFileSync(join(dir, `${n}.lib.md`), libraryMarkdown(html));
    await page.setContent(html, { waitUntil: "load" });
    const png = await page.screenshot({ fullPage: true, type: "png" });
    const seed = createHash("sha256").update(n).digest().readUInt32LE(0);
    const [clean, light, heavy] = await Promise.all([
      tesseract(png, join(tmpDir, `${n}.clean.png`)),
      degrade(png, DEGRADE.light, seed).then((img) => tesseract(img, join(tmpDir, `${n}.light.jpg`))),
      degrade(png, DEGRADE.heavy, seed + 1).then((img) => tesseract(img, join(tmpDir, `${n}.heavy.jpg`))),
    ]);
    writeFileSync(join(dir, `${n}.clean.txt`), clean);
    writeFileSync(join(dir, `${n}.light.txt`), light);
    writeFileSync(join(dir, `${n}.heavy.txt`), heavy);
    console.log(`${++done}/${todo.length} ${n}`);
  }
  await browser.close();
}

const args = process.argv.slice(2);
if (args[0] === "--split") writeSplit();
else
  build(args.filter((a) => !a.startsWith("--")), args.includes("--all")).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
