import { describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { updateAgendaNote } from "@/lib/server/agenda";
import { getDb } from "@/lib/server/db";
import { deleteMeeting, getMeetingOrThrow, logMeetingOutcome } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
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
    expect(edited).toMatchObject({ id: item.id, note: "Notes exchanged; banking channel agreed.", version: 2 });
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

  it("404s for an unknown note, and for a note on a deleted meeting", async () => {
    await expect(updateAgendaNote(SYSTEM, "missing", { version: 1, note: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
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
