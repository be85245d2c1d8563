import "server-only";
import type { RevisionAction as StoredAction } from "@/lib/generated/prisma/client";
import type { FieldChange, Revision, RevisionAction, RevisionEntity } from "@/lib/schemas/revision";
import { notFound } from "@/lib/errors";
import { actorId, authorize, can, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { mutationContext } from "./mutation";

// The one writer of revisions: every create, edit, delete, restore and merge of every record
// appends one here, inside the mutation's own transaction, so no write path can change a record
// without leaving what it said before (architecture.md, "Time in the record").

type Value = FieldChange["before"];

/** A field's value as a revision keeps it: dates as ISO strings, undefined as null. */
function storable(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** The fields whose value differs between two states of a record, in the order given. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: readonly string[],
): FieldChange[] {
  return fields.flatMap((field) => {
    const b = storable(before?.[field]);
    const a = storable(after?.[field]);
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ field, before: b, after: a }];
  });
}

/** What a kind of record's revisions hold: the fields an analyst edits, as a reader sees them (slugs, not ids). */
export type RevisionSpec = {
  entity: RevisionEntity;
  fields: readonly string[];
  /** The record's `fields`, read in the caller's transaction; null when there is no such record. */
  snapshot(tx: Tx, id: string): Promise<Record<string, unknown> | null>;
};

/** The revision of a record just inserted in this transaction: every field, from nothing. */
export async function recordCreated(tx: Tx, spec: RevisionSpec, id: string, who: Actor): Promise<void> {
  const changes = changedFields(null, await spec.snapshot(tx, id), spec.fields);
  await recordRevision(tx, { entity: spec.entity, entityId: id, action: "create", changes, who });
}

/** An agenda note as its revisions show it: what it says, of which move, and when it happened. */
export const AGENDA_ITEM_REVISIONS: RevisionSpec = {
  entity: "agendaItem",
  fields: ["meetingId", "grievanceId", "note", "statusAfter", "occurredAt"],
  snapshot: (tx, id) =>
    tx.agendaItem.findUnique({
      where: { id },
      select: { meetingId: true, grievanceId: true, note: true, statusAfter: true, occurredAt: true },
    }),
};

export type RevisionInput = {
  entity: RevisionEntity;
  entityId: string;
  action: RevisionAction;
  changes: FieldChange[];
  who: Actor;
  note?: string | null;
  /** Written by the seed or by the upgrade that backfills history, not by an analyst. */
  seed?: boolean;
  /** When it was recorded; now unless the seed or a backfill says otherwise. */
  recordedAt?: Date;
};

export async function recordRevision(tx: Tx, input: RevisionInput): Promise<void> {
  // A seeding mutation marks its revisions and dates them as its records (MutationContext.at),
  // so a seeded record reads the same as one an upgrade backfilled.
  const context = mutationContext(tx);
  const seed = input.seed ?? context.seed ?? false;
  const recordedAt = input.recordedAt ?? (seed ? context.at : undefined) ?? new Date();
  await tx.revision.create({
    data: {
      entity: input.entity,
      entityId: input.entityId,
      action: input.action.toUpperCase() as StoredAction,
      changes: JSON.stringify(input.changes),
      note: input.note ?? null,
      actorId: actorId(input.who),
      seed,
      recordedAt,
    },
  });
}

const REVISION_SELECT = {
  id: true,
  entity: true,
  entityId: true,
  action: true,
  changes: true,
  note: true,
  seed: true,
  recordedAt: true,
  actor: { select: { name: true, email: true } },
} as const;

/**
 * A record's revisions, oldest first, with those of the records it owns (`owned`: a meeting's or a
 * grievance's agenda notes and citations), so that its page shows every text it once carried. The
 * caller has authorized the read and found the record.
 */
export async function readRevisions(
  tx: Tx,
  entity: RevisionEntity,
  entityId: string,
  owned: Array<{ entity: RevisionEntity; ids: string[] }> = [],
): Promise<Revision[]> {
  const rows = await tx.revision.findMany({
    where: {
      OR: [
        { entity, entityId },
        ...owned.filter((o) => o.ids.length).map((o) => ({ entity: o.entity, entityId: { in: o.ids } })),
      ],
    },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    select: REVISION_SELECT,
  });
  return rows.map((row) => ({
    id: row.id,
    entity: row.entity as RevisionEntity,
    entityId: row.entityId,
    at: row.recordedAt.toISOString(),
    actor: row.actor,
    action: row.action.toLowerCase() as RevisionAction,
    changes: JSON.parse(row.changes) as FieldChange[],
    note: row.note,
    seed: row.seed,
  }));
}

/** The agenda notes and citations a meeting or grievance carries: their revisions are its own. */
async function ownedRecords(
  db: Tx,
  where: { meetingId: string } | { grievanceId: string },
): Promise<Array<{ entity: RevisionEntity; ids: string[] }>> {
  const [notes, citations] = await Promise.all([
    db.agendaItem.findMany({ where, select: { id: true } }),
    db.citation.findMany({ where, select: { id: true } }),
  ]);
  return [
    { entity: "agendaItem", ids: notes.map((n) => n.id) },
    { entity: "citation", ids: citations.map((c) => c.id) },
  ];
}

type Found = { id: string; deletedAt: Date | null } | null;

/** The records whose pages and API serve their revisions, and how each is named in a URL. */
const NAMED: Record<
  "grievance" | "meeting" | "party" | "venue",
  { label: string; find(db: Tx, key: string): Promise<Found> }
> = {
  grievance: { label: "Grievance", find: (db, id) => db.grievance.findUnique({ where: { id }, select: SELECT }) },
  meeting: { label: "Meeting", find: (db, id) => db.meeting.findUnique({ where: { id }, select: SELECT }) },
  party: { label: "Party", find: (db, slug) => db.party.findUnique({ where: { slug }, select: SELECT }) },
  venue: { label: "Venue", find: (db, slug) => db.venue.findUnique({ where: { slug }, select: SELECT }) },
};
const SELECT = { id: true, deletedAt: true } as const;

type NamedRecord = keyof typeof NAMED;

/**
 * A record's revisions, oldest first, by its id (grievance, meeting) or slug (party, venue). A
 * deleted record's revisions are for admins only, as the record is.
 */
export async function listRevisions(actor: Actor | null, kind: NamedRecord, key: string): Promise<Revision[]> {
  authorize(actor, "read");
  const db = await getDb();
  const { label, find } = NAMED[kind];
  const row = await find(db, key);
  if (!row || (row.deletedAt && !can(actor, "admin"))) throw notFound(label);
  const owned =
    kind === "meeting"
      ? await ownedRecords(db, { meetingId: row.id })
      : kind === "grievance"
        ? await ownedRecords(db, { grievanceId: row.id })
        : [];
  return readRevisions(db, kind, row.id, owned);
}
