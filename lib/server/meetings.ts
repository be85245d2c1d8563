import "server-only";
import { notFound, validationFailed } from "@/lib/errors";
import type { MeetingStatus } from "@/lib/schemas/enums";
import {
  MeetingCreateSchema,
  MeetingFiltersSchema,
  MeetingOutcomeSchema,
  MeetingUpdateSchema,
  type MeetingDetail,
  type MeetingSummary,
} from "@/lib/schemas/meeting";
import { buildSearchText } from "@/lib/search";
import { beforeBeginningError, meetingTransitionError, outcomeMeetingError } from "@/lib/status-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorId, authorize, type Actor } from "./authz";
import { contextTime, type MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { applyGrievanceChange, grievanceTimelineAt, resolveOccurredAt } from "./grievances";
import { mutate } from "./mutation";
import { AGENDA_ITEM_REVISIONS, changedFields, recordRevision, type RevisionSpec } from "./revisions";
import { partyIdsBySlug, partyRefSelect } from "./parties";
import { addCitations, citationsSelect, toCitation } from "./sources";
import { venueRefSelect } from "./venues";
import { readPage, type ListPage, type SortKey } from "./list-page";
import { HISTORY_ORDER, historyEntrySelect, toHistoryEntry, versionedRecord } from "./versioned";

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
} satisfies Prisma.MeetingSelect;

type SummaryRow = Prisma.MeetingGetPayload<{ select: typeof summarySelect }>;

function toSummary({ date, deletedAt, ...row }: SummaryRow, agendaCount: number): MeetingSummary {
  return {
    ...row,
    date: date?.toISOString() ?? null,
    agendaCount,
    deletedAt: deletedAt?.toISOString() ?? null,
  };
}

/**
 * How many live grievances are on each of these meetings' agendas. Counted for the page's
 * meetings only: Prisma's `_count` of a filtered relation grouped the whole agenda table for every
 * page (103 ms for the overview's 5 latest meetings at 20,000 grievances).
 */
async function agendaCounts(db: Tx, meetingIds: readonly string[]): Promise<Map<string, number>> {
  if (!meetingIds.length) return new Map();
  const rows = await db.agendaItem.groupBy({
    by: ["meetingId"],
    where: { meetingId: { in: [...meetingIds] }, grievance: { deletedAt: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.meetingId, r._count._all]));
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

/**
 * The meetings list's order: newest first, undated last, then by id (a cuid, so the later logged
 * of one day first, as MEETING_ORDER has it).
 */
const MEETING_KEYS: SortKey<MeetingSummary>[] = [
  { field: "date", dir: "desc", date: true, nullsLast: true, value: (row) => row.date },
  { field: "id", dir: "desc", value: (row) => row.id },
];

export async function listMeetings(actor: Actor | null, input: unknown = {}): Promise<ListPage<MeetingSummary>> {
  return readPage(
    actor,
    MeetingFiltersSchema,
    input,
    () => MEETING_KEYS,
    (db, filters, page) => {
      const where = meetingWhere(filters);
      return Promise.all([
        db.meeting
          .findMany({
            where: page.after ? { AND: [where, page.after] } : where,
            orderBy: page.orderBy as Prisma.MeetingOrderByWithRelationInput[],
            take: page.take,
            select: summarySelect,
          })
          .then(async (rows) => {
            const counts = await agendaCounts(
              db,
              rows.map((r) => r.id),
            );
            return rows.map((row) => toSummary(row, counts.get(row.id) ?? 0));
          }),
        db.meeting.count({ where }),
      ]);
    },
  );
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
          id: true,
          version: true,
          note: true,
          statusAfter: true,
          grievance: { select: { id: true, title: true, status: true, category: true, version: true } },
        },
      },
      citations: citationsSelect,
      history: { orderBy: HISTORY_ORDER, select: historyEntrySelect },
    },
  });
  if (!row) return null;
  const { agenda, citations, history, ...summary } = row;
  return {
    // The agenda read above holds exactly the live grievances' items: its length is the count.
    ...toSummary(summary, agenda.length),
    agenda,
    citations: citations.map(toCitation),
    history: history.map(toHistoryEntry),
  };
}

