import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";
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

describe("a status change", () => {
  it("at a meeting is dated at the meeting, and recorded now", async () => {
    const meeting = await makeMeeting({ date: ROUND });
    const g = await makeGrievance();
    const before = Date.now();
    const moved = await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "STALLED",
      reason: "No progress at the round",
      meetingId: meeting.id,
    });
    // Raised now, moved (typed now) at the round a year earlier: the move sorts first, as it happened.
    expect(moved.history.map((h) => h.to)).toEqual(["STALLED", "OPEN"]);
    const entry = moved.history[0]!;
    expect(entry).toMatchObject({ meetingId: meeting.id, occurredAt: ROUND_AT, at: ROUND_AT });
    expect(new Date(entry.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // "Last moved" keeps the later date.
    expect(moved.lastMovedAt).toBe(g.lastMovedAt);
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
