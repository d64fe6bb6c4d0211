// A fresh, migrated SQLite database for one test file: a real database, never a mock.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient } from "./client";

export function createTestDb() {
  const template = process.env.TEST_DB_TEMPLATE;
  if (!template) throw new Error("TEST_DB_TEMPLATE is not set: run tests through vitest (lib/db/test-global-setup.ts)");
  const file = join(mkdtempSync(join(tmpdir(), "form4-db-")), "test.db");
  copyFileSync(template, file);
  return createPrismaClient(`file:${file}`);
}
