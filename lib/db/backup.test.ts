import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { BackupError, backupDatabase, databaseFile, defaultBackupFile, restoreDatabase } from "./backup";
import { bulkInsertFilings } from "./bulk-insert";
import { storeFiling } from "./filings";
import { generateFilings } from "./generate";
import { createTestDb, createTestDbFile } from "./test-db";
import { emptyFiling, emptyOwner } from "../parse/types";

// Each test works in its own fresh database's directory; backups and undo copies land beside it.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function freshDb() {
  const file = createTestDbFile();
  dirs.push(dirname(file));
  return file;
}

const countFilings = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM Filing`).pluck().get() as number;
  } finally {
    db.close();
  }
};

/**
 * Another process that inserts filings (copies of the first, with a new sha256) as fast as it can
 * until killed; resolves once its first insert is committed.
 */
function startWriter(file: string) {
  const script = `
    const Database = require(process.env.SQLITE_MODULE);
    const db = new Database(process.env.DB_FILE);
    db.pragma("busy_timeout = 10000");
    const cols = db.prepare("SELECT name FROM pragma_table_info('Filing') WHERE name NOT IN ('id', 'sha256')").pluck().all().map((c) => '"' + c + '"').join(", ");
    const copy = db.prepare("INSERT INTO Filing (" + cols + ", sha256) SELECT " + cols + ", lower(hex(randomblob(32))) FROM Filing ORDER BY id LIMIT 1");
    copy.run();
    process.stdout.write("ready\\n");
    for (;;) copy.run();
  `;
  const child = spawn(process.execPath, ["-e", script], {
    env: { ...process.env, SQLITE_MODULE: createRequire(import.meta.url).resolve("better-sqlite3"), DB_FILE: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the writer exited with ${code} before writing`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  return { ready, stop };
}

function sampleFiling(sha256: string) {
  const f = emptyFiling("edgar-xml");
  f.issuer = { name: "BACKUP TEST CORP", ticker: "BKUP", cik: "0000000101" };
  f.reportingOwners = [{ ...emptyOwner("ROE RICHARD"), cik: "0000000102", isDirector: true }];
  f.periodOfReport = "2025-03-14";
  f.source.sha256 = sha256;
  return f;
}

describe("databaseFile", () => {
  it("resolves a file: URL against the working directory, as the driver does, and refuses any other URL", () => {
    expect(databaseFile("file:./data/app.db")).toBe(join(process.cwd(), "data", "app.db"));
    expect(databaseFile("file:/srv/form4/app.db")).toBe("/srv/form4/app.db");
    expect(() => databaseFile("postgresql://localhost/form4")).toThrow(BackupError);
  });

  it("names a default backup by the database and the UTC time, in backups/ beside it", () => {
    expect(defaultBackupFile("/srv/form4/app.db", new Date("2026-12-04T10:15:00.123Z"))).toBe("/srv/form4/backups/app-20261204T101500Z.db");
  });
});

describe("backupDatabase", () => {
  it("copies filings another connection committed that are still only in the WAL file, into one file on its own", async () => {
    const file = freshDb();
    bulkInsertFilings({ file, filings: generateFilings({ count: 30, seed: 1, tag: "bk-main" }) });
    // While a connection stays open the WAL is not folded into the database file on close.
    const open = new Database(file);
    try {
      expect(open.pragma("journal_mode", { simple: true })).toBe("wal");
      bulkInsertFilings({ file, filings: generateFilings({ count: 20, seed: 2, tag: "bk-wal" }) });
      const fileAlone = join(dirname(file), "file-alone.db");
      copyFileSync(file, fileAlone);
      expect(countFilings(fileAlone)).toBe(30);

      const target = join(dirname(file), "copy.db");
      const result = await backupDatabase(file, target);
      expect(result).toEqual({ file: target, bytes: statSync(target).size, filings: 50 });
      // A backup must be movable alone: no WAL mode, so no -wal or -shm file needed beside it.
      expect(existsSync(`${target}-wal`)).toBe(false);
      const copy = new Database(target, { readonly: true });
      try {
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        copy.close();
      }
    } finally {
      open.close();
    }
  });

  it("finishes while another process writes all the time, with the filings of one moment", async () => {
    const file = freshDb();
    // Large enough that the writer commits many times while the copy runs; its latest commits
    // are only in the WAL file, which a copy of the database file alone would miss.
    bulkInsertFilings({ file, filings: generateFilings({ count: 1500, seed: 3, tag: "bk-busy" }) });
    const writer = startWriter(file);
    try {
      await writer.ready;
      const before = countFilings(file);
      const { filings } = await backupDatabase(file, join(dirname(file), "busy.db"));
      const after = countFilings(file);
      expect(after).toBeGreaterThan(before);
      expect(filings).toBeGreaterThanOrEqual(before);
      expect(filings).toBeLessThanOrEqual(after);
    } finally {
      await writer.stop();
    }
  });

  it("never writes over an existing file, and leaves no file behind for a database of another app", async () => {
    const file = freshDb();
    const existing = join(dirname(file), "existing.db");
    writeFileSync(existing, "keep me");
    await expect(backupDatabase(file, existing)).rejects.toThrow(`${existing} exists already`);
    expect(readFileSync(existing, "utf8")).toBe("keep me");

    const other = join(dirname(file), "other.db");
    new Database(other).exec(`CREATE TABLE recipe (name TEXT)`).close();
    const target = join(dirname(file), "other-copy.db");
    await expect(backupDatabase(other, target)).rejects.toThrow(`${other} is a SQLite database but not this app's`);
    expect(existsSync(target)).toBe(false);
  });
});

