import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, vi } from "vitest";

// Every test file gets its own copy of the migrated template, so files run in parallel without
// sharing rows; the connection opens lazily on the first query (lib/server/db.ts).
const template = path.resolve("data/test/template.db");
const file = path.resolve(`data/test/${process.pid}-${Math.random().toString(36).slice(2)}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;

// An unexpected console.error fails the test that caused it (house style).
const consoleError = vi.spyOn(console, "error");
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockClear();
  if (calls.length) throw new Error(`console.error was called: ${calls.map((c) => String(c[0])).join("; ")}`);
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/server/db");
  await disconnectDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
