import { z } from "zod";
import { LIMITS, optionalText, pageOf, requiredText, SlugSchema, TimestampSchema } from "./common";
import { PartyKindSchema } from "./enums";

export const PartyCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
  slug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
  shortName: optionalText("Short name", LIMITS.shortName),
  kind: z.preprocess((v) => (v === "" ? undefined : v), PartyKindSchema.optional()),
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
});
export type PartyDetail = z.output<typeof PartyDetailSchema>;

export const PartyListSchema = pageOf(PartySummarySchema);
