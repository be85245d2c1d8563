import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";
import {
  createMeeting,
  deleteMeeting,
  getMeetingOrThrow,
  listMeetingOptions,
  listMeetings,
  logMeetingOutcome,
  restoreMeeting,
  updateMeeting,
} from "@/lib/server/meetings";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting, makeParty, makeVenue, userActor } from "../support/factories";

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

async function revisionsOf(entityId: string) {
  const db = await getDb();
  const rows = await db.revision.findMany({
    where: { entity: "meeting", entityId },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ action: r.action, changes: JSON.parse(r.changes) as unknown }));
}

async function storedMeeting(id: string) {
  const db = await getDb();
  return db.meeting.findUniqueOrThrow({
    where: { id },
    select: { title: true, summary: true, searchText: true, date: true, venueId: true, version: true, createdAt: true },
  });
}

describe("a meeting's record", () => {
  it("is created with every field, its participants by role then name, and a create revision of each", async () => {
    const venue = await makeVenue();
    const zeta = await makeParty({ name: "Zeta Republic", slug: "zeta" });
    const beta = await makeParty({ name: "Beta Union", slug: "beta" });
    const alpha = await makeParty({ name: "Alpha Kingdom", slug: "alpha" });
    const at = new Date("2025-03-05T09:30:00Z");
    const meeting = await createMeeting(
      SYSTEM,
      {
        title: "Round of Ten",
        date: "2025-03-04",
        venue: venue.slug,
        status: "HELD",
        summary: "Talks on visas",
        participants: [
          { party: zeta.slug, headOfDelegation: "Z. Head" },
          { party: alpha.slug, role: "HOST" },
          { party: beta.slug },
        ],
      },
      { at, reason: "Reported by the host", sourceTitle: "Host's communiqué" },
    );
    expect(meeting).toMatchObject({
      title: "Round of Ten",
      date: "2025-03-04T00:00:00.000Z",
      status: "HELD",
      summary: "Talks on visas",
      version: 1,
      deletedAt: null,
      agendaCount: 0,
      agenda: [],
      citations: [],
      venue: { slug: venue.slug },
    });
    // Delegations first (the role's order), each role's parties by name.
    expect(meeting.participants.map((p) => [p.party.slug, p.role, p.headOfDelegation])).toEqual([
      ["beta", "DELEGATION", null],
      ["zeta", "DELEGATION", "Z. Head"],
      ["alpha", "HOST", null],
    ]);
    expect(meeting.history).toEqual([
      expect.objectContaining({
        from: null,
        to: "HELD",
        reason: "Reported by the host",
        at: at.toISOString(),
        source: expect.objectContaining({ title: "Host's communiqué", url: null }),
      }),
    ]);
    expect(await storedMeeting(meeting.id)).toMatchObject({
      summary: "Talks on visas",
      searchText: "round of ten\ntalks on visas",
      venueId: venue.id,
      createdAt: at,
    });
    expect(await revisionsOf(meeting.id)).toEqual([
      {
        action: "CREATE",
        changes: [
          { field: "title", before: null, after: "Round of Ten" },
          { field: "date", before: null, after: "2025-03-04T00:00:00.000Z" },
          { field: "venue", before: null, after: venue.slug },
          { field: "summary", before: null, after: "Talks on visas" },
          // Sorted, each with its role and any head of delegation.
          {
            field: "participants",
            before: null,
            after: ["alpha (HOST)", "beta (DELEGATION)", "zeta (DELEGATION, Z. Head)"],
          },
        ],
      },
    ]);
  });

  it("is created with no date, venue, summary or participants, its first entry 'Logged'", async () => {
    const meeting = await createMeeting(SYSTEM, { title: "Bare round" });
    expect(meeting).toMatchObject({
      date: null,
      venue: null,
      summary: "",
      status: "PLANNED",
      participants: [],
    });
    expect(meeting.history).toEqual([
      expect.objectContaining({ from: null, to: "PLANNED", reason: "Logged", source: null }),
    ]);
    expect(await storedMeeting(meeting.id)).toMatchObject({
      summary: "",
      searchText: "bare round",
      venueId: null,
      date: null,
    });
    expect(await revisionsOf(meeting.id)).toEqual([
      {
        action: "CREATE",
        changes: [
          { field: "title", before: null, after: "Bare round" },
          { field: "summary", before: null, after: "" },
          { field: "participants", before: null, after: [] },
        ],
      },
    ]);
  });

  it("takes an edit of the summary alone, the title and search text following", async () => {
    const meeting = await makeMeeting({ title: "Summary round", summary: "Before" });
    const edited = await updateMeeting(SYSTEM, meeting.id, { version: 1, summary: "Visas and Banking" });
    expect(edited).toMatchObject({
      title: "Summary round",
      summary: "Visas and Banking",
      version: 2,
      date: meeting.date,
    });
    expect(await storedMeeting(meeting.id)).toMatchObject({ searchText: "summary round\nvisas and banking" });
    expect((await revisionsOf(meeting.id)).at(-1)).toEqual({
      action: "EDIT",
      changes: [{ field: "summary", before: "Before", after: "Visas and Banking" }],
    });
  });

  it("takes an edit of the title alone, keeping the summary in the search text", async () => {
    const meeting = await makeMeeting({ title: "Old title", summary: "Kept summary" });
    const edited = await updateMeeting(SYSTEM, meeting.id, { version: 1, title: "New Title" });
    expect(edited).toMatchObject({ title: "New Title", summary: "Kept summary", version: 2 });
    expect(await storedMeeting(meeting.id)).toMatchObject({ searchText: "new title\nkept summary" });
    expect((await revisionsOf(meeting.id)).at(-1)).toEqual({
      action: "EDIT",
      changes: [{ field: "title", before: "Old title", after: "New Title" }],
    });
  });

  it("takes an edit of the date alone", async () => {
    const venue = await makeVenue();
    const meeting = await makeMeeting({ title: "Dated round", date: "2025-05-01", venue: venue.slug, summary: "S" });
    const edited = await updateMeeting(SYSTEM, meeting.id, { version: 1, date: "2025-06-02" });
    expect(edited).toMatchObject({
      title: "Dated round",
      summary: "S",
      date: "2025-06-02T00:00:00.000Z",
      venue: { slug: venue.slug },
      version: 2,
    });
    expect((await revisionsOf(meeting.id)).at(-1)).toEqual({
      action: "EDIT",
      changes: [{ field: "date", before: "2025-05-01T00:00:00.000Z", after: "2025-06-02T00:00:00.000Z" }],
    });
  });

  it("clears a date and a venue, given null or an empty value", async () => {
    const venue = await makeVenue();
    const a = await makeMeeting({ date: "2025-05-01", venue: venue.slug });
    const cleared = await updateMeeting(SYSTEM, a.id, { version: 1, date: null, venue: null });
    expect(cleared).toMatchObject({ date: null, venue: null, version: 2 });
    expect(await storedMeeting(a.id)).toMatchObject({ date: null, venueId: null });
    expect((await revisionsOf(a.id)).at(-1)).toEqual({
      action: "EDIT",
      changes: [
        { field: "date", before: "2025-05-01T00:00:00.000Z", after: null },
        { field: "venue", before: venue.slug, after: null },
      ],
    });
    const b = await makeMeeting({ date: "2025-05-01", venue: venue.slug });
    expect(await updateMeeting(SYSTEM, b.id, { version: 1, date: "", venue: "" })).toMatchObject({
      date: null,
      venue: null,
    });
  });

  it("moves to another venue, and refuses an unknown or deleted one with nothing changed", async () => {
    const [first, second] = [await makeVenue(), await makeVenue()];
    const meeting = await makeMeeting({ venue: first.slug });
    const moved = await updateMeeting(SYSTEM, meeting.id, { version: 1, venue: second.slug });
    expect(moved.venue).toMatchObject({ slug: second.slug });
    const db = await getDb();
    await db.venue.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    for (const slug of ["nowhere", first.slug]) {
      await expect(updateMeeting(SYSTEM, meeting.id, { version: 2, venue: slug })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "venue", message: `Unknown venue "${slug}"` }],
      });
    }
    expect(await storedMeeting(meeting.id)).toMatchObject({ venueId: second.id, version: 2 });
    await expect(createMeeting(SYSTEM, { title: "At a deleted venue", venue: first.slug })).rejects.toMatchObject({
      issues: [{ path: "venue", message: `Unknown venue "${first.slug}"` }],
    });
  });

  it("records a move's source URL in its history row, a field edit beside it in a revision", async () => {
    const meeting = await makeMeeting({ status: "PLANNED", title: "Planned round" });
    const held = await updateMeeting(
      SYSTEM,
      meeting.id,
      { version: 1, status: "HELD", reason: "It met", sourceUrl: "https://example.org/met", title: "Held round" },
      { sourceTitle: "Not this one" },
    );
    expect(held).toMatchObject({ status: "HELD", title: "Held round", version: 2 });
    expect(held.history.at(-1)).toMatchObject({
      from: "PLANNED",
      to: "HELD",
      reason: "It met",
      source: { url: "https://example.org/met" },
    });
    const titled = await makeMeeting({ status: "PLANNED" });
    const moved = await updateMeeting(
      SYSTEM,
      titled.id,
      { version: 1, status: "CANCELLED", reason: "Called off" },
      { sourceTitle: "A wire report" },
    );
    expect(moved.history.at(-1)).toMatchObject({ to: "CANCELLED", source: { title: "A wire report", url: null } });
    expect((await revisionsOf(meeting.id)).map((r) => r.changes)).toEqual([
      expect.anything(),
      [{ field: "title", before: "Planned round", after: "Held round" }],
    ]);
  });
});

