// A fresh, migrated SQLite database for one test file: a real database, never a mock.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient } from "./client";

/** The path of a fresh copy, for tests that also write through better-sqlite3 (lib/db/bulk-insert.ts). */
export function createTestDbFile(): string {
  const template = process.env.TEST_DB_TEMPLATE;
  if (!template) throw new Error("TEST_DB_TEMPLATE is not set: run tests through vitest (lib/db/test-global-setup.ts)");
  const file = join(mkdtempSync(join(tmpdir(), "form4-db-")), "test.db");
  copyFileSync(template, file);
  return file;
}

export function createTestDb(file = createTestDbFile()) {
  return createPrismaClient(`file:${file}`);
}
