import { z } from "zod";
import { BULK_STATUS_MAX, grievanceCount } from "../bulk-status";
import {
  HistoryActorSchema,
  IdSchema,
  LIMITS,
  OccurredAtSchema,
  requiredText,
  SourceUrlSchema,
  TimestampSchema,
  VersionSchema,
} from "./common";
import { GrievanceStatusSchema } from "./enums";
import { GrievanceFiltersSchema } from "./grievance";

// Moving many grievances at once (issue 11): the selection is either ids the analyst ticked or
// the list's own filters, resolved on the server; every selected grievance carries the version the
// analyst saw, and one that differs refuses the whole batch. Importable by the browser.

export { BULK_STATUS_MAX, grievanceCount };

/**
 * The list's filters as a selection: the same schema the list page and the API read, without the
 * page window (the selection is every page) and without `asOf` and `deleted` (a replayed past day
 * and deleted grievances cannot be moved). The sort is accepted and ignored, so a list's address
 * can be sent as it is.
 */
const BulkStatusFilterSchema = GrievanceFiltersSchema.omit({
  cursor: true,
  limit: true,
  asOf: true,
  deleted: true,
});

const IdListSchema = z
  .array(IdSchema, { error: "Ids must be a list of grievance ids" })
  .min(1, "Tick at least one grievance")
  .max(BULK_STATUS_MAX, `At most ${BULK_STATUS_MAX} grievances at once`)
  .transform((ids) => [...new Set(ids)]);

/**
 * The version each grievance had when the analyst saw it, by id: from the list's rows, or from a
 * dry run's answer for a filter.
 */
const VersionsSchema = z
  .record(IdSchema, VersionSchema, { error: "Versions must be an object of grievance id → version" })
  .refine((versions) => Object.keys(versions).length <= BULK_STATUS_MAX, {
    message: `At most ${BULK_STATUS_MAX} versions at once`,
  });

/**
 * POST /api/v1/grievances/bulk-status: `ids` or `filter`, one new status with its reason, and
 * what the single status change also takes (meeting, date, source URL). `versions` is required
 * unless `dryRun` is set (a dry run answers them).
 */
export const BulkStatusChangeSchema = z
  .strictObject({
    ids: IdListSchema.optional(),
    filter: BulkStatusFilterSchema.optional(),
    status: GrievanceStatusSchema,
    reason: requiredText("Reason", LIMITS.reason),
    meetingId: z.preprocess((v) => (v === "" ? undefined : v), IdSchema.optional()),
    sourceUrl: SourceUrlSchema,
    /** When the moves happened; defaults to the meeting's date, else now. */
    occurredAt: OccurredAtSchema,
    versions: VersionsSchema.optional(),
    /** Check everything and answer the report, writing nothing. */
    dryRun: z.boolean({ error: "dryRun must be true or false" }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.filter === undefined)) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "Give either ids or a filter" });
    }
    if (!value.dryRun && value.versions === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["versions"],
        message: "Send the version of each grievance as you saw it (a dry run answers them)",
      });
    }
    if (!value.dryRun && value.ids && value.versions) {
      for (const [index, id] of value.ids.entries()) {
        if (!(id in value.versions)) {
          ctx.addIssue({ code: "custom", path: ["versions", id], message: `No version for ids.${index}` });
        }
      }
    }
  });
export type BulkStatusChange = z.output<typeof BulkStatusChangeSchema>;

// ---------------------------------------------------------------------------------------------
// The answer: one row per grievance selected, in the order of the selection.

const BULK_ROW_RESULTS = ["moved", "ready", "stale", "refused", "missing"] as const;

export const BulkStatusRowSchema = z.strictObject({
  id: z.string(),
  /** null for an id that names no live grievance. */
  title: z.string().nullable(),
  result: z.enum(BULK_ROW_RESULTS).meta({
    description:
      "moved: applied; ready: would be applied (a dry run, or held back because another row was refused); " +
      "stale: changed since the version seen (or newly matching the filter); refused: a status rule refuses it; " +
      "missing: no such live grievance",
  }),
  /** What the row says beyond its result: the rule that refused it, what changed it. */
  message: z.string().nullable(),
  /** The status now (after the move when moved); null when missing. */
  status: GrievanceStatusSchema.nullable(),
  /** The version now (after the move when moved): send it back to apply over a stale row. */
  version: z.int().min(1).nullable(),
  /** The version the request said the analyst saw; null when it gave none. */
  seenVersion: z.int().min(1).nullable(),
  /** For a stale row: who made the latest change and when, as far as the record says. */
  changedBy: HistoryActorSchema.optional(),
  changedAt: TimestampSchema.nullable().optional(),
});
export type BulkStatusRow = z.output<typeof BulkStatusRowSchema>;

export const BulkStatusReportSchema = z.strictObject({
  /** True when the moves were written (never for a dry run). */
  applied: z.boolean(),
  status: GrievanceStatusSchema,
  /** Rows that were (or would be) moved. */
  moved: z.int().min(0),
  items: z.array(BulkStatusRowSchema),
});
export type BulkStatusReport = z.output<typeof BulkStatusReportSchema>;

/** A refused batch (409 for a stale row, 400 for a rule): the error, and the report in `current`. */
export const BulkStatusRefusalSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(["CONFLICT", "VALIDATION_FAILED"]),
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
    current: BulkStatusReportSchema,
  }),
});
