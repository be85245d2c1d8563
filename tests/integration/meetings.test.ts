import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";
import {
  createMeeting,
  getMeetingOrThrow,
  listMeetings,
  logMeetingOutcome,
  updateMeeting,
} from "@/lib/server/meetings";
import { makeGrievance, makeMeeting, makeParty, makeVenue } from "../support/factories";

async function counts() {
  const db = await getDb();
  const [agenda, history, meetingHistory] = await Promise.all([
    db.agendaItem.count(),
    db.grievanceStatusChange.count(),
    db.meetingStatusChange.count(),
  ]);
  return { agenda, history, meetingHistory };
}

describe("meetings", () => {
  it("are logged with venue, participants and a first history entry, and listed newest first", async () => {
    const venue = await makeVenue();
    const us = await makeParty();
    const host = await makeParty();
    const older = await createMeeting(SYSTEM, {
      title: "Older",
      date: "2025-02-27",
      venue: venue.slug,
      status: "HELD",
    });
    const newer = await createMeeting(SYSTEM, {
      title: "Newer",
      date: "2025-04-10",
      venue: venue.slug,
      status: "HELD",
      participants: [
        { party: us.slug, headOfDelegation: "Sonata Coulter" },
        { party: host.slug, role: "HOST" },
      ],
    });
    expect(newer.participants).toEqual([
      { party: expect.objectContaining({ slug: us.slug }), role: "DELEGATION", headOfDelegation: "Sonata Coulter" },
      { party: expect.objectContaining({ slug: host.slug }), role: "HOST", headOfDelegation: null },
    ]);
    expect(newer.history).toMatchObject([{ from: null, to: "HELD" }]);
    const listed = await listMeetings(SYSTEM, { venue: venue.slug });
    expect(listed.items.map((m) => m.id)).toEqual([newer.id, older.id]);
    expect((await listMeetings(SYSTEM, { party: host.slug })).items.map((m) => m.id)).toEqual([newer.id]);
  });

  it("refuse an unknown venue or a party listed twice", async () => {
    await expect(createMeeting(SYSTEM, { title: "x", venue: "nowhere" })).rejects.toMatchObject({
      issues: [{ path: "venue" }],
    });
    const p = await makeParty();
    await expect(
      createMeeting(SYSTEM, { title: "x", participants: [{ party: p.slug }, { party: p.slug }] }),
    ).rejects.toMatchObject({ issues: [{ path: "participants.1.party", message: "This party is listed twice" }] });
  });

  it("move status by the rules, with a reason and the version", async () => {
    const m = await makeMeeting({ status: "PLANNED" });
    const held = await updateMeeting(SYSTEM, m.id, { version: 1, status: "HELD", reason: "Took place" });
    expect(held).toMatchObject({ status: "HELD", version: 2 });
    expect(held.history.map((h) => h.to)).toEqual(["PLANNED", "HELD"]);
    await expect(updateMeeting(SYSTEM, m.id, { version: 2, status: "CANCELLED", reason: "no" })).rejects.toMatchObject({
      issues: [{ path: "status", message: "A held meeting stays held" }],
    });
    await expect(updateMeeting(SYSTEM, m.id, { version: 1, title: "stale" })).rejects.toMatchObject({
      code: "CONFLICT",
      current: { version: 2 },
    });
  });
});

describe("logging a meeting's outcome", () => {
  it("writes every row's agenda note and status move in one submission", async () => {
    const meeting = await makeMeeting();
    // Raised before the round, so its move at the round is the timeline's last entry.
    const a = await makeGrievance({ raisedAt: "2025-01-15" });
    const b = await makeGrievance();
    const after = await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [
        { grievanceId: a.id, status: "PARTIALLY_RESOLVED", note: "Notes exchanged" },
        { grievanceId: b.id, note: "Concerns reiterated" },
      ],
    });
    expect(after.agenda.map((row) => [row.grievance.id, row.note, row.statusAfter])).toEqual([
      [a.id, "Notes exchanged", "PARTIALLY_RESOLVED"],
      [b.id, "Concerns reiterated", null],
    ]);
    const movedA = await getGrievanceOrThrow(SYSTEM, a.id);
    expect(movedA.status).toBe("PARTIALLY_RESOLVED");
    expect(movedA.history.at(-1)).toMatchObject({
      from: "OPEN",
      to: "PARTIALLY_RESOLVED",
      reason: "Notes exchanged",
      meetingId: meeting.id,
    });
    expect((await getGrievanceOrThrow(SYSTEM, b.id)).history).toHaveLength(1);
  });

  it("writes nothing when one row is bad", async () => {
    const meeting = await makeMeeting();
    const a = await makeGrievance();
    const before = await counts();
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [
          { grievanceId: a.id, status: "RESOLVED", note: "fine" },
          { grievanceId: "missing", status: "RESOLVED", note: "bad row" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "outcomes.1.grievanceId", message: "Unknown grievance" }],
    });
    expect(await counts()).toEqual(before);
    expect((await getGrievanceOrThrow(SYSTEM, a.id)).status).toBe("OPEN");
  });

  it("writes nothing when a later row fails inside the transaction (a stale version)", async () => {
    const meeting = await makeMeeting();
    const a = await makeGrievance();
    const b = await makeGrievance();
    await updateGrievance(SYSTEM, b.id, { version: 1, title: "moved on" });
    const before = await counts();
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [
          { grievanceId: a.id, version: 1, status: "RESOLVED", note: "first row applies" },
          { grievanceId: b.id, version: 1, status: "RESOLVED", note: "second row is stale" },
        ],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
    expect(await getGrievanceOrThrow(SYSTEM, a.id)).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("is refused for a meeting that was not held", async () => {
    const meeting = await makeMeeting({ status: "PLANNED" });
    const a = await makeGrievance();
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, { outcomes: [{ grievanceId: a.id, note: "n" }] }),
    ).rejects.toMatchObject({
      issues: [{ path: "meetingId", message: "Outcomes can be logged only for a meeting that was held" }],
    });
    await expect(
      logMeetingOutcome(SYSTEM, "missing", { outcomes: [{ grievanceId: a.id, note: "n" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMeetingOrThrow(SYSTEM, meeting.id)).agenda).toEqual([]);
  });
});
