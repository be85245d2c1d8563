import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_STATUS } from "@/lib/errors";
import { IdSchema, LIMITS, SlugSchema } from "@/lib/schemas/common";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_STATUSES,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  PARTY_KINDS,
} from "@/lib/schemas/enums";
import { GrievanceCreateSchema, GrievanceFiltersSchema, GrievanceUpdateSchema } from "@/lib/schemas/grievance";
import {
  MeetingCreateSchema,
  MeetingFiltersSchema,
  MeetingOutcomeSchema,
  MeetingUpdateSchema,
} from "@/lib/schemas/meeting";
import { PartyCreateSchema } from "@/lib/schemas/party";
import { VenueCreateSchema } from "@/lib/schemas/venue";
import type { GrievanceDetail, GrievanceSummary, HistoryEntry } from "@/lib/server/grievances";
import type { MeetingDetail, MeetingSummary } from "@/lib/server/meetings";
import type { PartyDetail, PartySummary } from "@/lib/server/parties";
import type { VenueSummary } from "@/lib/server/venues";
import { authorize, type Actor } from "@/lib/server/authz";

// The OpenAPI 3.1 document of /api/v1. Requests are described by the very zod schemas lib/server
// validates with; responses by the schemas below, which mirror the lib/server DTOs and are held to
// them by the type checks at the end of the response section (and by tests/api, which parses real
// answers with them).

// ---------------------------------------------------------------------------------------------
// Responses

const Timestamp = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time (UTC)" });

const GrievanceStatus = z.enum(GRIEVANCE_STATUSES);
const GrievanceCategory = z.enum(GRIEVANCE_CATEGORIES);
const MeetingStatus = z.enum(MEETING_STATUSES);

export const PartyRefSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
});

export const VenueRefSchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
});

export const MeetingRefSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  date: Timestamp.nullable().meta({ description: "The day of the meeting at 00:00 UTC; null when not known" }),
  status: MeetingStatus,
});

export const SourceRefSchema = z.strictObject({
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
  note: z.string().nullable(),
});

const ActorSchema = z.strictObject({ name: z.string(), email: z.string() }).nullable();

export const CitationSchema = z.strictObject({ quote: z.string(), source: SourceRefSchema });

export const GrievanceSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: GrievanceCategory,
  status: GrievanceStatus,
  version: z.int().min(1),
  raisedBy: z.array(PartyRefSchema),
  addressedTo: z.array(PartyRefSchema),
  lastMovedAt: Timestamp,
  lastMeeting: MeetingRefSchema.nullable().meta({
    description: "The meeting of the latest history entry that names one",
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable().meta({
    description: "When an admin deleted it; deleted grievances are shown to admins only",
  }),
});

export const HistoryEntrySchema = z.strictObject({
  id: z.string(),
  from: GrievanceStatus.nullable().meta({ description: "null for the entry that opened the grievance" }),
  to: GrievanceStatus,
  reason: z.string(),
  meetingId: z.string().nullable(),
  meeting: MeetingRefSchema.nullable(),
  source: SourceRefSchema.nullable(),
  actor: ActorSchema,
  at: Timestamp.meta({ description: "When the change happened" }),
  recordedAt: Timestamp.meta({ description: "When it was recorded here" }),
});

export const GrievanceDetailSchema = GrievanceSummarySchema.extend({
  citations: z.array(CitationSchema),
  agenda: z.array(
    z.strictObject({
      meetingId: z.string(),
      meeting: MeetingRefSchema,
      note: z.string(),
      statusAfter: GrievanceStatus.nullable(),
    }),
  ),
  history: z.array(HistoryEntrySchema).meta({ description: "Oldest first" }),
});

export const ParticipantSchema = z.strictObject({
  party: PartyRefSchema,
  role: z.enum(PARTICIPANT_ROLES),
  headOfDelegation: z.string().nullable(),
});

