import "server-only";
import { AppError, notFound, parseOrThrow, validationFailed } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import type { MeetingStatus } from "@/lib/schemas/enums";
import {
  MeetingCreateSchema,
  MeetingFiltersSchema,
  MeetingOutcomeSchema,
  MeetingUpdateSchema,
  type MeetingDetail,
  type MeetingPage,
  type MeetingSummary,
} from "@/lib/schemas/meeting";
import { buildSearchText } from "@/lib/search";
import { meetingTransitionError, outcomeMeetingError } from "@/lib/status-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorId, authorize, can, type Actor } from "./authz";
import { contextTime, type MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { applyGrievanceChange, refreshGrievanceSearchText } from "./grievances";
import { partyIdsBySlug, partyRefSelect } from "./parties";
import { findOrCreateSource, sourceSelect, toSourceRef } from "./sources";
import { venueRefSelect } from "./venues";

const summarySelect = {
  id: true,
  title: true,
  date: true,
  status: true,
  summary: true,
  version: true,
  deletedAt: true,
  venue: { select: venueRefSelect },
  participants: {
    orderBy: [{ role: "asc" }, { party: { name: "asc" } }],
    select: { role: true, headOfDelegation: true, party: { select: partyRefSelect } },
  },
  _count: { select: { agenda: { where: { grievance: { deletedAt: null } } } } },
} satisfies Prisma.MeetingSelect;

type SummaryRow = Prisma.MeetingGetPayload<{ select: typeof summarySelect }>;

function toSummary({ _count, date, deletedAt, ...row }: SummaryRow): MeetingSummary {
  return {
    ...row,
    date: date?.toISOString() ?? null,
    agendaCount: _count.agenda,
    deletedAt: deletedAt?.toISOString() ?? null,
  };
}

// Newest first; a meeting whose date is unknown sorts after dated ones.
const MEETING_ORDER = [
  { date: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
] satisfies Prisma.MeetingOrderByWithRelationInput[];

function meetingWhere(filters: ReturnType<typeof MeetingFiltersSchema.parse>): Prisma.MeetingWhereInput {
  const and: Prisma.MeetingWhereInput[] = [filters.deleted ? { deletedAt: { not: null } } : { deletedAt: null }];
  if (filters.party) and.push({ participants: { some: { party: { slug: filters.party } } } });
  if (filters.venue) and.push({ venue: { slug: filters.venue } });
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.from) and.push({ date: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ date: { lte: new Date(`${filters.to}T00:00:00Z`) } });
  return and.length ? { AND: and } : {};
}

export async function listMeetings(actor: Actor | null, input: unknown = {}): Promise<MeetingPage> {
  authorize(actor, "read");
  const filters = parseOrThrow(MeetingFiltersSchema, input);
  if (filters.deleted) authorize(actor, "admin");
  const db = await getDb();
  const where = meetingWhere(filters);
  const limit = filters.limit ?? LIMITS.pageSizeDefault;
  const offset = filters.cursor ? Number(filters.cursor) : 0;
  const [rows, total] = await Promise.all([
    db.meeting.findMany({ where, orderBy: MEETING_ORDER, skip: offset, take: limit + 1, select: summarySelect }),
    db.meeting.count({ where }),
  ]);
  return {
    items: rows.slice(0, limit).map(toSummary),
    nextCursor: rows.length > limit ? String(offset + limit) : null,
    total,
  };
}

async function readMeetingDetail(tx: Tx, id: string): Promise<MeetingDetail | null> {
  const row = await tx.meeting.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      agenda: {
        where: { grievance: { deletedAt: null } },
        orderBy: { createdAt: "asc" },
        select: {
          note: true,
          statusAfter: true,
          grievance: { select: { id: true, title: true, status: true, category: true, version: true } },
        },
      },
      citations: { orderBy: { createdAt: "asc" }, select: { quote: true, source: { select: sourceSelect } } },
      history: {
        orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }],
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          occurredAt: true,
          source: { select: sourceSelect },
          actor: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { agenda, citations, history, ...summary } = row;
  return {
    ...toSummary(summary),
    agenda,
    citations: citations.map((c) => ({ quote: c.quote, source: toSourceRef(c.source) })),
    history: history.map((h) => ({
      id: h.id,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      source: h.source ? toSourceRef(h.source) : null,
      actor: h.actor,
      at: h.occurredAt.toISOString(),
    })),
  };
}

