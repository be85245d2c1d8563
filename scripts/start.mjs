#!/usr/bin/env node
// `npm start`: everything a new user needs, in order, with no .env and no other step:
// migrate the database, seed it when empty, build when there is no build of the current code,
// then serve. `npm run dev` does the same but serves in development mode and never builds. Both
// serve through scripts/serve.mjs, which tells the app the client's real address.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const dev = process.argv.includes("--dev");
process.env.DATABASE_URL ||= "file:./data/backchannel.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";

function run(label, args, env = process.env) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// What a production build depends on. A change to any of these makes `npm start` rebuild.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const IGNORED = new Set(["node_modules", "generated", ".next"]);

function hashBuildInputs() {
  const hash = createHash("sha256");
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) {
        if (!IGNORED.has(name) && !name.endsWith(".test.ts")) visit(path.join(entry, name));
      }
    } else {
      hash.update(entry).update("\0").update(fs.readFileSync(entry)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** The SQLite file DATABASE_URL names (read as lib/database-url.ts reads it), or null on PostgreSQL. */
function sqliteFile(url) {
  if (!url.startsWith("file:")) return null;
  const rest = url.slice("file:".length).split("?")[0] ?? "";
  return path.isAbsolute(rest) ? rest : path.resolve(rest);
}

/**
 * Whether the file lacks a migration that prisma/migrations holds. Read-only, so it works while
 * another instance serves from the file: Prisma's migrate deploy does not (on a file another
 * process holds open it fails with "unknown variant `SocketTimeout`", Prisma's garbled report of
 * SQLITE_BUSY), so a second instance of the same version skips it when there is nothing to apply.
 */
function migrationsPending(file) {
  if (!fs.existsSync(file)) return true;
  const wanted = fs
    .readdirSync(path.join("prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return true;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .pluck()
        .all(),
    );
    return wanted.some((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/** Other processes that hold `file` (or its WAL) open, from /proc (Linux; elsewhere none are found). */
function processesHolding(file) {
  const names = new Set([file, `${file}-wal`, `${file}-shm`]);
  const holders = [];
  let entries = [];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid);
  } catch {
    return holders;
  }
  for (const pid of entries) {
    try {
      const open = fs.readdirSync(`/proc/${pid}/fd`).some((fd) => names.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`)));
      if (open) holders.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return holders;
}

const databaseFile = sqliteFile(process.env.DATABASE_URL);
if (databaseFile && !migrationsPending(databaseFile)) {
  console.log("✓ Database is up to date (no migration to apply)");
} else {
  const holders = databaseFile ? processesHolding(databaseFile) : [];
  if (holders.length) {
    console.error(
      `\n✗ The database ${path.relative(process.cwd(), databaseFile)} is in use by another Backchannel ` +
        `(pid ${holders.join(", ")}), and this version must migrate it first. Stop that one, then start again.`,
    );
    process.exit(1);
  }
  run("Database migrated", ["scripts/prisma.mjs", "migrate", "deploy"]);
}
run("Seed checked", ["scripts/run-ts.mjs", "scripts/seed.ts"]);

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
if (!dev) {
  const stampFile = path.join(distDir, "backchannel-build-inputs.sha256");
  const wanted = hashBuildInputs();
  const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (built !== wanted || !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log("Building the app (first start, or the code changed since the last build)…");
    run("Built", [nextBin, "build"]);
    // Hashed again after the build: a build into a new NEXT_DIST_DIR adds that folder to
    // tsconfig.json's include, which would make the next start rebuild what was just built.
    fs.writeFileSync(stampFile, hashBuildInputs());
  } else {
    console.log("✓ Build is up to date");
  }
}

// One server process unless BACKCHANNEL_WORKERS says more (scripts/serve.mjs): the memory
// budget (300 MiB peak for the whole server, docs/performance.md) is what one process already
// reaches under load at 20,000 grievances, so a second would double it; see the measurements there.
process.env.BACKCHANNEL_WORKERS ||= "1";
process.env.PORT = port;
console.log(
  `Backchannel on http://localhost:${port} (database: ${process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`,
);
// Served from this very process (the steps above ran as children): a launcher left waiting on a
// child server added its own ~45 MiB to the server's memory, and a signal had to be passed on.
await import("./serve.mjs");
