import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import type { BulkStatusReport } from "@/lib/schemas/bulk-status";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";
import { getDb } from "@/lib/server/db";
import {
  deleteGrievance,
  getGrievanceOrThrow,
  listGrievances,
  restoreGrievance,
  updateGrievance,
} from "@/lib/server/grievances";
import { createUser } from "@/lib/server/users";
import { momentLabel } from "@/lib/status-rules";
import { expectNothingChanged } from "../support/fingerprint";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";

// The bulk status change (issue 11): each grievance gets the single change's move, all or none.

const viewer: Actor = { kind: "user", id: "v", name: "V", email: "v@example.org", role: "viewer", via: "token" };

async function analyst(name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const user = await createUser(SYSTEM, { email, name, role: "analyst", password: "a long test password" });
  return { kind: "user", ...user, via: "session" };
}

async function three() {
  const party = await makeParty();
  const made = [];
  for (const title of ["Alpha visas", "Bravo banking", "Charlie flights"]) {
    made.push(await makeGrievance({ title, raisedBy: [party.slug] }));
  }
  return { party, grievances: made };
}

const versionsOf = (gs: ReadonlyArray<{ id: string; version: number }>) =>
  Object.fromEntries(gs.map((g) => [g.id, g.version]));

/** The refusal the call threw, with its report. */
async function refusal(call: Promise<unknown>): Promise<AppError & { current: BulkStatusReport }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the bulk change should have been refused").toBeTruthy();
  return error as AppError & { current: BulkStatusReport };
}