describe("restoreDatabase", () => {
  it("brings back a filing deleted after the backup, and keeps the database as it was before the restore", async () => {
    const file = freshDb();
    let db = createTestDb(file);
    const stored = await storeFiling({ filing: sampleFiling("d".repeat(64)), fileName: "roe.xml", rawText: "raw" }, db);
    if (stored.status !== "stored") throw new Error(`the filing was not stored: ${stored.status}`);
    const backup = join(dirname(file), "before-delete.db");
    expect((await backupDatabase(file, backup)).filings).toBe(1);

    await db.filing.delete({ where: { id: stored.filingId } });
    expect(await db.filing.count()).toBe(0);
    await db.$disconnect();

    const undoTo = join(dirname(file), "undo.db");
    const result = await restoreDatabase(backup, file, { undoTo });
    expect(result).toMatchObject({ file, filings: 1, undo: { file: undoTo, filings: 0, problem: null } });

    db = createTestDb(file);
    try {
      const back = await db.filing.findUnique({ where: { id: stored.filingId }, include: { issuer: true, owners: true } });
      expect(back).toMatchObject({ fileName: "roe.xml", rawText: "raw", issuer: { ticker: "BKUP" } });
      expect(back?.owners).toHaveLength(1);
    } finally {
      await db.$disconnect();
    }
    // The undo copy is the database with the filing deleted, itself restorable.
    expect(countFilings(undoTo)).toBe(0);
    expect((await restoreDatabase(undoTo, file, { undoTo: join(dirname(file), "undo-2.db") })).filings).toBe(0);
    expect(countFilings(file)).toBe(0);
  });

  it("writes the undo copy by default into backups/ beside the database, named as from before the restore", async () => {
    const file = freshDb();
    bulkInsertFilings({ file, filings: generateFilings({ count: 3, seed: 4, tag: "bk-undo" }) });
    const backup = join(dirname(file), "three.db");
    await backupDatabase(file, backup);
    bulkInsertFilings({ file, filings: generateFilings({ count: 2, seed: 5, tag: "bk-undo-more" }) });

    const { filings, undo } = await restoreDatabase(backup, file);
    expect(filings).toBe(3);
    expect(undo?.file).toMatch(/\/backups\/test-\d{8}T\d{6}Z-before-restore\.db$/);
    expect(readdirSync(join(dirname(file), "backups"))).toEqual([undo?.file.split("/").pop()]);
    expect(undo).toMatchObject({ filings: 5, bytes: statSync(undo!.file).size });
    expect(countFilings(undo!.file)).toBe(5);
  });

  it("refuses a file that is not a SQLite database, naming it, and changes nothing", async () => {
    const file = freshDb();
    bulkInsertFilings({ file, filings: generateFilings({ count: 2, seed: 6, tag: "bk-junk" }) });
    const bytes = readFileSync(file);
    const junk = join(dirname(file), "notes.txt");
    writeFileSync(junk, "Backups are on the shared drive.\n".repeat(200));

    const undoTo = join(dirname(file), "undo.db");
    await expect(restoreDatabase(junk, file, { undoTo })).rejects.toThrow(
      new BackupError(`${junk} is not a SQLite database; the database was not changed`),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(undoTo)).toBe(false);

    const empty = join(dirname(file), "empty.db");
    writeFileSync(empty, "");
    await expect(restoreDatabase(empty, file, { undoTo })).rejects.toThrow(`${empty} is empty, not a database`);
    expect(existsSync(undoTo)).toBe(false);
  });

  it("refuses a SQLite database of another app, naming the tables it lacks, and changes nothing", async () => {
    const file = freshDb();
    bulkInsertFilings({ file, filings: generateFilings({ count: 2, seed: 7, tag: "bk-other" }) });
    const bytes = readFileSync(file);
    const other = join(dirname(file), "other.db");
    const o = new Database(other);
    o.exec(`CREATE TABLE _prisma_migrations (id TEXT); CREATE TABLE Recipe (name TEXT)`);
    o.close();

    const undoTo = join(dirname(file), "undo.db");
    await expect(restoreDatabase(other, file, { undoTo })).rejects.toThrow(
      new BackupError(`${other} is a SQLite database but not this app's: it has no Filing table; the database was not changed`),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(undoTo)).toBe(false);
  });

  it("refuses to restore the database onto itself", async () => {
    const file = freshDb();
    await expect(restoreDatabase(file, file)).rejects.toThrow(`${file} is the database itself`);
    expect(existsSync(join(dirname(file), "backups"))).toBe(false);
  });
});
