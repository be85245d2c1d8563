import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { disconnectDb, getDb } from "@/lib/server/db";

// The app's one client per process (lib/server/db.ts): reused by every caller until closed, and on
// SQLite it makes the database file's folder when it is not there yet (a fresh clone's data/).

const appDatabase = process.env.DATABASE_URL;
afterEach(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = appDatabase;
});

describe("the app's database client", () => {
  it("is one client for every caller, until it is closed; then the next caller gets a new one", async () => {
    const first = await getDb();
    expect(await getDb()).toBe(first);
    await disconnectDb();
    const second = await getDb();
    expect(second).not.toBe(first);
    expect(await second.$queryRawUnsafe<Array<{ one: number | bigint }>>("SELECT 1 AS one")).toEqual([
      { one: expect.anything() },
    ]);
    // Closing twice is harmless: there is nothing left to close.
    await disconnectDb();
    await disconnectDb();
  });

  it.runIf(resolveDatabaseTarget().kind === "sqlite")(
    "on SQLite, opens a database whose folders do not exist yet, with the app's settings",
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bc-db-")), "not", "yet", "app.db");
      await disconnectDb();
      process.env.DATABASE_URL = `file:${file}`;
      const db = await getDb();
      const [mode] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
      expect(mode).toEqual({ journal_mode: "wal" });
      expect(fs.existsSync(file)).toBe(true);
    },
  );
});