describe("bulk status change", () => {
  it("moves every selected grievance as a single change would: one history row and one version bump each", async () => {
    const { grievances } = await three();
    const meeting = await makeMeeting({ date: "2025-04-10" });
    const ana = await analyst("Ana Analyst");
    const report = await changeGrievanceStatuses(ana, {
      ids: grievances.map((g) => g.id),
      status: "STALLED",
      reason: "No reply to the note",
      meetingId: meeting.id,
      occurredAt: "2025-04-11",
      sourceUrl: "https://example.org/note",
      versions: versionsOf(grievances),
    });
    expect(report).toMatchObject({ applied: true, status: "STALLED", moved: 3 });
    expect(report.items.map((row) => [row.id, row.result, row.status, row.version])).toEqual(
      grievances.map((g) => [g.id, "moved", "STALLED", g.version + 1]),
    );
    for (const g of grievances) {
      const after = await getGrievanceOrThrow(SYSTEM, g.id);
      expect(after.status).toBe("STALLED");
      expect(after.version).toBe(g.version + 1);
      expect(after.lastMovedAt).toBe("2025-04-11T00:00:00.000Z");
      expect(after.history).toHaveLength(g.history.length + 1);
      expect(after.history.at(-1)).toMatchObject({
        from: "OPEN",
        to: "STALLED",
        reason: "No reply to the note",
        meetingId: meeting.id,
        occurredAt: "2025-04-11T00:00:00.000Z",
        source: { url: "https://example.org/note" },
        actor: { name: "Ana Analyst" },
      });
    }
  });

  it("dates the moves at the meeting's day when no date is given", async () => {
    const { grievances } = await three();
    const meeting = await makeMeeting({ date: "2025-03-01" });
    await changeGrievanceStatuses(SYSTEM, {
      ids: [grievances[0]!.id],
      status: "IN_NEGOTIATION",
      reason: "Talks began",
      meetingId: meeting.id,
      versions: versionsOf(grievances),
    });
    const after = await getGrievanceOrThrow(SYSTEM, grievances[0]!.id);
    expect(after.history.at(-1)).toMatchObject({ occurredAt: "2025-03-01T00:00:00.000Z", meetingId: meeting.id });
  });

  it("applies nothing when one grievance changed since it was seen, and the report names it and who changed it", async () => {
    const { grievances } = await three();
    const [a, b, c] = grievances;
    const bea = await analyst("Bea Other");
    await updateGrievance(bea, b!.id, { version: b!.version, status: "RESOLVED", reason: "Settled by phone" });
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          ids: [a!.id, b!.id, c!.id],
          status: "STALLED",
          reason: "No reply",
          versions: versionsOf(grievances),
        }),
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.issues.map((issue) => issue.path)).toEqual([`versions.${b!.id}`]);
    expect(error.current.applied).toBe(false);
    expect(error.current.items.map((row) => [row.id, row.result])).toEqual([
      [a!.id, "ready"],
      [b!.id, "stale"],
      [c!.id, "ready"],
    ]);
    const stale = error.current.items[1]!;
    expect(stale).toMatchObject({
      status: "RESOLVED",
      version: b!.version + 1,
      seenVersion: b!.version,
      changedBy: { name: "Bea Other" },
    });
    expect(stale.changedAt).toEqual(expect.any(String));
    expect(stale.message).toContain("Bea Other moved it from Open to Resolved");
  });

  it("applies nothing when a rule refuses one grievance, and the report says which rule", async () => {
    const { grievances } = await three();
    const [a, b] = grievances;
    const moved = await updateGrievance(SYSTEM, b!.id, { version: b!.version, status: "STALLED", reason: "First" });
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          ids: [a!.id, b!.id],
          status: "STALLED",
          reason: "Again",
          versions: { [a!.id]: a!.version, [b!.id]: moved.version },
        }),
      ),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.current.items.map((row) => [row.id, row.result, row.message])).toEqual([
      [a!.id, "ready", null],
      [b!.id, "refused", "The grievance already has this status"],
    ]);
    expect(error.issues).toEqual([{ path: "status", message: `${b!.title}: The grievance already has this status` }]);
    // The refusal says how many cannot move and to what, and carries the unapplied report.
    expect(error.message).toBe(
      "1 of 2 grievances cannot move to Stalled, so nothing was applied. Drop them and try again.",
    );
    expect(error.current).toMatchObject({ applied: false, status: "STALLED", moved: 0 });
  });

  it("refuses a move dated before a grievance was raised, naming the date, and moves none", async () => {
    const late = await makeGrievance({ raisedAt: "2025-06-01" });
    const early = await makeGrievance();
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          ids: [early.id, late.id],
          status: "STALLED",
          reason: "Back-dated",
          occurredAt: "2025-01-01",
          versions: versionsOf([early, late]),
        }),
      ),
    );
    expect(error.current.items.map((row) => row.result)).toEqual(["ready", "refused"]);
    expect(error.issues[0]!.path).toBe("occurredAt");
  });

  it("reports an unknown or deleted grievance, and a missing version is a 400 naming it", async () => {
    const g = await makeGrievance();
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          ids: [g.id, "nosuchgrievance"],
          status: "STALLED",
          reason: "x",
          versions: { [g.id]: g.version, nosuchgrievance: 1 },
        }),
      ),
    );
    expect(error.current.items.map((row) => row.result)).toEqual(["ready", "missing"]);
    expect(error.issues).toEqual([{ path: "ids.1", message: "No such grievance" }]);
    await expectNothingChanged(async () => {
      await expect(
        changeGrievanceStatuses(SYSTEM, { ids: [g.id], status: "STALLED", reason: "x", versions: {} }),
      ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: `versions.${g.id}` }] });
    });
  });

  it("refuses viewers and anonymous callers before reading anything", async () => {
    const g = await makeGrievance();
    const body = { ids: [g.id], status: "STALLED", reason: "x", versions: versionsOf([g]) };
    await expectNothingChanged(async () => {
      await expect(changeGrievanceStatuses(viewer, body)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeGrievanceStatuses(null, body)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });
  });

  it("selects by filter exactly the list's rows, on every page, after a dry run that writes nothing", async () => {
    const { party, grievances } = await three();
    const other = await makeGrievance({ title: "Alpha elsewhere" });
    const filter = { party: party.slug, q: "a" };
    const listed = await listGrievances(SYSTEM, { ...filter, limit: 2 });
    const pages = [
      listed.items,
      (await listGrievances(SYSTEM, { ...filter, limit: 2, cursor: listed.nextCursor! })).items,
    ];
    const listIds = pages.flat().map((g) => g.id);

    const preview = await expectNothingChanged(() =>
      changeGrievanceStatuses(SYSTEM, { filter, status: "WITHDRAWN", reason: "Dropped", dryRun: true }),
    );
    expect(preview.applied).toBe(false);
    expect(new Set(preview.items.map((row) => row.id))).toEqual(new Set(listIds));
    expect(new Set(listIds)).toEqual(new Set(grievances.map((g) => g.id)));
    expect(preview.items.every((row) => row.result === "ready")).toBe(true);

    const versions = Object.fromEntries(preview.items.map((row) => [row.id, row.version!]));
    const report = await changeGrievanceStatuses(SYSTEM, { filter, status: "WITHDRAWN", reason: "Dropped", versions });
    expect(report.moved).toBe(3);
    expect((await getGrievanceOrThrow(SYSTEM, other.id)).status).toBe("OPEN");
    for (const g of grievances) expect((await getGrievanceOrThrow(SYSTEM, g.id)).status).toBe("WITHDRAWN");
  });

  it("by filter: a grievance that started matching after the preview is reported, and nothing is applied", async () => {
    const { party, grievances } = await three();
    const filter = { party: party.slug };
    const preview = await changeGrievanceStatuses(SYSTEM, { filter, status: "STALLED", reason: "x", dryRun: true });
    const newcomer = await makeGrievance({ title: "Delta newcomer", raisedBy: [party.slug] });
    const versions = Object.fromEntries(preview.items.map((row) => [row.id, row.version!]));
    const error = await expectNothingChanged(() =>
      refusal(changeGrievanceStatuses(SYSTEM, { filter, status: "STALLED", reason: "x", versions })),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.current.items.find((row) => row.id === newcomer.id)).toMatchObject({
      result: "stale",
      seenVersion: null,
    });
    expect(error.current.items.filter((row) => row.result === "ready")).toHaveLength(grievances.length);
  });

  it("by filter: one more than the cap is a 400 saying so; exactly the cap is resolved row by row", async () => {
    const db = await getDb();
    const party = await makeParty();
    const { id: partyId } = await db.party.findUniqueOrThrow({ where: { slug: party.slug } });
    // Written directly: 501 grievances through createGrievance would take most of the test's time.
    // So they have no history and no revision: nothing says who changed them.
    const count = 501;
    const rows = Array.from({ length: count }, (_, i) => ({
      id: `capped-${i}`,
      title: `Capped ${String(i).padStart(3, "0")}`,
      description: "",
      category: "OTHER" as const,
      status: "OPEN" as const,
      lastMovedAt: new Date("2024-01-01"),
      searchText: "capped",
    }));
    await db.grievance.createMany({ data: rows });
    await db.grievanceParty.createMany({
      data: rows.map((row) => ({ grievanceId: row.id, partyId, role: "RAISED_BY" as const })),
    });
    const body = { filter: { party: party.slug }, status: "STALLED", reason: "x", versions: {} };
    await expectNothingChanged(async () => {
      await expect(changeGrievanceStatuses(SYSTEM, { ...body, dryRun: true })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [
          {
            path: "filter",
            message:
              "501 grievances match these filters; at most 500 can be moved at once. Narrow the filters and try again.",
          },
        ],
      });
    });
    await db.grievance.update({ where: { id: "capped-500" }, data: { deletedAt: new Date() } });
    // 500 match: past the cap check, each is reported (none was previewed), and none moves.
    const error = await expectNothingChanged(() => refusal(changeGrievanceStatuses(SYSTEM, body)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "500 of 500 grievances changed since you saw them, so nothing was applied. Review their changes, then drop them or apply again at their new versions.",
    );
    expect(error.current.items).toHaveLength(500);
    expect(error.current.items[0]).toEqual({
      id: "capped-0",
      title: "Capped 000",
      result: "stale",
      message: "It matches the filters now but was not among those you previewed.",
      status: "OPEN",
      version: 1,
      seenVersion: null,
      changedBy: null,
      changedAt: null,
    });
  });

  it("by filter: a previewed grievance that no longer matches is reported with who changed it, and nothing moves", async () => {
    const { party, grievances } = await three();
    const [alpha, bravo, charlie] = grievances;
    const filter = { party: party.slug };
    const preview = await changeGrievanceStatuses(SYSTEM, { filter, status: "STALLED", reason: "x", dryRun: true });
    const versions = Object.fromEntries(preview.items.map((row) => [row.id, row.version!]));
    const bea = await analyst("Bea Other");
    await updateGrievance(bea, bravo!.id, { version: bravo!.version, raisedBy: [(await makeParty()).slug] });
    // Previewed too: one deleted since, and one that was never there.
    const gone = await makeGrievance({ title: "Echo gone", raisedBy: [party.slug] });
    await deleteGrievance(SYSTEM, gone.id);
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          filter,
          status: "STALLED",
          reason: "x",
          versions: { ...versions, [gone.id]: gone.version, nosuchgrievance: 3 },
        }),
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "1 of 5 grievances changed since you saw them, so nothing was applied. Review their changes, then drop them or apply again at their new versions.",
    );
    // The matching ones in the list's order, then those no longer matching as the preview had them.
    expect(error.current.items.map((row) => [row.id, row.result])).toEqual([
      [alpha!.id, "ready"],
      [charlie!.id, "ready"],
      [bravo!.id, "stale"],
      [gone.id, "missing"],
      ["nosuchgrievance", "missing"],
    ]);
    const stale = error.current.items[2]!;
    expect(stale.changedBy).toEqual({ name: "Bea Other", email: expect.stringContaining("@example.org") });
    expect(stale).toMatchObject({ status: "OPEN", version: bravo!.version + 1, seenVersion: bravo!.version });
    expect(stale.message).toBe(
      `It no longer matches the filters (it is at version ${bravo!.version + 1}; you saw version ${bravo!.version}). Bea Other edited it on ${momentLabel(new Date(stale.changedAt!))}.`,
    );
    expect(error.current.items.slice(3)).toEqual([
      {
        id: gone.id,
        title: null,
        result: "missing",
        message: "No such grievance",
        status: null,
        version: null,
        seenVersion: gone.version,
      },
      {
        id: "nosuchgrievance",
        title: null,
        result: "missing",
        message: "No such grievance",
        status: null,
        version: null,
        seenVersion: 3,
      },
    ]);
    expect(error.issues).toEqual([
      { path: `versions.${bravo!.id}`, message: "Bravo banking: changed since you saw it" },
      { path: "ids.3", message: "No such grievance" },
      { path: "ids.4", message: "No such grievance" },
    ]);
  });
});