export const MeetingSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  date: Timestamp.nullable().meta({ description: "The day of the meeting at 00:00 UTC; null when not known" }),
  status: MeetingStatus,
  summary: z.string(),
  version: z.int().min(1),
  venue: VenueRefSchema.nullable(),
  participants: z.array(ParticipantSchema),
  agendaCount: z.int().min(0),
  deletedAt: Timestamp.nullable().meta({
    description: "When an admin deleted it; deleted meetings are shown to admins only",
  }),
});

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  agenda: z.array(
    z.strictObject({
      grievance: z.strictObject({
        id: z.string(),
        title: z.string(),
        status: GrievanceStatus,
        category: GrievanceCategory,
        version: z.int().min(1),
      }),
      note: z.string(),
      statusAfter: GrievanceStatus.nullable(),
    }),
  ),
  citations: z.array(CitationSchema),
  history: z
    .array(
      z.strictObject({
        id: z.string(),
        from: MeetingStatus.nullable(),
        to: MeetingStatus,
        reason: z.string(),
        source: SourceRefSchema.nullable(),
        actor: ActorSchema,
        at: Timestamp,
      }),
    )
    .meta({ description: "Oldest first" }),
});

export const PartySummarySchema = PartyRefSchema.extend({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  raisedCount: z.int().min(0),
  addressedCount: z.int().min(0),
  meetingCount: z.int().min(0),
});

export const PartyDetailSchema = PartyRefSchema.extend({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  createdAt: Timestamp,
});

export const VenueSummarySchema = VenueRefSchema.extend({
  id: z.string(),
  note: z.string().nullable(),
  meetingCount: z.int().min(0),
});

const NextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `cursor` to get the next page; null on the last page" });

function pageOf<T extends z.ZodType>(item: T, withTotal: boolean) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: NextCursor,
    ...(withTotal ? { total: z.int().min(0).meta({ description: "Rows matching the filters, on every page" }) } : {}),
  });
}

export const GrievancePageSchema = pageOf(GrievanceSummarySchema, true);
export const MeetingPageSchema = pageOf(MeetingSummarySchema, true);
export const PartyListSchema = pageOf(PartySummarySchema, false);
export const VenueListSchema = pageOf(VenueSummarySchema, false);
export const HistoryListSchema = pageOf(HistoryEntrySchema, false);

export const ErrorIssueSchema = z.strictObject({
  path: z
    .string()
    .meta({ description: 'Dotted path of the field, e.g. "raisedBy.0" or "outcomes.1.note"; "" for the whole body' }),
  message: z.string(),
});

const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...Array<keyof typeof ERROR_STATUS>]);

export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(ErrorIssueSchema),
  }),
});

function conflictBody(current: z.ZodType) {
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
export const GrievanceConflictSchema = conflictBody(GrievanceDetailSchema);
export const MeetingConflictSchema = conflictBody(MeetingDetailSchema);

// The response schemas must describe what lib/server returns: these fail to compile when a DTO
// and its schema part ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ResponseSchemasMatchDtos = [
  Holds<Same<z.output<typeof GrievanceSummarySchema>, GrievanceSummary>>,
  Holds<Same<z.output<typeof GrievanceDetailSchema>, GrievanceDetail>>,
  Holds<Same<z.output<typeof HistoryEntrySchema>, HistoryEntry>>,
  Holds<Same<z.output<typeof MeetingSummarySchema>, MeetingSummary>>,
  Holds<Same<z.output<typeof MeetingDetailSchema>, MeetingDetail>>,
  Holds<Same<z.output<typeof PartySummarySchema>, PartySummary>>,
  Holds<Same<z.output<typeof PartyDetailSchema>, PartyDetail>>,
  Holds<Same<z.output<typeof VenueSummarySchema>, VenueSummary>>,
];

// ---------------------------------------------------------------------------------------------
// Parameters

const commaListNote = (example: string) => `A comma list (\`${example}\`); repeating the key works too.`;

const GrievanceQuerySchema = GrievanceFiltersSchema.extend({
  party: GrievanceFiltersSchema.shape.party.meta({
    description: "A party's slug: grievances it raised or that are addressed to it",
  }),
  role: GrievanceFiltersSchema.shape.role.meta({
    description: "With `party`: only those it raised, or only those addressed to it",
  }),
  status: GrievanceFiltersSchema.shape.status.meta({
    description: `Statuses. ${commaListNote("OPEN,STALLED")}`,
    param: { style: "form", explode: false },
  }),
  category: GrievanceFiltersSchema.shape.category.meta({
    description: `Categories. ${commaListNote("VISAS,BANKING")}`,
    param: { style: "form", explode: false },
  }),
  meeting: GrievanceFiltersSchema.shape.meeting.meta({
    description: "A meeting's id: grievances on its agenda or moved at it",
  }),
  q: GrievanceFiltersSchema.shape.q.meta({
    description:
      'Words to find in the title, description and history reasons; case- and accent-insensitive ("turkiye" finds "Türkiye")',
  }),
  sort: GrievanceFiltersSchema.shape.sort.meta({ description: "Sort key; defaults to lastMoved" }),
  deleted: GrievanceFiltersSchema.shape.deleted.meta({
    description: "`1`: only deleted grievances instead of live ones (admins only; 403 for other roles)",
  }),
  dir: GrievanceFiltersSchema.shape.dir.meta({
    description: "Defaults to asc for title, category and status, desc otherwise",
  }),
  cursor: GrievanceFiltersSchema.shape.cursor.meta({ description: "The `nextCursor` of the previous page" }),
  limit: GrievanceFiltersSchema.shape.limit.meta({
    description: `Page size, 1 to ${LIMITS.pageSizeMax}; defaults to ${LIMITS.pageSizeDefault}`,
  }),
});

