import { describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { updateAgendaNote } from "@/lib/server/agenda";
import { getDb } from "@/lib/server/db";
import { deleteGrievance } from "@/lib/server/grievances";
import { deleteMeeting, getMeetingOrThrow, logMeetingOutcome } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting } from "../support/factories";

// Editing an agenda note keeps what it said before as a revision (issue 8).

const viewer: Actor = { kind: "user", id: "v", name: "V", email: "v@example.org", role: "viewer", via: "token" };

async function noteOnNewMeeting(text: string) {
  const meeting = await makeMeeting();
  const grievance = await makeGrievance();
  const logged = await logMeetingOutcome(SYSTEM, meeting.id, { outcomes: [{ grievanceId: grievance.id, note: text }] });
  return { meeting, item: logged.agenda[0]! };
}

async function counts() {
  const db = await getDb();
  return {
    revisions: await db.revision.count(),
    notes: JSON.stringify(
      await db.agendaItem.findMany({ orderBy: { id: "asc" }, select: { note: true, version: true } }),
    ),
  };
}

describe("editing an agenda note", () => {
  it("rewrites the text at the version seen and keeps the old text as an edit revision", async () => {
    const { meeting, item } = await noteOnNewMeeting("Notes exchanged to finalize the banking channel.");
    expect(item).toMatchObject({ version: 1, note: "Notes exchanged to finalize the banking channel." });
    const edited = await updateAgendaNote(SYSTEM, item.id, {
      version: "1",
      note: "Notes exchanged; banking channel agreed.",
    });
    expect(edited).toEqual({
      id: item.id,
      meetingId: meeting.id,
      grievanceId: item.grievance.id,
      note: "Notes exchanged; banking channel agreed.",
      version: 2,
      deletedAt: null,
    });
    expect((await getMeetingOrThrow(SYSTEM, meeting.id)).agenda[0]).toMatchObject({
      id: item.id,
      note: "Notes exchanged; banking channel agreed.",
      version: 2,
    });
    const db = await getDb();
    const revisions = await db.revision.findMany({
      where: { entity: "agendaItem", entityId: item.id },
      orderBy: { recordedAt: "asc" },
    });
    expect(revisions.map((r) => r.action)).toEqual(["CREATE", "EDIT"]);
    expect(JSON.parse(revisions[1]!.changes)).toEqual([
      {
        field: "note",
        before: "Notes exchanged to finalize the banking channel.",
        after: "Notes exchanged; banking channel agreed.",
      },
    ]);
  });

  it("shows the old text in the revisions of the meeting and of the grievance the note is on", async () => {
    const { meeting, item } = await noteOnNewMeeting("Said first.");
    await updateAgendaNote(SYSTEM, item.id, { version: "1", note: "Said later." });
    for (const [kind, id] of [
      ["meeting", meeting.id],
      ["grievance", item.grievance.id],
    ] as const) {
      const notes = (await listRevisions(SYSTEM, kind, id)).filter((r) => r.entity === "agendaItem");
      expect(
        notes.map((r) => [r.action, r.entityId]),
        kind,
      ).toEqual([
        ["create", item.id],
        ["edit", item.id],
      ]);
      expect(notes[1]!.changes).toEqual([{ field: "note", before: "Said first.", after: "Said later." }]);
    }
  });

  it.each([
    ["a viewer", viewer, { version: 1, note: "x" }, "FORBIDDEN"],
    ["a stale version", SYSTEM, { version: 3, note: "x" }, "CONFLICT"],
    ["an empty note", SYSTEM, { version: 1, note: "  " }, "VALIDATION_FAILED"],
    ["no version", SYSTEM, { note: "x" }, "VALIDATION_FAILED"],
    ["an unknown field", SYSTEM, { version: 1, note: "x", statusAfter: "RESOLVED" }, "VALIDATION_FAILED"],
  ])("refuses %s and changes nothing", async (_what, actor, input, code) => {
    const { item } = await noteOnNewMeeting("As it was");
    const before = await counts();
    await expect(updateAgendaNote(actor, item.id, input)).rejects.toMatchObject({ code });
    expect(await counts()).toEqual(before);
  });

  it("is open to an analyst, and tells a viewer the role it needs", async () => {
    const analyst = await createUser(SYSTEM, {
      email: "note-editor@example.org",
      role: "analyst",
      password: "a long test password",
    });
    const { item } = await noteOnNewMeeting("By the system");
    const edited = await updateAgendaNote({ kind: "user", ...analyst, via: "session" }, item.id, {
      version: 1,
      note: "By an analyst",
    });
    expect(edited).toMatchObject({ note: "By an analyst", version: 2 });
    const db = await getDb();
    const revision = await db.revision.findFirstOrThrow({ where: { entityId: item.id, action: "EDIT" } });
    expect(revision.actorId).toBe(analyst.id);
    await expect(updateAgendaNote(viewer, item.id, { version: 2, note: "By a viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the analyst role or higher",
    });
  });

  it("names the note in a conflict, carrying it as it stands", async () => {
    const { item } = await noteOnNewMeeting("First words");
    await updateAgendaNote(SYSTEM, item.id, { version: 1, note: "Second words" });
    await expect(updateAgendaNote(SYSTEM, item.id, { version: 1, note: "Stale words" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Someone else changed this agenda note first (it is now at version 2); review their change and apply yours again",
      current: { id: item.id, note: "Second words", version: 2 },
    });
  });

  it("404s for an unknown note, and for a note on a deleted meeting or grievance", async () => {
    await expect(updateAgendaNote(SYSTEM, "missing", { version: 1, note: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Agenda note was not found",
    });
    const onGrievance = await noteOnNewMeeting("On a grievance to delete");
    await deleteGrievance(SYSTEM, onGrievance.item.grievance.id);
    await expect(updateAgendaNote(SYSTEM, onGrievance.item.id, { version: 1, note: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Agenda note was not found",
    });
    const { meeting, item } = await noteOnNewMeeting("As it was");
    await deleteMeeting(SYSTEM, meeting.id);
    const before = await counts();
    await expect(updateAgendaNote(SYSTEM, item.id, { version: 1, note: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts()).toEqual(before);
  });
});
