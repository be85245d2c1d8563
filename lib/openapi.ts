import "server-only";
import { z } from "zod";
import {
  createDocument,
  type ZodObjectInput,
  type ZodOpenApiOperationObject,
  type ZodOpenApiRequestBodyObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import { EXPORT_FORMATS } from "@/lib/export/format";
import { AsOfQuerySchema } from "@/lib/schemas/as-of";
import {
  BULK_STATUS_MAX,
  BulkStatusChangeSchema,
  BulkStatusRefusalSchema,
  BulkStatusReportSchema,
} from "@/lib/schemas/bulk-status";
import { ErrorBodySchema, ErrorIssueSchema, IdSchema, LIMITS, SlugSchema } from "@/lib/schemas/common";
import {
  GrievanceConflictSchema,
  GrievanceCreateSchema,
  GrievanceDetailSchema,
  GrievanceFiltersSchema,
  GrievancePageSchema,
  GrievanceSummarySchema,
  GrievanceUpdateSchema,
  HistoryEntrySchema,
  HistoryListSchema,
} from "@/lib/schemas/grievance";
import {
  MeetingConflictSchema,
  MeetingCreateSchema,
  MeetingDetailSchema,
  MeetingFiltersSchema,
  MeetingOutcomeSchema,
  MeetingPageSchema,
  MeetingRefSchema,
  MeetingSummarySchema,
  MeetingUpdateSchema,
  ParticipantSchema,
} from "@/lib/schemas/meeting";
import { GrievanceImportReportSchema, GrievanceImportResultSchema, ImportQuerySchema } from "@/lib/schemas/import";
import { OverviewSchema } from "@/lib/schemas/overview";
import {
  PartyConflictSchema,
  PartyCreateSchema,
  PartyDetailSchema,
  PartyFiltersSchema,
  PartyListSchema,
  PartyMergeSchema,
  PartyRefSchema,
  PartySummarySchema,
  PartyUpdateSchema,
} from "@/lib/schemas/party";
import { FieldChangeSchema, RevisionListSchema, RevisionSchema } from "@/lib/schemas/revision";
import { SEARCH_KINDS, SearchQuerySchema, SearchResultSchema } from "@/lib/schemas/search";
import {
  CitationConflictSchema,
  CitationDetailSchema,
  CitationSchema,
  CitationUpdateSchema,
  CitedSourceSchema,
  SourceConflictSchema,
  SourceDetailSchema,
  SourceRefSchema,
  SourceUpdateSchema,
} from "@/lib/schemas/source";
import {
  VenueConflictSchema,
  VenueCreateSchema,
  VenueDetailSchema,
  VenueFiltersSchema,
  VenueListSchema,
  VenueMergeSchema,
  VenueRefSchema,
  VenueSummarySchema,
  VenueUpdateSchema,
} from "@/lib/schemas/venue";
import { ViewConflictSchema, ViewCreateSchema, ViewListSchema, ViewSchema, ViewUpdateSchema } from "@/lib/schemas/view";
import { authorize, type Actor } from "@/lib/server/authz";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas of lib/schemas: requests
// from the very schemas lib/server validates with, responses from the schemas its return types
// are inferred from (tests/api parses real answers with them too).

// ---------------------------------------------------------------------------------------------
// Parameters

const commaListNote = (example: string) => `A comma list (\`${example}\`); repeating the key works too.`;

/** A filter that takes several values, as `status=OPEN,STALLED`. */
const listParam = (field: z.ZodType, what: string, example: string) =>
  field.meta({ description: `${what}. ${commaListNote(example)}`, param: { style: "form", explode: false } });

type Records = "grievances" | "meetings" | "parties" | "venues";

/** The switch every list of deletable records has. */
const deletedParam = (field: z.ZodType, records: Records) =>
  field.meta({ description: `\`1\`: only deleted ${records} instead of live ones (admins only; 403 for other roles)` });

/** The parameters every paged list shares: the deleted switch and paging. */
function sharedListParams(shape: { deleted: z.ZodType; cursor: z.ZodType; limit: z.ZodType }, records: Records) {
  return {
    deleted: deletedParam(shape.deleted, records),
    cursor: shape.cursor.meta({
      description:
        "The `nextCursor` of the previous page, as given: opaque (it marks the last row shown, so a deep page costs what the first does), valid for the same sort and direction; anything else is a 400 naming `cursor`",
    }),
    limit: shape.limit.meta({
      description: `Page size, 1 to ${LIMITS.pageSizeMax}; defaults to ${LIMITS.pageSizeDefault}`,
    }),
  };
}

/** Every list read's export switch (issue 11): the whole filtered list as a download instead of a page. */
const formatParam = z
  .enum(EXPORT_FORMATS)
  .optional()
  .meta({
    description:
      "`csv` or `json`: every record the filters match, not a page, streamed as a download " +
      "(`Content-Disposition: attachment`; `X-Total-Count` says how many). CSV is RFC 4180, UTF-8 with a BOM, " +
      "a cell starting with = + - @, a tab or a carriage return prefixed with an apostrophe; JSON is one array of " +
      "the list's items. `Accept: text/csv` asks for CSV too. Any other value is a 400 naming `format`.",
  });

const grievanceFilters = GrievanceFiltersSchema.shape;
const GrievanceQuerySchema = GrievanceFiltersSchema.extend({
  party: grievanceFilters.party.meta({
    description: "A party's slug: grievances it raised or that are addressed to it",
  }),
  role: grievanceFilters.role.meta({
    description: "With `party`: only those it raised, or only those addressed to it",
  }),
  status: listParam(grievanceFilters.status, "Statuses", "OPEN,STALLED"),
  category: listParam(grievanceFilters.category, "Categories", "VISAS,BANKING"),
  meeting: grievanceFilters.meeting.meta({ description: "A meeting's id: grievances on its agenda or moved at it" }),
  q: grievanceFilters.q.meta({
    description:
      'Words to find in the title, description and history reasons; case- and accent-insensitive ("turkiye" finds "Türkiye")',
  }),
  sort: grievanceFilters.sort.meta({ description: "Sort key; defaults to lastMoved" }),
  dir: grievanceFilters.dir.meta({ description: "Defaults to asc for title, category and status, desc otherwise" }),
  ...sharedListParams(grievanceFilters, "grievances"),
  format: formatParam,
});

const meetingFilters = MeetingFiltersSchema.shape;
const MeetingQuerySchema = MeetingFiltersSchema.extend({
  party: meetingFilters.party.meta({ description: "A party's slug: meetings it took part in" }),
  venue: meetingFilters.venue.meta({ description: "A venue's slug" }),
  status: listParam(meetingFilters.status, "Statuses", "HELD,PLANNED"),
  from: meetingFilters.from.meta({ description: "Meetings on or after this day (YYYY-MM-DD)" }),
  to: meetingFilters.to.meta({ description: "Meetings on or before this day (YYYY-MM-DD)" }),
  ...sharedListParams(meetingFilters, "meetings"),
  format: formatParam,
});

const IdPath = z.object({ id: IdSchema.meta({ description: "The record's id" }) });
const SlugPath = z.object({ slug: SlugSchema.meta({ description: "The record's slug" }) });

// ---------------------------------------------------------------------------------------------
// Operations

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const ok = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({ description, ...json(schema) });

/** A list read's answer: the page (or whole list) as JSON, or with `format` its export. */
const listOk = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description: `${description}; with \`format\` (or \`Accept: text/csv\`), the export as a download`,
  headers: z.object({
    "X-Total-Count": z.string().optional().meta({ description: "With `format`: how many records the export holds" }),
  }),
  content: {
    "application/json": { schema: z.union([schema, z.array(z.unknown())]) },
    "text/csv": { schema: z.string().meta({ description: "With `format=csv` or `Accept: text/csv`" }) },
  },
});
const created = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  headers: z.object({ Location: z.string().meta({ description: "Path of the new record" }) }),
  ...json(schema),
});

