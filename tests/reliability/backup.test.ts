import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { backupDatabase, restoreDatabase } from "@/lib/server/backup";
import { disconnectDb, getDb } from "@/lib/server/db";
import { updateGrievance } from "@/lib/server/grievances";
import { seedDatabase } from "@/lib/server/seed";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { makeGrievance } from "../support/factories";

type HistoryRow = { id: string; grievanceId: string; fromStatus: string | null; toStatus: string; reason: string };
const checksum = (rows: HistoryRow[]) => createHash("sha256").update(JSON.stringify(rows)).digest("hex");

async function fingerprint() {
  const db = await getDb();
  const rows: HistoryRow[] = await db.grievanceStatusChange.findMany({
    orderBy: { id: "asc" },
    select: { id: true, grievanceId: true, fromStatus: true, toStatus: true, reason: true },
  });
  const [grievances, meetings, agenda] = await Promise.all([
    db.grievance.count(),
    db.meeting.count(),
    db.agendaItem.count(),
  ]);
  return { grievances, meetings, agenda, history: rows.length, checksum: checksum(rows), rows };
}

/** Enough rows that copying the database takes long enough for writes to land meanwhile. */
async function bulk(rows: number) {
  const db = await getDb();
  const padding = "x".repeat(2_000);
  for (let i = 0; i < rows; i += 200) {
    await db.revision.createMany({
      data: Array.from({ length: 200 }, (_, j) => ({
        entity: "source",
        entityId: `padding-${i + j}`,
        action: "EDIT" as const,
        changes: JSON.stringify([{ field: "padding", before: null, after: padding }]),
      })),
    });
  }
}

