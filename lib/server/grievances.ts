import "server-only";
import { AppError, notFound, parseOrThrow, validationFailed } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import type { GrievanceStatus, MeetingStatus } from "@/lib/schemas/enums";
import {
  GrievanceCreateSchema,
  GrievanceFiltersSchema,
  GrievanceUpdateSchema,
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
import { actorId, authorize, can, type Actor } from "./authz";
import { contextTime, type MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { partyIdsBySlug, partyRefSelect } from "./parties";
import { findOrCreateSource, sourceSelect, toSourceRef } from "./sources";

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
  id: true,
  fromStatus: true,
  toStatus: true,
  reason: true,
  meetingId: true,
  occurredAt: true,
  recordedAt: true,
  meeting: { select: meetingRefSelect },
  source: { select: sourceSelect },
  actor: { select: { name: true, email: true } },
} satisfies Prisma.GrievanceStatusChangeSelect;

type HistoryRow = Prisma.GrievanceStatusChangeGetPayload<{ select: typeof historySelect }>;

function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    from: row.fromStatus,
    to: row.toStatus,
    reason: row.reason,
    meetingId: row.meetingId,
    meeting: row.meeting ? toMeetingRef(row.meeting) : null,
    source: row.source ? toSourceRef(row.source) : null,
    actor: row.actor,
    at: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  };
}

const HISTORY_ORDER = [
  { occurredAt: "asc" },
  { recordedAt: "asc" },
  { id: "asc" },
] satisfies Prisma.GrievanceStatusChangeOrderByWithRelationInput[];

/** Filters from the API or a page's URL, already parsed, as a Prisma where clause. */
export function grievanceWhere(filters: GrievanceFilters): Prisma.GrievanceWhereInput {
  const and: Prisma.GrievanceWhereInput[] = [filters.deleted ? { deletedAt: { not: null } } : { deletedAt: null }];
  if (filters.party) {
    const role = filters.role === "raised" ? "RAISED_BY" : filters.role === "addressed" ? "ADDRESSED_TO" : undefined;
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

function grievanceOrder(filters: GrievanceFilters): Prisma.GrievanceOrderByWithRelationInput[] {
  const dir =
    filters.dir ??
    (filters.sort === "title" || filters.sort === "category" || filters.sort === "status" ? "asc" : "desc");
  const key = filters.sort ?? "lastMoved";
  const primary: Prisma.GrievanceOrderByWithRelationInput =
    key === "title"
      ? { title: dir }
      : key === "category"
        ? { category: dir }
        : key === "status"
          ? { status: dir }
          : key === "created"
            ? { createdAt: dir }
            : { lastMovedAt: dir };
  return [primary, { id: "asc" }];
}

/** The grievances list: filtered, sorted and paginated; `input` is raw query values. */
export async function listGrievances(actor: Actor | null, input: unknown): Promise<GrievancePage> {
  authorize(actor, "read");
  const filters = parseOrThrow(GrievanceFiltersSchema, input);
  if (filters.deleted) authorize(actor, "admin");
  const db = await getDb();
  const where = grievanceWhere(filters);
  const limit = filters.limit ?? LIMITS.pageSizeDefault;
  const offset = filters.cursor ? Number(filters.cursor) : 0;
  const [rows, total] = await Promise.all([
    db.grievance.findMany({
      where,
      orderBy: grievanceOrder(filters),
      skip: offset,
      take: limit + 1,
      select: summarySelect,
    }),
    db.grievance.count({ where }),
  ]);
  const hasMore = rows.length > limit;
  return {
    items: rows.slice(0, limit).map(toSummary),
    nextCursor: hasMore ? String(offset + limit) : null,
    total,
    offset,
    limit,
  };
}

async function readGrievanceDetail(tx: Tx, id: string): Promise<GrievanceDetail | null> {
  const row = await tx.grievance.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      citations: { orderBy: { createdAt: "asc" }, select: { quote: true, source: { select: sourceSelect } } },
      agenda: {
        orderBy: { meeting: { date: "asc" } },
        select: { meetingId: true, note: true, statusAfter: true, meeting: { select: meetingRefSelect } },
      },
    },
  });
  if (!row) return null;
  const history = await tx.grievanceStatusChange.findMany({
    where: { grievanceId: id },
    orderBy: HISTORY_ORDER,
    select: historySelect,
  });
  return {
    ...toSummary(row),
    citations: row.citations.map((c) => ({ quote: c.quote, source: toSourceRef(c.source) })),
    agenda: row.agenda.map((a) => ({
      meetingId: a.meetingId,
      meeting: toMeetingRef(a.meeting),
      note: a.note,
      statusAfter: a.statusAfter,
    })),
    history: history.map(toHistoryEntry),
  };
}