/** A request body, registered under `components.requestBodies` as `id`. */
const body = (id: string, schema: z.ZodType, description: string): ZodOpenApiRequestBodyObject => ({
  id,
  required: true,
  description,
  ...json(schema),
});

/** The shared error answers (components.responses), by status. */
const ERROR_RESPONSES = {
  "400": "ValidationFailed",
  "401": "Unauthenticated",
  "403": "Forbidden",
  "404": "NotFound",
  "413": "PayloadTooLarge",
  "415": "UnsupportedMediaType",
  "500": "Internal",
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` }]),
  ) as Record<ErrorStatus, { $ref: string }>;

// Every operation needs a signed-in user or a token (401). Reads need only the viewer role, which
// every user has, so 403 is listed where a higher role is needed: writes (analyst), deletion and
// the deleted lists (admin), and a cookie-authenticated mutation from another site. No /api/v1
// operation is rate-limited today (only signing in is), so no operation lists RateLimited yet.
const ERRORS_BY_KIND = {
  /** One record, named by its path. */
  read: errors("401", "404", "500"),
  /** A whole list: it takes no query parameters, so any is a 400. */
  list: errors("400", "401", "500"),
  /** A list that takes `deleted=1`, which only admins may ask for. */
  filteredList: errors("400", "401", "403", "500"),
  /** A JSON body (analysts); one that names a record by its path may find none (404). */
  write: errors("400", "401", "403", "413", "415", "500"),
  /** Delete and restore take no body, but a browser's cookie-authenticated call must still say JSON (415). */
  admin: errors("401", "403", "404", "415", "500"),
};
type Kind = keyof typeof ERRORS_BY_KIND;

type Tag = "Grievances" | "Meetings" | "Parties" | "Venues" | "Overview" | "Sources" | "Search" | "Views";

type Spec = {
  summary: string;
  description?: string;
  path?: ZodObjectInput;
  query?: ZodObjectInput;
  body?: ZodOpenApiRequestBodyObject;
  /** The answer: 200 with `ok`, 201 with `created`. */
  answer: { "200": ZodOpenApiResponseObject } | { "201": ZodOpenApiResponseObject };
  /** A stale version: what happened, and the body that carries the record as it stands now. */
  conflict?: [description: string, schema: z.ZodType];
};

/** One operation: its kind decides the error answers it lists. */
function operation(kind: Kind, tag: Tag, operationId: string, spec: Spec): ZodOpenApiOperationObject {
  const { summary, description, path, query, body: requestBody, answer, conflict } = spec;
  return {
    tags: [tag],
    operationId,
    summary,
    ...(description !== undefined && { description }),
    ...((path || query) && { requestParams: { ...(path && { path }), ...(query && { query }) } }),
    ...(requestBody && { requestBody }),
    responses: {
      ...answer,
      ...ERRORS_BY_KIND[kind],
      ...(kind === "write" && path && errors("404")),
      ...(conflict && { "409": { description: conflict[0], ...json(conflict[1]) } }),
    },
  };
}

/**
 * The grievance CSV import: the body is the file itself (lib/csv/grievance-columns.ts's columns);
 * it answers 200 with the dry run's report or 201 with what it created.
 */
function importGrievancesPath() {
  const post = operation("write", "Grievances", "importGrievances", {
    summary: "Import grievances from a CSV file",
    description:
      "The file's header names its columns: `title`, `category`, `raisedBy`, `addressedTo` (parties as `;`-separated " +
      "slugs or names, matched case- and accent-insensitively) and optionally `description`, `status`; an exported " +
      "file's `id`, `lastMovedAt` and `createdAt` are read past (the grievances are new, raised now). A status other " +
      "than OPEN is recorded as a first move whose reason says it came from the file. UTF-8, with or without a BOM, " +
      `LF or CRLF; at most ${LIMITS.importBytes} bytes (413) and ${LIMITS.importRows} rows (413). With \`dryRun=1\` ` +
      "the answer is the report of every row and every error by row and column, and nothing is written; without it, " +
      "every row is created in one transaction, or none: a file with any error is a 400 naming each as " +
      "`rows.<row>.<column>`. A cookie-authenticated call sends `Content-Type: text/csv`.",
    query: ImportQuerySchema,
    body: {
      id: "GrievanceCsv",
      required: true,
      description: "The CSV file",
      content: { "text/csv": { schema: z.string().meta({ description: "The file's text" }) } },
    },
    answer: { "201": ok("Every row was created: their ids, in file order", GrievanceImportResultSchema) },
  });
  return {
    post: {
      ...post,
      responses: {
        "200": ok("The dry run's report (dryRun=1); nothing was written", GrievanceImportReportSchema),
        ...post.responses,
      },
    },
  };
}

