import { describe, expect, it } from "vitest";
import { GET as grievanceRevisionsRoute } from "@/app/api/v1/grievances/[id]/revisions/route";
import { GET as partyRevisionsRoute } from "@/app/api/v1/parties/[slug]/revisions/route";
import { RevisionListSchema } from "@/lib/schemas/revision";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteGrievance, getGrievanceOrThrow, restoreGrievance, updateGrievance } from "@/lib/server/grievances";
import { deleteMeeting, logMeetingOutcome, restoreMeeting, updateMeeting } from "@/lib/server/meetings";
import { createParty, deleteParty, mergeParty, restoreParty, updateParty } from "@/lib/server/parties";
import { changedFields, listRevisions } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting, makeParty, makeVenue, seedDatabase, userActor } from "../support/factories";
import { expectError, getRequest, params, readJson, tokenFor } from "../api/support";

// Every create, edit, delete and restore through the shared cores appends exactly one revision,
// in the same transaction; a pure status move (its own timeline) and a refused write append none.

async function revisionsOf(entity: string, entityId: string) {
  const db = await getDb();
  return db.revision.findMany({ where: { entity, entityId }, orderBy: [{ recordedAt: "asc" }, { id: "asc" }] });
}

const changesOf = (row: { changes: string }) => JSON.parse(row.changes) as Array<{ field: string }>;

async function revisionCount() {
  return (await getDb()).revision.count();
}

describe("the seed's revisions", () => {
  it("marks every one as the seed's, and gives every seeded record its create revision", async () => {
    await seedDatabase();
    const db = await getDb();
    expect(await db.revision.count({ where: { seed: false } })).toBe(0);
    const kinds = [
      ["grievance", await db.grievance.findMany({ select: { id: true } })],
      ["meeting", await db.meeting.findMany({ select: { id: true } })],
      ["party", await db.party.findMany({ select: { id: true } })],
      ["venue", await db.venue.findMany({ select: { id: true } })],
      ["source", await db.source.findMany({ select: { id: true } })],
      ["citation", await db.citation.findMany({ select: { id: true } })],
      ["agendaItem", await db.agendaItem.findMany({ select: { id: true } })],
    ] as const;
    for (const [entity, rows] of kinds) {
      expect(rows.length, entity).toBeGreaterThan(0);
      for (const { id } of rows) {
        const created = await db.revision.count({ where: { entity, entityId: id, action: "CREATE" } });
        expect(created, `${entity} ${id}`).toBe(1);
      }
    }
    // The seed's moves are status moves: none of them is an edit.
    expect(await db.revision.count({ where: { action: { not: "CREATE" } } })).toBe(0);
  });
});