/** A grievance as the actor may see it: a deleted one exists for admins only. */
export async function getGrievanceOrThrow(actor: Actor | null, id: string): Promise<GrievanceDetail> {
  authorize(actor, "read");
  const db = await getDb();
  const detail = await readGrievanceDetail(db, id);
  if (!detail || (detail.deletedAt && !can(actor, "admin"))) throw notFound("Grievance");
  return detail;
}

export async function getGrievanceHistory(actor: Actor | null, id: string): Promise<HistoryEntry[]> {
  authorize(actor, "read");
  const db = await getDb();
  const exists = await db.grievance.findUnique({ where: { id }, select: { deletedAt: true } });
  if (!exists || (exists.deletedAt && !can(actor, "admin"))) throw notFound("Grievance");
  const rows = await db.grievanceStatusChange.findMany({
    where: { grievanceId: id },
    orderBy: HISTORY_ORDER,
    select: historySelect,
  });
  return rows.map(toHistoryEntry);
}

/** Rewrites the folded search column from the title, description and every history reason. */
async function refreshSearchText(tx: Tx, id: string): Promise<void> {
  const row = await tx.grievance.findUniqueOrThrow({
    where: { id },
    select: { title: true, description: true, history: { select: { reason: true }, orderBy: HISTORY_ORDER } },
  });
  await tx.grievance.update({
    where: { id },
    data: { searchText: buildSearchText([row.title, row.description, ...row.history.map((h) => h.reason)]) },
  });
}

async function assertMeetingExists(tx: Tx, meetingId: string, path: string): Promise<void> {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } });
  if (!meeting) throw validationFailed([{ path, message: "Unknown meeting" }]);
}

