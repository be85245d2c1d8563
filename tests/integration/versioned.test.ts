import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  deleteGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  grievanceTimelineAt,
  restoreGrievance,
  updateGrievance,
} from "@/lib/server/grievances";
import { getMeetingOrThrow, updateMeeting } from "@/lib/server/meetings";
import { deleteParty, restoreParty } from "@/lib/server/parties";
import { listRevisions } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";
import { expectNothingChanged } from "../support/fingerprint";
import { makeGrievance, makeMeeting, makeParty, makeVenue, userActor } from "../support/factories";

// The core every versioned record shares (lib/server/versioned.ts), through grievances: the
// compare-and-set, the edit that changes nothing, soft delete and restore, and where a dated move
// lands in the timeline.

async function stored(id: string) {
  const db = await getDb();
  const row = await db.grievance.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, deletedAt: true, lastMovedAt: true, updatedAt: true },
  });
  const [history, revisions] = await Promise.all([
    db.grievanceStatusChange.count({ where: { grievanceId: id } }),
    db.revision.count({ where: { entityId: id } }),
  ]);
  return { ...row, history, revisions };
}

describe("a stale save", () => {
  it("is refused with the version it is now at and the record as it stands", async () => {
    const g = await makeGrievance({ title: "Contested" });
    await updateGrievance(SYSTEM, g.id, { version: 1, title: "Contested, first" });
    const before = await stored(g.id);
    const error = await updateGrievance(SYSTEM, g.id, { version: 1, title: "Contested, second" }).catch((e) => e);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message:
        "Someone else changed this grievance first (it is now at version 2); review their change and apply yours again",
      current: { id: g.id, title: "Contested, first", version: 2 },
    });
    expect(await stored(g.id)).toEqual(before);
  });
});

describe("an edit that changes nothing", () => {
  it("writes nothing: the same title, or the same parties in another order", async () => {
    const [a, b] = [await makeParty(), await makeParty()];
    const g = await makeGrievance({ title: "Unchanged", raisedBy: [a.slug, b.slug] });
    const before = await stored(g.id);
    const same = await updateGrievance(SYSTEM, g.id, { version: 1, title: "Unchanged", raisedBy: [b.slug, a.slug] });
    expect(same.version).toBe(1);
    expect(await stored(g.id)).toEqual(before);
    // One field of several changed is a change: one revision, one version.
    const edited = await updateGrievance(SYSTEM, g.id, { version: 1, title: "Unchanged", description: "Now said" });
    expect(edited).toMatchObject({ version: 2, description: "Now said" });
    expect(await stored(g.id)).toMatchObject({ version: 2, revisions: before.revisions + 1, history: 1 });
  });
});

describe("an edit of the join rows alone", () => {
  it("is a change: another party with no column edited bumps the version and records the parties", async () => {
    const [a, b] = [await makeParty(), await makeParty()];
    const g = await makeGrievance({ raisedBy: [a.slug] });
    const edited = await updateGrievance(SYSTEM, g.id, { version: 1, raisedBy: [b.slug] });
    expect(edited.version).toBe(2);
    const revisions = await listRevisions(SYSTEM, "grievance", g.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "edit"]);
    expect(revisions[1]!.changes).toEqual([{ field: "raisedBy", before: [a.slug], after: [b.slug] }]);
  });
});

describe("an edit that changes nothing, of a record with dates and empty references", () => {
  it("writes nothing when the date and the (absent) venue are given as they are", async () => {
    const m = await makeMeeting({ date: "2025-05-01" });
    const same = await expectNothingChanged(() =>
      updateMeeting(SYSTEM, m.id, { version: m.version, title: m.title, date: "2025-05-01", venue: null }),
    );
    expect(same.version).toBe(m.version);
    // Another date, or a venue where there was none, is a change.
    const venue = await makeVenue();
    const moved = await updateMeeting(SYSTEM, m.id, { version: m.version, date: "2025-05-02" });
    expect(moved).toMatchObject({ version: m.version + 1, date: "2025-05-02T00:00:00.000Z" });
    const held = await updateMeeting(SYSTEM, m.id, { version: moved.version, venue: venue.slug });
    expect(held.version).toBe(m.version + 2);
    expect((await listRevisions(SYSTEM, "meeting", m.id)).map((r) => r.changes.map((c) => c.field))).toEqual([
      ["title", "date", "summary", "participants"],
      ["date"],
      ["venue"],
    ]);
  });
});

