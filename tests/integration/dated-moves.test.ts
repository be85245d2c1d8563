import { describe, expect, it } from "vitest";
import { grievanceStatusAsOf } from "@/lib/server/as-of";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  createGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  listGrievances,
  updateGrievance,
} from "@/lib/server/grievances";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";

// Issue 8: a move is dated when it happened (the meeting's date, or the analyst's), apart from
// when it was recorded; the history sorts by it.

const ROUND = "2025-04-10";
const ROUND_AT = `${ROUND}T00:00:00.000Z`;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function rowCounts() {
  const db = await getDb();
  const [history, agenda] = await Promise.all([db.grievanceStatusChange.count(), db.agendaItem.count()]);
  return { history, agenda };
}

/** Everything a refused change must leave as it was: the grievance's row, its history, the revisions, the notes. */
async function recordOf(id: string) {
  const db = await getDb();
  const [grievance, history, revisions, agenda] = await Promise.all([
    db.grievance.findUniqueOrThrow({ where: { id } }),
    db.grievanceStatusChange.count({ where: { grievanceId: id } }),
    db.revision.count(),
    db.agendaItem.count({ where: { grievanceId: id } }),
  ]);
  return { grievance, history, revisions, agenda };
}

/** The live list's row for the grievance (the stored status), and the replay's status as of a day and now. */
async function listedStatus(id: string, asOf?: string) {
  const { items } = await listGrievances(SYSTEM, { limit: 100, ...(asOf ? { asOf } : {}) });
  return items.find((item) => item.id === id)?.status;
}

describe("a status change", () => {
  it("at a meeting is dated at the meeting, and recorded now", async () => {
    const meeting = await makeMeeting({ date: ROUND });
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const before = Date.now();
    const moved = await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "STALLED",
      reason: "No progress at the round",
      meetingId: meeting.id,
    });
    expect(moved.history.map((h) => h.to)).toEqual(["OPEN", "STALLED"]);
    const entry = moved.history[1]!;
    expect(entry).toMatchObject({ meetingId: meeting.id, occurredAt: ROUND_AT, at: ROUND_AT });
    expect(new Date(entry.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(moved).toMatchObject({ status: "STALLED", lastMovedAt: ROUND_AT });
  });

  it("without a meeting is dated now, or on the analyst's date (a bare date is 00:00 UTC)", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const now = await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "r" });
    expect(Math.abs(new Date(now.history.at(-1)!.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);

    const given = await updateGrievance(SYSTEM, g.id, {
      version: 2,
      status: "IN_NEGOTIATION",
      reason: "typed after the other, happened before it",
      occurredAt: "2025-03-01",
    });
    // The timeline sorts by when it happened, not by when it was typed.
    expect(given.history.map((h) => [h.to, h.occurredAt.slice(0, 10)])).toEqual([
      ["OPEN", "2025-01-15"],
      ["IN_NEGOTIATION", "2025-03-01"],
      ["STALLED", new Date().toISOString().slice(0, 10)],
    ]);
    expect(given.history[1]!.at).toBe("2025-03-01T00:00:00.000Z");
  });

  it("takes the analyst's date-time over the meeting's date", async () => {
    const meeting = await makeMeeting({ date: ROUND });
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const moved = await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "STALLED",
      reason: "r",
      meetingId: meeting.id,
      occurredAt: "2025-04-11T15:30:00+02:00",
    });
    expect(moved.history.at(-1)!.occurredAt).toBe("2025-04-11T13:30:00.000Z");
  });

  it("refuses a future date, naming occurredAt, and changes nothing", async () => {
    const g = await makeGrievance();
    const before = await rowCounts();
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "r", occurredAt: tomorrow() }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: "occurredAt" })] });
    expect(await rowCounts()).toEqual(before);
    expect(await getGrievanceOrThrow(SYSTEM, g.id)).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("at a meeting dated in the future without a date of its own is refused, naming occurredAt", async () => {
    const meeting = await makeMeeting({ date: tomorrow(), status: "PLANNED" });
    const g = await makeGrievance();
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "r", meetingId: meeting.id }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: "occurredAt" })] });
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).version).toBe(1);
  });
});