export type GrievanceCreateOptions = MutationContext & {
  /** The meeting at which it was raised: its first history entry names it. */
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
  const who = authorize(actor, "write");
  const data = parseOrThrow(GrievanceCreateSchema, input);
  const at = contextTime(options);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const raised = await partyIdsBySlug(tx, data.raisedBy, "raisedBy");
    const addressed = await partyIdsBySlug(tx, data.addressedTo, "addressedTo");
    if (options.raisedAtMeetingId) await assertMeetingExists(tx, options.raisedAtMeetingId, "meetingId");
    const grievance = await tx.grievance.create({
      data: {
        title: data.title,
        description: data.description ?? "",
        category: data.category,
        status: "OPEN",
        lastMovedAt: at,
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
    for (const citation of data.citations ?? []) {
      const sourceId = await findOrCreateSource(tx, citation.source);
      await tx.citation.create({ data: { grievanceId: grievance.id, sourceId, quote: citation.quote, createdAt: at } });
    }
    const sourceId = options.sourceTitle ? await findOrCreateSource(tx, options.sourceTitle) : null;
    await tx.grievanceStatusChange.create({
      data: {
        grievanceId: grievance.id,
        sourceId,
        fromStatus: null,
        toStatus: "OPEN",
        reason: options.raisedReason ?? "Raised",
        meetingId: options.raisedAtMeetingId ?? null,
        actorId: actorId(who),
        occurredAt: at,
        recordedAt: new Date(),
      },
    });
    await refreshSearchText(tx, grievance.id);
    return (await readGrievanceDetail(tx, grievance.id))!;
  });
}

/** Throws CONFLICT carrying the current record when `version` is not the stored one. */
async function conflictOrNotFound(tx: Tx, id: string): Promise<never> {
  const current = await readGrievanceDetail(tx, id);
  if (!current) throw notFound("Grievance");
  throw new AppError(
    "CONFLICT",
    `Someone else changed this grievance first (it is now at version ${current.version}); review their change and apply yours again`,
    { current },
  );
}

type StatusMove = {
  status: GrievanceStatus;
  reason: string;
  meetingId?: string;
  sourceUrl?: string;
  /** A source without a URL, by title (MutationContext.sourceTitle). */
  sourceTitle?: string;
};

/**
 * The one place a grievance's status moves: the version check, the status, the history row and
 * the version bump in the caller's transaction, so they commit together or not at all.
 */
export async function applyGrievanceChange(
  tx: Tx,
  id: string,
  version: number,
  changes: { fields?: Prisma.GrievanceUpdateManyMutationInput; move?: StatusMove; path?: string },
  at: Date,
  actor: Actor,
): Promise<void> {
  const current = await tx.grievance.findUnique({
    where: { id },
    select: { status: true, version: true, deletedAt: true },
  });
  if (!current || current.deletedAt) throw notFound("Grievance");
  if (current.version !== version) await conflictOrNotFound(tx, id);
  const { move } = changes;
  if (move) {
    const error = grievanceTransitionError(current.status, move.status);
    if (error) throw validationFailed([{ path: changes.path ? `${changes.path}.status` : "status", message: error }]);
    if (move.meetingId)
      await assertMeetingExists(tx, move.meetingId, changes.path ? `${changes.path}.meetingId` : "meetingId");
  }
  // The compare-and-set on version is what makes two concurrent saves safe on every database:
  // only one update can match the version both read.
  const updated = await tx.grievance.updateMany({
    where: { id, version },
    data: {
      ...changes.fields,
      ...(move ? { status: move.status, lastMovedAt: at } : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) await conflictOrNotFound(tx, id);
  if (move) {
    const sourceRef = move.sourceUrl ?? move.sourceTitle;
    const sourceId = sourceRef ? await findOrCreateSource(tx, sourceRef) : null;
    await tx.grievanceStatusChange.create({
      data: {
        grievanceId: id,
        fromStatus: current.status,
        toStatus: move.status,
        reason: move.reason,
        meetingId: move.meetingId ?? null,
        sourceId,
        actorId: actorId(actor),
        occurredAt: at,
        recordedAt: new Date(),
      },
    });
  }
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
  const who = authorize(actor, "write");
  const data = parseOrThrow(GrievanceUpdateSchema, input);
  const at = contextTime(context);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const fields: Prisma.GrievanceUpdateManyMutationInput = {};
    if (data.title !== undefined) fields.title = data.title;
    if (data.description !== undefined) fields.description = data.description;
    if (data.category !== undefined) fields.category = data.category;
    const move = data.status
      ? {
          status: data.status,
          reason: data.reason!,
          meetingId: data.meetingId,
          sourceUrl: data.sourceUrl,
          sourceTitle: context.sourceTitle,
        }
      : undefined;
    await applyGrievanceChange(tx, id, data.version, { fields, move }, at, who);
    await replaceParties(tx, id, data);
    await refreshSearchText(tx, id);
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
export async function deleteGrievance(actor: Actor | null, id: string): Promise<GrievanceDetail> {
  authorize(actor, "admin");
  return setGrievanceDeleted(id, new Date());
}

export async function restoreGrievance(actor: Actor | null, id: string): Promise<GrievanceDetail> {
  authorize(actor, "admin");
  return setGrievanceDeleted(id, null);
}

async function setGrievanceDeleted(id: string, deletedAt: Date | null): Promise<GrievanceDetail> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const exists = await tx.grievance.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw notFound("Grievance");
    // The version moves too, so a form opened before the deletion cannot save over it unseen.
    await tx.grievance.update({ where: { id }, data: { deletedAt, version: { increment: 1 } } });
    return (await readGrievanceDetail(tx, id))!;
  });
}

export { refreshSearchText as refreshGrievanceSearchText };
