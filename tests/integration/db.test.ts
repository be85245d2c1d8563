import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { disconnectDb, getDb, onQuery, type SentQuery } from "@/lib/server/db";

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

  it("closing it closes its connections to the database", async () => {
    const target = resolveDatabaseTarget();
    // What stays open, seen from outside the client: on SQLite the write-ahead log, which the last
    // connection to close checkpoints and removes; on PostgreSQL the server's sessions on this database.
    const open = async () => {
      if (target.kind === "sqlite") return fs.existsSync(`${target.filePath}-wal`) ? 1 : 0;
      const outside = new pg.Client({ connectionString: target.url });
      await outside.connect();
      try {
        const { rows } = await outside.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
        return rows[0]!.n;
      } finally {
        await outside.end();
      }
    };
    const db = await getDb();
    await db.grievance.count();
    expect(await open()).toBeGreaterThan(0);
    await disconnectDb();
    // A PostgreSQL backend leaves pg_stat_activity a moment after its client hangs up.
    for (let tries = 0; tries < 50 && (await open()) > 0; tries++) await new Promise((r) => setTimeout(r, 100));
    expect(await open()).toBe(0);
  });

  it("emits the statements it sends only with BACKCHANNEL_QUERY_EVENTS=1", async () => {
    const events = process.env.BACKCHANNEL_QUERY_EVENTS;
    const sent = async (setting: string | undefined) => {
      await disconnectDb();
      if (setting === undefined) delete process.env.BACKCHANNEL_QUERY_EVENTS;
      else process.env.BACKCHANNEL_QUERY_EVENTS = setting;
      const seen: SentQuery[] = [];
      await onQuery((q) => seen.push(q));
      await (await getDb()).$queryRawUnsafe("SELECT 42 AS answer");
      return seen.filter((q) => q.query.includes("42")).length;
    };
    try {
      expect(await sent(undefined)).toBe(0);
      expect(await sent("0")).toBe(0);
      expect(await sent("1")).toBe(1);
    } finally {
      if (events === undefined) delete process.env.BACKCHANNEL_QUERY_EVENTS;
      else process.env.BACKCHANNEL_QUERY_EVENTS = events;
    }
  });

  it.runIf(resolveDatabaseTarget().kind === "sqlite")(
    "on SQLite, a transaction holds the write lock from its BEGIN, before it writes anything",
    async () => {
      const target = resolveDatabaseTarget();
      const db = await getDb();
      await db.grievance.count();
      // Another process's connection, which gives up at once instead of waiting for the lock.
      const other = new Database(target.kind === "sqlite" ? target.filePath : "", { timeout: 0 });
      const tryLock = () => {
        try {
          other.exec("BEGIN IMMEDIATE");
          other.exec("ROLLBACK");
          return "free";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      try {
        // Only a read inside: a deferred BEGIN would have taken no write lock yet.
        const during = await db.$transaction(async (tx) => {
          await tx.grievance.count();
          return tryLock();
        });
        expect(during).toBe("SQLITE_BUSY");
        expect(tryLock()).toBe("free");
      } finally {
        other.close();
      }
    },
  );

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
