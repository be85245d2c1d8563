import { z } from "zod";
import { LIMITS, optionalText, requiredText, SlugSchema } from "./common";

export const VenueCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
  slug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
  city: requiredText("City", LIMITS.name),
  country: requiredText("Country", LIMITS.name),
  note: optionalText("Note", LIMITS.note),
});
export type VenueCreate = z.output<typeof VenueCreateSchema>;
