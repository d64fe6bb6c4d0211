// Where the development corpus lives and which half each document is in.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CORPUS = join(__dirname, "../../lib/parse/fixtures/corpus");
export const SPLIT = join(CORPUS, "split.json");

export type Split = { tuning: string[]; heldBack: string[] };

export function readSplit(): Split {
  return existsSync(SPLIT) ? (JSON.parse(readFileSync(SPLIT, "utf8")) as Split) : { tuning: [], heldBack: [] };
}
