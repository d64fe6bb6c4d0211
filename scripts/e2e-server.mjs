#!/usr/bin/env node
// Serves a production build on a fresh SQLite file for the end-to-end tests.
import { spawnSync, spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.argv[2] ?? "3100";
const dbDir = join(root, "data", "e2e");
rmSync(dbDir, { recursive: true, force: true });
mkdirSync(dbDir, { recursive: true });
const env = { ...process.env, DATABASE_URL: `file:${join(dbDir, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([join(root, "scripts", "prisma.mjs"), "migrate", "deploy"]);
if (!process.env.E2E_SKIP_BUILD) run([join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
const server = spawn(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env,
  cwd: root,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
