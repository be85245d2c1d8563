import pg from "pg";
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import type { BulkStatusReport } from "@/lib/schemas/bulk-status";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";
import { getDb } from "@/lib/server/db";
import { applyGrievanceChange, getGrievanceOrThrow } from "@/lib/server/grievances";
import { mutate } from "@/lib/server/mutation";
import { createUser } from "@/lib/server/users";
import { momentLabel } from "@/lib/status-rules";
import { makeGrievance, makeParty } from "../support/factories";

// On PostgreSQL (several app instances, READ COMMITTED) another writer can commit between the bulk
// change's read of its selection and its write to a row; on SQLite the one write lock rules that
// out. Made deterministic here: a second transaction holds the first grievance's row lock, so the
// bulk change waits at that row's compare-and-set; meanwhile it has moved the third grievance and
// deleted the second, and commits only once the bulk change is seen waiting. The bulk change then
// meets the deleted row and the moved one in its own transaction (bulk-status.ts's catch), reports
// both, and applies nothing.

const onPostgres = () => resolveDatabaseTarget().kind === "postgresql";

async function person(name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@example.org`;
  const user = await createUser(SYSTEM, { email, name, role: "analyst", password: "a long test password" });
  return { kind: "user", ...user, via: "session" };
}

/** Resolves once some connection to this database waits on a row lock (the bulk change at row one). */
async function someoneWaitsOnALock(): Promise<void> {
  const client = new pg.Client({ connectionString: resolveDatabaseTarget().url });
  await client.connect();
  try {
    for (let tries = 0; tries < 400; tries++) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND state = 'active'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the bulk change never waited on the held row lock");
  } finally {
    await client.end();
  }
}

describe.runIf(onPostgres())("a bulk change racing another writer", () => {
  it("reports a row moved and a row deleted after its read, in its own transaction, and applies nothing", async () => {
    const party = await makeParty();
    const [first, second, third] = [
      await makeGrievance({ title: "Alpha visas", raisedBy: [party.slug] }),
      await makeGrievance({ title: "Bravo banking", raisedBy: [party.slug] }),
      await makeGrievance({ title: "Charlie flights", raisedBy: [party.slug] }),
    ];
    const [ana, bea] = [await person("Ana Analyst"), await person("Bea Other")];
    const db = await getDb();

    let holdersReady!: () => void;
    const locked = new Promise<void>((resolve) => (holdersReady = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const movedAt = new Date("2025-05-02T00:00:00.000Z");
    const other = mutate(SYSTEM, { permission: "write" }, async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Grievance" WHERE id = ${first.id} FOR UPDATE`;
      await tx.$executeRaw`UPDATE "Grievance" SET "deletedAt" = now(), version = version + 1 WHERE id = ${second.id}`;
      await applyGrievanceChange(
        tx,
        third.id,
        third.version,
        { move: { status: "RESOLVED", reason: "Settled by phone" } },
        movedAt,
        bea,
      );
      holdersReady();
      await released;
    });
    await locked;

    const bulk = changeGrievanceStatuses(ana, {
      ids: [first.id, second.id, third.id],
      status: "STALLED",
      reason: "No reply",
      versions: { [first.id]: first.version, [second.id]: second.version, [third.id]: third.version },
    }).then(
      () => null,
      (e: unknown) => e as AppError & { current: BulkStatusReport },
    );
    await someoneWaitsOnALock();
    release();
    await other;
    const error = await bulk;

    expect(error).toMatchObject({
      code: "CONFLICT",
      message:
        "1 of 3 grievances changed since you saw them, so nothing was applied. Review their changes, then drop them or apply again at their new versions.",
    });
    expect(error!.issues).toEqual([
      { path: "ids.1", message: "No such grievance" },
      { path: `versions.${third.id}`, message: "Charlie flights: changed since you saw it" },
    ]);
    const [ready, missing, stale] = error!.current.items;
    expect(ready).toMatchObject({ id: first.id, result: "ready", version: first.version });
    // Read as it was when the selection was taken: its title and version, unlike an id never found.
    expect(missing).toEqual({
      id: second.id,
      title: "Bravo banking",
      result: "missing",
      message: "No such grievance",
      status: "OPEN",
      version: second.version,
      seenVersion: second.version,
    });
    // Re-read inside the transaction after the conflict: the version and status the other writer left,
    // and when that move was recorded (typed), which is what "changed since" is about.
    const recorded = new Date(stale!.changedAt!);
    expect(stale).toEqual({
      id: third.id,
      title: "Charlie flights",
      result: "stale",
      message: `It is at version ${third.version + 1}; you saw version ${third.version}. Bea Other moved it from Open to Resolved ("Settled by phone") on ${momentLabel(recorded)}.`,
      status: "RESOLVED",
      version: third.version + 1,
      seenVersion: third.version,
      changedBy: { name: "Bea Other", email: "bea-other@example.org" },
      changedAt: recorded.toISOString(),
    });

    // Nothing the bulk change did stands: the first grievance, which it had moved, is as it was.
    const after = await getGrievanceOrThrow(SYSTEM, first.id);
    expect([after.status, after.version, after.history.length]).toEqual(["OPEN", first.version, first.history.length]);
    expect(await db.grievanceStatusChange.count({ where: { actorId: ana.kind === "user" ? ana.id : "" } })).toBe(0);
  });
});
