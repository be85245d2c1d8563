import "server-only";
import type { z } from "zod";
import { AppError, parseOrThrow, validationFailed } from "@/lib/errors";
import { AsOfQuerySchema, asOfInstant } from "@/lib/schemas/as-of";
import { defaultOccurredAt } from "@/lib/schemas/common";
import { resolveDatabaseTarget } from "@/lib/database-url";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_STATUSES,
  type GrievanceStatus,
  type MeetingStatus,
} from "@/lib/schemas/enums";
import {
  GrievanceCreateSchema,
  GrievanceFiltersSchema,
  GrievanceUpdateSchema,
  PARTY_ROLE_OF_FILTER,
  type GrievanceDetail,
  type GrievanceFilters,
  type GrievancePage,
  type GrievanceSummary,
  type GrievanceUpdate,
  type HistoryEntry,
} from "@/lib/schemas/grievance";
import type { MeetingRef } from "@/lib/schemas/meeting";
import { buildSearchText, foldForSearch } from "@/lib/search";
import { grievanceTransitionError } from "@/lib/status-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { datedBy, grievancePageAsOf, grievanceStatusAsOf } from "./as-of";
import { authorize, type Actor } from "./authz";
import { contextTime, type MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";
import type { RevisionSpec } from "./revisions";
import { partyIdsBySlug, partyRefSelect } from "./parties";
import { addCitations, citationsSelect, toCitation } from "./sources";
import { readPage, type SortKey } from "./list-page";
import { tallyTotal } from "./tally";
import { HISTORY_ORDER, historyEntrySelect, toHistoryEntry, versionedRecord } from "./versioned";

const meetingRefSelect = { id: true, title: true, date: true, status: true } as const;

function toMeetingRef(meeting: { id: string; title: string; date: Date | null; status: MeetingStatus }): MeetingRef {
  return { ...meeting, date: meeting.date?.toISOString() ?? null };
}

const summarySelect = {
  id: true,
  title: true,
  description: true,
  category: true,
  status: true,
  version: true,
  lastMovedAt: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  parties: { select: { role: true, party: { select: partyRefSelect } }, orderBy: { party: { name: "asc" } } },
  history: {
    where: { meetingId: { not: null } },
    orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
    take: 1,
    select: { meeting: { select: meetingRefSelect } },
  },
} satisfies Prisma.GrievanceSelect;

type SummaryRow = Prisma.GrievanceGetPayload<{ select: typeof summarySelect }>;

/** The summary's columns; as of `at`, its last meeting is that of the last move dated by then. */
function summarySelectBy(at: Date | null) {
  if (!at) return summarySelect;
  return {
    ...summarySelect,
    history: { ...summarySelect.history, where: { meetingId: { not: null }, ...datedBy(at) } },
  };
}

function toSummary(row: SummaryRow): GrievanceSummary {
  const lastMeeting = row.history[0]?.meeting;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    version: row.version,
    raisedBy: row.parties.filter((p) => p.role === "RAISED_BY").map((p) => p.party),
    addressedTo: row.parties.filter((p) => p.role === "ADDRESSED_TO").map((p) => p.party),
    lastMovedAt: row.lastMovedAt.toISOString(),
    lastMeeting: lastMeeting ? toMeetingRef(lastMeeting) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

const historySelect = {
  ...historyEntrySelect,
  meetingId: true,
  recordedAt: true,
  meeting: { select: meetingRefSelect },
} satisfies Prisma.GrievanceStatusChangeSelect;

type HistoryRow = Prisma.GrievanceStatusChangeGetPayload<{ select: typeof historySelect }>;

function toGrievanceHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    ...toHistoryEntry(row),
    meetingId: row.meetingId,
    meeting: row.meeting ? toMeetingRef(row.meeting) : null,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Filters from the API or a page's URL, already parsed, as a Prisma where clause. */
export function grievanceWhere(filters: GrievanceFilters): Prisma.GrievanceWhereInput {
  const and: Prisma.GrievanceWhereInput[] = [filters.deleted ? { deletedAt: { not: null } } : { deletedAt: null }];
  if (filters.party) {
    const role = filters.role && PARTY_ROLE_OF_FILTER[filters.role];
    and.push({ parties: { some: { party: { slug: filters.party }, ...(role ? { role } : {}) } } });
  }
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.category?.length) and.push({ category: { in: filters.category } });
  if (filters.meeting) {
    and.push({
      OR: [{ agenda: { some: { meetingId: filters.meeting } } }, { history: { some: { meetingId: filters.meeting } } }],
    });
  }
  const terms = filters.q ? foldForSearch(filters.q).split(" ").filter(Boolean) : [];
  for (const term of terms) and.push({ searchText: { contains: term } });
  return and.length ? { AND: and } : {};
}

/**
 * An enum's values in the order the database sorts them: PostgreSQL by the enum's declaration
 * (the order of lib/schemas/enums, which the schema's enums follow), SQLite as text.
 */
function enumOrder(values: readonly string[]): readonly string[] {
  return resolveDatabaseTarget().kind === "postgresql" ? values : [...values].sort();
}

/** The list's order: the sort column, then the id in the same direction (list-page.ts). */
function grievanceKeys(filters: GrievanceFilters): SortKey<GrievanceSummary>[] {
  const key = filters.sort ?? "lastMoved";
  const dir = filters.dir ?? (key === "title" || key === "category" || key === "status" ? "asc" : "desc");
  const column = (
    {
      title: { field: "title", value: (row) => row.title },
      category: { field: "category", enumOrder: enumOrder(GRIEVANCE_CATEGORIES), value: (row) => row.category },
      status: { field: "status", enumOrder: enumOrder(GRIEVANCE_STATUSES), value: (row) => row.status },
      created: { field: "createdAt", date: true, value: (row) => row.createdAt },
      lastMoved: { field: "lastMovedAt", date: true, value: (row) => row.lastMovedAt },
    } satisfies Record<typeof key, Omit<SortKey<GrievanceSummary>, "dir">>
  )[key];
  return [
    { ...column, dir },
    { field: "id", dir, value: (row) => row.id },
  ];
}

/** The grievances list: filtered, sorted and paginated; `input` is raw query values. */
export function listGrievances(actor: Actor | null, input: unknown): Promise<GrievancePage> {
  return readPage(
    actor,
    GrievanceFiltersSchema,
    input,
    grievanceKeys,
    async (db, filters, page) => {
      const at = asOfInstant(filters.asOf);
      if (at) {
        const { rows, total } = await grievancePageAsOf(db, filters, at, page);
        const found = await db.grievance.findMany({
          where: { id: { in: rows.map((r) => r.id) } },
          select: summarySelectBy(at),
        });
        const byId = new Map(found.map((row) => [row.id, toSummary(row)]));
        const items = rows.flatMap((r) => {
          const summary = byId.get(r.id);
          return summary ? [{ ...summary, status: r.status, lastMovedAt: r.lastMovedAt.toISOString() }] : [];
        });
        return [items, total];
      }
      const where = grievanceWhere(filters);
      return Promise.all([
        db.grievance
          .findMany({
            where: page.after ? { AND: [where, page.after] } : where,
            orderBy: page.orderBy as Prisma.GrievanceOrderByWithRelationInput[],
            take: page.take,
            select: summarySelect,
          })
          .then((rows) => rows.map(toSummary)),
        // Party, role and status alone are a seek in the maintained tally; other filters count.
        tallyTotal(db, filters).then((total) => total ?? db.grievance.count({ where })),
      ]);
    },
    // A past day's list is a replay in SQL with no index to seek: it pages by position.
    (filters) => asOfInstant(filters.asOf) !== null,
  );
}

/** The grievance with its agenda and history; as of `at`, replayed (null if not raised by then). */
async function readGrievanceDetail(tx: Tx, id: string, at: Date | null = null): Promise<GrievanceDetail | null> {
  const statusThen = at ? await grievanceStatusAsOf(tx, id, at) : null;
  if (at && !statusThen) return null;
  const dated = at ? datedBy(at) : {};
  const row = await tx.grievance.findUnique({
    where: { id },
    select: {
      ...summarySelectBy(at),
      citations: citationsSelect,
      agenda: {
        where: dated,
        orderBy: { meeting: { date: "asc" } },
        select: { meetingId: true, note: true, statusAfter: true, meeting: { select: meetingRefSelect } },
      },
    },
  });
  if (!row) return null;
  const history = await tx.grievanceStatusChange.findMany({
    where: { grievanceId: id, ...dated },
    orderBy: HISTORY_ORDER,
    select: historySelect,
  });
  const replayed = statusThen && { status: statusThen, lastMovedAt: history.at(-1)!.occurredAt.toISOString() };
  return {
    ...toSummary(row),
    ...replayed,
    citations: row.citations.map(toCitation),
    agenda: row.agenda.map((a) => ({
      meetingId: a.meetingId,
      meeting: toMeetingRef(a.meeting),
      note: a.note,
      statusAfter: a.statusAfter,
    })),
    history: history.map(toGrievanceHistoryEntry),
  };
}

/** A grievance as its revisions show it: the fields an analyst edits, parties by slug. */
async function grievanceSnapshot(tx: Tx, id: string): Promise<Record<string, unknown> | null> {
  const row = await tx.grievance.findUnique({
    where: { id },
    select: {
      title: true,
      description: true,
      category: true,
      parties: { select: { role: true, party: { select: { slug: true } } } },
    },
  });
  if (!row) return null;
  const { parties, ...fields } = row;
  const slugs = (role: string) =>
    parties
      .filter((p) => p.role === role)
      .map((p) => p.party.slug)
      .sort();
  return { ...fields, raisedBy: slugs("RAISED_BY"), addressedTo: slugs("ADDRESSED_TO") };
}

export const GRIEVANCE_REVISIONS: RevisionSpec = {
  entity: "grievance",
  fields: ["title", "description", "category", "raisedBy", "addressedTo"],
  snapshot: grievanceSnapshot,
};

/** What a change of a grievance is checked against (versioned.ts `state`). */
const grievanceStateSelect = { status: true, version: true, deletedAt: true, searchText: true } as const;

const grievanceRecord = versionedRecord({
  model: "grievance",
  label: "Grievance",
  revisions: GRIEVANCE_REVISIONS,
  state: (tx, id) => tx.grievance.findUnique({ where: { id }, select: grievanceStateSelect }),
  read: readGrievanceDetail,
  moves: {
    history: "grievanceStatusChange",
    key: "grievanceId",
    transitionError: grievanceTransitionError,
    beganAs: "raised",
    movedAt: "lastMovedAt",
  },
});

/**
 * Where something dated `at` lands in the grievance's timeline: the status in force then, and
 * whether a later move follows (an outcome row's note-or-move decision reads it).
 */
export function grievanceTimelineAt(tx: Tx, id: string, at: Date, current: GrievanceStatus) {
  return grievanceRecord.timelineAt(tx, id, at, current);
}

export type GrievanceTimelinePlace = Awaited<ReturnType<typeof grievanceTimelineAt>>;

/** A grievance as the actor may see it: a deleted one exists for admins only. */
export async function getGrievanceOrThrow(
  actor: Actor | null,
  id: string,
  query: unknown = {},
): Promise<GrievanceDetail> {
  const { asOf } = parseOrThrow(AsOfQuerySchema, query);
  const at = asOfInstant(asOf);
  if (!at) return grievanceRecord.get(actor, id);
  authorize(actor, "read");
  const db = await getDb();
  await grievanceRecord.assertVisible(db, actor, id);
  const detail = await readGrievanceDetail(db, id, at);
  if (!detail) throw new AppError("NOT_FOUND", `Grievance had not been raised by ${asOf}`);
  return detail;
}

/** The timeline, oldest first; as of a past day, the moves dated by its end. */
export async function getGrievanceHistory(
  actor: Actor | null,
  id: string,
  query: unknown = {},
): Promise<HistoryEntry[]> {
  authorize(actor, "read");
  const at = asOfInstant(parseOrThrow(AsOfQuerySchema, query).asOf);
  const db = await getDb();
  await grievanceRecord.assertVisible(db, actor, id);
  const rows = await db.grievanceStatusChange.findMany({
    where: { grievanceId: id, ...(at ? datedBy(at) : {}) },
    orderBy: HISTORY_ORDER,
    select: historySelect,
  });
  return rows.map(toGrievanceHistoryEntry);
}

/** Rewrites the folded search column from the title, description and every history reason. */
async function refreshSearchText(tx: Tx, id: string): Promise<void> {
  // Reads every history row: only for an edit of the title or description, never for a move.
  const row = await tx.grievance.findUniqueOrThrow({
    where: { id },
    select: { title: true, description: true, history: { select: { reason: true }, orderBy: HISTORY_ORDER } },
  });
  await tx.grievance.update({
    where: { id },
    data: { searchText: buildSearchText([row.title, row.description, ...row.history.map((h) => h.reason)]) },
  });
}

/**
 * When a move (or a grievance's raising) happened: the date the input gives, else the caller's
 * (the seed's real dates), else the named meeting's date, else now. A meeting dated in the future
 * cannot date a move that is being logged as done, so that default is refused, naming `datePath`.
 */
export async function resolveOccurredAt(
  tx: Tx,
  given: { occurredAt?: Date; meetingId?: string | null; context?: MutationContext },
  paths: { meeting: string; date: string },
): Promise<Date> {
  let meetingDate: Date | null = null;
  if (given.meetingId) {
    const meeting = await tx.meeting.findUnique({ where: { id: given.meetingId }, select: { date: true } });
    if (!meeting) throw validationFailed([{ path: paths.meeting, message: "Unknown meeting" }]);
    meetingDate = meeting.date;
  }
  const explicit = given.occurredAt ?? given.context?.at;
  if (explicit) return explicit;
  const at = defaultOccurredAt(meetingDate);
  if (at.getTime() > Date.now()) {
    throw validationFailed([
      { path: paths.date, message: "The meeting's date is in the future: give the date it happened" },
    ]);
  }
  return at;
}

export type GrievanceCreateOptions = MutationContext & {
  /** The meeting at which it was raised, when the input names none: its first history entry names it. */
  raisedAtMeetingId?: string;
  /** Why the first history entry exists; defaults to "Raised". */
  raisedReason?: string;
};

/** Creates a grievance with its parties, citations and first history entry, all or nothing. */
export async function createGrievance(
  actor: Actor | null,
  input: unknown,
  options: GrievanceCreateOptions = {},
): Promise<GrievanceDetail> {
  const spec = { permission: "write", schema: GrievanceCreateSchema, input, context: options } as const;
  return mutate(actor, spec, async (tx, data, who) => {
    const id = await insertGrievance(tx, data, who, options);
    return (await readGrievanceDetail(tx, id))!;
  });
}

/**
 * The rows of one new grievance, in the caller's transaction, from input already parsed with
 * GrievanceCreateSchema: createGrievance writes one, the CSV import (lib/server/imports.ts) many
 * in one transaction, so both write a grievance the same way. Returns its id.
 */
export async function insertGrievance(
  tx: Tx,
  data: z.output<typeof GrievanceCreateSchema>,
  who: Actor,
  options: GrievanceCreateOptions = {},
): Promise<string> {
  const at = contextTime(options);
  const raised = await partyIdsBySlug(tx, data.raisedBy, "raisedBy");
  const addressed = await partyIdsBySlug(tx, data.addressedTo, "addressedTo");
  const meetingId = data.meetingId ?? options.raisedAtMeetingId ?? null;
  const raisedAt = await resolveOccurredAt(
    tx,
    { occurredAt: data.raisedAt, meetingId, context: options },
    { meeting: "meetingId", date: "raisedAt" },
  );
  const grievance = await tx.grievance.create({
    data: {
      title: data.title,
      description: data.description ?? "",
      category: data.category,
      status: "OPEN",
      lastMovedAt: raisedAt,
      createdAt: at,
      parties: {
        create: [
          ...[...raised.values()].map((partyId) => ({ partyId, role: "RAISED_BY" as const })),
          ...[...addressed.values()].map((partyId) => ({ partyId, role: "ADDRESSED_TO" as const })),
        ],
      },
    },
    select: { id: true },
  });
  await grievanceRecord.created(tx, grievance.id, who);
  await addCitations(tx, { grievanceId: grievance.id }, data.citations ?? [], at, who);
  const first = {
    to: "OPEN" as const,
    reason: options.raisedReason ?? "Raised",
    source: options.sourceTitle,
    extra: { meetingId },
  };
  await grievanceRecord.writeHistory(tx, grievance.id, null, first, who, raisedAt);
  await refreshSearchText(tx, grievance.id);
  return grievance.id;
}

type GrievanceMove = {
  status: GrievanceStatus;
  reason: string;
  meetingId?: string;
  /** A source URL, or a title for a source without one (MutationContext.sourceTitle). */
  source?: string;
};

/**
 * The one place a grievance changes, in the caller's transaction: the version check, the fields,
 * the status move with its history row, and the search text, so they commit together or not at all.
 * `at` is when the move happened (resolveOccurredAt: the caller has checked its meeting).
 */
export async function applyGrievanceChange(
  tx: Tx,
  id: string,
  version: number,
  changes: {
    fields?: Prisma.GrievanceUpdateManyMutationInput;
    /** Rewrites the grievance's party rows inside the change, so its revision sees them. */
    relations?: () => Promise<void>;
    move?: GrievanceMove;
    path?: string;
    /** Where the move lands, when the caller has just read it (grievanceTimelineAt) in this transaction. */
    place?: GrievanceTimelinePlace;
  },
  at: Date,
  who: Actor,
): Promise<void> {
  const { move, path, relations } = changes;
  // A bare status move (the hot path: the API's PATCH, an outcome row) has no fields: no
  // revision snapshot is read before and after it, and no edit check.
  const edits = relations !== undefined || Object.keys(changes.fields ?? {}).length > 0;
  const wrote = await grievanceRecord.change(tx, id, version, {
    who,
    at,
    path,
    place: changes.place,
    move: move && {
      to: move.status,
      reason: move.reason,
      source: move.source,
      extra: { meetingId: move.meetingId ?? null },
    },
    // The move's reason joins the folded search text in the same update ("Last moved" too, in
    // versioned.ts), rather than the text being rebuilt from every history row: a move costs
    // the same however long the grievance's history is.
    moveFields: move && ((current) => ({ searchText: withSearchPart(current.searchText, move.reason) })),
    fields: edits
      ? async () => {
          await relations?.();
          return { ...changes.fields };
        }
      : undefined,
  });
  // An edit that changed nothing leaves the row alone, its updatedAt included. One that changed
  // the title or description rebuilds the text from its parts.
  if (wrote && edits) await refreshSearchText(tx, id);
}

/** The folded search text with one more part (lib/search.ts buildSearchText's parts, appended). */
function withSearchPart(searchText: string, part: string): string {
  const folded = buildSearchText([part]);
  if (!folded) return searchText;
  return searchText ? `${searchText}\n${folded}` : folded;
}

async function replaceParties(tx: Tx, id: string, update: GrievanceUpdate): Promise<void> {
  for (const [field, role] of [
    ["raisedBy", "RAISED_BY"],
    ["addressedTo", "ADDRESSED_TO"],
  ] as const) {
    const slugs = update[field];
    if (!slugs) continue;
    const ids = await partyIdsBySlug(tx, slugs, field);
    await tx.grievanceParty.deleteMany({ where: { grievanceId: id, role } });
    await tx.grievanceParty.createMany({
      data: [...ids.values()].map((partyId) => ({ grievanceId: id, partyId, role })),
    });
  }
}

/** Edits fields and/or moves the status, checked against the version the client last saw. */
export async function updateGrievance(
  actor: Actor | null,
  id: string,
  input: unknown,
  context: MutationContext = {},
): Promise<GrievanceDetail> {
  const spec = { permission: "write", schema: GrievanceUpdateSchema, input, context } as const;
  return mutate(actor, spec, async (tx, data, who) => {
    const at = data.status
      ? await resolveOccurredAt(tx, { ...data, context }, { meeting: "meetingId", date: "occurredAt" })
      : contextTime(context);
    const fields: Prisma.GrievanceUpdateManyMutationInput = {};
    if (data.title !== undefined) fields.title = data.title;
    if (data.description !== undefined) fields.description = data.description;
    if (data.category !== undefined) fields.category = data.category;
    const move = data.status
      ? {
          status: data.status,
          reason: data.reason!,
          meetingId: data.meetingId,
          source: data.sourceUrl ?? context.sourceTitle,
        }
      : undefined;
    // Only a save that names parties rewrites their rows (and reads the revision snapshot for it).
    const relations = data.raisedBy || data.addressedTo ? () => replaceParties(tx, id, data) : undefined;
    await applyGrievanceChange(tx, id, data.version, { fields, relations, move }, at, who);
    return (await readGrievanceDetail(tx, id))!;
  });
}

/** Id and title of every grievance, for pickers (the outcome form's "add grievance"). */
export async function listGrievanceOptions(
  actor: Actor | null,
): Promise<Array<{ id: string; title: string; status: GrievanceStatus; version: number }>> {
  authorize(actor, "read");
  const db = await getDb();
  return db.grievance.findMany({
    where: { deletedAt: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true, version: true },
  });
}

/**
 * Hides a grievance everywhere but keeps it and its history; only admins delete, and only they
 * see and restore deleted ones. Nothing is ever hard-deleted through the app.
 */
export function deleteGrievance(actor: Actor | null, id: string): Promise<GrievanceDetail> {
  return grievanceRecord.remove(actor, id);
}

export function restoreGrievance(actor: Actor | null, id: string): Promise<GrievanceDetail> {
  return grievanceRecord.restore(actor, id);
}
