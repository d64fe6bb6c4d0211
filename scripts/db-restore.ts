// `npm run db:restore -- <file>`: puts a backup in place of the database DATABASE_URL names,
// keeping a copy of the database as it was. The server must be stopped first: a change it saved
// after that copy was made would be in neither.
import { resolve } from "node:path";
import { BackupError, databaseFile, formatBytes, restoreDatabase } from "../lib/db/backup";

const count = (n: number) => `${n.toLocaleString("en-US")} filings`;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write("usage: npm run db:restore -- <file>   (stop the server first)\n");
    return 1;
  }
  const database = databaseFile(process.env.DATABASE_URL ?? "file:./data/app.db");
  const { bytes, filings, undo } = await restoreDatabase(resolve(args[0]), database);
  const before = !undo
    ? "there was no database before it"
    : `the database before it is kept at ${undo.file} (${formatBytes(undo.bytes)}, ${undo.filings === null ? undo.problem : count(undo.filings)})`;
  process.stdout.write(
    `restored ${resolve(args[0])} into ${database} (${formatBytes(bytes)}, ${count(filings)}); ${before}; ` +
      `the server should be stopped during a restore: start it again with npm start, which applies any newer migrations\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    const reason = err instanceof BackupError ? err.message : `failed: ${(err as Error).message ?? err}`;
    process.stderr.write(`db:restore: ${reason}\n`);
    process.exitCode = 1;
  },
);
