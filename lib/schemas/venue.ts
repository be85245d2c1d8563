import { z } from "zod";
import {
  clearableText,
  conflictBodyOf,
  LIMITS,
  optionalText,
  pageOf,
  requiredText,
  slugify,
  SlugSchema,
  TimestampSchema,
  VersionSchema,
} from "./common";

export const VenueCreateSchema = z
  .strictObject({
    name: requiredText("Name", LIMITS.name),
    slug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
    city: requiredText("City", LIMITS.name),
    country: requiredText("Country", LIMITS.name),
    note: optionalText("Note", LIMITS.note),
  })
  .superRefine((value, ctx) => {
    // Without a slug, one is made from the name and city; with no letters in either there is
    // none, and the venue would be stored under an empty slug that no URL can reach.
    if (value.slug === undefined && slugify(`${value.name} ${value.city}`) === "") {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "Give a slug; the name and city have no letters to make one from",
      });
    }
  });

/** PATCH body: any of the fields, with the version last seen; the slug stays (addresses cite it). */
export const VenueUpdateSchema = z.strictObject({
  version: VersionSchema,
  name: requiredText("Name", LIMITS.name).optional(),
  city: requiredText("City", LIMITS.name).optional(),
  country: requiredText("Country", LIMITS.name).optional(),
  /** Empty clears it. */
  note: clearableText("Note", LIMITS.note),
});

/** What the list takes: "1" for the deleted venues (admins). */
export const VenueFiltersSchema = z.strictObject({
  deleted: z.enum(["1"], { error: "Deleted takes 1" }).optional(),
});

/** Merge body (admins): the venue that stays; every reference moves to it. */
export const VenueMergeSchema = z.strictObject({
  into: SlugSchema.meta({ description: "The slug of the venue that stays" }),
});

/** How other records name a venue. */
export const VenueRefSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
});

export const VenueSummarySchema = VenueRefSchema.extend({
  id: z.string(),
  note: z.string().nullable(),
  meetingCount: z.int().min(0),
});
export type VenueSummary = z.output<typeof VenueSummarySchema>;

export const VenueDetailSchema = VenueSummarySchema.extend({
  version: z.int().min(1),
  deletedAt: TimestampSchema.nullable().meta({
    description: "When an admin deleted it (or merged it into another); shown to admins only",
  }),
  mergedInto: VenueRefSchema.nullable().meta({ description: "The venue it was merged into, if it was" }),
});
export type VenueDetail = z.output<typeof VenueDetailSchema>;

export const VenueListSchema = pageOf(VenueSummarySchema);

/** A stale version's 409: the venue as it stands now. */
export const VenueConflictSchema = conflictBodyOf(VenueDetailSchema);