describe("the stale row's report", () => {
  it("says what the latest change was: a move with its reason, or a revision, by name or as Someone", async () => {
    const { grievances } = await three();
    const [a, b, c] = grievances;
    const bea = await analyst("Bea Other");
    const moved = await updateGrievance(bea, a!.id, {
      version: a!.version,
      status: "RESOLVED",
      reason: "Settled by phone",
    });
    // A move, then an edit of the title: the edit is the latest.
    await updateGrievance(SYSTEM, b!.id, { version: b!.version, status: "STALLED", reason: "Quiet" });
    await updateGrievance(SYSTEM, b!.id, { version: b!.version + 1, title: "Bravo banking, renamed" });
    // Deleted and restored: the restore is the latest.
    await deleteGrievance(SYSTEM, c!.id);
    await restoreGrievance(SYSTEM, c!.id);
    const error = await expectNothingChanged(() =>
      refusal(
        changeGrievanceStatuses(SYSTEM, {
          ids: grievances.map((g) => g.id),
          status: "WITHDRAWN",
          reason: "Dropped",
          versions: versionsOf(grievances),
        }),
      ),
    );
    const history = await getGrievanceOrThrow(SYSTEM, a!.id);
    const [rowA, rowB, rowC] = error.current.items;
    expect(rowA!.changedAt).toBe(history.history.at(-1)!.recordedAt);
    expect(rowA!.message).toBe(
      `It is at version ${moved.version}; you saw version ${a!.version}. Bea Other moved it from Open to Resolved ("Settled by phone") on ${momentLabel(new Date(rowA!.changedAt!))}.`,
    );
    expect(rowB).toMatchObject({
      title: "Bravo banking, renamed",
      status: "STALLED",
      version: b!.version + 2,
      changedBy: null,
    });
    expect(rowB!.message).toBe(
      `It is at version ${b!.version + 2}; you saw version ${b!.version}. Someone edited it on ${momentLabel(new Date(rowB!.changedAt!))}.`,
    );
    expect(rowC!.message).toBe(
      `It is at version ${c!.version + 2}; you saw version ${c!.version}. Someone restored it on ${momentLabel(new Date(rowC!.changedAt!))}.`,
    );
    expect(error.message).toMatch(/^3 of 3 grievances changed since you saw them/);
  });
});

