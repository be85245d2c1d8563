import "server-only";
import { AgendaNoteUpdateSchema, type AgendaNote } from "@/lib/schemas/agenda";
import type { Actor } from "./authz";
import type { Tx } from "./db";
import { mutate } from "./mutation";
import { AGENDA_ITEM_REVISIONS } from "./revisions";
import { versionedRecord } from "./versioned";

// Agenda notes are appended by logMeetingOutcome (lib/server/meetings.ts); here one is edited.
// They are versioned records, so an edit is checked against the version last seen and its old
// text is kept by the revision the core writes.

async function readAgendaNote(tx: Tx, id: string): Promise<AgendaNote | null> {
  const item = await tx.agendaItem.findUnique({
    where: { id },
    select: { id: true, meetingId: true, grievanceId: true, note: true, version: true, deletedAt: true },
  });
  return item && { ...item, deletedAt: item.deletedAt?.toISOString() ?? null };
}

const agendaNote = versionedRecord({
  model: "agendaItem",
  label: "Agenda note",
  // A note on a deleted meeting or grievance is out of sight, so it cannot be edited either.
  state: async (tx, id) => {
    const item = await tx.agendaItem.findUnique({
      where: { id },
      select: {
        version: true,
        deletedAt: true,
        meeting: { select: { deletedAt: true } },
        grievance: { select: { deletedAt: true } },
      },
    });
    if (!item) return null;
    return { version: item.version, deletedAt: item.deletedAt ?? item.meeting.deletedAt ?? item.grievance.deletedAt };
  },
  read: readAgendaNote,
  revisions: AGENDA_ITEM_REVISIONS,
});

/** Rewrites an agenda note's text (analysts), at the version last seen; the old text stays in its revisions. */
export function updateAgendaNote(actor: Actor | null, agendaItemId: string, input: unknown): Promise<AgendaNote> {
  return mutate(actor, { permission: "write", schema: AgendaNoteUpdateSchema, input }, async (tx, data, who) => {
    await agendaNote.change(tx, agendaItemId, data.version, {
      who,
      at: new Date(),
      fields: async () => ({ note: data.note }),
    });
    // change() has found the note in this transaction, or thrown NOT_FOUND.
    return (await readAgendaNote(tx, agendaItemId))!;
  });
}