/** Saved views (issue 11): a name for the grievance list's filters, personal or shared. */
function viewPaths() {
  const changedBy = "Its owner or an admin; anyone else gets a 403 for a shared view and a 404 for a personal one.";
  return {
    "/api/v1/views": {
      get: operation("read", "Views", "listViews", {
        summary: "My saved views and the team's shared ones",
        description: "By name, each with the count of live grievances its filters match.",
        answer: { "200": ok("The views", ViewListSchema) },
      }),
      post: operation("write", "Views", "createView", {
        summary: "Save a view of the grievance list",
        description:
          "`query` is the list's query string (or its whole address); it is checked as the list checks it, so an " +
          "unknown or bad filter is a 400 naming `query.<key>`. The page (`cursor`), `limit` and `deleted` are not kept. " +
          "Any signed-in user may save one; `shared: true` shows it to everyone signed in.",
        body: body("ViewCreate", ViewCreateSchema, "The view's name, the list's query and whether it is shared"),
        answer: { "201": created("The view", ViewSchema) },
      }),
    },
    "/api/v1/views/{id}": {
      get: operation("read", "Views", "getView", {
        summary: "Read a saved view",
        description: "A deleted view still answers, with `deletedAt` set and no count, so an old link can say so.",
        path: IdPath,
        answer: { "200": ok("The view", ViewSchema) },
      }),
      patch: operation("write", "Views", "updateView", {
        summary: "Rename, share or unshare a saved view",
        description: `${changedBy} With the \`version\` last seen: a stale one is a 409 carrying the view as it is now.`,
        path: IdPath,
        body: body("ViewUpdate", ViewUpdateSchema, "The new name and/or shared flag, with the version last seen"),
        answer: { "200": ok("The view as updated", ViewSchema) },
        conflict: ["Someone else changed the view first", ViewConflictSchema],
      }),
      delete: operation("admin", "Views", "deleteView", {
        summary: "Delete a saved view",
        description: `${changedBy} Takes no body.`,
        path: IdPath,
        answer: { "200": ok("The view, with `deletedAt` set", ViewSchema) },
      }),
    },
  };
}

