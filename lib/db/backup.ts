/**
 * Backup and restore of the app's SQLite database through SQLite's online backup API, which copies
 * pages under SQLite's own locks: safe beside a running server and with WAL files, unlike a file copy.
 * Plain better-sqlite3 (no Prisma, no "server-only"), so the command lines in scripts/ can use it.
 */
import Database from "better-sqlite3";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

/** A refusal whose message names the file and the reason, and says what was left as it was. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  filings: number;
}

/** The copy of the database as it was before a restore; it may be the damaged database being replaced. */
export interface UndoCopy {
  file: string;
  bytes: number;
  /** Null when the copy fails the checks, with `problem` saying why. */
  filings: number | null;
  problem: string | null;
}

export interface RestoreResult extends BackupResult {
  /** Null when there was no database to replace. */
  undo: UndoCopy | null;
}

/** Tables every database of this app holds, whatever its migration. */
const APP_TABLES = ["_prisma_migrations", "Filing"];

/**
 * Pages per backup step. Between steps SQLite drops its read lock, and a write from another
 * connection then restarts the copy from the first page: under steady uploads a copy in small
 * steps starts over and over. One step reads the whole file in one transaction, so the copy is
 * the database at one moment (in WAL mode writers go on meanwhile; otherwise they wait for it).
 */
const ALL_PAGES = 0x7fffffff;

/** The file a `file:` DATABASE_URL names, resolved as the app's driver resolves it: against the working directory. */
export function databaseFile(url: string): string {
  if (!url.startsWith("file:")) throw new BackupError(`DATABASE_URL ${url} is not a file: URL; only a SQLite file can be backed up`);
  return resolve(url.slice("file:".length));
}

/** data/app.db -> data/backups/app-20261204T101500Z.db (UTC, so backups sort by time). */
export function defaultBackupFile(database: string, now = new Date(), suffix = ""): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const name = basename(database, extname(database));
  return join(dirname(database), "backups", `${name}-${stamp}${suffix}.db`);
}

export async function backupDatabase(from: string, to: string): Promise<BackupResult> {
  if (!existsSync(from)) throw new BackupError(`${from} does not exist: there is no database to back up`);
  const unreadable = await copyDatabase(from, to);
  if (unreadable) throw new BackupError(`${from} ${unreadable}; no backup was written`);
  const found = inspect(to);
  if ("problem" in found) {
    rmSync(to, { force: true });
    throw new BackupError(`${from} ${found.problem}; no backup was written`);
  }
  return { file: to, bytes: statSync(to).size, filings: found.filings };
}

/**
 * Writes a backup into the database at `to`, after copying what `to` holds now to `undoTo`.
 * The copy of the current database is kept even when it fails the checks: a damaged database
 * is the usual reason to restore, and must not stand in the way.
 */
export async function restoreDatabase(
  from: string,
  to: string,
  { undoTo = defaultBackupFile(to, new Date(), "-before-restore") }: { undoTo?: string } = {},
): Promise<RestoreResult> {
  if (!existsSync(from)) throw new BackupError(`${from} does not exist: there is no backup to restore`);
  if (existsSync(to) && sameFile(from, to)) throw new BackupError(`${from} is the database itself; nothing to restore`);
  const found = inspect(from);
  if ("problem" in found) throw new BackupError(`${from} ${found.problem}; the database was not changed`);

  let undo: UndoCopy | null = null;
  if (existsSync(to)) {
    const unreadable = await copyDatabase(to, undoTo);
    if (unreadable) throw new BackupError(`${to} ${unreadable}, so no copy of it could be kept; move it aside to restore in its place`);
    const before = inspect(undoTo);
    undo = {
      file: undoTo,
      bytes: statSync(undoTo).size,
      filings: "problem" in before ? null : before.filings,
      problem: "problem" in before ? before.problem : null,
    };
  }

  mkdirSync(dirname(to), { recursive: true });
  // Written into the database through SQLite, in one write transaction: a failure or a crash
  // leaves it as it was, and a WAL file beside it is taken into account rather than left stale.
  const source = openReadOnly(from);
  try {
    await source.backup(to, { progress: () => ALL_PAGES });
  } catch (err) {
    if (!(err instanceof Database.SqliteError)) throw err;
    const kept = undo ? ` (its copy at ${undo.file} is kept all the same)` : "";
    throw new BackupError(`${to} could not be written (SQLite: ${err.message}); the database was not changed${kept}`);
  } finally {
    source.close();
  }
  const after = inspect(to);
  if ("problem" in after) {
    throw new Error(`${to} ${after.problem} after restoring ${from}${undo ? `; the database before it is at ${undo.file}` : ""}`);
  }
  return { file: to, bytes: statSync(to).size, filings: after.filings, undo };
}

/** 1234567 -> "1.2 MB", for the command lines' one-line reports. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Copies `from` into a new file `to`, never over an existing one (also not one made between a
 * check and the copy). Returns why `from` could not be read as a database, having removed `to`.
 */
async function copyDatabase(from: string, to: string): Promise<string | null> {
  mkdirSync(dirname(to), { recursive: true });
  try {
    closeSync(openSync(to, "wx"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") throw new BackupError(`${to} exists already; a backup never overwrites a file`);
    throw err;
  }
  try {
    const source = openReadOnly(from);
    try {
      await source.backup(to, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    // The copy carries the source's journal mode; in WAL mode even reading it leaves -wal and -shm
    // files beside it, and a backup should be one file that can be moved on its own.
    const copy = new Database(to, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    return null;
  } catch (err) {
    rmSync(to, { force: true });
    const problem = sqliteProblem(err);
    if (problem) return problem;
    throw err;
  }
}

function sameFile(a: string, b: string) {
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

function openReadOnly(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Whether a file is a sound SQLite database of this app, and how many filings it holds. */
function inspect(file: string): { filings: number } | { problem: string } {
  // SQLite takes an empty file for an empty database; for a backup it is a failed copy.
  if (statSync(file).size === 0) return { problem: "is empty, not a database" };
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file);
    const report = db.pragma("integrity_check") as { integrity_check: string }[];
    if (report.length !== 1 || report[0].integrity_check !== "ok") {
      return { problem: `fails SQLite's integrity check (${report.slice(0, 3).map((r) => r.integrity_check).join("; ")})` };
    }
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const missing = APP_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) return { problem: `is a SQLite database but not this app's: it has no ${missing.join(" or ")} table` };
    return { filings: db.prepare(`SELECT count(*) FROM Filing`).pluck().get() as number };
  } catch (err) {
    const problem = sqliteProblem(err);
    if (problem) return { problem };
    throw err;
  } finally {
    db?.close();
  }
}

function sqliteProblem(err: unknown): string | null {
  if (!(err instanceof Database.SqliteError)) return null;
  if (err.code === "SQLITE_NOTADB") return "is not a SQLite database";
  if (err.code.startsWith("SQLITE_CORRUPT")) return `is damaged (SQLite: ${err.message})`;
  return null;
}
