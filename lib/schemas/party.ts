import { z } from "zod";
import {
  clearableText,
  conflictBodyOf,
  LIMITS,
  optionalText,
  pageOf,
  requiredText,
  SlugSchema,
  TimestampSchema,
  VersionSchema,
} from "./common";
import { PartyKindSchema } from "./enums";

export const PartyCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
  slug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
  shortName: optionalText("Short name", LIMITS.shortName),
  kind: z.preprocess((v) => (v === "" ? undefined : v), PartyKindSchema.optional()),
});

/** PATCH body: any of the fields, with the version last seen; the slug stays (addresses cite it). */
export const PartyUpdateSchema = z.strictObject({
  version: VersionSchema,
  name: requiredText("Name", LIMITS.name).optional(),
  /** Empty clears it. */
  shortName: clearableText("Short name", LIMITS.shortName),
  kind: z.preprocess((v) => (v === "" ? undefined : v), PartyKindSchema.optional()),
});

/** What the list takes: "1" for the deleted parties (admins). */
export const PartyFiltersSchema = z.strictObject({
  deleted: z.enum(["1"], { error: "Deleted takes 1" }).optional(),
});

/** Merge body (admins): the party that stays; every reference moves to it. */
export const PartyMergeSchema = z.strictObject({
  into: SlugSchema.meta({ description: "The slug of the party that stays" }),
});

/** How other records name a party. */
export const PartyRefSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
});
export type PartyRef = z.output<typeof PartyRefSchema>;

export const PartySummarySchema = PartyRefSchema.extend({
  id: z.string(),
  kind: PartyKindSchema,
  raisedCount: z.int().min(0),
  addressedCount: z.int().min(0),
  meetingCount: z.int().min(0),
});
export type PartySummary = z.output<typeof PartySummarySchema>;

export const PartyDetailSchema = PartyRefSchema.extend({
  id: z.string(),
  kind: PartyKindSchema,
  createdAt: TimestampSchema,
  version: z.int().min(1),
  deletedAt: TimestampSchema.nullable().meta({
    description: "When an admin deleted it (or merged it into another); shown to admins only",
  }),
  mergedInto: PartyRefSchema.nullable().meta({ description: "The party it was merged into, if it was" }),
});
export type PartyDetail = z.output<typeof PartyDetailSchema>;

export const PartyListSchema = pageOf(PartySummarySchema);

/** A stale version's 409: the party as it stands now. */
export const PartyConflictSchema = conflictBodyOf(PartyDetailSchema);
