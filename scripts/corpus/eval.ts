// Scores `npm run parse`'s code path on the development corpus, each rendering against the filing
// read from the document's own XML, field by field (the page shows no CIKs, so they are not asked of it).
// Prints, per input kind and half: fields right, wrong fields left unflagged (≥ 0.8: silent errors,
// as a share of all fields), and right fields flagged anyway (false alarms, as a share of right fields).
// Rows read that the filing does not have count as wrong fields too.
//
//   npx tsx scripts/corpus/eval.ts                 the tuning half
//   npx tsx scripts/corpus/eval.ts --held-back     both halves, side by side: run once, at the end
//   npx tsx scripts/corpus/eval.ts -v [kind]       the tuning half's misses, by field (kind: grid.md, clean.txt, …)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFiling } from "../../lib/parse";
import { readOwnershipIndependently } from "../../lib/parse/edgar-xml.crosscheck";
import type { Filing } from "../../lib/parse/types";
import { empty, leaves, line, scored, tally, type Tally } from "./score";
import { CORPUS, readSplit } from "./split";

export const KINDS = ["xml", "grid.md", "lib.md", "clean.txt", "light.txt", "heavy.txt"] as const;
type Kind = (typeof KINDS)[number];

export async function evaluate(names: string[], dir: string): Promise<{ built: number; kinds: Record<Kind, Tally> }> {
  const out = Object.fromEntries(KINDS.map((k) => [k, empty()])) as Record<Kind, Tally>;
  let built = 0;
  for (const n of names) {
    if (!existsSync(join(dir, `${n}.heavy.txt`))) {
      console.error(`${n}: not built yet (npx tsx scripts/corpus/build.ts); left out`);
      continue;
    }
    built++;
    const xml = readFileSync(join(CORPUS, "xml", `${n}.xml`), "utf8");
    // The XML reader is held to an independent reading of the same document, field by field.
    const independent = readOwnershipIndependently(xml) as Record<string, unknown>;
    const parsedXml = await parseFiling(new Uint8Array(Buffer.from(xml)), { fileName: `${n}.xml` });
    const picked = Object.fromEntries(Object.keys(independent).map((k) => [k, (parsedXml as unknown as Record<string, unknown>)[k]]));
    tally(out.xml, n, independent, { ...(picked as unknown as Filing), fieldConfidence: parsedXml.fieldConfidence }, true);
    // What the other inputs are held to: the XML's filing, its vesting derived from its footnotes as for any input.
    const expected = scored(parsedXml, false);
    for (const kind of KINDS.slice(1)) {
      const path = join(dir, `${n}.${kind}`);
      try {
        const got = await parseFiling(new Uint8Array(readFileSync(path)), { fileName: path });
        tally(out[kind], n, expected, got, false);
      } catch {
        out[kind].failed++;
        for (const _ of leaves(expected)) out[kind].fields++;
      }
    }
  }
  return { built, kinds: out };
}

async function main(args: string[]) {
  const split = readSplit();
  const verbose = args.includes("-v");
  const only = args.find((a) => (KINDS as readonly string[]).includes(a));
  const { built: nTuning, kinds: tuning } = await evaluate(split.tuning, join(CORPUS, "tuning"));
  if (verbose) {
    for (const kind of only ? [only as Kind] : KINDS)
      for (const m of tuning[kind].misses)
        console.log(`${kind}\t${m.file}\t${m.pointer}\t${JSON.stringify(m.expected)}\t${JSON.stringify(m.got)}\t${m.confidence}`);
  }
  const heldRun = args.includes("--held-back") ? await evaluate(split.heldBack, join(CORPUS, "held-back")) : null;
  const held = heldRun?.kinds;
  console.log(`\n${nTuning} tuning filings scored${heldRun ? `, ${heldRun.built} held back` : ""}`);
  console.log(`input        | tuning: right  silent  false-alarms${held ? " | held back: right  silent  false-alarms" : ""}`);
  for (const kind of KINDS) console.log(`${kind.padEnd(12)} | ${line(tuning[kind])}${held ? `        | ${line(held[kind])}` : ""}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