/** A meeting as the actor may see it: a deleted one exists for admins only. */
export async function getMeetingOrThrow(actor: Actor | null, id: string): Promise<MeetingDetail> {
  authorize(actor, "read");
  const db = await getDb();
  const detail = await readMeetingDetail(db, id);
  if (!detail || (detail.deletedAt && !can(actor, "admin"))) throw notFound("Meeting");
  return detail;
}

async function venueIdBySlug(tx: Tx, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  const venue = await tx.venue.findUnique({ where: { slug }, select: { id: true } });
  if (!venue) throw validationFailed([{ path: "venue", message: `Unknown venue "${slug}"` }]);
  return venue.id;
}

function toDate(day: string | null | undefined): Date | null | undefined {
  if (day === undefined || day === null) return day;
  return new Date(`${day}T00:00:00Z`);
}

export type MeetingCreateOptions = MutationContext & {
  citations?: Array<{ quote: string; source: string }>;
  /** Why the first history entry exists; defaults to "Logged". */
  reason?: string;
};

/** Logs a meeting with its participants and first history entry, all or nothing. */
export async function createMeeting(
  actor: Actor | null,
  input: unknown,
  options: MeetingCreateOptions = {},
): Promise<MeetingDetail> {
  const who = authorize(actor, "write");
  const data = parseOrThrow(MeetingCreateSchema, input);
  const at = contextTime(options);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const venueId = await venueIdBySlug(tx, data.venue);
    const partyIds = await partyIdsBySlug(
      tx,
      data.participants.map((p) => p.party),
      "participants",
    );
    const meeting = await tx.meeting.create({
      data: {
        title: data.title,
        date: toDate(data.date) ?? null,
        venueId: venueId ?? null,
        status: data.status,
        summary: data.summary ?? "",
        searchText: buildSearchText([data.title, data.summary]),
        createdAt: at,
        participants: {
          create: data.participants.map((p) => ({
            partyId: partyIds.get(p.party)!,
            role: p.role,
            headOfDelegation: p.headOfDelegation ?? null,
          })),
        },
      },
      select: { id: true },
    });
    for (const citation of options.citations ?? []) {
      const sourceId = await findOrCreateSource(tx, citation.source);
      await tx.citation.create({ data: { meetingId: meeting.id, sourceId, quote: citation.quote, createdAt: at } });
    }
    const sourceId = options.sourceTitle ? await findOrCreateSource(tx, options.sourceTitle) : null;
    await tx.meetingStatusChange.create({
      data: {
        meetingId: meeting.id,
        fromStatus: null,
        toStatus: data.status,
        reason: options.reason ?? "Logged",
        sourceId,
        actorId: actorId(who),
        occurredAt: at,
      },
    });
    return (await readMeetingDetail(tx, meeting.id))!;
  });
}

async function meetingConflict(tx: Tx, id: string): Promise<never> {
  const current = await readMeetingDetail(tx, id);
  if (!current) throw notFound("Meeting");
  throw new AppError(
    "CONFLICT",
    `Someone else changed this meeting first (it is now at version ${current.version}); review their change and apply yours again`,
    { current },
  );
}

/** Edits a meeting's fields and/or moves its status, checked against the version last seen. */
export async function updateMeeting(
  actor: Actor | null,
  id: string,
  input: unknown,
  context: MutationContext = {},
): Promise<MeetingDetail> {
  const who = authorize(actor, "write");
  const data = parseOrThrow(MeetingUpdateSchema, input);
  const at = contextTime(context);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.meeting.findUnique({
      where: { id },
      select: { status: true, version: true, title: true, summary: true, deletedAt: true },
    });
    if (!current || current.deletedAt) throw notFound("Meeting");
    if (current.version !== data.version) await meetingConflict(tx, id);
    if (data.status) {
      const error = meetingTransitionError(current.status, data.status);
      if (error) throw validationFailed([{ path: "status", message: error }]);
    }
    const venueId = await venueIdBySlug(tx, data.venue);
    const title = data.title ?? current.title;
    const summary = data.summary ?? current.summary;
    const updated = await tx.meeting.updateMany({
      where: { id, version: data.version },
      data: {
        ...(data.title !== undefined ? { title } : {}),
        ...(data.summary !== undefined ? { summary } : {}),
        ...(data.date !== undefined ? { date: toDate(data.date) } : {}),
        ...(venueId !== undefined ? { venueId } : {}),
        ...(data.status ? { status: data.status } : {}),
        searchText: buildSearchText([title, summary]),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) await meetingConflict(tx, id);
    if (data.status) {
      const sourceId = data.sourceUrl ? await findOrCreateSource(tx, data.sourceUrl) : null;
      await tx.meetingStatusChange.create({
        data: {
          meetingId: id,
          fromStatus: current.status,
          toStatus: data.status,
          reason: data.reason!,
          sourceId,
          actorId: actorId(who),
          occurredAt: at,
        },
      });
    }
    return (await readMeetingDetail(tx, id))!;
  });
}