/**
 * The operations of a record named by a slug (a party, a venue): the whole list, create, read,
 * update with the version last seen, soft delete and restore (admins), and merge into another.
 */
function sluggedRecordPaths(record: {
  tag: Tag;
  noun: "party" | "venue";
  plural: "parties" | "venues";
  list: z.ZodType;
  /** The list's query: `deleted`. */
  filters: z.ZodObject<{ deleted: z.ZodType }>;
  created: z.ZodType;
  detail: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
  conflict: z.ZodType;
  merge: z.ZodType;
  /** What names it, so that it cannot be deleted while they are live: "grievances or meetings". */
  namedBy: string;
  /** Which records the list holds, in which order. */
  listed: string;
  /** What the slug is made from when the client gives none. */
  slugFrom: string;
}) {
  const { tag, noun, plural, detail } = record;
  const Noun = capitalize(noun);
  const Plural = capitalize(plural);
  const base = `/api/v1/${plural}/{slug}`;
  return {
    [`/api/v1/${plural}`]: {
      get: operation("filteredList", tag, `list${Plural}`, {
        summary: `List ${plural}`,
        description: `${record.listed} Deleted and merged ${plural} are left out. Any other query parameter is a 400.`,
        query: z.object({ deleted: deletedParam(record.filters.shape.deleted, plural), format: formatParam }),
        answer: { "200": listOk(`The ${plural}`, record.list) },
      }),
      post: operation("write", tag, `create${Noun}`, {
        summary: `Create a ${noun}`,
        description: `The slug is made from ${record.slugFrom} when not given.`,
        body: body(`${Noun}Create`, record.create, `The new ${noun}`),
        answer: { "201": created(`The ${noun}`, record.created) },
      }),
    },
    [base]: {
      get: operation("read", tag, `get${Noun}`, {
        summary: `Read a ${noun}`,
        description: `A deleted ${noun} is a 404 for everyone but admins.`,
        path: SlugPath,
        answer: { "200": ok(`The ${noun}`, detail) },
      }),
      patch: operation("write", tag, `update${Noun}`, {
        summary: `Update a ${noun}`,
        description:
          "Edit any of the fields, always with the `version` last seen; the slug stays. A stale version is a 409 " +
          `whose body carries the ${noun} as it stands now.`,
        path: SlugPath,
        body: body(`${Noun}Update`, record.update, "The changes, with the version last seen"),
        answer: { "200": ok(`The ${noun} as updated`, detail) },
        conflict: [`Someone else changed the ${noun} first`, record.conflict],
      }),
      delete: operation("admin", tag, `delete${Noun}`, {
        summary: `Delete a ${noun} (admins)`,
        description:
          `A soft delete: the ${noun} leaves every list and picker and reads as 404 for everyone but admins. ` +
          `\`POST ${base}/restore\` brings it back. Takes no body.`,
        path: SlugPath,
        answer: { "200": ok(`The ${noun}, with \`deletedAt\` set`, detail) },
        conflict: [
          `The ${noun} is still named by live ${record.namedBy} (the message says how many): merge it or move them first`,
          ErrorBodySchema,
        ],
      }),
    },
    [`${base}/restore`]: {
      post: operation("admin", tag, `restore${Noun}`, {
        summary: `Restore a deleted ${noun} (admins)`,
        description: `Brings the ${noun} back into lists and pickers. Takes no body.`,
        path: SlugPath,
        answer: { "200": ok(`The ${noun}, with \`deletedAt\` null`, detail) },
        conflict: [`The ${noun} was merged into another; its references are there now`, ErrorBodySchema],
      }),
    },
    [`${base}/merge`]: {
      post: operation("write", tag, `merge${Noun}`, {
        summary: `Merge a ${noun} into another (admins)`,
        description:
          `In one transaction, every reference to this ${noun} (its ${record.namedBy}) moves to \`into\`, once where ` +
          `both were named; this ${noun} is then deleted with \`mergedInto\` set and a \`merge\` revision naming the survivor.`,
        path: SlugPath,
        body: body(`${Noun}Merge`, record.merge, `The ${noun} that stays`),
        answer: { "200": ok(`The merged ${noun}, deleted, with \`mergedInto\``, detail) },
      }),
    },
  };
}