describe("the meetings list and picker", () => {
  it("show undated meetings after dated ones, with a null date", async () => {
    const venue = await makeVenue();
    const undated = await makeMeeting({ title: "Undated", date: null, venue: venue.slug });
    const dated = await makeMeeting({ title: "Dated", date: "2020-01-01", venue: venue.slug });
    const listed = await listMeetings(SYSTEM, { venue: venue.slug });
    expect(listed.items.map((m) => [m.title, m.date])).toEqual([
      ["Dated", "2020-01-01T00:00:00.000Z"],
      ["Undated", null],
    ]);
    const options = (await listMeetingOptions(SYSTEM)).filter((o) => [undated.id, dated.id].includes(o.id));
    expect(options).toEqual([
      { id: dated.id, title: "Dated", date: "2020-01-01T00:00:00.000Z", status: "HELD" },
      { id: undated.id, title: "Undated", date: null, status: "HELD" },
    ]);
  });

  it("show the later logged of two meetings on one date first", async () => {
    const venue = await makeVenue();
    const onTheDay = (title: string, at: string) =>
      createMeeting(SYSTEM, { title, date: "2025-05-01", venue: venue.slug, status: "HELD" }, { at: new Date(at) });
    const first = await onTheDay("Logged first", "2025-05-02T10:00:00Z");
    const second = await onTheDay("Logged second", "2025-05-02T11:00:00Z");
    expect((await listMeetings(SYSTEM, { venue: venue.slug })).items.map((m) => m.id)).toEqual([second.id, first.id]);
    const options = (await listMeetingOptions(SYSTEM)).filter((o) => [first.id, second.id].includes(o.id));
    expect(options.map((o) => o.id)).toEqual([second.id, first.id]);
  });

  it("filter by dates, both ends included, and by status", async () => {
    const venue = await makeVenue();
    for (const date of ["2025-02-28", "2025-03-01", "2025-03-31", "2025-04-01"]) {
      await makeMeeting({ title: date, date, venue: venue.slug, status: date === "2025-03-01" ? "PLANNED" : "HELD" });
    }
    const titles = async (filters: Record<string, unknown>) =>
      (await listMeetings(SYSTEM, { venue: venue.slug, ...filters })).items.map((m) => m.title);
    expect(await titles({ from: "2025-03-01", to: "2025-03-31" })).toEqual(["2025-03-31", "2025-03-01"]);
    expect(await titles({ from: "2025-03-31" })).toEqual(["2025-04-01", "2025-03-31"]);
    expect(await titles({ to: "2025-03-01" })).toEqual(["2025-03-01", "2025-02-28"]);
    expect(await titles({ status: "PLANNED" })).toEqual(["2025-03-01"]);
    const page = await listMeetings(SYSTEM, { venue: venue.slug, status: "HELD" });
    expect(page.total).toBe(3);
  });

  it("list deleted meetings only under deleted=1, for admins; a restore brings one back", async () => {
    const venue = await makeVenue();
    const live = await makeMeeting({ title: "Live", venue: venue.slug });
    const gone = await makeMeeting({ title: "Gone", venue: venue.slug });
    const deleted = await deleteMeeting(SYSTEM, gone.id);
    expect(deleted).toMatchObject({ id: gone.id, version: 2, deletedAt: expect.any(String) });
    const ids = async (filters: Record<string, unknown>) =>
      (await listMeetings(SYSTEM, { venue: venue.slug, ...filters })).items.map((m) => m.id);
    expect(await ids({})).toEqual([live.id]);
    const deletedPage = await listMeetings(SYSTEM, { venue: venue.slug, deleted: "1" });
    expect(deletedPage.items.map((m) => [m.id, m.deletedAt])).toEqual([[gone.id, deleted.deletedAt]]);
    expect(deletedPage.total).toBe(1);
    await expect(listMeetings(userActor("analyst"), { deleted: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMeetingOrThrow(userActor("viewer"), gone.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMeetingOptions(SYSTEM, [gone.id])).map((o) => o.id)).not.toContain(gone.id);

    await expect(restoreMeeting(userActor("analyst"), gone.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await storedMeeting(gone.id)).toMatchObject({ version: 2 });
    const restored = await restoreMeeting(SYSTEM, gone.id);
    expect(restored).toMatchObject({ id: gone.id, title: "Gone", version: 3, deletedAt: null });
    expect(await ids({})).toEqual([gone.id, live.id]);
    expect(await ids({ deleted: "1" })).toEqual([]);
    expect(await getMeetingOrThrow(userActor("viewer"), gone.id)).toMatchObject({ id: gone.id, deletedAt: null });
    expect((await revisionsOf(gone.id)).map((r) => r.action)).toEqual(["CREATE", "DELETE", "RESTORE"]);
  });
});

describe("an outcome's bounds", () => {
  it("raises the meeting's version, and records each note's create revision", async () => {
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const a = await makeGrievance();
    const after = await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [{ grievanceId: a.id, status: "IN_NEGOTIATION", note: "Opened talks" }],
    });
    expect(after).toMatchObject({ version: 2, agendaCount: 1 });
    expect(await storedMeeting(meeting.id)).toMatchObject({ version: 2 });
    expect(after.agenda).toEqual([
      {
        id: expect.any(String),
        version: 1,
        note: "Opened talks",
        statusAfter: "IN_NEGOTIATION",
        grievance: { id: a.id, title: a.title, status: "IN_NEGOTIATION", category: "OTHER", version: 2 },
      },
    ]);
    const db = await getDb();
    const revision = await db.revision.findFirstOrThrow({
      where: { entity: "agendaItem", entityId: after.agenda[0]!.id },
    });
    expect(revision.action).toBe("CREATE");
    expect(JSON.parse(revision.changes)).toEqual([
      { field: "meetingId", before: null, after: meeting.id },
      { field: "grievanceId", before: null, after: a.id },
      { field: "note", before: null, after: "Opened talks" },
      { field: "statusAfter", before: null, after: "IN_NEGOTIATION" },
      { field: "occurredAt", before: null, after: "2025-05-01T00:00:00.000Z" },
    ]);
  });

  it("is refused for a deleted meeting, and for a deleted grievance, with nothing written", async () => {
    const meeting = await makeMeeting();
    const gone = await makeMeeting();
    await deleteMeeting(SYSTEM, gone.id);
    const a = await makeGrievance();
    const b = await makeGrievance();
    await deleteGrievance(SYSTEM, b.id);
    const before = await counts();
    await expect(
      logMeetingOutcome(SYSTEM, gone.id, { outcomes: [{ grievanceId: a.id, note: "n" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Meeting was not found" });
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [
          { grievanceId: a.id, note: "fine" },
          { grievanceId: b.id, note: "on a deleted grievance" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "outcomes.1.grievanceId", message: "Unknown grievance" }],
    });
    expect(await counts()).toEqual(before);
    expect(await storedMeeting(meeting.id)).toMatchObject({ version: 1 });
  });

  it("dates each row at its own occurredAt, else the batch's, else the meeting's date", async () => {
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const [a, b, c] = [await makeGrievance(), await makeGrievance(), await makeGrievance()];
    await logMeetingOutcome(SYSTEM, meeting.id, {
      occurredAt: "2025-05-02",
      outcomes: [
        { grievanceId: a.id, note: "own date", status: "STALLED", occurredAt: "2025-05-03" },
        { grievanceId: b.id, note: "batch date", status: "STALLED" },
      ],
    });
    await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [{ grievanceId: c.id, note: "every row dated", occurredAt: "2025-05-04" }],
    });
    const db = await getDb();
    const notes = await db.agendaItem.findMany({
      where: { meetingId: meeting.id },
      select: { grievanceId: true, occurredAt: true },
    });
    expect(Object.fromEntries(notes.map((n) => [n.grievanceId, n.occurredAt.toISOString()]))).toEqual({
      [a.id]: "2025-05-03T00:00:00.000Z",
      [b.id]: "2025-05-02T00:00:00.000Z",
      [c.id]: "2025-05-04T00:00:00.000Z",
    });
    expect((await getGrievanceOrThrow(SYSTEM, a.id)).history.at(-1)).toMatchObject({ at: "2025-05-03T00:00:00.000Z" });
  });

  it("takes a row's status already in force as no move, and cites the batch's source on a move", async () => {
    const meeting = await makeMeeting();
    const a = await makeGrievance();
    const b = await makeGrievance();
    const after = await logMeetingOutcome(
      SYSTEM,
      meeting.id,
      {
        sourceUrl: "https://example.org/outcome",
        outcomes: [
          { grievanceId: a.id, status: "OPEN", note: "Still open" },
          { grievanceId: b.id, status: "RESOLVED", note: "Settled" },
        ],
      },
      { sourceTitle: "Not this one" },
    );
    expect(after.agenda.map((row) => [row.grievance.id, row.statusAfter])).toEqual([
      [a.id, null],
      [b.id, "RESOLVED"],
    ]);
    expect(await getGrievanceOrThrow(SYSTEM, a.id)).toMatchObject({ status: "OPEN", version: 1 });
    expect((await getGrievanceOrThrow(SYSTEM, a.id)).history).toHaveLength(1);
    expect((await getGrievanceOrThrow(SYSTEM, b.id)).history.at(-1)).toMatchObject({
      to: "RESOLVED",
      reason: "Settled",
      meetingId: meeting.id,
      source: { url: "https://example.org/outcome" },
    });
    const c = await makeGrievance();
    const titled = await logMeetingOutcome(
      SYSTEM,
      meeting.id,
      { outcomes: [{ grievanceId: c.id, status: "STALLED", note: "Stuck" }] },
      { sourceTitle: "A wire report" },
    );
    expect(titled.agenda.map((row) => row.grievance.id)).toEqual([a.id, b.id, c.id]);
    expect((await getGrievanceOrThrow(SYSTEM, c.id)).history.at(-1)).toMatchObject({
      source: { title: "A wire report", url: null },
    });
  });

  it("refuses a note dated before its grievance was raised, with nothing written", async () => {
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const late = await makeGrievance({ raisedAt: "2025-06-01" });
    const before = await counts();
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, { outcomes: [{ grievanceId: late.id, note: "Too early" }] }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        { path: "outcomes.0.occurredAt", message: "It was raised on 2025-06-01: nothing can be dated before that" },
      ],
    });
    expect(await counts()).toEqual(before);
  });
});

