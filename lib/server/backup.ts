import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "@/lib/database-url";

const execFileAsync = promisify(execFile);

// `VACUUM INTO` is one synchronous call that lasts as long as the copy; on the caller's thread it
// would stop that process's event loop (every request and every write of an app instance) until
// it ends. On a worker thread, with its own connection, writers go on while it reads.
const VACUUM_INTO_WORKER = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
let source;
try {
  source = new Database(workerData.from, { fileMustExist: true, timeout: workerData.timeout });
  source.prepare("VACUUM INTO ?").run(workerData.to);
} catch (error) {
  // A SqliteError reaches the parent thread as a bare object holding only its code; a plain
  // Error keeps the message.
  throw new Error(error.code ? error.message + " (" + error.code + ")" : error.message);
} finally {
  source?.close();
}
`;

function vacuumInto(from: string, to: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  return new Promise((resolve, reject) => {
    const worker = new Worker(VACUUM_INTO_WORKER, { eval: true, workerData: { driver, from, to, timeout: 10_000 } });
    let failure: unknown;
    worker.once("error", (error) => (failure = error));
    worker.once("exit", (code) =>
      failure || code !== 0 ? reject(failure ?? new Error(`VACUUM INTO stopped with code ${code}`)) : resolve(),
    );
  });
}

/**
 * Writes a consistent snapshot of the database that DATABASE_URL names while the app keeps
 * running: SQLite's `VACUUM INTO` on a worker thread, which reads inside one transaction (under
 * WAL, writers go on and the copy is one committed state; the online backup API would restart on
 * every write and never finish under steady load), or pg_dump's single-transaction snapshot.
 */
export async function backupDatabase(file: string): Promise<{ kind: "sqlite" | "postgresql"; bytes: number }> {
  const target = resolveDatabaseTarget();
  const out = path.resolve(file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  if (target.kind === "postgresql") {
    await execFileAsync("pg_dump", [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--file=${out}`,
      `--dbname=${target.url}`,
    ]);
    return { kind: "postgresql", bytes: fs.statSync(out).size };
  }
  fs.rmSync(out, { force: true });
  await vacuumInto(target.filePath, out);
  return { kind: "sqlite", bytes: fs.statSync(out).size };
}

/**
 * Restores a snapshot into the database that DATABASE_URL names, replacing what is there.
 * Stop the app first: a running instance would keep writing to what is being replaced.
 */
export async function restoreDatabase(file: string): Promise<void> {
  const target = resolveDatabaseTarget();
  const from = path.resolve(file);
  if (!fs.existsSync(from)) throw new Error(`No backup at ${from}`);
  if (target.kind === "postgresql") {
    await execFileAsync("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      `--dbname=${target.url}`,
      from,
    ]);
    return;
  }
  const backup = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup fails SQLite's integrity check: ${String(check)}`);
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    // The backup API writes the whole target, WAL included, as one step.
    await backup.backup(target.filePath);
  } finally {
    backup.close();
  }
}
