import { z } from "zod";
import { GrievanceCategorySchema, GrievanceStatusSchema } from "./enums";
import { PartyRefSchema } from "./party";

// The grievance CSV import's answers (lib/server/imports.ts): the dry run's report and what an
// applied import created. The request is the CSV file itself (lib/csv/grievance-columns.ts).

export const ImportIssueSchema = z.strictObject({
  row: z.int().min(1).meta({ description: "The spreadsheet row: the header is row 1, the first grievance row 2" }),
  column: z.string().meta({ description: "The column the problem is in; empty for the whole row or file" }),
  message: z.string(),
});
export type ImportIssue = z.output<typeof ImportIssueSchema>;

export const ImportRowSchema = z.strictObject({
  row: z.int().min(2),
  title: z.string(),
  category: GrievanceCategorySchema.nullable().meta({ description: "null when the file's is not valid" }),
  status: GrievanceStatusSchema.nullable().meta({
    description:
      'The status it will have: OPEN, or the file\'s status recorded as a first move "Imported with status …"; null when not valid',
  }),
  raisedBy: z.array(PartyRefSchema).meta({ description: "The parties found for the cell" }),
  addressedTo: z.array(PartyRefSchema),
  valid: z.boolean().meta({ description: "Whether the row will be created (when no row has an error)" }),
});
export type ImportRow = z.output<typeof ImportRowSchema>;

export const GrievanceImportReportSchema = z.strictObject({
  rows: z.array(ImportRowSchema),
  errors: z.array(ImportIssueSchema).meta({ description: "Every problem; the import applies only when there is none" }),
  unknownParties: z.array(z.string()).meta({ description: "Party cells that matched no party by slug or name" }),
  willCreate: z.int().min(0).meta({ description: "How many grievances applying creates: every row, or none" }),
});
export type GrievanceImportReport = z.output<typeof GrievanceImportReportSchema>;

export const GrievanceImportResultSchema = z.strictObject({
  created: z.int().min(0),
  ids: z.array(z.string()).meta({ description: "The new grievances, in file order" }),
});
export type GrievanceImportResult = z.output<typeof GrievanceImportResultSchema>;

/** The import's query: `dryRun=1` answers the report and writes nothing. */
export const ImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(["1", "0"], { error: "dryRun takes 1 (report only) or 0 (apply)" })
    .optional()
    .meta({ description: "1: the dry run's report, nothing written (200); absent or 0: apply (201)" }),
});