describe("backups", () => {
  it("takes a point-in-time snapshot while writes go on, and restores it exactly", async () => {
    await seedDatabase();
    await bulk(2_000);
    const g = await makeGrievance();
    const initialVersion = g.version;
    let version = g.version;
    let writing = true;
    // When each write committed (its index is the "load N" reason it wrote).
    const committedAt: number[] = [];
    // A writer keeps committing status changes on the app's connection while the backup runs.
    const load = (async () => {
      for (let i = 0; writing; i++) {
        // The app's driver answers synchronously, so yield or this loop would starve every timer.
        await new Promise((resolve) => setImmediate(resolve));
        const moved = await updateGrievance(SYSTEM, g.id, {
          status: i % 2 ? "OPEN" : "STALLED",
          reason: `load ${i}`,
          version,
        });
        version = moved.version;
        committedAt.push(performance.now());
      }
    })();
    while (committedAt.length < 5) await new Promise((r) => setTimeout(r, 5));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bc-backup-")), "snapshot");
    const started = performance.now();
    const before = committedAt.length;
    const made = await backupDatabase(file);
    const ended = performance.now();
    const byEnd = committedAt.length;
    writing = false;
    await load;

    // It says what it wrote: which kind of snapshot (pg_dump's archive or a SQLite file) and its size.
    expect(made).toEqual({ kind: resolveDatabaseTarget().kind, bytes: fs.statSync(file).size });

    // Writes went on while the backup ran: it does not hold the writers' process or lock.
    const during = committedAt.filter((t) => t > started && t < ended).length;
    expect(during, `writes committed during a ${Math.round(ended - started)} ms backup`).toBeGreaterThan(0);

    if (resolveDatabaseTarget().kind === "sqlite") {
      const snapshot = new Database(file, { readonly: true });
      expect(snapshot.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(snapshot.pragma("foreign_key_check")).toEqual([]);
      snapshot.close();
    }

    const live = await fingerprint();
    const target = resolveDatabaseTarget();
    await disconnectDb();
    process.env.DATABASE_URL = target.kind === "sqlite" ? `file:${target.filePath}.restored` : target.url;
    await restoreDatabase(file);
    const restored = await fingerprint();
    expect(restored.grievances).toBe(live.grievances);
    expect(restored.meetings).toBe(live.meetings);
    expect(restored.agenda).toBe(live.agenda);

    // One committed state from inside the backup's window: the loaded grievance's moves in the
    // snapshot are exactly the first k the writer made, with every write before the backup began
    // and none after it ended...
    const db = await getDb();
    const loads = restored.rows.filter((r) => r.grievanceId === g.id && r.reason.startsWith("load "));
    const k = loads.length;
    expect(k).toBeGreaterThanOrEqual(before);
    expect(k).toBeLessThanOrEqual(byEnd);
    expect(loads.map((r) => r.reason).sort()).toEqual(Array.from({ length: k }, (_, i) => `load ${i}`).sort());
    // ...and every row agrees with its history: the version counts the moves, the status is the last one.
    const row = await db.grievance.findUniqueOrThrow({ where: { id: g.id }, select: { status: true, version: true } });
    expect(row.version).toBe(initialVersion + k);
    expect(row.status).toBe(k === 0 ? g.status : (k - 1) % 2 ? "OPEN" : "STALLED");
    expect(await db.revision.count({ where: { entity: "grievance", entityId: g.id, action: "CREATE" } })).toBe(1);
    // Every history row in the snapshot is exactly the row the live database holds.
    const restoredIds = new Set(restored.rows.map((r) => r.id));
    expect(restored.checksum).toBe(checksum(live.rows.filter((r) => restoredIds.has(r.id))));
    expect(restored.history).toBe(live.history - (committedAt.length - k));

    // Restoring the same snapshot again gives the same state.
    await disconnectDb();
    await restoreDatabase(file);
    expect(await fingerprint()).toEqual(restored);
  }, 120_000);
});

describe.runIf(resolveDatabaseTarget().kind === "sqlite")(
  "backups on SQLite: where they go and what is refused",
  () => {
    const appDatabase = process.env.DATABASE_URL;
    const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "bc-backup-"));
    afterEach(async () => {
      await disconnectDb();
      process.env.DATABASE_URL = appDatabase;
    });

    const grievanceCount = async () => (await getDb()).grievance.count();
    /** How many of this process's file descriptors are open on `file` (Linux's /proc). */
    const handlesOn = (file: string) =>
      fs.readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === fs.realpathSync(file);
        } catch {
          return false; // the descriptor readdir itself used, closed by now
        }
      }).length;

    it("writes into folders that do not exist yet, and over an earlier snapshot of the same name", async () => {
      await makeGrievance({ title: "First of two" });
      const live = await grievanceCount();
      const file = path.join(tmp(), "nested", "deeper", "snapshot");
      await backupDatabase(file);
      await makeGrievance({ title: "Second of two" });
      // VACUUM INTO refuses an existing file: the earlier snapshot is replaced, not an error.
      const { kind, bytes } = await backupDatabase(file);
      expect([kind, bytes]).toEqual(["sqlite", fs.statSync(file).size]);
      const snapshot = new Database(file, { readonly: true });
      expect(snapshot.prepare(`SELECT count(*) AS n FROM "Grievance"`).get()).toEqual({ n: live + 1 });
      snapshot.close();

      // Restoring makes the target's folders too.
      const restoredFile = path.join(tmp(), "not", "yet", "restored.db");
      await disconnectDb();
      process.env.DATABASE_URL = `file:${restoredFile}`;
      await restoreDatabase(file);
      expect(await grievanceCount()).toBe(live + 1);
      // The restore let go of the snapshot: it can be moved or deleted at once.
      expect(handlesOn(file)).toBe(0);
    });

    it("a database that is not there cannot be backed up: the worker's error is the answer", async () => {
      const missing = path.join(tmp(), "no-such.db");
      process.env.DATABASE_URL = `file:${missing}`;
      const out = path.join(tmp(), "snapshot");
      await expect(backupDatabase(out)).rejects.toThrow("unable to open database file (SQLITE_CANTOPEN)");
      expect(fs.existsSync(missing)).toBe(false);
      expect(fs.existsSync(out)).toBe(false);
    });

    it("only reads the backup: a snapshot copied mid-write, its hot journal beside it, is refused and left as it was", async () => {
      const live = await grievanceCount();
      // A database file and its rollback journal copied while a transaction had spilled pages into
      // the file: whoever opens the copy for writing rolls the journal back into it.
      const dir = tmp();
      const writing = new Database(path.join(dir, "source.db"));
      writing.pragma("journal_mode = DELETE");
      writing.exec("CREATE TABLE t (a TEXT)");
      const insert = writing.prepare("INSERT INTO t VALUES (?)");
      writing.transaction(() => {
        for (let i = 0; i < 2_000; i++) insert.run(`row ${i} ${"x".repeat(100)}`);
      })();
      writing.pragma("cache_size = 2");
      writing.exec("BEGIN; UPDATE t SET a = 'half-written';");
      const snapshot = path.join(dir, "snapshot");
      fs.copyFileSync(path.join(dir, "source.db"), snapshot);
      fs.copyFileSync(path.join(dir, "source.db-journal"), `${snapshot}-journal`);
      writing.exec("ROLLBACK");
      writing.close();
      const bytes = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
      const before = [bytes(snapshot), bytes(`${snapshot}-journal`)];

      // Opened read-only, SQLite will not roll the journal back, so the restore stops there.
      await expect(restoreDatabase(snapshot)).rejects.toThrow("attempt to write a readonly database");
      expect([bytes(snapshot), bytes(`${snapshot}-journal`)]).toEqual(before);
      await disconnectDb();
      expect(await grievanceCount()).toBe(live);
    });

    it("refuses a missing backup and a corrupt one, and leaves the database as it was", async () => {
      const kept = await makeGrievance({ title: "Kept through refusals" });
      const live = await grievanceCount();
      const missing = path.join(tmp(), "never-written");
      await expect(restoreDatabase(missing)).rejects.toThrow(`No backup at ${missing}`);
      expect(await grievanceCount()).toBe(live);

      // A backup whose pages fail the integrity check: the last page's cells overwritten.
      const corrupt = path.join(tmp(), "corrupt");
      const made = new Database(corrupt);
      made.exec("CREATE TABLE t (a TEXT); CREATE INDEX ti ON t (a);");
      const insert = made.prepare("INSERT INTO t VALUES (?)");
      made.transaction(() => {
        for (let i = 0; i < 3_000; i++) insert.run(`row ${i} ${"x".repeat(50)}`);
      })();
      made.close();
      const pages = fs.statSync(corrupt).size / 4096;
      const fd = fs.openSync(corrupt, "r+");
      fs.writeSync(fd, Buffer.alloc(4096 - 100, 0x41), 0, 4096 - 100, (pages - 1) * 4096 + 100);
      fs.closeSync(fd);
      const refused = restoreDatabase(corrupt);
      await expect(refused).rejects.toThrow(
        /^The backup fails SQLite's integrity check: \*\*\* in database main \*\*\*\nTree /,
      );
      expect(handlesOn(corrupt)).toBe(0);
      await disconnectDb();
      expect(await grievanceCount()).toBe(live);
      expect((await (await getDb()).grievance.findUniqueOrThrow({ where: { id: kept.id } })).title).toBe(
        "Kept through refusals",
      );
    });
  },
);
