import { afterAll, afterEach, inject, vi } from "vitest";
import { createTestDatabase } from "./test-database";

// Every test file gets its own copy of the migrated template, so files run in parallel without
// sharing rows; the app's connection opens lazily on the first query (lib/server/db.ts).
const database = await createTestDatabase(inject("testRunId"));
process.env.DATABASE_URL = database.url;

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
  await database.drop();
});
