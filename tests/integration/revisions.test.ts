import { describe, expect, it } from "vitest";
import { GET as grievanceRevisionsRoute } from "@/app/api/v1/grievances/[id]/revisions/route";
import { GET as partyRevisionsRoute } from "@/app/api/v1/parties/[slug]/revisions/route";
import { RevisionListSchema } from "@/lib/schemas/revision";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteGrievance, getGrievanceOrThrow, restoreGrievance, updateGrievance } from "@/lib/server/grievances";
import { deleteMeeting, logMeetingOutcome, restoreMeeting, updateMeeting } from "@/lib/server/meetings";
import { deleteParty, restoreParty, updateParty } from "@/lib/server/parties";
import { listRevisions } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting, makeParty, makeVenue, seedDatabase } from "../support/factories";
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