/** A meeting as its revisions show it: venue and participants by slug. */
async function meetingSnapshot(tx: Tx, id: string): Promise<Record<string, unknown> | null> {
  const row = await tx.meeting.findUnique({
    where: { id },
    select: {
      title: true,
      date: true,
      summary: true,
      venue: { select: { slug: true } },
      participants: { select: { role: true, headOfDelegation: true, party: { select: { slug: true } } } },
    },
  });
  if (!row) return null;
  const { venue, participants, ...fields } = row;
  return {
    ...fields,
    venue: venue?.slug ?? null,
    participants: participants
      .map((p) => `${p.party.slug} (${p.role}${p.headOfDelegation ? `, ${p.headOfDelegation}` : ""})`)
      .sort(),
  };
}

export const MEETING_REVISIONS: RevisionSpec = {
  entity: "meeting",
  fields: ["title", "date", "venue", "summary", "participants"],
  snapshot: meetingSnapshot,
};

const meetingRecord = versionedRecord({
  model: "meeting",
  label: "Meeting",
  revisions: MEETING_REVISIONS,
  state: (tx, id) =>
    tx.meeting.findUnique({
      where: { id },
      select: { status: true, version: true, title: true, summary: true, deletedAt: true },
    }),
  read: readMeetingDetail,
  moves: {
    history: "meetingStatusChange",
    key: "meetingId",
    transitionError: meetingTransitionError,
    beganAs: "logged",
  },
});

/** A meeting as the actor may see it: a deleted one exists for admins only. */
export function getMeetingOrThrow(actor: Actor | null, id: string): Promise<MeetingDetail> {
  return meetingRecord.get(actor, id);
}

async function venueIdBySlug(tx: Tx, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  // A deleted (or merged) venue is gone from the pickers, and no meeting may be held there anew.
  const venue = await tx.venue.findFirst({ where: { slug, deletedAt: null }, select: { id: true } });
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
  const at = contextTime(options);
  const spec = { permission: "write", schema: MeetingCreateSchema, input, context: options } as const;
  return mutate(actor, spec, async (tx, data, who) => {
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
    await meetingRecord.created(tx, meeting.id, who);
    await addCitations(tx, { meetingId: meeting.id }, options.citations ?? [], at, who);
    const logged = { to: data.status, reason: options.reason ?? "Logged", source: options.sourceTitle };
    await meetingRecord.writeHistory(tx, meeting.id, null, logged, who, at);
    return (await readMeetingDetail(tx, meeting.id))!;
  });
}

