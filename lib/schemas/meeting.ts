import { z } from "zod";
import {
  CalendarDateSchema,
  conflictBodyOf,
  countedPageOf,
  HistoryActorSchema,
  IdSchema,
  clearableText,
  LIMITS,
  OccurredAtSchema,
  optionalText,
  requiredText,
  SlugSchema,
  SourceUrlSchema,
  TimestampSchema,
  VersionSchema,
  commaList,
  CursorSchema,
  PageLimitSchema,
} from "./common";
import { GrievanceCategorySchema, GrievanceStatusSchema, MeetingStatusSchema, ParticipantRoleSchema } from "./enums";
import { PartyRefSchema } from "./party";
import { CitationSchema, SourceRefSchema } from "./source";
import { VenueRefSchema } from "./venue";

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

export const MeetingUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    title: requiredText("Title", LIMITS.title).optional(),
    date: OptionalDate,
    venue: z.preprocess((v) => (v === "" ? null : v), SlugSchema.nullable().optional()),
    summary: clearableText("Summary", LIMITS.description),
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

export const OutcomeInputSchema = z.strictObject({
  grievanceId: IdSchema,
  /** The grievance's version as the client saw it; when given, a stale one refuses the batch. */
  version: VersionSchema.optional(),
  status: z.preprocess((v) => (v === "" ? undefined : v), GrievanceStatusSchema.optional()),
  note: requiredText("Note", LIMITS.note),
  /** When this row's move and note happened; defaults to the batch's occurredAt, else the meeting's date. */
  occurredAt: OccurredAtSchema,
});

export const MeetingOutcomeSchema = z
  .strictObject({
    outcomes: z
      .array(OutcomeInputSchema, { error: "Outcomes must be a list" })
      .min(1, "Add at least one grievance")
      .max(LIMITS.outcomesMax, `At most ${LIMITS.outcomesMax} grievances in one outcome`),
    sourceUrl: SourceUrlSchema,
    /** When the rows happened, unless a row says otherwise; defaults to the meeting's date, else now. */
    occurredAt: OccurredAtSchema,
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

// ---------------------------------------------------------------------------------------------
// Responses

const MeetingDateSchema = TimestampSchema.nullable().meta({
  description: "The day of the meeting at 00:00 UTC; null when not known",
});

/** How other records name a meeting. */
export const MeetingRefSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  date: MeetingDateSchema,
  status: MeetingStatusSchema,
});
export type MeetingRef = z.output<typeof MeetingRefSchema>;

export const ParticipantSchema = z.strictObject({
  party: PartyRefSchema,
  role: ParticipantRoleSchema,
  headOfDelegation: z.string().nullable(),
});

export const MeetingSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  date: MeetingDateSchema,
  status: MeetingStatusSchema,
  summary: z.string(),
  version: z.int().min(1),
  venue: VenueRefSchema.nullable(),
  participants: z.array(ParticipantSchema),
  agendaCount: z.int().min(0),
  deletedAt: TimestampSchema.nullable().meta({
    description: "When an admin deleted it; deleted meetings are shown to admins only",
  }),
});
export type MeetingSummary = z.output<typeof MeetingSummarySchema>;

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  agenda: z.array(
    z.strictObject({
      /** The note's own id and version, for editing it (PATCH-like: the version last seen). */
      id: z.string(),
      version: z.int().min(1),
      grievance: z.strictObject({
        id: z.string(),
        title: z.string(),
        status: GrievanceStatusSchema,
        category: GrievanceCategorySchema,
        version: z.int().min(1),
      }),
      note: z.string(),
      statusAfter: GrievanceStatusSchema.nullable(),
    }),
  ),
  citations: z.array(CitationSchema),
  history: z
    .array(
      z.strictObject({
        id: z.string(),
        from: MeetingStatusSchema.nullable(),
        to: MeetingStatusSchema,
        reason: z.string(),
        source: SourceRefSchema.nullable(),
        actor: HistoryActorSchema,
        at: TimestampSchema,
      }),
    )
    .meta({ description: "Oldest first" }),
});
export type MeetingDetail = z.output<typeof MeetingDetailSchema>;

export const MeetingPageSchema = countedPageOf(MeetingSummarySchema);

export const MeetingConflictSchema = conflictBodyOf(MeetingDetailSchema);
