import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
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

describe("backups", () => {
  it("takes a consistent snapshot under write load, and restores it exactly", async () => {
    await seedDatabase();
    const g = await makeGrievance();
    let version = g.version;
    let writing = true;
    // Writers keep committing status changes while the backup runs.
    const load = (async () => {
      let i = 0;
      while (writing) {
        // better-sqlite3 answers synchronously, so yield to timers or this loop would starve them.
        await new Promise((resolve) => setImmediate(resolve));
        const moved = await updateGrievance(SYSTEM, g.id, {
          status: i % 2 ? "OPEN" : "STALLED",
          reason: `load ${i++}`,
          version,
        });
        version = moved.version;
      }
      return i;
    })();
    await new Promise((r) => setTimeout(r, 100));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bc-backup-")), "snapshot");
    await backupDatabase(file);
    writing = false;
    const writes = await load;
    expect(writes).toBeGreaterThan(0);

    // The snapshot is one committed state: restore it into a fresh database and compare with
    // what that state must contain (every row it has is whole; history and status agree).
    const live = await fingerprint();
    const target = resolveDatabaseTarget();
    await disconnectDb();
    const restoredUrl = target.kind === "sqlite" ? `file:${target.filePath}.restored` : target.url;
    process.env.DATABASE_URL = restoredUrl;
    await restoreDatabase(file);
    const restored = await fingerprint();
    expect(restored.grievances).toBe(live.grievances);
    expect(restored.meetings).toBe(live.meetings);
    expect(restored.history).toBeLessThanOrEqual(live.history);
    expect(restored.history).toBeGreaterThan(0);
    // Every history row in the snapshot is exactly the row the live database holds.
    const restoredIds = new Set(restored.rows.map((r) => r.id));
    expect(restored.checksum).toBe(checksum(live.rows.filter((r) => restoredIds.has(r.id))));
    const db = await getDb();
    const row = await db.grievance.findUniqueOrThrow({ where: { id: g.id }, select: { status: true, version: true } });
    const last = await db.grievanceStatusChange.findFirstOrThrow({
      where: { grievanceId: g.id },
      orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
    });
    expect(last.toStatus).toBe(row.status);
    // Restoring the same snapshot again gives the same checksum.
    await disconnectDb();
    await restoreDatabase(file);
    expect(await fingerprint()).toEqual(restored);
    if (target.kind === "sqlite") {
      const integrity = await db
        .$queryRawUnsafe<Array<{ integrity_check: string }>>("PRAGMA integrity_check")
        .catch(() => null);
      expect(integrity === null || integrity[0]?.integrity_check === "ok").toBe(true);
    }
  });
});
