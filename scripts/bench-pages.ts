// Page benchmark: server render time of each browse page (HTTP GET of a production build,
// median of warm requests) on a database of 100,000 generated filings, beside the same page
// on 100 filings in the same run, printed as a ratio. Targets: < 200 ms median, < 2x the small database.
// Usage: npm run bench:pages [-- --large 100000 --small 100 --runs 15]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { generateFilings } from "../lib/db/generate";
import { bulkInsertFilings } from "../lib/db/bulk-insert";

const root = join(__dirname, "..");
const { values } = parseArgs({
  options: {
    large: { type: "string", default: "100000" },
    small: { type: "string", default: "100" },
    runs: { type: "string", default: "15" },
  },
});
const RUNS = Number(values.runs);
const next = join(root, "node_modules", "next", "dist", "bin", "next");

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed`);
}

/** A migrated database of `count` generated filings, kept between runs (seeding 100,000 takes a while). */
function database(count: number): string {
  const dir = join(root, "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pages-${count}.db`);
  const fresh = !existsSync(file);
  run([join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], { ...process.env, DATABASE_URL: `file:${file}` });
  if (fresh) {
    const t0 = performance.now();
    bulkInsertFilings({ file, filings: generateFilings({ count, seed: 1 }) });
    console.log(`seeded ${count.toLocaleString("en-US")} filings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

function samplePaths(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
  const insider = one(`SELECT ownerId AS id FROM FilingOwner GROUP BY ownerId ORDER BY COUNT(*) DESC LIMIT 1`);
  const issuer = one(`SELECT issuerId AS id FROM Filing GROUP BY issuerId ORDER BY COUNT(*) DESC LIMIT 1`);
  const filing = one(`SELECT filingId AS id FROM DerivativeRow ORDER BY filingId DESC LIMIT 1`);
  db.close();
  return [
    "/",
    "/filings",
    "/filings?status=needs_review",
    "/filings?insider=garcia&from=2020-01-01",
    `/filings/${filing}`,
    "/insiders",
    "/insiders?q=janzen",
    `/insiders/${insider}`,
    "/issuers",
    `/issuers/${issuer}`,
    "/grants",
    "/grants?code=A&sort=transactionDate&dir=desc",
    "/grants?page=50",
    "/grants?sort=issuer&dir=asc",
    "/grants?sort=insider&dir=asc",
    "/grants?vesting=unvested",
  ];
}

async function serve(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production" },
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bytes of the last answer per URL: a page that shows fifty rows where the small database has three does more work. */
const sizes = new Map<string, number>();

async function timeGet(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const ms = performance.now() - t0;
  sizes.set(url, body.length);
  return ms;
}

/** Both servers answer the same page in turn, A B A B ..., so the machine's drift falls on both alike. */
async function pairedMedians(urlA: string, urlB: string): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) await Promise.all([timeGet(urlA), timeGet(urlB)]);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await timeGet(urlA));
    b.push(await timeGet(urlB));
  }
  return [median(a), median(b)];
}

async function main() {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) run([join(root, "scripts", "prisma.mjs"), "generate"]), run([next, "build"]);
  const small = database(Number(values.small));
  const large = database(Number(values.large));
  // Paths come from the large database; the small one answers the same routes (a missing id renders "not found").
  const paths = samplePaths(large);
  const smallPaths = samplePaths(small);
  const [serverA, serverB] = await Promise.all([serve(small, 3311), serve(large, 3312)]);
  const a: number[] = [];
  const b: number[] = [];
  const kb: [number, number][] = [];
  try {
    for (let i = 0; i < paths.length; i++) {
      const urls = [`http://127.0.0.1:3311${smallPaths[i]}`, `http://127.0.0.1:3312${paths[i]}`] as const;
      const [x, y] = await pairedMedians(...urls);
      a.push(x);
      b.push(y);
      kb.push([sizes.get(urls[0])! / 1024, sizes.get(urls[1])! / 1024]);
    }
  } finally {
    serverA.kill();
    serverB.kill();
  }
  console.log(`\nserver render, median of ${RUNS} warm requests per page`);
  console.log(`${"page".padEnd(48)} ${values.small!.padStart(8)} ${values.large!.padStart(10)}   ratio   page size (KB)`);
  for (let i = 0; i < paths.length; i++) {
    const flag = b[i] > 200 || b[i] / a[i] > 2 ? "  over target" : "";
    const size = `${kb[i][0].toFixed(0).padStart(5)} ${kb[i][1].toFixed(0).padStart(6)}`;
    console.log(`${paths[i].padEnd(48)} ${a[i].toFixed(1).padStart(6)} ms ${b[i].toFixed(1).padStart(8)} ms   ${(b[i] / a[i]).toFixed(2)}x   ${size}${flag}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