describe("a meeting's outcome", () => {
  it("dates every move and note at the meeting, unless the batch or a row says otherwise", async () => {
    const meeting = await makeMeeting({ date: ROUND });
    const raisedAt = "2025-01-15";
    const [a, b, c] = [
      await makeGrievance({ raisedAt }),
      await makeGrievance({ raisedAt }),
      await makeGrievance({ raisedAt }),
    ];
    await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [
        { grievanceId: a.id, status: "STALLED", note: "Stalled at the round" },
        { grievanceId: b.id, note: "Mentioned" },
        { grievanceId: c.id, status: "STALLED", note: "Later", occurredAt: "2025-04-12" },
      ],
    });
    const db = await getDb();
    const notes = await db.agendaItem.findMany({
      where: { meetingId: meeting.id },
      select: { grievanceId: true, occurredAt: true, recordedAt: true },
    });
    const noteAt = new Map(notes.map((n) => [n.grievanceId, n.occurredAt.toISOString()]));
    expect(noteAt.get(a.id)).toBe(ROUND_AT);
    expect(noteAt.get(b.id)).toBe(ROUND_AT);
    expect(noteAt.get(c.id)).toBe("2025-04-12T00:00:00.000Z");
    for (const n of notes) expect(n.recordedAt.getTime()).toBeGreaterThan(n.occurredAt.getTime());
    expect((await getGrievanceOrThrow(SYSTEM, a.id)).history.at(-1)).toMatchObject({ occurredAt: ROUND_AT });
    expect((await getGrievanceOrThrow(SYSTEM, c.id)).history.at(-1)!.occurredAt).toBe("2025-04-12T00:00:00.000Z");

    const d = await makeGrievance({ raisedAt });
    await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [{ grievanceId: d.id, status: "STALLED", note: "Batch-dated" }],
      occurredAt: "2025-04-11T09:00:00Z",
    });
    expect((await getGrievanceOrThrow(SYSTEM, d.id)).history.at(-1)!.occurredAt).toBe("2025-04-11T09:00:00.000Z");
  });

  it("with a future date is refused, naming the field, and writes nothing", async () => {
    const meeting = await makeMeeting({ date: ROUND });
    const g = await makeGrievance();
    const before = await rowCounts();
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [{ grievanceId: g.id, status: "STALLED", note: "n", occurredAt: tomorrow() }],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [expect.objectContaining({ path: "outcomes.0.occurredAt" })],
    });
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [{ grievanceId: g.id, status: "STALLED", note: "n" }],
        occurredAt: tomorrow(),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: "occurredAt" })] });
    expect(await rowCounts()).toEqual(before);
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).status).toBe("OPEN");
  });
});

