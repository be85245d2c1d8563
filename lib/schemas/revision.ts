import { z } from "zod";
import { HistoryActorSchema, TimestampSchema } from "./common";

// Revisions: what every record once said (issue 8). Written by lib/server/revisions.ts in the
// same transaction as the change; served oldest first by GET /api/v1/{kind}/{id or slug}/revisions.

export const REVISION_ENTITIES = [
  "grievance",
  "meeting",
  "agendaItem",
  "citation",
  "source",
  "party",
  "venue",
  "savedView",
] as const;
export type RevisionEntity = (typeof REVISION_ENTITIES)[number];

export const REVISION_ACTIONS = ["create", "edit", "delete", "restore", "merge"] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** A field's value as stored in a revision: dates as ISO strings, lists as lists. */
const FieldValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])
  .meta({ description: "The field's value (dates as ISO 8601, lists of slugs as arrays); null when absent" });

export const FieldChangeSchema = z.strictObject({
  field: z.string(),
  before: FieldValueSchema,
  after: FieldValueSchema,
});
export type FieldChange = z.output<typeof FieldChangeSchema>;

export const RevisionSchema = z.strictObject({
  id: z.string(),
  entity: z.enum(REVISION_ENTITIES),
  entityId: z.string(),
  at: TimestampSchema.meta({ description: "When the change was recorded" }),
  actor: HistoryActorSchema,
  action: z.enum(REVISION_ACTIONS),
  changes: z.array(FieldChangeSchema).meta({ description: "The fields the change touched, before → after" }),
  note: z.string().nullable(),
  seed: z.boolean().meta({ description: "Written by the seed or an upgrade, not typed by an analyst" }),
});
export type Revision = z.output<typeof RevisionSchema>;

export const RevisionListSchema = z.strictObject({ items: z.array(RevisionSchema) });
