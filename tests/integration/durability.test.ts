import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { durabilitySettings, getDb } from "@/lib/server/db";

// A committed change must survive a power cut, not only a killed process. tests/system/crash.test.ts
// kills the server with SIGKILL, which leaves every write() in the OS page cache: it passes with
// synchronous=OFF. What a power cut would lose is decided by these settings, so they are read back
// from the app's own connection (the one every query goes through) and checked here.

describe("the app's connection commits durably", () => {
  it.runIf(resolveDatabaseTarget().kind === "sqlite")(
    "SQLite: WAL, synchronous=FULL (the WAL is synced at every commit), foreign keys on, a busy timeout",
    async () => {
      expect(await durabilitySettings()).toEqual({
        kind: "sqlite",
        journalMode: "wal",
        // 2 = FULL. NORMAL (1) in WAL mode syncs only at checkpoints: a power cut loses the last commits.
        synchronous: 2,
        foreignKeys: 1,
        busyTimeoutMs: 10_000,
      });
    },
  );

  it.runIf(resolveDatabaseTarget().kind === "sqlite")(
    "SQLite: a write transaction runs on a connection with the same settings",
    async () => {
      // Every mutation commits inside $transaction; were the adapter to open a second connection
      // for it, that one would run with SQLite's defaults (synchronous=FULL but journal_mode=DELETE
      // and foreign keys off), and the check above would not see it.
      const db = await getDb();
      const inside = await db.$transaction(async (tx) => {
        const read = async (name: string) =>
          Object.values((await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`))[0] ?? {})[0];
        return { journalMode: String(await read("journal_mode")), foreignKeys: Number(await read("foreign_keys")) };
      });
      expect(inside).toEqual({ journalMode: "wal", foreignKeys: 1 });
    },
  );

  it.runIf(resolveDatabaseTarget().kind === "postgresql")(
    "PostgreSQL: a commit waits for the WAL flush (synchronous_commit=on), fsync and full-page writes on",
    async () => {
      // These are the server's settings, not the app's; a server run with fsync=off loses commits
      // in a power cut, and the app must not be tested as durable on one.
      expect(await durabilitySettings()).toEqual({
        kind: "postgresql",
        synchronousCommit: "on",
        fsync: "on",
        fullPageWrites: "on",
      });
    },
  );
});
