// Vitest global setup: migrates one template SQLite file per test run; each test file copies it (see test-db.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), "form4-test-db-"));
  const template = join(dir, "template.db");
  const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`migrating the test database failed:\n${r.stdout}\n${r.stderr}`);
  process.env.TEST_DB_TEMPLATE = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
