import { z } from "zod";
import { LIMITS, requiredText, TimestampSchema, VersionSchema } from "./common";

// An agenda note: what a meeting said about one grievance. Notes are appended, never replaced;
// an edit keeps the old text as a revision (issue 8).

/** The edit of a note's text, with the version last seen. */
export const AgendaNoteUpdateSchema = z.strictObject({
  version: VersionSchema,
  note: requiredText("Note", LIMITS.note),
});

export const AgendaNoteSchema = z.strictObject({
  id: z.string(),
  meetingId: z.string(),
  grievanceId: z.string(),
  note: z.string(),
  version: z.int().min(1),
  deletedAt: TimestampSchema.nullable(),
});
export type AgendaNote = z.output<typeof AgendaNoteSchema>;