describe("the stale row's latest change, by when each was recorded", () => {
  it("a raise and its revision recorded in the same instant (as the seed writes them) name the raise; else the later, whatever the insertion order", async () => {
    const db = await getDb();
    const party = await makeParty();
    const g = async (title: string) => makeGrievance({ title, raisedBy: [party.slug] });
    const [tied, revisedLater, raiseLatest, createLatest] = [
      await g("Alpha tied"),
      await g("Bravo revised later"),
      await g("Charlie raise latest"),
      await g("Delta create latest"),
    ];
    const t0 = new Date("2025-06-01T09:00:00.000Z");
    const plus = (ms: number) => new Date(t0.getTime() + ms);
    const stamp = async (id: string, moves: Date, revisions: Date) => {
      await db.grievanceStatusChange.updateMany({ where: { grievanceId: id }, data: { recordedAt: moves } });
      await db.revision.updateMany({ where: { entity: "grievance", entityId: id }, data: { recordedAt: revisions } });
    };
    await stamp(tied.id, t0, t0);
    await stamp(revisedLater.id, t0, plus(1_000));
    // A move inserted after the raise but recorded before it: the raise is the latest.
    const moved = await updateGrievance(SYSTEM, raiseLatest.id, {
      version: raiseLatest.version,
      status: "STALLED",
      reason: "Quiet",
    });
    await stamp(raiseLatest.id, t0, t0);
    await db.grievanceStatusChange.updateMany({
      where: { grievanceId: raiseLatest.id, fromStatus: null },
      data: { recordedAt: plus(3_600_000) },
    });
    // An edit inserted after the create but recorded before it: the create is the latest.
    const edited = await updateGrievance(SYSTEM, createLatest.id, {
      version: createLatest.version,
      title: "Delta create latest, edited",
    });
    await stamp(createLatest.id, plus(-1_000), t0);
    await db.revision.updateMany({
      where: { entity: "grievance", entityId: createLatest.id, action: "CREATE" },
      data: { recordedAt: plus(3_600_000) },
    });

    const stale = [
      tied,
      revisedLater,
      { ...raiseLatest, version: moved.version },
      { ...createLatest, version: edited.version },
    ];
    const error = await refusal(
      changeGrievanceStatuses(SYSTEM, {
        ids: stale.map((row) => row.id),
        status: "WITHDRAWN",
        reason: "Dropped",
        versions: Object.fromEntries(stale.map((row) => [row.id, row.version + 9])),
      }),
    );
    const said = (row: { version: number }, what: string, at: Date) =>
      `It is at version ${row.version}; you saw version ${row.version + 9}. Someone ${what} on ${momentLabel(at)}.`;
    expect(error.current.items.map((row) => [row.message, row.changedAt])).toEqual([
      [said(stale[0]!, "raised it", t0), t0.toISOString()],
      [said(stale[1]!, "created it", plus(1_000)), plus(1_000).toISOString()],
      [said(stale[2]!, "raised it", plus(3_600_000)), plus(3_600_000).toISOString()],
      [said(stale[3]!, "created it", plus(3_600_000)), plus(3_600_000).toISOString()],
    ]);
  });
});

