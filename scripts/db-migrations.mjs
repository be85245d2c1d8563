#!/usr/bin/env node
// The models are written once, in prisma/schema.prisma (SQLite). Everything for PostgreSQL is
// derived from them, and every migration of both is a diff between two snapshots of the models,
// so no step needs a database (docs/decisions/001-database.md).
//
//   node scripts/db-migrations.mjs new <name>   snapshot the models and write both migrations
//   node scripts/db-migrations.mjs derive       (re)write prisma/postgresql/ from the snapshots
//   node scripts/db-migrations.mjs check        exit 1 when anything derived is out of date
// A migration may carry SQL that Prisma cannot express (triggers), written by hand for each
// database as prisma/snapshots/<name>.sqlite.sql and <name>.postgresql.sql: it is appended.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MODELS = path.join(root, "prisma/schema.prisma");
const SNAPSHOTS = path.join(root, "prisma/snapshots");
const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
const PG_DIR = path.join(root, "prisma/postgresql");
const PG_MIGRATIONS = path.join(PG_DIR, "migrations");
const CLI = path.join(root, "node_modules/prisma/build/index.js");

const HEADER = "// DERIVED from prisma/schema.prisma by scripts/db-migrations.mjs: do not edit.\n";

/** The PostgreSQL form of a SQLite schema: the provider and the client's output change, nothing else. */
export function toPostgresSchema(sqliteSchema) {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"..\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-pg"');
  if (replaced === sqliteSchema || !replaced.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the sqlite provider and output this script rewrites");
  }
  return HEADER + replaced;
}

function snapshotNames() {
  return fs
    .readdirSync(SNAPSHOTS)
    .filter((f) => f.endsWith(".prisma"))
    .map((f) => f.slice(0, -".prisma".length))
    .sort();
}

function diffScript(fromFile, toFile, scratchDir) {
  const env = {
    ...process.env,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    // The JS engine opens the configured adapter even for a diff between two files; a scratch
    // SQLite file serves, since the SQL dialect comes from each file's own provider.
    DATABASE_URL: `file:${path.join(scratchDir, "scratch.db")}`,
  };
  const args = [CLI, "migrate", "diff", "--script", "--to-schema-datamodel", toFile];
  args.push(...(fromFile ? ["--from-schema-datamodel", fromFile] : ["--from-empty"]));
  return execFileSync(process.execPath, args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * What Prisma cannot express (triggers, functions) for one database, written by hand beside the
 * snapshot as prisma/snapshots/<name>.<sqlite|postgresql>.sql and appended to that migration.
 */
function handWritten(name, database) {
  const file = path.join(SNAPSHOTS, `${name}.${database}.sql`);
  if (!fs.existsSync(file)) return "";
  return `\n-- Written by hand: prisma/snapshots/${name}.${database}.sql\n${fs.readFileSync(file, "utf8")}`;
}

/** Every file derived from the snapshots, as path → content. */
export function deriveAll() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bc-derive-"));
  const files = new Map();
  try {
    files.set(path.join(PG_DIR, "schema.prisma"), toPostgresSchema(fs.readFileSync(MODELS, "utf8")));
    files.set(path.join(PG_MIGRATIONS, "migration_lock.toml"), 'provider = "postgresql"\n');
    let previous = null;
    for (const name of snapshotNames()) {
      const sqlite = path.join(SNAPSHOTS, `${name}.prisma`);
      const pgFile = path.join(tmp, `${name}.prisma`);
      fs.writeFileSync(pgFile, toPostgresSchema(fs.readFileSync(sqlite, "utf8")));
      files.set(
        path.join(SQLITE_MIGRATIONS, name, "migration.sql"),
        diffScript(previous?.sqlite, sqlite, tmp) + handWritten(name, "sqlite"),
      );
      files.set(
        path.join(PG_MIGRATIONS, name, "migration.sql"),
        diffScript(previous?.pg, pgFile, tmp) + handWritten(name, "postgresql"),
      );
      previous = { sqlite, pg: pgFile };
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return files;
}

/** What is out of date: a list of human-readable problems, empty when all is derived. */
export function checkDerived() {
  const problems = [];
  const names = snapshotNames();
  const latest = names.at(-1);
  if (
    !latest ||
    fs.readFileSync(path.join(SNAPSHOTS, `${latest}.prisma`), "utf8") !== fs.readFileSync(MODELS, "utf8")
  ) {
    problems.push("prisma/schema.prisma differs from its latest snapshot: run `npm run db:migration -- <name>`");
  }
  const migrationFolders = fs
    .readdirSync(SQLITE_MIGRATIONS)
    .filter((f) => fs.statSync(path.join(SQLITE_MIGRATIONS, f)).isDirectory())
    .sort();
  if (migrationFolders.join() !== names.join())
    problems.push("prisma/migrations and prisma/snapshots name different migrations");
  for (const [file, content] of deriveAll()) {
    const relative = path.relative(root, file);
    if (!fs.existsSync(file)) problems.push(`${relative} is missing: run \`npm run db:derive\``);
    else if (fs.readFileSync(file, "utf8") !== content)
      problems.push(`${relative} is out of date: run \`npm run db:derive\``);
  }
  return problems;
}

function write(files) {
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command, name] = process.argv.slice(2);
  if (command === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Give the migration a name: lower-case letters, digits and _");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    fs.copyFileSync(MODELS, path.join(SNAPSHOTS, `${stamp}_${name}.prisma`));
    write(deriveAll());
    console.log(`Wrote migration ${stamp}_${name} for SQLite and PostgreSQL.`);
  } else if (command === "derive") {
    write(deriveAll());
    console.log("prisma/postgresql/ is derived from the models.");
  } else if (command === "check") {
    const problems = checkDerived();
    for (const p of problems) console.error(`✗ ${p}`);
    if (problems.length) process.exit(1);
    console.log("✓ Migrations and the PostgreSQL schema match the models.");
  } else {
    console.error("Usage: node scripts/db-migrations.mjs new <name> | derive | check");
    process.exit(2);
  }
}
