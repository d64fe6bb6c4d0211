// The vesting corpus from the command line (scoring rules in vesting-score.ts):
//
//   npx tsx scripts/corpus/vesting-eval.ts              the tuning half
//   npx tsx scripts/corpus/vesting-eval.ts -v           the tuning half's misses
//   npx tsx scripts/corpus/vesting-eval.ts --held-back  both halves, side by side: run once, at the end
//   npx tsx scripts/corpus/vesting-eval.ts --split      put new items in a half (never moves old ones)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Tranche } from "../../lib/parse/types";
import { halfOf, readItems, readSplit, score, VESTING_CORPUS, type Outcome, type VestingItem } from "./vesting-score";

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