const capitalize = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/**
 * The operations of a versioned record (a grievance, a meeting): read, update with the version last
 * seen (a stale one is a 409 that carries the record as it stands), soft delete and restore. They
 * say the same of every such record but for what it carries.
 */
function versionedRecordPaths(record: {
  tag: Tag;
  noun: "grievance" | "meeting";
  detail: z.ZodType;
  update: z.ZodType;
  conflict: z.ZodType;
  /** What a read answers besides the record's own fields. */
  carries: string;
  /** What a status change does besides moving the status. */
  statusChange: string;
  /** What a soft delete keeps. */
  kept: string;
  /** How a restore brings the record back. */
  restored: string;
  /** The query parameters of a read (a grievance's `asOf`), and what they do. */
  readQuery?: { schema: ZodObjectInput; description: string };
}) {
  const { tag, noun, detail } = record;
  const Noun = capitalize(noun);
  const base = `/api/v1/${noun}s/{id}`;
  return {
    [base]: {
      get: operation("read", tag, `get${Noun}`, {
        summary: `Read a ${noun}`,
        description: `${record.carries} A deleted ${noun} is a 404 for everyone but admins.${record.readQuery?.description ?? ""}`,
        path: IdPath,
        ...(record.readQuery && { query: record.readQuery.schema }),
        answer: { "200": ok(`The ${noun}`, detail) },
      }),
      patch: operation("write", tag, `update${Noun}`, {
        summary: `Update a ${noun}`,
        description:
          "Edit fields and/or change the status, always with the `version` last seen; a status change needs a " +
          `\`reason\`${record.statusChange}. A stale version is a 409 whose body carries the ${noun} as it stands now.`,
        path: IdPath,
        body: body(`${Noun}Update`, record.update, "The changes, with the version last seen"),
        answer: { "200": ok(`The ${noun} as updated`, detail) },
        conflict: [`Someone else changed the ${noun} first`, record.conflict],
      }),
      delete: operation("admin", tag, `delete${Noun}`, {
        summary: `Delete a ${noun} (admins)`,
        description:
          `A soft delete: the ${noun} is hidden from every list and count, and reads as 404 for everyone but admins; ` +
          `${record.kept}. \`POST ${base}/restore\` brings it back. Takes no body.`,
        path: IdPath,
        answer: { "200": ok(`The ${noun}, with \`deletedAt\` set`, detail) },
      }),
    },
    [`${base}/restore`]: {
      post: operation("admin", tag, `restore${Noun}`, {
        summary: `Restore a deleted ${noun} (admins)`,
        description: `Brings the ${noun} back into lists and counts, ${record.restored}. Takes no body.`,
        path: IdPath,
        answer: { "200": ok(`The ${noun}, with \`deletedAt\` null`, detail) },
      }),
    },
  };
}

/** `GET …/revisions` of the grievances, meetings (by id), parties and venues (by slug). */
function revisionPaths() {
  const records = [
    ["Grievances", "grievance", "grievances", "id"],
    ["Meetings", "meeting", "meetings", "id"],
    ["Parties", "party", "parties", "slug"],
    ["Venues", "venue", "venues", "slug"],
  ] as const;
  return Object.fromEntries(
    records.map(([tag, noun, plural, key]) => [
      `/api/v1/${plural}/{${key}}/revisions`,
      {
        get: operation("read", tag, `list${capitalize(noun)}Revisions`, {
          summary: `A ${noun}'s revisions`,
          description:
            `Every create, edit, delete and restore of the ${noun}, oldest first, whole: who, when, and each field ` +
            "before → after. A status change is not a revision: it is in the history. A deleted " +
            `${noun} is a 404 for everyone but admins.`,
          path: key === "id" ? IdPath : SlugPath,
          answer: { "200": ok("The revisions", RevisionListSchema) },
        }),
      },
    ]),
  );
}

