// `npm run db:backup [-- <file>]`: a copy of the database DATABASE_URL names, safe while the server runs.
// By default into backups/ beside the database, named by the time; never over an existing file.
import { resolve } from "node:path";
import { BackupError, backupDatabase, databaseFile, defaultBackupFile, formatBytes } from "../lib/db/backup";

async function main(args: string[]): Promise<number> {
  if (args.length > 1) {
    process.stderr.write("usage: npm run db:backup [-- <file>]\n");
    return 1;
  }
  const database = databaseFile(process.env.DATABASE_URL ?? "file:./data/app.db");
  const target = args[0] ? resolve(args[0]) : defaultBackupFile(database);
  const { file, bytes, filings } = await backupDatabase(database, target);
  process.stdout.write(`backed up ${database} to ${file} (${formatBytes(bytes)}, ${filings.toLocaleString("en-US")} filings)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    const reason = err instanceof BackupError ? err.message : `failed: ${(err as Error).message ?? err}`;
    process.stderr.write(`db:backup: ${reason}\n`);
    process.exitCode = 1;
  },
);
