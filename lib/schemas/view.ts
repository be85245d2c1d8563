import { z } from "zod";
import { conflictBodyOf, LIMITS, requiredText, TimestampSchema, VersionSchema } from "./common";
import { GrievanceFiltersSchema } from "./grievance";

// Saved views (issue 11): a name for the grievance list's filters, personal or shared with the team.

/**
 * What a view keeps of the list's filters: not the page it was on (a cursor goes stale), not the
 * page size, and not the admins' deleted list (a shared view is read by everyone signed in).
 */
export const ViewFiltersSchema = GrievanceFiltersSchema.omit({ cursor: true, limit: true, deleted: true });
export type ViewFilters = z.output<typeof ViewFiltersSchema>;

const VIEW_QUERY_MAX = 2000;

/** A query string's values by key; a repeated key is a list (as Next hands a page its searchParams). */
export function queryValues(query: string): Record<string, string | string[]> {
  // A whole list address is taken too: what the browser's address bar shows. Without a "?",
  // indexOf gives -1 and the slice is the whole text.
  const params = new URLSearchParams(query.slice(query.indexOf("?") + 1));
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

const IGNORED_KEYS = new Set(["cursor", "limit", "deleted"]);

/** The list's query string, checked as strictly as the list's API checks it: a bad filter names its key. */
const ViewQuerySchema = z
  .string({ error: "Query must be text" })
  .trim()
  .max(VIEW_QUERY_MAX, `Query must be at most ${VIEW_QUERY_MAX} characters`)
  .transform((query, ctx) => {
    const values = Object.fromEntries(Object.entries(queryValues(query)).filter(([key]) => !IGNORED_KEYS.has(key)));
    const parsed = ViewFiltersSchema.safeParse(values);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      // A filter's issue is named by its key (not the item of a list); a key the list lacks, by that key.
      const unknown = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      ctx.addIssue({
        code: "custom",
        path: unknown === undefined ? issue.path.slice(0, 1) : [unknown],
        message: unknown === undefined ? issue.message : `The list has no filter called ${unknown}`,
      });
    }
    return z.NEVER;
  });

/** A form's checkbox ("on"), the API's boolean, or absent. */
const SharedSchema = z.preprocess(
  (value) =>
    value === "on" || value === "1" || value === "true" ? true : value === "0" || value === "false" ? false : value,
  z.boolean({ error: "Shared must be true or false" }),
);

export const ViewCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
  query: ViewQuerySchema.default({}),
  shared: SharedSchema.optional(),
});

/** PATCH body: a new name and/or shared flag, with the version last seen. */
export const ViewUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    name: requiredText("Name", LIMITS.name).optional(),
    shared: SharedSchema.optional(),
  })
  .refine((value) => value.name !== undefined || value.shared !== undefined, {
    message: "Give a new name or shared",
    path: ["name"],
  });

export const ViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  query: z.string().meta({ description: "The grievance list's query string, normalised (no leading ?)" }),
  href: z.string().meta({ description: "The grievance list's address for this view" }),
  shared: z.boolean(),
  owner: z.strictObject({ name: z.string(), email: z.string() }),
  canChange: z
    .boolean()
    .meta({ description: "Whether the caller may rename, share or delete it (its owner, an admin)" }),
  version: z.int().min(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  count: z.int().min(0).nullable().meta({ description: "Grievances the view matches; null where not counted" }),
});
export type SavedViewSummary = z.output<typeof ViewSchema>;

export const ViewListSchema = z.strictObject({ items: z.array(ViewSchema) });

/** DELETE: optionally the version last seen (a form sends it; absent deletes whatever it is now). */
export const ViewDeleteSchema = z.strictObject({ version: VersionSchema.optional() });

/** A stale version's 409: the view as it stands now. */
export const ViewConflictSchema = conflictBodyOf(ViewSchema);