const MeetingQuerySchema = MeetingFiltersSchema.extend({
  party: MeetingFiltersSchema.shape.party.meta({ description: "A party's slug: meetings it took part in" }),
  venue: MeetingFiltersSchema.shape.venue.meta({ description: "A venue's slug" }),
  status: MeetingFiltersSchema.shape.status.meta({
    description: `Statuses. ${commaListNote("HELD,PLANNED")}`,
    param: { style: "form", explode: false },
  }),
  from: MeetingFiltersSchema.shape.from.meta({ description: "Meetings on or after this day (YYYY-MM-DD)" }),
  to: MeetingFiltersSchema.shape.to.meta({ description: "Meetings on or before this day (YYYY-MM-DD)" }),
  deleted: MeetingFiltersSchema.shape.deleted.meta({
    description: "`1`: only deleted meetings instead of live ones (admins only; 403 for other roles)",
  }),
  cursor: MeetingFiltersSchema.shape.cursor.meta({ description: "The `nextCursor` of the previous page" }),
  limit: MeetingFiltersSchema.shape.limit.meta({
    description: `Page size, 1 to ${LIMITS.pageSizeMax}; defaults to ${LIMITS.pageSizeDefault}`,
  }),
});

const IdPath = z.object({ id: IdSchema.meta({ description: "The record's id" }) });
const SlugPath = z.object({ slug: SlugSchema.meta({ description: "The record's slug" }) });

// ---------------------------------------------------------------------------------------------
// Operations

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

const ok = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({ description, ...json(schema) });
const created = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  headers: z.object({ Location: z.string().meta({ description: "Path of the new record" }) }),
  ...json(schema),
});

const errorResponse = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

// Every operation needs a signed-in user or a token (401). Reads need only the viewer role, which
// every user has, so 403 is listed where a higher role is needed: writes (analyst), deletion and
// the deleted lists (admin), and a cookie-authenticated mutation from another site. No /api/v1
// operation is rate-limited today (only signing in is), so no operation lists RateLimited yet.
const readErrors = { "401": ref("Unauthenticated"), "404": ref("NotFound"), "500": ref("Internal") } as const;
const listErrors = { "400": ref("ValidationFailed"), "401": ref("Unauthenticated"), "500": ref("Internal") } as const;
/** Lists that take `deleted=1`, which only admins may ask for. */
const filteredListErrors = { ...listErrors, "403": ref("Forbidden") } as const;
const writeErrors = {
  "400": ref("ValidationFailed"),
  "401": ref("Unauthenticated"),
  "403": ref("Forbidden"),
  "413": ref("PayloadTooLarge"),
  "415": ref("UnsupportedMediaType"),
  "500": ref("Internal"),
} as const;
/** Delete and restore take no body, but a browser's cookie-authenticated call must still say JSON (415). */
const adminErrors = {
  "401": ref("Unauthenticated"),
  "403": ref("Forbidden"),
  "404": ref("NotFound"),
  "415": ref("UnsupportedMediaType"),
  "500": ref("Internal"),
} as const;

/** A request body, registered under `components.requestBodies` as `id`. */
const body = (id: string, schema: z.ZodType, description: string) => ({
  id,
  required: true,
  description,
  ...json(schema),
});

