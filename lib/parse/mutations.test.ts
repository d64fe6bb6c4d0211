// Real fixtures, damaged the way files get damaged (flipped bytes, lost and repeated spans, two files run
// together, case changes, stray digits), through the front door: a filing the contract's schema accepts or a
// ParseError, never another exception, never slow. A failure prints fast-check's seed and path to replay it.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOutcome, parseOutcome } from "../test/parse-outcome";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

const files = (label: string, dir: string, ext: RegExp) =>
  readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => ({ name: `${label}/${f}`, bytes: new Uint8Array(readFileSync(dir + f)) }));

// The OCR, markdown, XML and HTML fixtures at the top of each folder: every reader, a few hundred KB in all.
const CORPUS = [
  ...files("seeds", SEEDS, /\.txt$/),
  ...files("markdown", `${FIXTURES}markdown/`, /\.md$/),
  ...files("text", `${FIXTURES}text/`, /\.txt$/),
  ...files("xml", `${FIXTURES}xml/`, /\.(xml|txt)$/),
  ...files("html", `${FIXTURES}html/`, /\.html$/),
];

/** Positions are fractions of the file, so one mutation applies to a fixture of any length. */
const where = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const at = (bytes: Uint8Array, f: number) => Math.floor(f * bytes.length);

type Mutation = (bytes: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

const byteFlips: fc.Arbitrary<Mutation> = fc.array(fc.tuple(where, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 20 }).map((flips) => (bytes) => {
  const out = bytes.slice();
  for (const [f, bit] of flips) out[at(out, f)] ^= 1 << bit;
  return out;
});

const deletion: fc.Arbitrary<Mutation> = fc.tuple(where, fc.integer({ min: 1, max: 2_000 })).map(([f, length]) => (bytes) => {
  const start = at(bytes, f);
  return concat(bytes.subarray(0, start), bytes.subarray(start + length));
});

const duplication: fc.Arbitrary<Mutation> = fc.tuple(where, fc.integer({ min: 1, max: 2_000 }), where, fc.integer({ min: 1, max: 5 })).map(
  ([from, length, to, times]) =>
    (bytes) => {
      const start = at(bytes, from);
      const span = bytes.subarray(start, start + length);
      const into = at(bytes, to);
      return concat(bytes.subarray(0, into), ...Array.from({ length: times }, () => span), bytes.subarray(into));
    },
);

const splice: fc.Arbitrary<Mutation> = fc.tuple(fc.nat({ max: CORPUS.length - 1 }), where, where).map(([other, cut, from]) => (bytes) => {
  const donor = CORPUS[other].bytes;
  return concat(bytes.subarray(0, at(bytes, cut)), donor.subarray(at(donor, from)));
});

const caseChange: fc.Arbitrary<Mutation> = fc.tuple(where, fc.integer({ min: 1, max: 5_000 }), fc.constantFrom("upper", "lower", "swap")).map(
  ([f, length, how]) =>
    (bytes) => {
      const out = bytes.slice();
      const start = at(out, f);
      for (let i = start; i < Math.min(out.length, start + length); i++) {
        const b = out[i];
        const letter = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
        if (!letter) continue;
        const upper = b <= 0x5a;
        if (how === "upper" || (how === "swap" && !upper)) out[i] = b & ~0x20;
        else out[i] = b | 0x20;
      }
      return out;
    },
);

const insertedDigits: fc.Arbitrary<Mutation> = fc.array(fc.tuple(where, fc.stringMatching(/^[0-9][0-9.,/-]{0,11}$/)), { minLength: 1, maxLength: 10 }).map(
  (inserts) => (bytes) => {
    let out = bytes;
    for (const [f, digits] of inserts) {
      const into = at(out, f);
      out = concat(out.subarray(0, into), new TextEncoder().encode(digits), out.subarray(into));
    }
    return out;
  },
);

const MUTATIONS: [string, fc.Arbitrary<Mutation>][] = [
  ["byte flips", byteFlips],
  ["deleted spans", deletion],
  ["duplicated spans", duplication],
  ["two fixtures spliced", splice],
  ["case changes", caseChange],
  ["inserted digits", insertedDigits],
  ["several of these at once", fc.array(fc.oneof(byteFlips, deletion, duplication, splice, caseChange, insertedDigits), { minLength: 2, maxLength: 5 }).map((ms) => (bytes: Uint8Array) => ms.reduce((b, m) => m(b), bytes))],
];

/** Fixed, so a failure found once is found again; fast-check prints it with the path that shrinks to the case. */
const SEED = 20_261_205;
// About a thousand parses in all: a few seconds idle, well under half a minute on a loaded 2-core machine.
const RUNS = 150;
const LIMIT_MS = 3_000;

describe("mutated fixtures through parseFiling", () => {
  it(`has text fixtures to mutate (${CORPUS.length})`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
  });

  MUTATIONS.forEach(([name, mutation], k) => {
    it(`${name}: a valid filing or a ParseError, within ${LIMIT_MS / 1000} s`, { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: CORPUS.length - 1 }), mutation, async (i, mutate) => {
          const o = await parseOutcome(mutate(CORPUS[i].bytes));
          const told = `${CORPUS[i].name}: ${describeOutcome(o)}`;
          expect(o.kind, told).not.toBe("crashed");
          if (o.kind === "filing") expect(o.problems, told).toEqual([]);
          expect(o.ms, told).toBeLessThan(LIMIT_MS);
        }),
        { seed: SEED + k, numRuns: RUNS },
      );
    });
  });
});
