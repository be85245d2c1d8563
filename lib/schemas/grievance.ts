import { z } from "zod";
import {
  clearableText,
  commaList,
  conflictBodyOf,
  countedPageOf,
  CursorSchema,
  HistoryActorSchema,
  IdSchema,
  isStorableText,
  LIMITS,
  OccurredAtSchema,
  optionalText,
  PageLimitSchema,
  pageOf,
  requiredText,
  SlugSchema,
  SourceUrlSchema,
  TimestampSchema,
  unstorableTextMessage,
  VersionSchema,
} from "./common";
import { AsOfSchema } from "./as-of";
import { GrievanceCategorySchema, GrievanceStatusSchema } from "./enums";
import { MeetingRefSchema } from "./meeting";
import { PartyRefSchema } from "./party";
import { CitationSchema, SourceRefSchema } from "./source";

const PartySlugList = (field: string) =>
  z
    .array(SlugSchema, { error: `${field} must be a list of party slugs` })
    .min(1, `${field} needs at least one party`)
    .max(LIMITS.listMax, `${field} takes at most ${LIMITS.listMax} parties`)
    .transform((slugs) => [...new Set(slugs)]);

export const CitationInputSchema = z.strictObject({
  quote: requiredText("Quote", LIMITS.quote),
  /** The source's URL, or its title when it has no URL. */
  source: requiredText("Source", LIMITS.url),
});

export const GrievanceCreateSchema = z.strictObject({
  title: requiredText("Title", LIMITS.title),
  description: optionalText("Description", LIMITS.description),
  category: GrievanceCategorySchema,
  raisedBy: PartySlugList("Raised by"),
  addressedTo: PartySlugList("Addressed to"),
  citations: z.array(CitationInputSchema).max(LIMITS.listMax, `At most ${LIMITS.listMax} citations`).optional(),
  /** When it was first raised (the first history entry's date); defaults to the meeting's date, else now. */
  raisedAt: OccurredAtSchema,
  /** The meeting at which it was first raised. */
  meetingId: z.preprocess((v) => (v === "" ? undefined : v), IdSchema.optional()),
});

/**
 * PATCH body: any of the fields, always with the version last seen; a status needs a reason.
 * Field edits and a status change in one request commit together.
 */
export const GrievanceUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    title: requiredText("Title", LIMITS.title).optional(),
    description: clearableText("Description", LIMITS.description),
    category: GrievanceCategorySchema.optional(),
    raisedBy: PartySlugList("Raised by").optional(),
    addressedTo: PartySlugList("Addressed to").optional(),
    status: GrievanceStatusSchema.optional(),
    reason: optionalText("Reason", LIMITS.reason),
    meetingId: z.preprocess((v) => (v === "" ? undefined : v), IdSchema.optional()),
    sourceUrl: SourceUrlSchema,
    /** When the move happened; defaults to the meeting's date, else now. */
    occurredAt: OccurredAtSchema,
  })
  .superRefine((value, ctx) => {
    if (value.status !== undefined && value.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Reason is required to change the status" });
    }
    if (
      value.status === undefined &&
      (value.reason !== undefined ||
        value.meetingId !== undefined ||
        value.sourceUrl !== undefined ||
        value.occurredAt !== undefined)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "Reason, meeting, source and date go with a status change",
      });
    }
  });
export type GrievanceUpdate = z.output<typeof GrievanceUpdateSchema>;

export const GRIEVANCE_SORT_KEYS = ["title", "category", "status", "lastMoved", "created"] as const;
export type GrievanceSortKey = (typeof GRIEVANCE_SORT_KEYS)[number];

export const PARTY_ROLE_FILTERS = ["raised", "addressed"] as const;

/** The stored role each `role` filter value stands for. */
export const PARTY_ROLE_OF_FILTER = { raised: "RAISED_BY", addressed: "ADDRESSED_TO" } as const;

export const GrievanceFiltersSchema = z.strictObject({
  party: SlugSchema.optional(),
  role: z.enum(PARTY_ROLE_FILTERS, { error: "Role must be raised or addressed" }).optional(),
  status: commaList(GrievanceStatusSchema),
  category: commaList(GrievanceCategorySchema),
  meeting: IdSchema.optional(),
  q: z
    .string()
    .trim()
    .max(LIMITS.query, `Search must be at most ${LIMITS.query} characters`)
    .refine(isStorableText, unstorableTextMessage("Search"))
    .optional(),
  sort: z.enum(GRIEVANCE_SORT_KEYS, { error: `Sort must be one of ${GRIEVANCE_SORT_KEYS.join(", ")}` }).optional(),
  dir: z.enum(["asc", "desc"], { error: "Dir must be asc or desc" }).optional(),
  /** "1": only deleted grievances (admins). */
  deleted: z.enum(["1"], { error: "Deleted takes 1" }).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema.optional(),
  /** A past day: the list replayed as of its end (lib/server/as-of.ts). */
  asOf: AsOfSchema.optional(),
});
export type GrievanceFilters = z.output<typeof GrievanceFiltersSchema>;

// ---------------------------------------------------------------------------------------------
// Responses

export const GrievanceSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: GrievanceCategorySchema,
  status: GrievanceStatusSchema,
  version: z.int().min(1),
  raisedBy: z.array(PartyRefSchema),
  addressedTo: z.array(PartyRefSchema),
  lastMovedAt: TimestampSchema,
  lastMeeting: MeetingRefSchema.nullable().meta({
    description: "The meeting of the latest history entry that names one",
  }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable().meta({
    description: "When an admin deleted it; deleted grievances are shown to admins only",
  }),
});
export type GrievanceSummary = z.output<typeof GrievanceSummarySchema>;

export const HistoryEntrySchema = z.strictObject({
  id: z.string(),
  from: GrievanceStatusSchema.nullable().meta({ description: "null for the entry that opened the grievance" }),
  to: GrievanceStatusSchema,
  reason: z.string(),
  meetingId: z.string().nullable(),
  meeting: MeetingRefSchema.nullable(),
  source: SourceRefSchema.nullable(),
  actor: HistoryActorSchema,
  occurredAt: TimestampSchema.meta({
    description: "When the change happened: the meeting's date, or the date the analyst gave; timelines sort by it",
  }),
  at: TimestampSchema.meta({ description: "The same as occurredAt (kept for clients that read it)" }),
  recordedAt: TimestampSchema.meta({ description: "When it was recorded here; never edited" }),
});
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

export const GrievanceDetailSchema = GrievanceSummarySchema.extend({
  citations: z.array(CitationSchema),
  agenda: z.array(
    z.strictObject({
      meetingId: z.string(),
      meeting: MeetingRefSchema,
      note: z.string(),
      statusAfter: GrievanceStatusSchema.nullable(),
    }),
  ),
  history: z.array(HistoryEntrySchema).meta({ description: "Oldest first" }),
});
export type GrievanceDetail = z.output<typeof GrievanceDetailSchema>;

export const GrievancePageSchema = countedPageOf(GrievanceSummarySchema);
/**
 * What listGrievances returns: the API's page, and for the list page's pager the window it shows
 * and the cursor of the page before (lib/server/list-page.ts).
 */
export type GrievancePage = z.output<typeof GrievancePageSchema> & {
  prevCursor: string | null;
  offset: number;
  limit: number;
};

export const HistoryListSchema = pageOf(HistoryEntrySchema);

export const GrievanceConflictSchema = conflictBodyOf(GrievanceDetailSchema);
