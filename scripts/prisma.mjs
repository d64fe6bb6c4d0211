#!/usr/bin/env node
// Runs the Prisma CLI on its WebAssembly engines. Prisma 6.19 still checks for
// native engines at start and would try to download them; these machines reach
// only the npm registry, so point the checks at a stub that is never used.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stub = join(root, "node_modules", ".cache", "prisma-engine-stub.sh");
if (!existsSync(stub)) {
  mkdirSync(dirname(stub), { recursive: true });
  writeFileSync(stub, "#!/bin/sh\nexit 1\n");
  chmodSync(stub, 0o755);
}
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = "file:./data/app.db";
if (process.env.DATABASE_URL.startsWith("file:")) {
  const p = process.env.DATABASE_URL.slice(5);
  mkdirSync(dirname(join(root, p.startsWith("/") ? "" : "", p)), { recursive: true });
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_QUERY_ENGINE_LIBRARY: stub,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = join(root, "node_modules", "prisma", "build", "index.js");
const r = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(r.status ?? 1);