describe("a meeting's dates and sources", () => {
  it("pages newest first through dated and undated meetings, and back", async () => {
    const venue = await makeVenue();
    const undated = await makeMeeting({ title: "Paged undated", date: null, venue: venue.slug });
    const older = await makeMeeting({ title: "Paged older", date: "2024-03-01", venue: venue.slug });
    const newer = await makeMeeting({ title: "Paged newer", date: "2024-04-01", venue: venue.slug });
    const ids: string[] = [];
    let page = await listMeetings(SYSTEM, { venue: venue.slug, limit: 1 });
    ids.push(...page.items.map((m) => m.id));
    while (page.nextCursor) {
      page = await listMeetings(SYSTEM, { venue: venue.slug, limit: 1, cursor: page.nextCursor });
      ids.push(...page.items.map((m) => m.id));
    }
    expect(ids).toEqual([newer.id, older.id, undated.id]);
    expect(page).toMatchObject({ total: 3, offset: 2 });
    const back = await listMeetings(SYSTEM, { venue: venue.slug, limit: 1, cursor: page.prevCursor });
    expect(back.items.map((m) => m.id)).toEqual([older.id]);
  });

  it("refuses a move dated before the meeting was logged, naming the date", async () => {
    const meeting = await createMeeting(SYSTEM, { title: "Logged late" }, { at: new Date("2025-03-01T00:00:00Z") });
    await expect(
      updateMeeting(
        SYSTEM,
        meeting.id,
        { version: 1, status: "HELD", reason: "Backdated" },
        { at: new Date("2025-02-01T00:00:00Z") },
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "occurredAt", message: "It was logged on 2025-03-01: nothing can be dated before that" }],
    });
    expect(await storedMeeting(meeting.id)).toMatchObject({ version: 1 });
  });

  it("is logged with its quotes", async () => {
    const meeting = await createMeeting(
      SYSTEM,
      { title: "Quoted" },
      { citations: [{ quote: "We met.", source: "https://example.org/met-quote" }] },
    );
    expect(meeting.citations).toEqual([
      expect.objectContaining({
        quote: "We met.",
        source: expect.objectContaining({ url: "https://example.org/met-quote" }),
      }),
    ]);
  });

  it("takes an outcome whose rows are all dated for a meeting dated ahead, and refuses an undated row", async () => {
    const ahead = await makeMeeting({ date: "2099-01-01" });
    const a = await makeGrievance();
    const b = await makeGrievance();
    const logged = await logMeetingOutcome(SYSTEM, ahead.id, {
      outcomes: [{ grievanceId: a.id, note: "Dated", occurredAt: "2025-05-05" }],
    });
    expect(logged.agenda).toHaveLength(1);
    const before = await counts();
    await expect(
      logMeetingOutcome(SYSTEM, ahead.id, {
        outcomes: [
          { grievanceId: a.id, note: "Dated again", occurredAt: "2025-05-06" },
          { grievanceId: b.id, note: "Undated" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "occurredAt", message: "The meeting's date is in the future: give the date it happened" }],
    });
    expect(await counts()).toEqual(before);
  });

  it("dates an undated batch at the context's time, and records who logged each note", async () => {
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const a = await makeGrievance();
    const analyst = await createUser(SYSTEM, {
      email: "outcome-analyst@example.org",
      role: "analyst",
      password: "a long test password",
    });
    const at = new Date("2025-05-09T12:00:00Z");
    await logMeetingOutcome(
      { kind: "user", ...analyst, via: "session" },
      meeting.id,
      { outcomes: [{ grievanceId: a.id, note: "Told later" }] },
      { at },
    );
    const db = await getDb();
    const note = await db.agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(note).toMatchObject({ occurredAt: at, createdAt: at, actorId: analyst.id, statusAfter: null });
    const revision = await db.revision.findFirstOrThrow({ where: { entity: "agendaItem", entityId: note.id } });
    expect(revision.actorId).toBe(analyst.id);
  });

  it("names the row whose move is dated before its grievance was raised", async () => {
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const early = await makeGrievance({ raisedAt: "2025-01-01" });
    const late = await makeGrievance({ raisedAt: "2025-07-01" });
    await expect(
      logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [
          { grievanceId: early.id, note: "Fine", status: "STALLED" },
          { grievanceId: late.id, note: "Too soon", status: "STALLED" },
        ],
      }),
    ).rejects.toMatchObject({
      issues: [
        { path: "outcomes.1.occurredAt", message: "It was raised on 2025-07-01: nothing can be dated before that" },
      ],
    });
    expect(await getGrievanceOrThrow(SYSTEM, early.id)).toMatchObject({ status: "OPEN", version: 1 });
  });
});