function op(operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  return operation;
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
    tags: [{ name: "Grievances" }, { name: "Meetings" }, { name: "Parties" }, { name: "Venues" }],
    paths: {
      "/api/v1/parties": {
        get: op({
          tags: ["Parties"],
          operationId: "listParties",
          summary: "List parties",
          description:
            "Every party, by name, with how many grievances it raised and received and how many meetings it attended. Takes no query parameters.",
          responses: { "200": ok("The parties", PartyListSchema), ...listErrors },
        }),
        post: op({
          tags: ["Parties"],
          operationId: "createParty",
          summary: "Create a party",
          description: "The slug is made from the name when not given.",
          requestBody: body("PartyCreate", PartyCreateSchema, "The new party"),
          responses: { "201": created("The party", PartySummarySchema), ...writeErrors },
        }),
      },
      "/api/v1/parties/{slug}": {
        get: op({
          tags: ["Parties"],
          operationId: "getParty",
          summary: "Read a party",
          requestParams: { path: SlugPath },
          responses: { "200": ok("The party", PartyDetailSchema), ...readErrors },
        }),
      },
      "/api/v1/venues": {
        get: op({
          tags: ["Venues"],
          operationId: "listVenues",
          summary: "List venues",
          description: "Every venue, by city and name. Takes no query parameters.",
          responses: { "200": ok("The venues", VenueListSchema), ...listErrors },
        }),
        post: op({
          tags: ["Venues"],
          operationId: "createVenue",
          summary: "Create a venue",
          description: "The slug is made from the name and city when not given.",
          requestBody: body("VenueCreate", VenueCreateSchema, "The new venue"),
          responses: { "201": created("The venue", VenueSummarySchema), ...writeErrors },
        }),
      },
      "/api/v1/venues/{slug}": {
        get: op({
          tags: ["Venues"],
          operationId: "getVenue",
          summary: "Read a venue",
          requestParams: { path: SlugPath },
          responses: { "200": ok("The venue", VenueSummarySchema), ...readErrors },
        }),
      },
      "/api/v1/meetings": {
        get: op({
          tags: ["Meetings"],
          operationId: "listMeetings",
          summary: "List meetings, newest first",
          description:
            "Meetings whose date is not known come after dated ones. An unknown query parameter or a bad value is a 400.",
          requestParams: { query: MeetingQuerySchema },
          responses: { "200": ok("A page of meetings", MeetingPageSchema), ...filteredListErrors },
        }),
        post: op({
          tags: ["Meetings"],
          operationId: "createMeeting",
          summary: "Log a meeting",
          requestBody: body("MeetingCreate", MeetingCreateSchema, "The meeting, with its participants"),
          responses: { "201": created("The meeting", MeetingDetailSchema), ...writeErrors },
        }),
      },
      "/api/v1/meetings/{id}": {
        get: op({
          tags: ["Meetings"],
          operationId: "getMeeting",
          summary: "Read a meeting",
          description: "With its agenda, citations and history. A deleted meeting is a 404 for everyone but admins.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The meeting", MeetingDetailSchema), ...readErrors },
        }),
        patch: op({
          tags: ["Meetings"],
          operationId: "updateMeeting",
          summary: "Update a meeting",
          description:
            "Edit fields and/or change the status, always with the `version` last seen; a status change needs a `reason`. " +
            "A stale version is a 409 whose body carries the meeting as it stands now.",
          requestParams: { path: IdPath },
          requestBody: body("MeetingUpdate", MeetingUpdateSchema, "The changes, with the version last seen"),
          responses: {
            "200": ok("The meeting as updated", MeetingDetailSchema),
            ...writeErrors,
            "404": ref("NotFound"),
            "409": { description: "Someone else changed the meeting first", ...json(MeetingConflictSchema) },
          },
        }),
        delete: op({
          tags: ["Meetings"],
          operationId: "deleteMeeting",
          summary: "Delete a meeting (admins)",
          description:
            "A soft delete: the meeting is hidden from every list and count, and reads as 404 for everyone but admins; " +
            "its agenda and history are kept. `POST /api/v1/meetings/{id}/restore` brings it back. Takes no body.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The meeting, with `deletedAt` set", MeetingDetailSchema), ...adminErrors },
        }),
      },
      "/api/v1/meetings/{id}/restore": {
        post: op({
          tags: ["Meetings"],
          operationId: "restoreMeeting",
          summary: "Restore a deleted meeting (admins)",
          description: "Brings the meeting back into lists and counts, as it was. Takes no body.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The meeting, with `deletedAt` null", MeetingDetailSchema), ...adminErrors },
        }),
      },
      "/api/v1/meetings/{id}/outcomes": {
        post: op({
          tags: ["Meetings"],
          operationId: "logMeetingOutcome",
          summary: "Log a held meeting's outcome",
          description:
            "An agenda note for each grievance discussed and, where `status` is given, a status move with its history row. " +
            "All or nothing: one bad row refuses the whole batch, and its issue path names the row (`outcomes.1.note`). " +
            "A grievance's `version`, when given, must be current, or the batch is a 409.",
          requestParams: { path: IdPath },
          requestBody: body("MeetingOutcome", MeetingOutcomeSchema, "The outcome, one row per grievance"),
          responses: {
            "200": ok("The meeting with its agenda as logged", MeetingDetailSchema),
            ...writeErrors,
            "404": ref("NotFound"),
            "409": { description: "A grievance changed since the version given", ...json(GrievanceConflictSchema) },
          },
        }),
      },
      "/api/v1/grievances": {
        get: op({
          tags: ["Grievances"],
          operationId: "listGrievances",
          summary: "List grievances",
          description: "Filtered, sorted and paginated. An unknown query parameter or a bad value is a 400 naming it.",
          requestParams: { query: GrievanceQuerySchema },
          responses: { "200": ok("A page of grievances", GrievancePageSchema), ...filteredListErrors },
        }),
        post: op({
          tags: ["Grievances"],
          operationId: "createGrievance",
          summary: "Create a grievance",
          description: "It opens with status OPEN and a first history entry.",
          requestBody: body(
            "GrievanceCreate",
            GrievanceCreateSchema,
            "The grievance, its parties by slug and its citations",
          ),
          responses: { "201": created("The grievance", GrievanceDetailSchema), ...writeErrors },
        }),
      },
      "/api/v1/grievances/{id}": {
        get: op({
          tags: ["Grievances"],
          operationId: "getGrievance",
          summary: "Read a grievance",
          description:
            "With its parties, citations, agenda items and history. A deleted grievance is a 404 for everyone but admins.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The grievance", GrievanceDetailSchema), ...readErrors },
        }),
        patch: op({
          tags: ["Grievances"],
          operationId: "updateGrievance",
          summary: "Update a grievance",
          description:
            "Edit fields and/or change the status, always with the `version` last seen; a status change needs a `reason` " +
            "and adds a history entry. A stale version is a 409 whose body carries the grievance as it stands now.",
          requestParams: { path: IdPath },
          requestBody: body("GrievanceUpdate", GrievanceUpdateSchema, "The changes, with the version last seen"),
          responses: {
            "200": ok("The grievance as updated", GrievanceDetailSchema),
            ...writeErrors,
            "404": ref("NotFound"),
            "409": { description: "Someone else changed the grievance first", ...json(GrievanceConflictSchema) },
          },
        }),
        delete: op({
          tags: ["Grievances"],
          operationId: "deleteGrievance",
          summary: "Delete a grievance (admins)",
          description:
            "A soft delete: the grievance is hidden from every list and count, and reads as 404 for everyone but admins; " +
            "its history is kept. `POST /api/v1/grievances/{id}/restore` brings it back. Takes no body.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The grievance, with `deletedAt` set", GrievanceDetailSchema), ...adminErrors },
        }),
      },
      "/api/v1/grievances/{id}/restore": {
        post: op({
          tags: ["Grievances"],
          operationId: "restoreGrievance",
          summary: "Restore a deleted grievance (admins)",
          description: "Brings the grievance back into lists and counts, with its history. Takes no body.",
          requestParams: { path: IdPath },
          responses: { "200": ok("The grievance, with `deletedAt` null", GrievanceDetailSchema), ...adminErrors },
        }),
      },
      "/api/v1/grievances/{id}/history": {
        get: op({
          tags: ["Grievances"],
          operationId: "getGrievanceHistory",
          summary: "A grievance's timeline",
          description: "Oldest first, whole (`nextCursor` is always null).",
          requestParams: { path: IdPath },
          responses: { "200": ok("The history", HistoryListSchema), ...readErrors },
        }),
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: {
            "200": { description: "The OpenAPI 3.1 document", content: { "application/json": {} } },
            "401": ref("Unauthenticated"),
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
        HistoryEntry: HistoryEntrySchema,
        GrievanceSummary: GrievanceSummarySchema,
        GrievanceDetail: GrievanceDetailSchema,
        Participant: ParticipantSchema,
        MeetingSummary: MeetingSummarySchema,
        MeetingDetail: MeetingDetailSchema,
        PartySummary: PartySummarySchema,
        PartyDetail: PartyDetailSchema,
        VenueSummary: VenueSummarySchema,
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
