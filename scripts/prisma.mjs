#!/usr/bin/env node
// Runs the Prisma CLI with DATABASE_URL always set. Without a valid URL the CLI falls back to a
// native engine and tries to download it, which fails offline (docs/decisions/001-database.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

process.env.DATABASE_URL ||= "file:./data/backchannel.db";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
process.env.CHECKPOINT_DISABLE = "1";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