describe("creating a grievance with provenance", () => {
  it("dates its first entry at the meeting it was raised at, or on the date given", async () => {
    const [ru, us] = [await makeParty(), await makeParty()];
    const meeting = await makeMeeting({ date: ROUND });
    const base = { category: "OTHER", raisedBy: [ru.slug], addressedTo: [us.slug] };

    const atMeeting = await createGrievance(SYSTEM, { ...base, title: "At the round", meetingId: meeting.id });
    expect(atMeeting.history).toEqual([
      expect.objectContaining({ from: null, to: "OPEN", meetingId: meeting.id, occurredAt: ROUND_AT }),
    ]);
    expect(atMeeting.lastMovedAt).toBe(ROUND_AT);

    const onDate = await createGrievance(SYSTEM, {
      ...base,
      title: "Before the round",
      raisedAt: "2025-02-27",
      meetingId: meeting.id,
      citations: [{ quote: "first said", source: "https://example.org/first" }],
    });
    expect(onDate.history[0]).toMatchObject({ meetingId: meeting.id, occurredAt: "2025-02-27T00:00:00.000Z" });
    expect(onDate.citations).toHaveLength(1);

    const plain = await createGrievance(SYSTEM, { ...base, title: "Today" });
    expect(plain.history[0]).toMatchObject({ meetingId: null });
    expect(Math.abs(new Date(plain.history[0]!.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("refuses a future raisedAt or an unknown meeting and writes nothing", async () => {
    const [ru, us] = [await makeParty(), await makeParty()];
    const db = await getDb();
    const before = await db.grievance.count();
    const base = { title: "x", category: "OTHER", raisedBy: [ru.slug], addressedTo: [us.slug] };
    await expect(createGrievance(SYSTEM, { ...base, raisedAt: tomorrow() })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [expect.objectContaining({ path: "raisedAt" })],
    });
    await expect(createGrievance(SYSTEM, { ...base, meetingId: "nope" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "meetingId", message: "Unknown meeting" }],
    });
    expect(await db.grievance.count()).toBe(before);
  });
});

describe("a move dated before moves already recorded (an earlier round logged late)", () => {
  const APRIL = "2025-04-10T00:00:00.000Z";
  const JUNE = "2025-06-01T00:00:00.000Z";

  async function stalledInJune() {
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "June", occurredAt: JUNE });
    return g;
  }

  it("takes its place in the timeline, moves from the status in force then, and leaves the later status stored", async () => {
    const g = await stalledInJune();
    const late = await updateGrievance(SYSTEM, g.id, {
      version: 2,
      status: "IN_NEGOTIATION",
      reason: "April, typed after June",
      occurredAt: APRIL,
    });
    expect(late).toMatchObject({ status: "STALLED", version: 3, lastMovedAt: JUNE });
    expect((await getGrievanceHistory(SYSTEM, g.id)).map((h) => [h.from, h.to, h.occurredAt])).toEqual([
      [null, "OPEN", "2025-01-15T00:00:00.000Z"],
      ["OPEN", "IN_NEGOTIATION", APRIL],
      ["OPEN", "STALLED", JUNE],
    ]);
    // The list (stored status), the replay now and the replay of a day between agree with the timeline.
    expect(await listedStatus(g.id)).toBe("STALLED");
    expect(await grievanceStatusAsOf(await getDb(), g.id, new Date())).toBe("STALLED");
    expect(await listedStatus(g.id, "2025-05-01")).toBe("IN_NEGOTIATION");
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).status).toBe("STALLED");
  });

  it("sets the stored status and last moved when it is the latest by date, a tie going to the one typed later", async () => {
    const g = await stalledInJune();
    const later = await updateGrievance(SYSTEM, g.id, {
      version: 2,
      status: "RESOLVED",
      reason: "July",
      occurredAt: "2025-07-01",
    });
    expect(later).toMatchObject({ status: "RESOLVED", lastMovedAt: "2025-07-01T00:00:00.000Z" });
    expect(later.history.at(-1)).toMatchObject({ from: "STALLED", to: "RESOLVED" });
    const tie = await updateGrievance(SYSTEM, g.id, {
      version: 3,
      status: "OPEN",
      reason: "Same day, typed later",
      occurredAt: "2025-07-01",
    });
    expect(tie).toMatchObject({ status: "OPEN", lastMovedAt: "2025-07-01T00:00:00.000Z" });
    expect(tie.history.at(-1)).toMatchObject({ from: "RESOLVED", to: "OPEN" });
    expect(await listedStatus(g.id)).toBe("OPEN");
  });

  it("is refused when it moves to the status in force at its date, naming status, and changes nothing", async () => {
    const g = await stalledInJune();
    const before = await recordOf(g.id);
    // Stored STALLED, but OPEN in April: a "move" to OPEN then moves nothing.
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 2, status: "OPEN", reason: "r", occurredAt: APRIL }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "status", message: "The grievance already has this status (as of 2025-04-10)" }],
    });
    expect(await recordOf(g.id)).toEqual(before);
  });

  it("is refused when the next later move would then move nothing, naming occurredAt and that move, and changes nothing", async () => {
    const g = await stalledInJune();
    const before = await recordOf(g.id);
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 2, status: "STALLED", reason: "Stalled already", occurredAt: APRIL }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        {
          path: "occurredAt",
          message:
            "A later move on 2025-06-01 already moved it from open to stalled: date this move after that one, or leave its status out",
        },
      ],
    });
    expect(await recordOf(g.id)).toEqual(before);
  });

  it("in a meeting's outcome: a row naming the status in force at the round is a note, one that breaks the later move is refused", async () => {
    const g = await stalledInJune();
    const april = await makeMeeting({ date: "2025-04-10" });
    await logMeetingOutcome(SYSTEM, april.id, {
      outcomes: [{ grievanceId: g.id, status: "OPEN", note: "Still open in April" }],
    });
    const db = await getDb();
    const note = await db.agendaItem.findFirstOrThrow({ where: { meetingId: april.id, grievanceId: g.id } });
    expect(note).toMatchObject({ statusAfter: null, occurredAt: new Date(APRIL) });
    expect((await getGrievanceHistory(SYSTEM, g.id)).map((h) => h.to)).toEqual(["OPEN", "STALLED"]);

    const other = await makeGrievance({ raisedAt: "2025-01-15" });
    const before = await recordOf(g.id);
    const otherBefore = await recordOf(other.id);
    await expect(
      logMeetingOutcome(SYSTEM, april.id, {
        outcomes: [
          { grievanceId: other.id, status: "IN_NEGOTIATION", note: "Fine on its own" },
          { grievanceId: g.id, status: "STALLED", note: "Stalled already in April" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        expect.objectContaining({ path: "outcomes.1.occurredAt", message: expect.stringContaining("2025-06-01") }),
      ],
    });
    // The batch is all or nothing: the first row's move is gone with the refused one.
    expect(await recordOf(g.id)).toEqual(before);
    expect(await recordOf(other.id)).toEqual(otherBefore);

    const moved = await logMeetingOutcome(SYSTEM, april.id, {
      outcomes: [{ grievanceId: g.id, status: "IN_NEGOTIATION", note: "Talks in April" }],
    });
    expect(moved.agenda.at(-1)).toMatchObject({ statusAfter: "IN_NEGOTIATION" });
    expect(await getGrievanceOrThrow(SYSTEM, g.id)).toMatchObject({ status: "STALLED", lastMovedAt: JUNE });
    expect(await listedStatus(g.id, "2025-04-30")).toBe("IN_NEGOTIATION");
  });
});

