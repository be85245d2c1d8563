import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
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
    await backupDatabase(file);
    const ended = performance.now();
    const byEnd = committedAt.length;
    writing = false;
    await load;

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
