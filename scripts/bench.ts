// Parser benchmark: median parse time per filing for each input format, warm, beside a
// baseline measured in the same run (a bare fast-xml-parser parse of the same XML documents).
// Usage: npm run bench [-- --runs 300]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parseText, type DetectedFormat } from "../lib/parse";

const root = join(__dirname, "..");
const fixtures = join(root, "lib", "parse", "fixtures");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;

function files(dir: string, ext: RegExp): string[] {
  const d = join(fixtures, dir);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => ext.test(f) && !f.endsWith(".expected.json"))
    .map((f) => readFileSync(join(d, f), "utf8"));
}

/** Median milliseconds of one call, over RUNS rounds of all docs, after a warm-up. */
function medianPerDoc(docs: string[], fn: (doc: string) => unknown): number {
  for (let i = 0; i < 20; i++) for (const d of docs) fn(d);
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (const d of docs) {
      const t0 = process.hrtime.bigint();
      fn(d);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const seedsDir = join(root, "..", "shared", "seeds");
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8")) : [];
const sets: { label: string; format: DetectedFormat; docs: string[]; targetMs?: number }[] = [
  { label: "OCR markdown (seeds + fixtures)", format: "ocr-markdown", docs: [...seeds, ...files("markdown", /\.md$/), ...files("markdown/from-xml", /\.md$/)], targetMs: 2 },
  { label: "OCR text (Tesseract fixtures)", format: "ocr-text", docs: files("text", /\.txt$/), targetMs: 2 },
  { label: "EDGAR XML", format: "edgar-xml", docs: files("xml", /\.xml$/) },
  { label: "EDGAR HTML", format: "edgar-html", docs: files("html", /\.html?$/) },
];

const xmlDocs = sets.find((s) => s.format === "edgar-xml")!.docs;
const bare = new XMLParser({ ignoreAttributes: false });
const baseline = xmlDocs.length ? medianPerDoc(xmlDocs, (d) => bare.parse(d)) : NaN;

console.log(`runs per document: ${RUNS}; medians per filing, warm\n`);
console.log(`baseline: bare XMLParser.parse of the XML fixtures   ${baseline.toFixed(3)} ms`);
for (const s of sets) {
  if (!s.docs.length) {
    console.log(`${s.label.padEnd(50)} (no fixtures)`);
    continue;
  }
  const ms = medianPerDoc(s.docs, (d) => parseText(d, s.format));
  const ratio = ms / baseline;
  const target = s.format === "edgar-xml" ? "target < 3x baseline" : s.targetMs ? `target < ${s.targetMs} ms` : "";
  console.log(`${s.label.padEnd(50)} ${ms.toFixed(3)} ms  (${ratio.toFixed(2)}x baseline, ${s.docs.length} docs)  ${target}`);
}