describe("a dry run", () => {
  it("counts only the rows that would move, and reports a stale version it was given", async () => {
    const { grievances } = await three();
    const [a, b, c] = grievances;
    const moved = await updateGrievance(SYSTEM, b!.id, { version: b!.version, status: "STALLED", reason: "First" });
    await updateGrievance(SYSTEM, c!.id, { version: c!.version, title: "Charlie, renamed" });
    const report = await expectNothingChanged(() =>
      changeGrievanceStatuses(SYSTEM, {
        ids: [a!.id, b!.id, c!.id],
        status: "STALLED",
        reason: "Again",
        dryRun: true,
        versions: { [b!.id]: moved.version, [c!.id]: c!.version },
      }),
    );
    expect(report).toMatchObject({ applied: false, status: "STALLED", moved: 1 });
    expect(report.items.map((row) => [row.id, row.result, row.seenVersion])).toEqual([
      [a!.id, "ready", null],
      [b!.id, "refused", moved.version],
      [c!.id, "stale", c!.version],
    ]);
  });
});

describe("what the moves leave", () => {
  it("a move dated before a later one leaves the later status, which the report reads back", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    const later = await updateGrievance(SYSTEM, g.id, {
      version: g.version,
      status: "RESOLVED",
      reason: "Settled",
      occurredAt: "2025-06-01",
    });
    const report = await changeGrievanceStatuses(
      SYSTEM,
      {
        ids: [g.id],
        status: "STALLED",
        reason: "Talks stalled then",
        occurredAt: "2025-03-01",
        versions: { [g.id]: later.version },
      },
      { sourceTitle: "Minutes of the March round" },
    );
    expect(report).toEqual({
      applied: true,
      status: "STALLED",
      moved: 1,
      items: [
        {
          id: g.id,
          title: g.title,
          result: "moved",
          message: null,
          status: "RESOLVED",
          version: later.version + 1,
          seenVersion: later.version,
        },
      ],
    });
    const after = await getGrievanceOrThrow(SYSTEM, g.id);
    expect(after.history.map((h) => [h.to, h.occurredAt.slice(0, 10)])).toEqual([
      ["OPEN", "2025-01-01"],
      ["STALLED", "2025-03-01"],
      ["RESOLVED", "2025-06-01"],
    ]);
    expect(after.history[1]!.source).toMatchObject({ title: "Minutes of the March round", url: null });
  });

  it("by filter: the grievances are taken in the order of their titles, not of their creation", async () => {
    const party = await makeParty();
    const zulu = await makeGrievance({ title: "Zulu last", raisedBy: [party.slug] });
    const alpha = await makeGrievance({ title: "Alpha first", raisedBy: [party.slug] });
    const preview = await changeGrievanceStatuses(SYSTEM, {
      filter: { party: party.slug },
      status: "STALLED",
      reason: "x",
      dryRun: true,
    });
    expect(preview.items.map((row) => row.id)).toEqual([alpha.id, zulu.id]);
  });

  it("with a meeting dated in the future and no date, is refused naming occurredAt, and moves none", async () => {
    const g = await makeGrievance();
    const planned = await makeMeeting({ date: "2999-01-01", status: "PLANNED" });
    await expectNothingChanged(async () => {
      await expect(
        changeGrievanceStatuses(SYSTEM, {
          ids: [g.id],
          status: "STALLED",
          reason: "x",
          meetingId: planned.id,
          versions: versionsOf([g]),
        }),
      ).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "occurredAt", message: "The meeting's date is in the future: give the date it happened" }],
      });
    });
  });
});
