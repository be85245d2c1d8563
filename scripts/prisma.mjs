#!/usr/bin/env node
// Runs the Prisma CLI with DATABASE_URL always set. Without a valid URL of the schema's kind the
// CLI falls back to a native engine and tries to download it, which fails offline
// (docs/decisions/001-database.md). `generate-all` generates both clients, SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

process.env.DATABASE_URL ||= "file:./data/backchannel.db";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
process.env.CHECKPOINT_DISABLE = "1";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");

function prisma(args, env = process.env) {
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
if (args[0] === "generate-all") {
  // The URLs only choose the schema (prisma.config.ts); generating connects to nothing.
  prisma(["generate"], { ...process.env, DATABASE_URL: "file:./data/backchannel.db" });
  prisma(["generate"], { ...process.env, DATABASE_URL: "postgresql://generate@127.0.0.1:5432/generate" });
} else {
  prisma(args);
}