/**
 * Logs what a held meeting did about each grievance discussed: an agenda note for each and, where
 * given, a status move with its history row. One transaction: every row lands or none does, and a
 * stale version on any grievance refuses the whole batch.
 */
export async function logMeetingOutcome(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
  context: MutationContext = {},
): Promise<MeetingDetail> {
  const who = authorize(actor, "write");
  const data = parseOrThrow(MeetingOutcomeSchema, input);
  const at = contextTime(context);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: { status: true, deletedAt: true },
    });
    if (!meeting || meeting.deletedAt) throw notFound("Meeting");
    const meetingError = outcomeMeetingError(meeting.status);
    if (meetingError) throw validationFailed([{ path: "meetingId", message: meetingError }]);

    const ids = data.outcomes.map((o) => o.grievanceId);
    const grievances = await tx.grievance.findMany({
      where: { id: { in: ids }, deletedAt: null },
      select: { id: true, status: true, version: true },
    });
    const byId = new Map(grievances.map((g) => [g.id, g]));
    const unknown = data.outcomes
      .map((o, index) => ({ o, index }))
      .filter(({ o }) => !byId.has(o.grievanceId))
      .map(({ index }) => ({ path: `outcomes.${index}.grievanceId`, message: "Unknown grievance" }));
    if (unknown.length) throw validationFailed(unknown);

    for (const [index, outcome] of data.outcomes.entries()) {
      const grievance = byId.get(outcome.grievanceId)!;
      const moves = outcome.status !== undefined && outcome.status !== grievance.status;
      await applyGrievanceChange(
        tx,
        outcome.grievanceId,
        outcome.version ?? grievance.version,
        {
          move: moves
            ? {
                status: outcome.status!,
                reason: outcome.note,
                meetingId,
                sourceUrl: data.sourceUrl,
                sourceTitle: context.sourceTitle,
              }
            : undefined,
          path: `outcomes.${index}`,
        },
        at,
        who,
      );
      await tx.agendaItem.upsert({
        where: { meetingId_grievanceId: { meetingId, grievanceId: outcome.grievanceId } },
        create: {
          meetingId,
          grievanceId: outcome.grievanceId,
          note: outcome.note,
          statusAfter: moves ? outcome.status! : null,
          createdAt: at,
        },
        update: { note: outcome.note, ...(moves ? { statusAfter: outcome.status! } : {}) },
      });
      if (moves) await refreshGrievanceSearchText(tx, outcome.grievanceId);
    }
    await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
    return (await readMeetingDetail(tx, meetingId))!;
  });
}

/** Meetings for pickers, newest first. */
export async function listMeetingOptions(
  actor: Actor | null,
): Promise<Array<{ id: string; title: string; date: string | null; status: MeetingStatus }>> {
  authorize(actor, "read");
  const db = await getDb();
  const rows = await db.meeting.findMany({
    where: { deletedAt: null },
    orderBy: MEETING_ORDER,
    select: { id: true, title: true, date: true, status: true },
  });
  return rows.map((r) => ({ ...r, date: r.date?.toISOString() ?? null }));
}

/** Hides a meeting but keeps it, its agenda and history; admins only, restorable. */
export async function deleteMeeting(actor: Actor | null, id: string): Promise<MeetingDetail> {
  authorize(actor, "admin");
  return setMeetingDeleted(id, new Date());
}

export async function restoreMeeting(actor: Actor | null, id: string): Promise<MeetingDetail> {
  authorize(actor, "admin");
  return setMeetingDeleted(id, null);
}

async function setMeetingDeleted(id: string, deletedAt: Date | null): Promise<MeetingDetail> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const exists = await tx.meeting.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw notFound("Meeting");
    await tx.meeting.update({ where: { id }, data: { deletedAt, version: { increment: 1 } } });
    return (await readMeetingDetail(tx, id))!;
  });
}
