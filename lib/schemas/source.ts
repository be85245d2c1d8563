import { z } from "zod";
import {
  CalendarDateSchema,
  clearableText,
  conflictBodyOf,
  isStorableText,
  LIMITS,
  optionalText,
  requiredText,
  TimestampSchema,
  unstorableTextMessage,
  VersionSchema,
} from "./common";

// Sources and the quotes (citations) taken from them. A quote backs one grievance or one meeting;
// both can be corrected at the version last seen, and every edit keeps a revision (issue 8).

/** A source as records cite it: a report, a statement, an article. */
export const SourceRefSchema = z.strictObject({
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: TimestampSchema.nullable(),
  note: z.string().nullable(),
});
export type SourceRef = z.output<typeof SourceRefSchema>;

/** A quote's source, with the id its page (`/sources/{id}`) and the API name it by. */
export const CitedSourceSchema = SourceRefSchema.extend({ id: z.string() });
export type CitedSource = z.output<typeof CitedSourceSchema>;

/** A quote as the grievance or meeting it backs shows it; deleted quotes are left out. */
export const CitationSchema = z.strictObject({
  id: z.string(),
  version: z.int().min(1).meta({ description: "Send it back with an edit (PATCH /api/v1/citations/{id})" }),
  quote: z.string(),
  source: CitedSourceSchema,
});
export type Citation = z.output<typeof CitationSchema>;

/** The record a quote backs. */
export const CitingRecordSchema = z.strictObject({
  kind: z.enum(["grievance", "meeting"]),
  id: z.string(),
  title: z.string(),
  deletedAt: TimestampSchema.nullable().meta({ description: "Set when the record was deleted (admins see those)" }),
});
export type CitingRecord = z.output<typeof CitingRecordSchema>;

/** A quote as its source's page lists it: where it is quoted. */
export const SourceQuoteSchema = z.strictObject({
  id: z.string(),
  version: z.int().min(1),
  quote: z.string(),
  record: CitingRecordSchema.nullable().meta({ description: "The grievance or meeting it backs" }),
  deletedAt: TimestampSchema.nullable().meta({ description: "When an admin deleted it; shown to admins only" }),
});
export type SourceQuote = z.output<typeof SourceQuoteSchema>;

/** One quote with its source: the answer of every quote operation, and a 409's current record. */
export const CitationDetailSchema = SourceQuoteSchema.extend({ source: CitedSourceSchema });
export type CitationDetail = z.output<typeof CitationDetailSchema>;

export const SourceDetailSchema = CitedSourceSchema.extend({
  version: z.int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  citations: z.array(SourceQuoteSchema).meta({
    description: "The quotes taken from it, oldest first; deleted ones, and those on deleted records, for admins only",
  }),
});
export type SourceDetail = z.output<typeof SourceDetailSchema>;

/** An edit of a quote, at the version last seen: its text, its source, and why. */
export const CitationUpdateSchema = z.strictObject({
  version: VersionSchema,
  quote: requiredText("Quote", LIMITS.quote).optional(),
  source: requiredText("Source", LIMITS.url)
    .optional()
    .meta({ description: "The source's URL, or its title when it has none; found, or recorded once" }),
  note: optionalText("Note", LIMITS.note).meta({ description: "Why it changed, kept with the revision" }),
});

/** Blank text clears an optional field (a form sends ""), as null does (the field is nullable); absent leaves it. */
const cleared = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** An edit of a source, at the version last seen; an empty publisher, URL, date or note clears it. */
export const SourceUpdateSchema = z.strictObject({
  version: VersionSchema,
  title: requiredText("Title", LIMITS.title).optional(),
  publisher: clearableText("Publisher", LIMITS.name),
  url: z
    .preprocess(
      cleared,
      z
        .url({ protocol: /^https?$/, error: "Must be an http or https URL" })
        .max(LIMITS.url, `URL must be at most ${LIMITS.url} characters`)
        .refine(isStorableText, unstorableTextMessage("URL"))
        .nullable()
        .optional(),
    )
    .meta({ description: "Unique: another source with this URL is a 400 naming `url`; empty or null clears it" }),
  publishedAt: z
    .preprocess(cleared, CalendarDateSchema.nullable().optional())
    .meta({ description: "The day it was published (YYYY-MM-DD); empty or null clears it" }),
  note: clearableText("Note", LIMITS.note),
});

/** A stale version's 409: the quote as it stands now. */
export const CitationConflictSchema = conflictBodyOf(CitationDetailSchema);
/** A stale version's 409: the source as it stands now. */
export const SourceConflictSchema = conflictBodyOf(SourceDetailSchema);