/** Edits a meeting's fields and/or moves its status, checked against the version last seen. */
export async function updateMeeting(
  actor: Actor | null,
  id: string,
  input: unknown,
  context: MutationContext = {},
): Promise<MeetingDetail> {
  const at = contextTime(context);
  const spec = { permission: "write", schema: MeetingUpdateSchema, input, context } as const;
  return mutate(actor, spec, async (tx, data, who) => {
    const move = data.status && {
      to: data.status,
      reason: data.reason!,
      source: data.sourceUrl ?? context.sourceTitle,
    };
    await meetingRecord.change(tx, id, data.version, {
      who,
      at,
      move,
      fields: async (current) => {
        const venueId = await venueIdBySlug(tx, data.venue);
        return {
          ...(data.title !== undefined ? { title: data.title } : {}),
          ...(data.summary !== undefined ? { summary: data.summary } : {}),
          ...(data.date !== undefined ? { date: toDate(data.date) } : {}),
          ...(venueId !== undefined ? { venueId } : {}),
          searchText: buildSearchText([data.title ?? current.title, data.summary ?? current.summary]),
        };
      },
    });
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
  const at = contextTime(context);
  const spec = { permission: "write", schema: MeetingOutcomeSchema, input, context } as const;
  return mutate(actor, spec, async (tx, data, who) => {
    const meeting = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: { status: true, deletedAt: true },
    });
    if (!meeting || meeting.deletedAt) throw notFound("Meeting");
    const meetingError = outcomeMeetingError(meeting.status);
    if (meetingError) throw validationFailed([{ path: "meetingId", message: meetingError }]);
    // Every row is dated at the round unless the batch or the row says otherwise, never at the
    // day it was typed (issue 8).
    const batchAt = data.outcomes.every((o) => o.occurredAt)
      ? null
      : await resolveOccurredAt(
          tx,
          { occurredAt: data.occurredAt, meetingId, context },
          { meeting: "meetingId", date: "occurredAt" },
        );

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
      const occurredAt = outcome.occurredAt ?? batchAt!;
      // A row's status is a move only if it differs from the one in force at the row's date (a
      // round logged late may precede a later move).
      const place = await grievanceTimelineAt(tx, outcome.grievanceId, occurredAt, grievance.status);
      const moves = outcome.status !== undefined && outcome.status !== place.inForce;
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
                source: data.sourceUrl ?? context.sourceTitle,
              }
            : undefined,
          path: `outcomes.${index}`,
          // Read just above in this transaction: the change need not read it again. The change
          // reads the row again, after the timeline (see versioned.ts change()).
          place,
        },
        occurredAt,
        who,
      );
      // A note, like a move (which the change has checked, after the version), happens at its
      // date: not before the grievance was raised.
      const early = beforeBeginningError(place.began, occurredAt);
      if (early) throw validationFailed([{ path: `outcomes.${index}.occurredAt`, message: early }]);
      // Appended, never replacing what an earlier note on this grievance said (issue 8).
      const agendaItem = await tx.agendaItem.create({
        data: {
          meetingId,
          grievanceId: outcome.grievanceId,
          note: outcome.note,
          statusAfter: moves ? outcome.status! : null,
          createdAt: at,
          occurredAt,
          recordedAt: new Date(),
          actorId: actorId(who),
        },
        // The insert returns what the revision records (AGENDA_ITEM_REVISIONS' snapshot), so
        // the note's create revision needs no read of the row just written.
        select: { id: true, meetingId: true, grievanceId: true, note: true, statusAfter: true, occurredAt: true },
      });
      const { id: agendaItemId, ...created } = agendaItem;
      const changes = changedFields(null, created, AGENDA_ITEM_REVISIONS.fields);
      await recordRevision(tx, {
        entity: AGENDA_ITEM_REVISIONS.entity,
        entityId: agendaItemId,
        action: "create",
        changes,
        who,
      });
    }
    await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
    return (await readMeetingDetail(tx, meetingId))!;
  });
}

/**
 * How many meetings a picker offers: the latest ones. Older ones are reached by date filters, or
 * preselected by coming from the meeting's own page (`?meeting=`).
 */
export const MEETING_PICKER_SIZE = 100;

/**
 * Meetings for pickers, newest first: the latest MEETING_PICKER_SIZE (so no page carries every
 * meeting of the archive), then any of the meetings `including` names that are older (the one a
 * filter is on, the one the analyst came from, the ones a grievance was discussed at), so a picker
 * always shows what it has selected.
 */
export async function listMeetingOptions(
  actor: Actor | null,
  including: ReadonlyArray<string | undefined> = [],
): Promise<Array<{ id: string; title: string; date: string | null; status: MeetingStatus }>> {
  authorize(actor, "read");
  const db = await getDb();
  const select = { id: true, title: true, date: true, status: true } as const;
  const rows = await db.meeting.findMany({
    where: { deletedAt: null },
    orderBy: MEETING_ORDER,
    take: MEETING_PICKER_SIZE,
    select,
  });
  const shown = new Set(rows.map((r) => r.id));
  const missing = [...new Set(including)].filter((id): id is string => !!id && !shown.has(id));
  if (missing.length) {
    rows.push(
      ...(await db.meeting.findMany({
        where: { id: { in: missing.slice(0, MEETING_PICKER_SIZE) }, deletedAt: null },
        orderBy: MEETING_ORDER,
        select,
      })),
    );
  }
  return rows.map((r) => ({ ...r, date: r.date?.toISOString() ?? null }));
}

/** Hides a meeting but keeps it, its agenda and history; admins only, restorable. */
export function deleteMeeting(actor: Actor | null, id: string): Promise<MeetingDetail> {
  return meetingRecord.remove(actor, id);
}

export function restoreMeeting(actor: Actor | null, id: string): Promise<MeetingDetail> {
  return meetingRecord.restore(actor, id);
}
