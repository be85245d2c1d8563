import { z } from "zod";
import { LIMITS, requiredText, VersionSchema } from "./common";

// An agenda note: what a meeting said about one grievance. Notes are appended, never replaced;
// an edit keeps the old text as a revision (issue 8).

/** The edit of a note's text, with the version last seen. */
export const AgendaNoteUpdateSchema = z.strictObject({
  version: VersionSchema,
  note: requiredText("Note", LIMITS.note),
});

/** A note as lib/server returns it: a plain type, since nothing parses or publishes it. */
export type AgendaNote = {
  id: string;
  meetingId: string;
  grievanceId: string;
  note: string;
  version: number;
  /** ISO 8601 date-time (UTC), or null while the note is live. */
  deletedAt: string | null;
};