describe("a meeting as read", () => {
  it("names its venue and participants' parties by their references only", async () => {
    const venue = await makeVenue({ name: "Ref Hall", city: "Riga", country: "Latvia" });
    const party = await makeParty({ name: "Ref Land", shortName: "RL" });
    const meeting = await makeMeeting({ venue: venue.slug, participants: [{ party: party.slug, role: "MEDIATOR" }] });
    const listed = (await listMeetings(SYSTEM, { venue: venue.slug })).items[0]!;
    for (const read of [meeting, await getMeetingOrThrow(SYSTEM, meeting.id), listed]) {
      expect(read.venue).toEqual({ slug: venue.slug, name: "Ref Hall", city: "Riga", country: "Latvia" });
      expect(read.participants).toEqual([
        { party: { slug: party.slug, name: "Ref Land", shortName: "RL" }, role: "MEDIATOR", headOfDelegation: null },
      ]);
    }
  });

  it("counts and shows only its live grievances' agenda items, in the list and on its page", async () => {
    const venue = await makeVenue();
    const meeting = await makeMeeting({ venue: venue.slug });
    const quiet = await makeMeeting({ venue: venue.slug, date: "2025-04-01" });
    const [a, b, c] = [await makeGrievance(), await makeGrievance(), await makeGrievance()];
    await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [a, b, c].map((g) => ({ grievanceId: g.id, note: `On ${g.title}` })),
    });
    await deleteGrievance(SYSTEM, b.id);
    const listed = await listMeetings(SYSTEM, { venue: venue.slug });
    expect(listed.items.map((m) => [m.id, m.agendaCount])).toEqual([
      [meeting.id, 2],
      [quiet.id, 0],
    ]);
    const detail = await getMeetingOrThrow(SYSTEM, meeting.id);
    expect(detail.agendaCount).toBe(2);
    expect(detail.agenda.map((item) => item.grievance.id)).toEqual([a.id, c.id]);
  });

  it("filters by a party among several, and lists meetings held nowhere when no venue is asked for", async () => {
    const [one, two] = [await makeParty(), await makeParty()];
    const withOne = await makeMeeting({ participants: [{ party: one.slug }] });
    const withTwo = await makeMeeting({ participants: [{ party: two.slug }] });
    const withBoth = await makeMeeting({ participants: [{ party: one.slug }, { party: two.slug }] });
    const ids = (await listMeetings(SYSTEM, { party: one.slug })).items.map((m) => m.id);
    expect(ids.sort()).toEqual([withOne.id, withBoth.id].sort());
    expect(ids).not.toContain(withTwo.id);
    // None of the three has a venue: without a venue filter they are listed.
    const all = (await listMeetings(SYSTEM, { limit: 100 })).items.map((m) => m.id);
    expect(all).toEqual(expect.arrayContaining([withOne.id, withTwo.id, withBoth.id]));
  });

  it("is not found when unknown, and a stale edit's conflict names the meeting", async () => {
    await expect(getMeetingOrThrow(SYSTEM, "no-such-meeting")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Meeting was not found",
    });
    await expect(updateMeeting(SYSTEM, "no-such-meeting", { version: 1, title: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Meeting was not found",
    });
    const meeting = await makeMeeting({ title: "Contested" });
    await updateMeeting(SYSTEM, meeting.id, { version: 1, title: "Contested again" });
    await expect(updateMeeting(SYSTEM, meeting.id, { version: 1, title: "Late" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Someone else changed this meeting first (it is now at version 2); review their change and apply yours again",
      current: { id: meeting.id, title: "Contested again", version: 2 },
    });
  });

  it("names an unknown participant at its place, and is offered to a viewer's picker", async () => {
    const known = await makeParty();
    await expect(
      createMeeting(SYSTEM, { title: "x", participants: [{ party: known.slug }, { party: "atlantis" }] }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "participants.1", message: 'Unknown party "atlantis"' }],
    });
    const meeting = await makeMeeting({ title: "Offered" });
    expect((await listMeetingOptions(userActor("viewer"))).map((o) => o.id)).toContain(meeting.id);
  });
});
