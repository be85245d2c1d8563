import { z } from "zod";
import {
  CalendarDateSchema,
  IdSchema,
  isStorableText,
  LIMITS,
  optionalText,
  requiredText,
  SlugSchema,
  SourceUrlSchema,
  unstorableTextMessage,
  VersionSchema,
  commaList,
  CursorSchema,
  PageLimitSchema,
} from "./common";
import { GrievanceStatusSchema, MeetingStatusSchema, ParticipantRoleSchema } from "./enums";

const OptionalDate = z.preprocess((v) => (v === "" ? null : v), CalendarDateSchema.nullable().optional());

export const ParticipantInputSchema = z.strictObject({
  party: SlugSchema,
  role: ParticipantRoleSchema.default("DELEGATION"),
  headOfDelegation: optionalText("Head of delegation", LIMITS.person),
});

export const MeetingCreateSchema = z
  .strictObject({
    title: requiredText("Title", LIMITS.title),
    date: OptionalDate,
    venue: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
    status: MeetingStatusSchema.default("PLANNED"),
    summary: optionalText("Summary", LIMITS.description),
    participants: z
      .array(ParticipantInputSchema)
      .max(LIMITS.listMax, `At most ${LIMITS.listMax} participants`)
      .default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.participants.forEach((p, i) => {
      if (seen.has(p.party)) {
        ctx.addIssue({ code: "custom", path: ["participants", i, "party"], message: "This party is listed twice" });
      }
      seen.add(p.party);
    });
  });
export type MeetingCreate = z.output<typeof MeetingCreateSchema>;

export const MeetingUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    title: requiredText("Title", LIMITS.title).optional(),
    date: OptionalDate,
    venue: z.preprocess((v) => (v === "" ? null : v), SlugSchema.nullable().optional()),
    summary: z
      .string({ error: "Summary must be text" })
      .trim()
      .max(LIMITS.description, `Summary must be at most ${LIMITS.description} characters`)
      .refine(isStorableText, unstorableTextMessage("Summary"))
      .optional(),
    status: MeetingStatusSchema.optional(),
    reason: optionalText("Reason", LIMITS.reason),
    sourceUrl: SourceUrlSchema,
  })
  .superRefine((value, ctx) => {
    if (value.status !== undefined && value.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Reason is required to change the status" });
    }
    if (value.status === undefined && (value.reason !== undefined || value.sourceUrl !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "Reason and source go with a status change" });
    }
  });
export type MeetingUpdate = z.output<typeof MeetingUpdateSchema>;

export const OutcomeInputSchema = z.strictObject({
  grievanceId: IdSchema,
  /** The grievance's version as the client saw it; when given, a stale one refuses the batch. */
  version: VersionSchema.optional(),
  status: z.preprocess((v) => (v === "" ? undefined : v), GrievanceStatusSchema.optional()),
  note: requiredText("Note", LIMITS.note),
});

export const MeetingOutcomeSchema = z
  .strictObject({
    outcomes: z
      .array(OutcomeInputSchema, { error: "Outcomes must be a list" })
      .min(1, "Add at least one grievance")
      .max(LIMITS.outcomesMax, `At most ${LIMITS.outcomesMax} grievances in one outcome`),
    sourceUrl: SourceUrlSchema,
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.outcomes.forEach((o, i) => {
      if (seen.has(o.grievanceId)) {
        ctx.addIssue({
          code: "custom",
          path: ["outcomes", i, "grievanceId"],
          message: "This grievance is listed twice",
        });
      }
      seen.add(o.grievanceId);
    });
  });
export type MeetingOutcome = z.output<typeof MeetingOutcomeSchema>;

export const MeetingFiltersSchema = z.strictObject({
  party: SlugSchema.optional(),
  venue: SlugSchema.optional(),
  status: commaList(MeetingStatusSchema),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  /** "1": only deleted meetings (admins). */
  deleted: z.enum(["1"], { error: "Deleted takes 1" }).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema.optional(),
});
export type MeetingFilters = z.output<typeof MeetingFiltersSchema>;
