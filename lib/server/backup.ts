import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "@/lib/database-url";

const execFileAsync = promisify(execFile);

/**
 * Writes a consistent snapshot of the database that DATABASE_URL names while the app keeps
 * running: SQLite's `VACUUM INTO`, which reads inside one transaction (under WAL, writers go on
 * and the copy is one committed state; the online backup API would restart on every write and
 * never finish under steady load), or pg_dump's single-transaction snapshot.
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
  const source = new Database(target.filePath, { fileMustExist: true, timeout: 10_000 });
  try {
    source.prepare("VACUUM INTO ?").run(out);
  } finally {
    source.close();
  }
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
