import { z } from "zod";
import { LIMITS, optionalText, requiredText, SlugSchema } from "./common";
import { PartyKindSchema } from "./enums";

export const PartyCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
  slug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
  shortName: optionalText("Short name", LIMITS.shortName),
  kind: z.preprocess((v) => (v === "" ? undefined : v), PartyKindSchema.optional()),
});
export type PartyCreateInput = z.input<typeof PartyCreateSchema>;
export type PartyCreate = z.output<typeof PartyCreateSchema>;