describe("a deleted record", () => {
  it("cannot be edited or moved, and is restored as it was, a revision for each real change only", async () => {
    const g = await makeGrievance();
    await deleteGrievance(SYSTEM, g.id);
    const deleted = await stored(g.id);
    expect(deleted.deletedAt).not.toBeNull();
    await expect(updateGrievance(SYSTEM, g.id, { version: 2, title: "Edited while deleted" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance was not found",
    });
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 2, status: "STALLED", reason: "Moved while deleted" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(g.id)).toEqual(deleted);

    // Deleting it again moves the version (a form opened before cannot save) but records nothing new.
    await deleteGrievance(SYSTEM, g.id);
    expect(await stored(g.id)).toMatchObject({ version: 3, revisions: deleted.revisions });
    const restored = await restoreGrievance(SYSTEM, g.id);
    expect(restored).toMatchObject({ deletedAt: null, version: 4, status: "OPEN" });
    await restoreGrievance(SYSTEM, g.id);
    const actions = (await listRevisions(SYSTEM, "grievance", g.id)).map((r) => r.action);
    expect(actions).toEqual(["create", "delete", "restore"]);
  });

  it("deleting or restoring one leaves every other record as it was", async () => {
    const [g, other] = [await makeGrievance(), await makeGrievance()];
    const untouched = await stored(other.id);
    await deleteGrievance(SYSTEM, g.id);
    expect(await stored(other.id)).toEqual(untouched);
    await restoreGrievance(SYSTEM, g.id);
    expect(await stored(other.id)).toEqual(untouched);
  });

  it("its delete and restore revisions carry no field changes", async () => {
    const g = await makeGrievance();
    await deleteGrievance(SYSTEM, g.id);
    await restoreGrievance(SYSTEM, g.id);
    const revisions = await listRevisions(SYSTEM, "grievance", g.id);
    expect(revisions.slice(1).map((r) => [r.action, r.changes])).toEqual([
      ["delete", []],
      ["restore", []],
    ]);
  });

  it("only an admin deletes or restores: an analyst is refused and nothing changes", async () => {
    const g = await makeGrievance();
    const analyst = userActor("analyst");
    const refused = { code: "FORBIDDEN", message: "This needs the admin role or higher" };
    await expectNothingChanged(async () => {
      await expect(deleteGrievance(analyst, g.id)).rejects.toMatchObject(refused);
    });
    const user = await createUser(SYSTEM, {
      email: `admin-${g.id}@example.org`,
      name: "Ada Admin",
      role: "admin",
      password: "a long test password",
    });
    const admin = { kind: "user" as const, ...user, via: "session" as const };
    expect(await deleteGrievance(admin, g.id)).toMatchObject({ version: 2, deletedAt: expect.any(String) });
    await expectNothingChanged(async () => {
      await expect(restoreGrievance(analyst, g.id)).rejects.toMatchObject(refused);
    });
    expect(await restoreGrievance(admin, g.id)).toMatchObject({ version: 3, deletedAt: null });
    const revisions = await listRevisions(SYSTEM, "grievance", g.id);
    expect(revisions.slice(1).map((r) => [r.action, r.actor?.name])).toEqual([
      ["delete", "Ada Admin"],
      ["restore", "Ada Admin"],
    ]);
  });

  it("a party restored is checked as a restore: one its grievance names again comes back", async () => {
    const party = await makeParty();
    const g = await makeGrievance({ raisedBy: [party.slug] });
    await deleteGrievance(SYSTEM, g.id);
    await deleteParty(SYSTEM, party.slug);
    await restoreGrievance(SYSTEM, g.id);
    // Deleting it now would be refused (a live grievance names it); restoring it is not.
    expect(await restoreParty(SYSTEM, party.slug)).toMatchObject({ slug: party.slug, deletedAt: null });
  });

  it("an unknown one cannot be deleted or restored", async () => {
    await expect(deleteGrievance(SYSTEM, "no-such-grievance")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance was not found",
    });
    await expect(restoreGrievance(SYSTEM, "no-such-grievance")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("where a dated move lands", () => {
  it("reads the raising, the status in force, the next later move and the latest status", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "IN_NEGOTIATION",
      reason: "a",
      occurredAt: "2025-02-01",
    });
    await updateGrievance(SYSTEM, g.id, { version: 2, status: "STALLED", reason: "b", occurredAt: "2025-04-01" });
    await updateGrievance(SYSTEM, g.id, { version: 3, status: "RESOLVED", reason: "c", occurredAt: "2025-05-01" });
    const db = await getDb();
    const at = (day: string) => grievanceTimelineAt(db, g.id, new Date(`${day}T00:00:00Z`), "RESOLVED");
    const began = new Date("2025-01-01T00:00:00Z");
    expect(await at("2025-03-01")).toEqual({
      began,
      inForce: "IN_NEGOTIATION",
      next: { to: "STALLED", at: new Date("2025-04-01T00:00:00Z") },
      latest: "RESOLVED",
    });
    // On a move's own date that move is in force (a move typed now sorts after it).
    expect(await at("2025-04-01")).toMatchObject({ inForce: "STALLED", next: { to: "RESOLVED" } });
    expect(await at("2025-06-01")).toEqual({ began, inForce: "RESOLVED", next: null, latest: null });
    // Before the raising nothing is in force: the caller's status stands in.
    expect(await at("2024-12-01")).toEqual({
      began,
      inForce: "RESOLVED",
      next: { to: "OPEN", at: began },
      latest: "RESOLVED",
    });
  });

  it("a move logged late for an earlier day moves from the status then, leaving the later status and date", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "later", occurredAt: "2025-04-01" });
    const late = await updateGrievance(SYSTEM, g.id, {
      version: 2,
      status: "IN_NEGOTIATION",
      reason: "earlier",
      occurredAt: "2025-02-01",
    });
    expect(late).toMatchObject({ status: "STALLED", version: 3, lastMovedAt: "2025-04-01T00:00:00.000Z" });
    const history = await getGrievanceHistory(SYSTEM, g.id);
    expect(history.map((h) => [h.from, h.to, h.occurredAt.slice(0, 10)])).toEqual([
      [null, "OPEN", "2025-01-01"],
      ["OPEN", "IN_NEGOTIATION", "2025-02-01"],
      ["OPEN", "STALLED", "2025-04-01"],
    ]);
    expect((await getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-03-01" })).status).toBe("IN_NEGOTIATION");
  });

  it("a move dated before the raising is refused, naming occurredAt, and changes nothing", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    const before = await stored(g.id);
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "too early", occurredAt: "2024-12-01" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "occurredAt" }] });
    expect(await stored(g.id)).toEqual(before);
  });

  it("moves on the same day are listed in the order they were recorded, among earlier and later ones", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "RESOLVED", reason: "last", occurredAt: "2025-06-01" });
    await updateGrievance(SYSTEM, g.id, {
      version: 2,
      status: "IN_NEGOTIATION",
      reason: "first that day",
      occurredAt: "2025-03-01",
    });
    await updateGrievance(SYSTEM, g.id, {
      version: 3,
      status: "STALLED",
      reason: "second that day",
      occurredAt: "2025-03-01",
    });
    const history = await getGrievanceHistory(SYSTEM, g.id);
    expect(history.map((h) => h.reason)).toEqual(["Raised", "first that day", "second that day", "last"]);
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).history.map((h) => h.reason)).toEqual(
      history.map((h) => h.reason),
    );
  });

  it("a late move landing before two later ones leaves the last one's status", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "b", occurredAt: "2025-04-01" });
    await updateGrievance(SYSTEM, g.id, { version: 2, status: "RESOLVED", reason: "c", occurredAt: "2025-05-01" });
    const late = await updateGrievance(SYSTEM, g.id, {
      version: 3,
      status: "IN_NEGOTIATION",
      reason: "a",
      occurredAt: "2025-02-01",
    });
    expect(late).toMatchObject({ status: "RESOLVED", version: 4, lastMovedAt: "2025-05-01T00:00:00.000Z" });
  });

  it("a move records its history row and no revision, even with the fields given as they were", async () => {
    const g = await makeGrievance({ title: "Moved only" });
    const before = await stored(g.id);
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "bare" });
    await updateGrievance(SYSTEM, g.id, { version: 2, status: "RESOLVED", reason: "with", title: "Moved only" });
    expect(await stored(g.id)).toMatchObject({
      status: "RESOLVED",
      version: 3,
      history: 3,
      revisions: before.revisions,
    });
  });

  it("a meeting, which writes nothing beside its status, moves too", async () => {
    const m = await makeMeeting({ status: "PLANNED", date: "2025-05-01" });
    const held = await updateMeeting(SYSTEM, m.id, { version: m.version, status: "HELD", reason: "It took place" });
    expect(held).toMatchObject({ status: "HELD", version: m.version + 1 });
    expect((await getMeetingOrThrow(SYSTEM, m.id)).history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, "PLANNED", "Logged"],
      ["PLANNED", "HELD", "It took place"],
    ]);
  });

  it("orders entries of one instant by when they were recorded, then by id, wherever they are read", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    const db = await getDb();
    // Written directly, as an import or a backfill may write them: not in the order they read.
    const day = new Date("2025-03-01T00:00:00Z");
    const entry = (id: string, toStatus: "IN_NEGOTIATION" | "STALLED" | "RESOLVED", recordedAt: string) => ({
      id,
      grievanceId: g.id,
      fromStatus: "OPEN" as const,
      toStatus,
      reason: id,
      occurredAt: day,
      recordedAt: new Date(recordedAt),
    });
    for (const row of [
      entry("tie-0", "RESOLVED", "2025-03-02T12:00:00Z"),
      entry("tie-b", "STALLED", "2025-03-02T09:00:00Z"),
      entry("tie-a", "IN_NEGOTIATION", "2025-03-02T09:00:00Z"),
    ]) {
      await db.grievanceStatusChange.create({ data: row });
    }
    const expected = ["Raised", "tie-a", "tie-b", "tie-0"];
    expect((await getGrievanceHistory(SYSTEM, g.id)).map((h) => h.reason)).toEqual(expected);
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).history.map((h) => h.reason)).toEqual(expected);
    // The timeline a move is placed in reads them in the same order.
    expect(await grievanceTimelineAt(db, g.id, new Date("2025-02-01T00:00:00Z"), "OPEN")).toEqual({
      began: new Date("2025-01-01T00:00:00Z"),
      inForce: "OPEN",
      next: { to: "IN_NEGOTIATION", at: day },
      latest: "RESOLVED",
    });
  });
});
