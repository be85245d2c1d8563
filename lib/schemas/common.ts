import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../errors";
import { foldForSearch } from "../search";

// Limits shared by forms, server and the OpenAPI document.
export const LIMITS = {
  title: 200,
  name: 120,
  /** A head of delegation with title and sources. */
  person: 300,
  shortName: 40,
  description: 10_000,
  reason: 2_000,
  note: 2_000,
  quote: 2_000,
  url: 2_000,
  slug: 60,
  query: 200,
  listMax: 20,
  outcomesMax: 50,
  pageSizeMax: 100,
  pageSizeDefault: 50,
  /** Largest request body the API reads; larger ones get 413 before parsing. */
  bodyBytes: 256 * 1024,
  /**
   * A grievance CSV import (lib/server/imports.ts): 1 MB, so the file, posted to the import page's
   * server action, fits under the 1 MiB action body limit (ACTION_BODY_LIMIT) with room for the
   * form's other fields; and 500 rows, since every row is written in one transaction, each as
   * createGrievance writes one (1,000 took two minutes on a loaded machine; see imports.ts).
   */
  importBytes: 1_000_000,
  importRows: 500,
} as const;

/**
 * Text a database stores and gives back as it came: no NUL (PostgreSQL refuses it in text) and
 * no unpaired surrogate (it has no UTF-8 form; the query engine fails on it). JSON can carry
 * both ("\u0000", "\ud800"), so every free-text field checks.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

export const unstorableTextMessage = (field: string) =>
  `${field} contains a character that cannot be stored (a NUL or an unpaired surrogate)`;

/** A required line of text: trimmed, not empty, bounded. */
export function requiredText(field: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`)
    .refine(isStorableText, unstorableTextMessage(field));
}

/** Optional text: trimmed, bounded, and an empty string counts as absent (how forms send it). */
export function optionalText(field: string, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string({ error: `${field} must be text` })
      .trim()
      .max(max, `${field} must be at most ${max} characters`)
      .refine(isStorableText, unstorableTextMessage(field))
      .optional(),
  );
}

/**
 * Optional text for a PATCH: trimmed, bounded, and an empty string is kept, so that an edit can
 * clear the field (absent leaves it as it is).
 */
export function clearableText(field: string, max: number) {
  return z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, `${field} must be at most ${max} characters`)
    .refine(isStorableText, unstorableTextMessage(field))
    .optional();
}

export const SlugSchema = z
  .string({ error: "Must be a slug" })
  .trim()
  .toLowerCase()
  .min(1, "Slug is required")
  .max(LIMITS.slug, `Slug must be at most ${LIMITS.slug} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");

export const IdSchema = z
  .string({ error: "Must be an id" })
  .trim()
  .min(1, "Id is required")
  .max(64, "Id is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

/** Digits alone, as a form field or a query string carries a number: no sign, space, point or hex. */
const DigitsSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/**
 * A count or a version as a client writes it: a JSON number that is a whole number, or a string
 * of digits (a form field, a query string). `z.coerce.number` read whatever `Number()` reads:
 * `true`, `[2]`, "0x3", "1e2", " 7". `field` names it in the messages.
 */
function wholeNumber(field: string, min: number, max: number) {
  const notDigits = `${field} must be a whole number written in digits`;
  const required = (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is required` : notDigits);
  return z
    .union([z.int({ error: notDigits }), DigitsSchema], { error: required })
    .pipe(z.int().min(min, `${field} must be at least ${min}`).max(max, `${field} must be at most ${max}`))
    .meta({
      // The document says what to send, an integer in range, rather than the two forms it is read from.
      override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
        delete jsonSchema.anyOf;
        Object.assign(jsonSchema, { type: "integer", minimum: min, maximum: max });
      },
    });
}

/** The largest value an `Int` column holds on PostgreSQL (int4); a version past it names no row. */
const INT4_MAX = 2_147_483_647;

export const VersionSchema = wholeNumber("Version", 1, INT4_MAX);

export const SourceUrlSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .url({ protocol: /^https?$/, error: "Must be an http or https URL" })
    .max(LIMITS.url, `URL must be at most ${LIMITS.url} characters`)
    .refine(isStorableText, unstorableTextMessage("URL"))
    .optional(),
);

/**
 * A calendar date, YYYY-MM-DD; the empty string of a form means "not known". Year 0000 parses
 * in JavaScript but PostgreSQL has no year 0 (1 BC precedes AD 1) and refuses it.
 */
export const CalendarDateSchema = z.iso
  .date({ error: "Must be a date (YYYY-MM-DD)" })
  .refine((value) => !value.startsWith("0000-"), "Must be a date in year 1 or later");

/**
 * When a move or a note happened, as the analyst gives it: a date (YYYY-MM-DD, taken as that day
 * at 00:00 UTC, the instant a meeting's date is stored at, so a move dated at its round sorts with
 * it and today's date is never "in the future") or an ISO date-time with its offset. Never later
 * than now: the record says what happened, not what is planned. Absent or "" (a form's empty
 * field): the server's default, the meeting's date or now (see `defaultOccurredAt`).
 */
export const OccurredAtSchema = z
  .preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .union([CalendarDateSchema, z.iso.datetime({ offset: true })], {
        error: "Must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM:SSZ)",
      })
      .transform((value) => parseOccurredAt(value))
      .refine((date) => date.getTime() <= Date.now(), "The date it happened cannot be in the future")
      .optional(),
  )
  .meta({
    description:
      "When it happened: `YYYY-MM-DD` (that day at 00:00 UTC) or an ISO date-time with offset; not in the future. " +
      "Defaults to the meeting's date when a meeting is named, else now.",
  });

/** A date or date-time as OccurredAtSchema reads it: a bare date is that day at 00:00 UTC. */
export function parseOccurredAt(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/**
 * When a move happened if the analyst did not say: at the meeting it names, on that meeting's
 * date (a move logged today for a past round is dated at the round, never "today at a past
 * meeting"); with no meeting, or one whose date is not known, now.
 */
export function defaultOccurredAt(meetingDate: Date | null | undefined, now: Date = new Date()): Date {
  return meetingDate ?? now;
}

/** Makes a URL-safe slug from a name: "Türkiye" → "turkiye", folded as search folds it. */
export function slugify(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, LIMITS.slug)
    .replace(/-+$/g, "");
}

/** A comma list from a query string ("OPEN,STALLED") or repeated keys, as an array. */
export function commaList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === "string" ? v.split(",") : [v]));
    const cleaned = parts.map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "");
    return cleaned.length ? [...new Set(cleaned)] : undefined;
  }, z.array(item).optional());
}

export const PageLimitSchema = wholeNumber("Limit", 1, LIMITS.pageSizeMax);

/** Cursors are opaque to clients; inside a keyset position (lib/schemas/cursor.ts). */
export { CursorSchema } from "./cursor";

/**
 * Parses URL filters for a page: each key on its own, and a key whose value does not parse is
 * dropped, so a mistyped link shows the default view instead of an error. The API parses the same
 * schema strictly and answers 400.
 */
export function parseFiltersLenient<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  input: Record<string, string | string[] | undefined>,
): z.output<z.ZodObject<Shape>> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = input[key];
    if (raw === undefined) continue;
    // A repeated key is a list for list filters; for the others the first value counts.
    const candidates = Array.isArray(raw) ? [raw, raw[0]] : [raw];
    const value = candidates.find((candidate) => (field as z.ZodType).safeParse(candidate).success);
    if (value !== undefined) kept[key] = value;
  }
  return schema.parse(kept);
}

// ---------------------------------------------------------------------------------------------
// Response shapes shared by every record. lib/server returns them, the UI reads them, and the
// OpenAPI document is generated from them.

export const TimestampSchema = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time (UTC)" });

/** Who recorded a history row; null when the app itself did (the seed, scripts). */
export const HistoryActorSchema = z.strictObject({ name: z.string(), email: z.string() }).nullable();

const NextCursorSchema = z.string().nullable().meta({
  description:
    "Pass as `cursor` (with the same filters, sort and dir) to get the next page; null on the last page. Opaque: build no cursor of your own",
});

/** The list envelope of the API: a page of items, and a total where the list is filtered. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: NextCursorSchema });
}

export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    total: z.int().min(0).meta({ description: "Rows matching the filters, on every page" }),
  });
}

export const ErrorIssueSchema = z.strictObject({
  path: z
    .string()
    .meta({ description: 'Dotted path of the field, e.g. "raisedBy.0" or "outcomes.1.note"; "" for the whole body' }),
  message: z.string(),
});

const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** The one shape of every error answer (lib/errors.ts builds it). */
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({ code: ErrorCodeSchema, message: z.string(), issues: z.array(ErrorIssueSchema) }),
});

/** A 409's body: the error, and the record as it stands now. */
export function conflictBodyOf(current: z.ZodType) {
  return z.strictObject({
    error: z.strictObject({
      code: z.literal("CONFLICT"),
      message: z.string(),
      issues: z.array(ErrorIssueSchema),
      /** The record as it stands now. */
      current,
    }),
  });
}