/** Quotes (citations) and their sources: read, corrected at the version last seen, and a quote deleted and restored. */
function quoteAndSourcePaths() {
  const quote = "/api/v1/citations/{id}";
  const source = "/api/v1/sources/{id}";
  const revisions = (noun: string, kept: string) =>
    operation("read", "Sources", `list${capitalize(noun)}Revisions`, {
      summary: `A ${noun}'s revisions`,
      description: `Every ${kept} of the ${noun}, oldest first, whole: who, when, and each field before → after.`,
      path: IdPath,
      answer: { "200": ok("The revisions", RevisionListSchema) },
    });
  const ownerDeleted = ["The grievance or meeting the quote backs is deleted: restore it first", ErrorBodySchema] as [
    string,
    z.ZodType,
  ];
  return {
    [quote]: {
      get: operation("read", "Sources", "getQuote", {
        summary: "Read a quote",
        description:
          "A quote with its source and the grievance or meeting it backs. A deleted quote, or one on a deleted record, " +
          "is a 404 for everyone but admins.",
        path: IdPath,
        answer: { "200": ok("The quote", CitationDetailSchema) },
      }),
      patch: operation("write", "Sources", "updateQuote", {
        summary: "Correct a quote",
        description:
          "Its text and/or its source (a URL or a title, found or recorded once), always with the `version` last seen, " +
          "and an optional `note` kept with the revision. A stale version is a 409 whose body carries the quote as it " +
          "stands now.",
        path: IdPath,
        body: body("QuoteUpdate", CitationUpdateSchema, "The changes, with the version last seen"),
        answer: { "200": ok("The quote as updated", CitationDetailSchema) },
        conflict: ["Someone else changed the quote first", CitationConflictSchema],
      }),
      delete: operation("admin", "Sources", "deleteQuote", {
        summary: "Delete a quote (admins)",
        description:
          "A soft delete: the quote leaves its grievance's or meeting's page and detail; its revisions stay. " +
          `\`POST ${quote}/restore\` brings it back. Takes no body.`,
        path: IdPath,
        answer: { "200": ok("The quote, with `deletedAt` set", CitationDetailSchema) },
        conflict: ownerDeleted,
      }),
    },
    [`${quote}/restore`]: {
      post: operation("admin", "Sources", "restoreQuote", {
        summary: "Restore a deleted quote (admins)",
        description: "Brings the quote back onto its record. Takes no body.",
        path: IdPath,
        answer: { "200": ok("The quote, with `deletedAt` null", CitationDetailSchema) },
        conflict: ownerDeleted,
      }),
    },
    [`${quote}/revisions`]: { get: revisions("quote", "create, edit, delete and restore") },
    [source]: {
      get: operation("read", "Sources", "getSource", {
        summary: "Read a source",
        description:
          "The source with the quotes taken from it and the record each backs (admins also see deleted quotes).",
        path: IdPath,
        answer: { "200": ok("The source", SourceDetailSchema) },
      }),
      patch: operation("write", "Sources", "updateSource", {
        summary: "Correct a source",
        description:
          "Edit any of its fields, always with the `version` last seen; an empty publisher, URL, date or note clears it. " +
          "A URL another source has is a 400 naming `url`. A stale version is a 409 whose body carries the source as " +
          "it stands now.",
        path: IdPath,
        body: body("SourceUpdate", SourceUpdateSchema, "The changes, with the version last seen"),
        answer: { "200": ok("The source as updated", SourceDetailSchema) },
        conflict: ["Someone else changed the source first", SourceConflictSchema],
      }),
    },
    [`${source}/revisions`]: { get: revisions("source", "create and edit") },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI document, built once per process. */
export function openApiDocument(actor: Actor | null): ReturnType<typeof createDocument> {
  authorize(actor, "read");
  cached ??= buildDocument();
  return cached;
}

function buildDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Backchannel API",
      version: "1.0.0",
      description:
        "Grievances moved, round by round, along a diplomatic channel. Bodies are JSON (`Content-Type: application/json`, " +
        `at most ${LIMITS.bodyBytes} bytes). A request that is rejected changes nothing.\n\n` +
        "Every request is authenticated. Scripts send an API token as `Authorization: Bearer <token>` (the `bearerAuth` " +
        "scheme). Browsers use the session cookie set by signing in instead; a cookie-authenticated mutation must also " +
        "come from this origin and send `Content-Type: application/json`, even when it has no body. Roles: a viewer " +
        "reads, an analyst also creates and updates, an admin also deletes and restores.",
    },
    security: [{ bearerAuth: [] }],
    servers: [{ url: "/" }],
    tags: [
      { name: "Grievances" },
      { name: "Meetings" },
      { name: "Parties" },
      { name: "Venues" },
      { name: "Overview" },
      { name: "Sources" },
      { name: "Search" },
      { name: "Views" },
    ],
    paths: {
      ...sluggedRecordPaths({
        tag: "Parties",
        noun: "party",
        plural: "parties",
        list: PartyListSchema,
        filters: PartyFiltersSchema,
        created: PartySummarySchema,
        detail: PartyDetailSchema,
        create: PartyCreateSchema,
        update: PartyUpdateSchema,
        conflict: PartyConflictSchema,
        merge: PartyMergeSchema,
        namedBy: "grievances and meetings",
        listed:
          "Every party, by name, with how many grievances it raised and received and how many meetings it attended.",
        slugFrom: "the name",
      }),
      ...sluggedRecordPaths({
        tag: "Venues",
        noun: "venue",
        plural: "venues",
        list: VenueListSchema,
        filters: VenueFiltersSchema,
        created: VenueSummarySchema,
        detail: VenueDetailSchema,
        create: VenueCreateSchema,
        update: VenueUpdateSchema,
        conflict: VenueConflictSchema,
        merge: VenueMergeSchema,
        namedBy: "meetings",
        listed: "Every venue, by city and name.",
        slugFrom: "the name and city",
      }),
      "/api/v1/meetings": {
        get: operation("filteredList", "Meetings", "listMeetings", {
          summary: "List meetings, newest first",
          description:
            "Meetings whose date is not known come after dated ones. An unknown query parameter or a bad value is a 400.",
          query: MeetingQuerySchema,
          answer: { "200": listOk("A page of meetings", MeetingPageSchema) },
        }),
        post: operation("write", "Meetings", "createMeeting", {
          summary: "Log a meeting",
          body: body("MeetingCreate", MeetingCreateSchema, "The meeting, with its participants"),
          answer: { "201": created("The meeting", MeetingDetailSchema) },
        }),
      },
      ...versionedRecordPaths({
        tag: "Meetings",
        noun: "meeting",
        detail: MeetingDetailSchema,
        update: MeetingUpdateSchema,
        conflict: MeetingConflictSchema,
        carries: "With its agenda, citations and history.",
        statusChange: "",
        kept: "its agenda and history are kept",
        restored: "as it was",
      }),
      "/api/v1/meetings/{id}/outcomes": {
        post: operation("write", "Meetings", "logMeetingOutcome", {
          summary: "Log a held meeting's outcome",
          description:
            "An agenda note for each grievance discussed and, where `status` is given, a status move with its history row. " +
            "All or nothing: one bad row refuses the whole batch, and its issue path names the row (`outcomes.1.note`). " +
            "A grievance's `version`, when given, must be current, or the batch is a 409.",
          path: IdPath,
          body: body("MeetingOutcome", MeetingOutcomeSchema, "The outcome, one row per grievance"),
          answer: { "200": ok("The meeting with its agenda as logged", MeetingDetailSchema) },
          conflict: ["A grievance changed since the version given", GrievanceConflictSchema],
        }),
      },
      "/api/v1/grievances": {
        get: operation("filteredList", "Grievances", "listGrievances", {
          summary: "List grievances",
          description: "Filtered, sorted and paginated. An unknown query parameter or a bad value is a 400 naming it.",
          query: GrievanceQuerySchema,
          answer: { "200": listOk("A page of grievances", GrievancePageSchema) },
        }),
        post: operation("write", "Grievances", "createGrievance", {
          summary: "Create a grievance",
          description: "It opens with status OPEN and a first history entry.",
          body: body("GrievanceCreate", GrievanceCreateSchema, "The grievance, its parties by slug and its citations"),
          answer: { "201": created("The grievance", GrievanceDetailSchema) },
        }),
      },
      "/api/v1/grievances/bulk-status": {
        post: operation("write", "Grievances", "changeGrievanceStatuses", {
          summary: "Move many grievances to one status",
          description:
            "The grievances are `ids`, or every grievance the list's `filter` matches now (the list's query parameters " +
            `as an object, without paging; at most ${BULK_STATUS_MAX}, else a 400 naming \`filter\`). Each gets the move a ` +
            "single status change makes: the rules checked against the status in force at the move's date, its own " +
            "history row, one version bump. `versions` maps each id to the version the client saw (for a filter, from a " +
            "`dryRun: true` call, which answers the report and writes nothing). All or nothing: if any grievance changed " +
            "since its version (or matches the filter but was not seen), the answer is a 409, and if a rule refuses one, a " +
            "400; either way nothing is applied and `error.current` reports every row.",
          body: body("BulkStatusChange", BulkStatusChangeSchema, "The selection, the move, and the versions seen"),
          answer: {
            "200": ok("The report: every row moved (or, for a dry run, what would happen)", BulkStatusReportSchema),
          },
          conflict: ["A grievance changed since the version seen; nothing was applied", BulkStatusRefusalSchema],
        }),
      },
      "/api/v1/imports/grievances": importGrievancesPath(),
      ...versionedRecordPaths({
        tag: "Grievances",
        noun: "grievance",
        detail: GrievanceDetailSchema,
        update: GrievanceUpdateSchema,
        conflict: GrievanceConflictSchema,
        carries: "With its parties, citations, agenda items and history.",
        statusChange: " and adds a history entry",
        kept: "its history is kept",
        restored: "with its history",
        readQuery: {
          schema: AsOfQuerySchema,
          description:
            " With `asOf`, replayed as of that day: status, history and agenda dated by its end; a 404 if it had not been raised by then.",
        },
      }),
      "/api/v1/grievances/{id}/history": {
        get: operation("read", "Grievances", "getGrievanceHistory", {
          summary: "A grievance's timeline",
          description:
            "Oldest first, whole (`nextCursor` is always null); with `asOf`, the moves dated by the end of that day.",
          path: IdPath,
          query: AsOfQuerySchema.extend({ format: formatParam }),
          answer: { "200": listOk("The history", HistoryListSchema) },
        }),
      },
      ...revisionPaths(),
      ...quoteAndSourcePaths(),
      "/api/v1/overview": {
        get: operation("list", "Overview", "getOverview", {
          summary: "The overview's figures",
          description:
            "What the home page shows: open grievances per party, counts per status, the last held round and the days " +
            "since, the latest meetings and moves. With `asOf`, replayed as of the end of that day; a day before " +
            "anything was raised gives zero counts and an `explanation`. Any other query parameter is a 400.",
          query: AsOfQuerySchema,
          answer: { "200": ok("The overview", OverviewSchema) },
        }),
      },
      "/api/v1/search": {
        get: operation("filteredList", "Search", "searchEverything", {
          summary: "Search everywhere",
          description:
            `Finds ${SEARCH_KINDS.join(", ")} by their names, titles, summaries, descriptions, history reasons, notes, ` +
            "quotes, and a venue's city and country (a meeting by its venue's too): every word of `q` must occur, case, " +
            'accents and Turkish İ/ı folded ("istanbul" finds "İstanbul", "turkiye" "Türkiye"). Grouped by kind, in that ' +
            "order, each with the count of every match and the first `limit` (10 unless given). Deleted records, and " +
            "quotes that are deleted or back a deleted record, are left out; `deleted=1` (admins) searches the deleted " +
            "records instead. An empty `q`, one over 200 characters or one with no letter or digit is a 400 naming `q`.",
          query: SearchQuerySchema,
          answer: { "200": ok("The matches, grouped by kind", SearchResultSchema) },
        }),
      },
      ...viewPaths(),
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: {
            "200": { description: "The OpenAPI 3.1 document", content: { "application/json": {} } },
            ...errors("401"),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token; requests act as the user it was issued to, with that user's role. " +
            "Browsers use the session cookie instead (same origin only).",
        },
      },
      schemas: {
        Error: ErrorBodySchema,
        ErrorIssue: ErrorIssueSchema,
        PartyRef: PartyRefSchema,
        VenueRef: VenueRefSchema,
        MeetingRef: MeetingRefSchema,
        SourceRef: SourceRefSchema,
        Citation: CitationSchema,
        CitedSource: CitedSourceSchema,
        CitationDetail: CitationDetailSchema,
        SourceDetail: SourceDetailSchema,
        HistoryEntry: HistoryEntrySchema,
        Revision: RevisionSchema,
        FieldChange: FieldChangeSchema,
        Overview: OverviewSchema,
        GrievanceSummary: GrievanceSummarySchema,
        GrievanceDetail: GrievanceDetailSchema,
        Participant: ParticipantSchema,
        MeetingSummary: MeetingSummarySchema,
        MeetingDetail: MeetingDetailSchema,
        PartySummary: PartySummarySchema,
        PartyDetail: PartyDetailSchema,
        VenueSummary: VenueSummarySchema,
        VenueDetail: VenueDetailSchema,
      },
      responses: {
        ValidationFailed: errorResponse(
          'VALIDATION_FAILED: the issues name each field and why (a malformed JSON body has path "")',
        ),
        NotFound: errorResponse("NOT_FOUND: no such record (also for an id or slug that cannot name one)"),
        PayloadTooLarge: errorResponse(`PAYLOAD_TOO_LARGE: the body is over ${LIMITS.bodyBytes} bytes`),
        UnsupportedMediaType: errorResponse("UNSUPPORTED_MEDIA_TYPE: the body must be sent as application/json"),
        Unauthenticated: errorResponse("UNAUTHENTICATED: no valid API token or session (or the user is deactivated)"),
        Forbidden: errorResponse(
          "FORBIDDEN: the user's role does not allow this (writes need analyst; deletion, restoring and the deleted " +
            "lists need admin), or a cookie-authenticated mutation came from another site",
        ),
        RateLimited: errorResponse("RATE_LIMITED: too many attempts in a short time; wait before trying again"),
        Internal: errorResponse("INTERNAL: a fault on the server; the body says nothing more"),
      },
    },
  });
}

function errorResponse(description: string): ZodOpenApiResponseObject {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}
