// What a user of `npm run parse` can check about one input: a canonical filing the contract's schema
// accepts, or a refusal naming its reason. Anything else (a TypeError, a RangeError, a hang) is a crash.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { parseFiling, ParseError, type Filing } from "../parse";

// The contract lives beside the project in development and may be copied into it; either place will do.
const SCHEMA_PATHS = ["../../contract/filing.schema.json", "../../../shared/contract/filing.schema.json"].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);
const schemaPath = SCHEMA_PATHS.find((p) => existsSync(p));
if (!schemaPath) throw new Error(`filing.schema.json not found at ${SCHEMA_PATHS.join(" or ")}`);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));

export type ParseOutcome =
  | { kind: "filing"; filing: Filing; problems: string[]; ms: number }
  | { kind: "refused"; reason: string; ms: number }
  | { kind: "crashed"; error: unknown; ms: number };

/**
 * Leaves JSON cannot carry faithfully: NaN and Infinity print as null, undefined disappears, and a function or
 * object of a class would mean something other than data reached the output.
 */
function unfaithfulLeaves(value: unknown, path: string, into: string[]): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) into.push(`${path || "/"} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => unfaithfulLeaves(v, `${path}/${i}`, into));
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) unfaithfulLeaves(v, `${path}/${k}`, into);
    return;
  }
  into.push(`${path || "/"} is a ${typeof value}`);
}

/** Everything wrong with a filing as the command line would print it: schema errors and values JSON would change. */
export function filingProblems(filing: Filing): string[] {
  const problems: string[] = [];
  unfaithfulLeaves(filing, "", problems);
  if (!validate(JSON.parse(JSON.stringify(filing)))) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || "/"} ${e.message}`);
  }
  return problems;
}

export async function parseOutcome(bytes: Uint8Array): Promise<ParseOutcome> {
  const start = performance.now();
  try {
    const filing = await parseFiling(bytes);
    return { kind: "filing", filing, problems: filingProblems(filing), ms: performance.now() - start };
  } catch (error) {
    const ms = performance.now() - start;
    // The class, not the name: the upload shows the message of a ParseError and hides anything else.
    if (error instanceof ParseError) return { kind: "refused", reason: error.message, ms };
    return { kind: "crashed", error, ms };
  }
}

/** A one-line account of an outcome for assertion messages, with a crash's stack so it can be found. */
export function describeOutcome(o: ParseOutcome): string {
  if (o.kind === "filing") return `filing (${o.problems.length ? o.problems.slice(0, 5).join("; ") : "valid"}) in ${o.ms.toFixed(0)} ms`;
  if (o.kind === "refused") return `refused: ${o.reason} in ${o.ms.toFixed(0)} ms`;
  const e = o.error as Error;
  return `crashed: ${e?.stack ?? String(o.error)}`;
}

/** Every string the filing carries, wherever it sits, for checks that some text never reaches the output. */
export function filingStrings(filing: Filing): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(k), walk(x);
  };
  walk(filing);
  return out;
}
