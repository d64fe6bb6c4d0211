// Scores the vesting reader on the hand-labelled corpus of real footnotes (lib/vesting/fixtures/corpus):
// each footnote read against its grant's row as `npm run parse` reads it, compared with the label.
// A schedule is exact when the tranche dates are the label's, the total is the row's, and the shares
// vested by every tranche date are the label's within rounding (one share per tranche so far: labels
// write equal parts as exact fractions). A schedule on a footnote labelled none or undatable is invented.
//
//   npx tsx scripts/corpus/vesting-eval.ts              the tuning half
//   npx tsx scripts/corpus/vesting-eval.ts -v           the tuning half's misses
//   npx tsx scripts/corpus/vesting-eval.ts --held-back  both halves, side by side: run once, at the end
//   npx tsx scripts/corpus/vesting-eval.ts --split      put new items in a half (never moves old ones)
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emptyFiling, type DerivativeRow, type Filing, type NonDerivativeRow, type Tranche } from "../../lib/parse/types";
import { scheduleForRow } from "../../lib/vesting/derive";

const VESTING_CORPUS = join(__dirname, "../../lib/vesting/fixtures/corpus");

interface VestingItem {
  id: string;
  source: { repo: string; path: string; commit: string | null };
  issuer: string;
  issuerCik: string | null;
  formType: string;
  periodOfReport: string | null;
  footnoteId: string;
  text: string;
  row: {
    table: "derivative" | "nonDerivative";
    index: number;
    kind: "transaction" | "holding";
    securityTitle: string;
    transactionDate: string | null;
    transactionCode: string | null;
    acquiredDisposed: "A" | "D" | null;
    shares: number | null;
    underlyingShares: number | null;
    conversionOrExercisePrice: number | null;
    exerciseDate: string | null;
    expirationDate: string | null;
  };
  label: "schedule" | "none" | "undatable";
  tranches?: Tranche[];
  family: string;
  why: string;
}

type Split = { tuning: string[]; heldBack: string[] };

function readItems(): VestingItem[] {
  return readFileSync(join(VESTING_CORPUS, "items.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as VestingItem);
}

function readSplit(): Split {
  const p = join(VESTING_CORPUS, "split.json");
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Split) : { tuning: [], heldBack: [] };
}

// By issuer, so one company's house wording never sits in both halves.
function halfOf(item: VestingItem): "tuning" | "heldBack" {
  const key = (item.issuerCik ?? item.issuer).toLowerCase().replace(/\W+/g, "");
  return createHash("sha1").update(key).digest()[0] % 2 === 0 ? "tuning" : "heldBack";
}

/** The item as a filing of one row citing one footnote, the way the parser hands rows to the reader. */
function filingOf(item: VestingItem): Filing {
  const r = item.row;
  const common = {
    kind: r.kind,
    securityTitle: r.securityTitle,
    transactionDate: r.transactionDate,
    deemedExecutionDate: null,
    transactionCode: r.transactionCode,
    equitySwap: false,
    shares: r.shares,
    acquiredDisposed: r.acquiredDisposed,
    price: null,
    sharesOwnedFollowing: null,
    directOrIndirect: "D" as const,
    natureOfOwnership: null,
    footnoteIds: [item.footnoteId],
  };
  const f: Filing = { ...emptyFiling("edgar-xml"), periodOfReport: item.periodOfReport, footnotes: [{ id: item.footnoteId, text: item.text }] };
  if (r.table === "derivative") {
    const row: DerivativeRow = {
      ...common,
      conversionOrExercisePrice: r.conversionOrExercisePrice,
      exerciseDate: r.exerciseDate,
      exercisableImmediately: false,
      expirationDate: r.expirationDate,
      underlyingTitle: null,
      underlyingShares: r.underlyingShares,
    };
    f.derivative = [row];
  } else {
    const row: NonDerivativeRow = common;
    f.nonDerivative = [row];
  }
  return f;
}

type Outcome = "exact" | "wrong" | "missed" | "invented" | "none-right";

function score(item: VestingItem): { outcome: Outcome; got: Tranche[] } {
  const s = scheduleForRow(filingOf(item), item.row.table, 0);
  const got = s?.tranches ?? [];
  const want = item.label === "schedule" ? (item.tranches ?? []) : [];
  if (want.length === 0) return { outcome: got.length ? "invented" : "none-right", got };
  if (got.length === 0) return { outcome: "missed", got };
  if (got.length !== want.length) return { outcome: "wrong", got };
  let a = 0;
  let b = 0;
  for (let i = 0; i < want.length; i++) {
    a += got[i].shares;
    b += want[i].shares;
    if (got[i].date !== want[i].date || Math.abs(a - b) > i + 1) return { outcome: "wrong", got };
  }
  return { outcome: Math.abs(a - b) < 1e-6 ? "exact" : "wrong", got };
}

type Tally = Record<Outcome, number> & { schedules: number; nones: number };

function tally(items: VestingItem[]): Tally {
  const t: Tally = { exact: 0, wrong: 0, missed: 0, invented: 0, "none-right": 0, schedules: 0, nones: 0 };
  for (const it of items) {
    if (it.label === "schedule") t.schedules++;
    else t.nones++;
    t[score(it).outcome]++;
  }
  return t;
}

function line(name: string, t: Tally): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "–");
  return `${name}: ${t.exact}/${t.schedules} schedules exact (${pct(t.exact, t.schedules)}), ${t.wrong} wrong, ${t.missed} missed; ${t.invented} invented on ${t.nones} none/undatable`;
}

function main() {
  const args = process.argv.slice(2);
  const items = readItems();
  const ids = new Set<string>();
  for (const it of items) {
    if (ids.has(it.id)) throw new Error(`duplicate id ${it.id}`);
    ids.add(it.id);
  }
  const split = readSplit();
  if (args.includes("--split")) {
    const placed = new Set([...split.tuning, ...split.heldBack]);
    for (const it of items) if (!placed.has(it.id)) split[halfOf(it)].push(it.id);
    writeFileSync(join(VESTING_CORPUS, "split.json"), JSON.stringify(split, null, 1) + "\n");
    console.log(`tuning ${split.tuning.length}, held back ${split.heldBack.length}`);
    return;
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  const unplaced = items.filter((i) => !split.tuning.includes(i.id) && !split.heldBack.includes(i.id));
  if (unplaced.length) throw new Error(`${unplaced.length} items in no half: run --split first`);
  const tuning = split.tuning.map((id) => byId.get(id)!).filter(Boolean);
  console.log(line("tuning", tally(tuning)));
  if (args.includes("--held-back")) console.log(line("held back", tally(split.heldBack.map((id) => byId.get(id)!).filter(Boolean))));
  if (args.includes("-v")) {
    for (const it of tuning) {
      const { outcome, got } = score(it);
      if (outcome === "exact" || outcome === "none-right") continue;
      const want = it.tranches ?? [];
      const brief = (t: Tranche[]) => (t.length ? `${t.length}× ${t[0].date}:${+t[0].shares.toFixed(2)} … ${t[t.length - 1].date}:${+t[t.length - 1].shares.toFixed(2)}` : "none");
      console.log(`\n[${outcome}] ${it.id} (${it.family}; ${it.row.table} ${it.row.transactionCode ?? "holding"} ${it.row.transactionDate ?? "-"} ${it.row.shares ?? it.row.underlyingShares})`);
      console.log(`  ${it.text}`);
      console.log(`  want ${brief(want)}\n  got  ${brief(got)}`);
    }
  }
}

main();
