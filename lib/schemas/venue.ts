import { z } from "zod";
import { LIMITS, optionalText, pageOf, requiredText, slugify, SlugSchema } from "./common";

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

export const VenueListSchema = pageOf(VenueSummarySchema);