describe("grievance revisions", () => {
  it("a create writes one, with every field as created, and its citation and new source theirs", async () => {
    const raised = await makeParty();
    const addressed = await makeParty();
    const grievance = await makeGrievance({
      title: "Consular access",
      description: "Denied twice",
      raisedBy: [raised.slug],
      addressedTo: [addressed.slug],
      citations: [{ quote: "Access was denied.", source: "https://example.org/consular" }],
    });
    const [created, ...more] = await revisionsOf("grievance", grievance.id);
    expect(more).toEqual([]);
    expect(created).toMatchObject({ action: "CREATE", seed: false, actorId: null });
    expect(JSON.parse(created!.changes)).toEqual([
      { field: "title", before: null, after: "Consular access" },
      { field: "description", before: null, after: "Denied twice" },
      { field: "category", before: null, after: "OTHER" },
      { field: "raisedBy", before: null, after: [raised.slug] },
      { field: "addressedTo", before: null, after: [addressed.slug] },
    ]);
    const db = await getDb();
    const citation = await db.citation.findFirstOrThrow({ where: { grievanceId: grievance.id } });
    const [quote] = await revisionsOf("citation", citation.id);
    expect(JSON.parse(quote!.changes)).toContainEqual({
      field: "source",
      before: null,
      after: "https://example.org/consular",
    });
    expect(await revisionsOf("source", citation.sourceId)).toHaveLength(1);
  });

  it("an edit writes one with exactly the fields it changed, parties by slug", async () => {
    const grievance = await makeGrievance({ title: "Before" });
    const other = await makeParty();
    const analyst = await createUser(SYSTEM, {
      email: "editor@example.org",
      role: "analyst",
      password: "a long test password",
    });
    const actor = { kind: "user", ...analyst, via: "session" } as const;
    await updateGrievance(actor, grievance.id, { version: grievance.version, title: "After", raisedBy: [other.slug] });
    const [, edit, ...more] = await revisionsOf("grievance", grievance.id);
    expect(more).toEqual([]);
    expect(edit).toMatchObject({ action: "EDIT", actorId: analyst.id, seed: false });
    expect(JSON.parse(edit!.changes)).toEqual([
      { field: "title", before: "Before", after: "After" },
      { field: "raisedBy", before: grievance.raisedBy.map((p) => p.slug), after: [other.slug] },
    ]);
    const [revision] = (await listRevisions(SYSTEM, "grievance", grievance.id)).slice(1);
    expect(revision!.actor).toEqual({ name: analyst.name, email: analyst.email });
  });

  it("a pure status move writes none; fields edited with a move write one, without the status", async () => {
    const grievance = await makeGrievance();
    const before = await revisionCount();
    const moved = await updateGrievance(SYSTEM, grievance.id, {
      version: grievance.version,
      status: "IN_NEGOTIATION",
      reason: "Talks began",
    });
    expect(await revisionCount()).toBe(before);
    await updateGrievance(SYSTEM, grievance.id, {
      version: moved.version,
      status: "STALLED",
      reason: "Stuck",
      description: "Now stuck",
    });
    const revisions = await revisionsOf("grievance", grievance.id);
    expect(revisions.map((r) => r.action)).toEqual(["CREATE", "EDIT"]);
    expect(changesOf(revisions[1]!).map((c) => c.field)).toEqual(["description"]);
  });

  it("an edit that changes nothing, a stale version and a bad input write none", async () => {
    const grievance = await makeGrievance({ title: "Same" });
    const before = await revisionCount();
    const same = await updateGrievance(SYSTEM, grievance.id, { version: grievance.version, title: "Same" });
    // An edit that changes nothing is no edit: the version stays, so other open forms stay current.
    expect(same.version).toBe(grievance.version);
    await expect(
      updateGrievance(SYSTEM, grievance.id, { version: grievance.version + 1, title: "Stale" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      updateGrievance(SYSTEM, grievance.id, { version: same.version, title: "Fine", raisedBy: ["no-such-party"] }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(updateGrievance(SYSTEM, grievance.id, { version: same.version, title: "" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await revisionCount()).toBe(before);
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).title).toBe("Same");
  });

  it("a delete and a restore write one each; deleting what is deleted writes none", async () => {
    const grievance = await makeGrievance();
    await deleteGrievance(SYSTEM, grievance.id);
    await deleteGrievance(SYSTEM, grievance.id);
    await restoreGrievance(SYSTEM, grievance.id);
    const revisions = await revisionsOf("grievance", grievance.id);
    expect(revisions.map((r) => [r.action, r.changes])).toEqual([
      ["CREATE", expect.any(String)],
      ["DELETE", "[]"],
      ["RESTORE", "[]"],
    ]);
  });
});

describe("meeting revisions", () => {
  it("a create, an edit of venue and summary, a delete and a restore write one each", async () => {
    const venue = await makeVenue();
    const party = await makeParty();
    const meeting = await makeMeeting({
      status: "PLANNED",
      summary: "First",
      participants: [{ party: party.slug, role: "HOST" }],
    });
    const [created] = await revisionsOf("meeting", meeting.id);
    expect(JSON.parse(created!.changes)).toContainEqual({
      field: "participants",
      before: null,
      after: [`${party.slug} (HOST)`],
    });
    const edited = await updateMeeting(SYSTEM, meeting.id, {
      version: meeting.version,
      venue: venue.slug,
      summary: "Second",
    });
    // A status move is in the meeting's history, not its revisions.
    await updateMeeting(SYSTEM, meeting.id, { version: edited.version, status: "HELD", reason: "It took place" });
    await deleteMeeting(SYSTEM, meeting.id);
    await restoreMeeting(SYSTEM, meeting.id);
    const revisions = await revisionsOf("meeting", meeting.id);
    expect(revisions.map((r) => r.action)).toEqual(["CREATE", "EDIT", "DELETE", "RESTORE"]);
    expect(JSON.parse(revisions[1]!.changes)).toEqual([
      { field: "venue", before: null, after: venue.slug },
      { field: "summary", before: "First", after: "Second" },
    ]);
  });

  it("an outcome writes a create revision for each agenda note, and none for the grievances it moves", async () => {
    const meeting = await makeMeeting();
    const grievance = await makeGrievance();
    await logMeetingOutcome(SYSTEM, meeting.id, {
      outcomes: [{ grievanceId: grievance.id, version: grievance.version, status: "IN_NEGOTIATION", note: "Opened" }],
    });
    const db = await getDb();
    const [note] = await db.agendaItem.findMany({ where: { meetingId: meeting.id } });
    const [created, ...more] = await revisionsOf("agendaItem", note!.id);
    expect(more).toEqual([]);
    expect(JSON.parse(created!.changes)).toContainEqual({ field: "note", before: null, after: "Opened" });
    expect((await revisionsOf("grievance", grievance.id)).map((r) => r.action)).toEqual(["CREATE"]);
  });
});

describe("party revisions", () => {
  it("a create, an edit, a delete and a restore write one each; a refused edit none", async () => {
    const party = await makeParty({ name: "Old name" });
    const db = await getDb();
    const { version } = await db.party.findUniqueOrThrow({ where: { id: party.id }, select: { version: true } });
    await updateParty(SYSTEM, party.slug, { version, name: "New name" });
    const before = await revisionCount();
    await expect(updateParty(SYSTEM, party.slug, { version, name: "Stale" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await revisionCount()).toBe(before);
    await deleteParty(SYSTEM, party.slug);
    await restoreParty(SYSTEM, party.slug);
    const revisions = await listRevisions(SYSTEM, "party", party.slug);
    expect(revisions.map((r) => r.action)).toEqual(["create", "edit", "delete", "restore"]);
    expect(revisions[1]!.changes).toEqual([{ field: "name", before: "Old name", after: "New name" }]);
  });
});

describe("GET …/revisions", () => {
  it("serves a grievance's revisions oldest first, and 404 for an unknown one", async () => {
    const grievance = await makeGrievance({ title: "Served" });
    await updateGrievance(SYSTEM, grievance.id, { version: grievance.version, title: "Served again" });
    const response = await grievanceRevisionsRoute(
      getRequest(`/api/v1/grievances/${grievance.id}/revisions`),
      params({ id: grievance.id }),
    );
    expect(response.status).toBe(200);
    const { items } = RevisionListSchema.parse(await readJson(response));
    expect(items.map((r) => r.action)).toEqual(["create", "edit"]);
    expect(items[1]!.changes).toEqual([{ field: "title", before: "Served", after: "Served again" }]);
    const missing = "c" + "0".repeat(24);
    await expectError(
      await grievanceRevisionsRoute(getRequest(`/api/v1/grievances/${missing}/revisions`), params({ id: missing })),
      404,
      "NOT_FOUND",
    );
  });

  it("serves a party's by slug; a deleted grievance's are for admins only", async () => {
    const party = await makeParty();
    const response = await partyRevisionsRoute(
      getRequest(`/api/v1/parties/${party.slug}/revisions`),
      params({ slug: party.slug }),
    );
    expect(RevisionListSchema.parse(await readJson(response)).items.map((r) => r.action)).toEqual(["create"]);
    await expectError(
      await partyRevisionsRoute(
        getRequest("/api/v1/parties/no-such-party/revisions"),
        params({ slug: "no-such-party" }),
      ),
      404,
      "NOT_FOUND",
    );
    const grievance = await makeGrievance();
    await deleteGrievance(SYSTEM, grievance.id);
    const viewer = { Authorization: `Bearer ${await tokenFor("viewer")}` };
    const path = `/api/v1/grievances/${grievance.id}/revisions`;
    await expectError(
      await grievanceRevisionsRoute(getRequest(path, viewer), params({ id: grievance.id })),
      404,
      "NOT_FOUND",
    );
    expect((await grievanceRevisionsRoute(getRequest(path), params({ id: grievance.id }))).status).toBe(200);
  });
});

describe("what a revision keeps of a field", () => {
  it("dates as ISO text, lists as text, numbers and flags as they are, anything else as JSON, absent as null", () => {
    const at = new Date("2025-02-03T04:05:06.000Z");
    const fields = ["date", "list", "count", "flag", "object", "gone", "same"];
    expect(
      changedFields(
        { date: null, list: ["a"], count: 1, flag: false, object: { a: 1 }, gone: "x", same: "kept" },
        { date: at, list: ["a", 2], count: 2, flag: true, object: { a: 2 }, gone: undefined, same: "kept" },
        fields,
      ),
    ).toEqual([
      { field: "date", before: null, after: "2025-02-03T04:05:06.000Z" },
      { field: "list", before: ["a"], after: ["a", "2"] },
      { field: "count", before: 1, after: 2 },
      { field: "flag", before: false, after: true },
      { field: "object", before: '{"a":1}', after: '{"a":2}' },
      { field: "gone", before: "x", after: null },
    ]);
    // Only the fields asked for, in the order asked; the same date twice is no change.
    expect(changedFields({ a: 1, b: 1 }, { a: 2, b: 2 }, ["b"])).toEqual([{ field: "b", before: 1, after: 2 }]);
    expect(changedFields({ d: new Date(at) }, { d: new Date(at) }, ["d"])).toEqual([]);
    expect(changedFields(null, null, ["a"])).toEqual([]);
  });
});

describe("who and when a revision records", () => {
  it("a seeding write is marked as the seed's and dated at its records' date; any other is dated now", async () => {
    const at = new Date("2024-05-06T00:00:00.000Z");
    const seeded = await createParty(SYSTEM, { name: "Seeded party", slug: "seeded-party" }, { seed: true, at });
    const [seedRow] = await revisionsOf("party", seeded.id);
    expect(seedRow).toMatchObject({ seed: true, recordedAt: at, actorId: null, note: null });
    const before = Date.now();
    const typed = await createParty(SYSTEM, { name: "Typed party", slug: "typed-party" }, { at });
    const [typedRow] = await revisionsOf("party", typed.id);
    expect(typedRow!.seed).toBe(false);
    expect(typedRow!.recordedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("a merge keeps why, and the merged party's revisions are for admins once it is gone", async () => {
    const merged = await makeParty({ name: "Merged away" });
    const survivor = await makeParty({ name: "Survivor" });
    await mergeParty(SYSTEM, merged.slug, { into: survivor.slug });
    const revisions = await listRevisions(SYSTEM, "party", merged.slug);
    expect(revisions.map((r) => [r.action, r.note])).toEqual([
      ["create", null],
      ["merge", "Merged into Survivor"],
    ]);
    expect(revisions[1]).toMatchObject({
      entity: "party",
      entityId: merged.id,
      changes: [{ field: "mergedInto", before: null, after: survivor.slug }],
      seed: false,
      actor: null,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    await expect(listRevisions(userActor("viewer"), "party", merged.slug)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Party was not found",
    });
    await expect(listRevisions(null, "party", merged.slug)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("a record's revisions with those of what it carries", () => {
  it("a grievance's take in its citations' and agenda notes', a meeting's its notes', oldest first", async () => {
    const meeting = await makeMeeting();
    const grievance = await makeGrievance({
      citations: [{ quote: "Carried quote", source: "https://example.org/carried" }],
    });
    await logMeetingOutcome(SYSTEM, meeting.id, { outcomes: [{ grievanceId: grievance.id, note: "Carried note" }] });
    await updateGrievance(SYSTEM, grievance.id, { version: grievance.version, title: "Carried, renamed" });
    const ofGrievance = await listRevisions(userActor("viewer"), "grievance", grievance.id);
    expect(ofGrievance.map((r) => [r.entity, r.action])).toEqual([
      ["grievance", "create"],
      ["citation", "create"],
      ["agendaItem", "create"],
      ["grievance", "edit"],
    ]);
    const ofMeeting = await listRevisions(SYSTEM, "meeting", meeting.id);
    expect(ofMeeting.map((r) => [r.entity, r.action])).toEqual([
      ["meeting", "create"],
      ["agendaItem", "create"],
    ]);
    // Another grievance's notes at the same round are not this one's.
    const other = await makeGrievance();
    await logMeetingOutcome(SYSTEM, meeting.id, { outcomes: [{ grievanceId: other.id, note: "Not carried" }] });
    expect(await listRevisions(SYSTEM, "grievance", grievance.id)).toHaveLength(4);
    expect((await listRevisions(SYSTEM, "grievance", other.id)).map((r) => r.entity)).toEqual([
      "grievance",
      "agendaItem",
    ]);
  });

  it("a venue's by slug, and an unknown venue, meeting, grievance or party is not found under its name", async () => {
    const venue = await makeVenue();
    expect((await listRevisions(SYSTEM, "venue", venue.slug)).map((r) => [r.entity, r.entityId])).toEqual([
      ["venue", venue.id],
    ]);
    await expect(listRevisions(SYSTEM, "venue", "no-such-venue")).rejects.toMatchObject({
      message: "Venue was not found",
    });
    await expect(listRevisions(SYSTEM, "meeting", "no-such-meeting")).rejects.toMatchObject({
      message: "Meeting was not found",
    });
    await expect(listRevisions(SYSTEM, "grievance", "no-such-grievance")).rejects.toMatchObject({
      message: "Grievance was not found",
    });
    await expect(listRevisions(SYSTEM, "party", "no-such-party")).rejects.toMatchObject({
      message: "Party was not found",
    });
  });
});