describe("a move or an outcome dated before the grievance was raised", () => {
  const RAISED = "2025-03-01";

  it("is refused, naming occurredAt, and changes nothing", async () => {
    const g = await makeGrievance({ raisedAt: RAISED });
    const earlier = await makeMeeting({ date: "2025-02-10" });
    const before = await recordOf(g.id);
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "r", occurredAt: "2025-02-28" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "occurredAt", message: "It was raised on 2025-03-01: nothing can be dated before that" }],
    });
    // Dated by its meeting's date, it is refused the same way.
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "r", meetingId: earlier.id }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: "occurredAt" })] });
    expect(await recordOf(g.id)).toEqual(before);
    // At the very instant it was raised, a move follows the raising.
    const same = await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "STALLED",
      reason: "r",
      occurredAt: RAISED,
    });
    expect(same.history.map((h) => h.to)).toEqual(["OPEN", "STALLED"]);
  });

  it("in a meeting's outcome, a move or a note alone, is refused naming its row's occurredAt, and the batch writes nothing", async () => {
    const earlier = await makeMeeting({ date: "2025-02-10" });
    const raisedBefore = await makeGrievance({ raisedAt: "2025-01-15" });
    const g = await makeGrievance({ raisedAt: RAISED });
    const before = [await recordOf(raisedBefore.id), await recordOf(g.id)];
    for (const row of [
      { grievanceId: g.id, status: "STALLED", note: "Not raised yet" },
      { grievanceId: g.id, note: "Only a note" },
    ]) {
      await expect(
        logMeetingOutcome(SYSTEM, earlier.id, {
          outcomes: [{ grievanceId: raisedBefore.id, status: "STALLED", note: "Fine" }, row],
        }),
      ).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [
          { path: "outcomes.1.occurredAt", message: "It was raised on 2025-03-01: nothing can be dated before that" },
        ],
      });
    }
    expect([await recordOf(raisedBefore.id), await recordOf(g.id)]).toEqual(before);
  });
});
