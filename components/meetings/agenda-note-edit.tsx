"use client";

import { FieldListForm } from "@/components/forms/field-list-form";
import { updateAgendaNoteAction } from "@/lib/actions/records";
import { LIMITS } from "@/lib/schemas/common";

/**
 * One agenda note, with "Edit" behind a disclosure (no JavaScript needed): the old text stays in
 * the note's revisions.
 */
export function AgendaNoteEdit({ id, version, note }: { id: string; version: number; note: string }) {
  return (
    <div>
      <p className="whitespace-pre-line">{note}</p>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer rounded-sm text-accent-700 select-none hover:underline">Edit note</summary>
        <FieldListForm
          action={updateAgendaNoteAction}
          fields={[
            {
              name: "note",
              id: `agenda-note-${id}`,
              label: "Note",
              hint: "The text it replaces is kept in the note's revisions.",
              rows: 3,
              initial: note,
              control: { maxLength: LIMITS.note },
            },
          ]}
          hidden={{ id, version: String(version) }}
          label="Save note"
          pendingLabel="Saving…"
          statusId={`agenda-note-${id}-status`}
          className="mt-2 space-y-2"
        />
      </details>
    </div>
  );
}
