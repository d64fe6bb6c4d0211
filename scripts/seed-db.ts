// Fills a database with synthetic filings for benchmarks and manual testing:
//   npx tsx scripts/seed-db.ts <count> [--db file:./data/app.db] [--seed 1] [--tag NAME]
// The database must already be migrated (npm run db:migrate).
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { generateFilings } from "../lib/db/generate";
import { bulkInsertFilings } from "../lib/db/bulk-insert";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: "string" }, seed: { type: "string", default: "1" }, tag: { type: "string", default: "" } },
});
const count = Number(positionals[0] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: tsx scripts/seed-db.ts <count> [--db file:./data/app.db] [--seed N] [--tag NAME]");
  process.exit(2);
}
const url = values.db ?? process.env.DATABASE_URL ?? "file:./data/app.db";
const file = resolve(url.replace(/^file:/, ""));
const started = performance.now();
const { filingIds, duplicates } = bulkInsertFilings({ file, filings: generateFilings({ count, seed: Number(values.seed), tag: values.tag }) });
const seconds = (performance.now() - started) / 1000;
console.log(`${filingIds.length.toLocaleString("en-US")} filings stored (${duplicates} already there) in ${seconds.toFixed(1)} s into ${file}`);
