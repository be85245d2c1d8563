import "server-only";
import { grievancesOutOfStep } from "./as-of";
import { SYSTEM } from "./authz";
import { getDb, type Tx } from "./db";
import { GRIEVANCE_REVISIONS } from "./grievances";
import { MEETING_REVISIONS } from "./meetings";
import { PARTY_REVISIONS } from "./parties";
import { AGENDA_ITEM_REVISIONS, changedFields, recordRevision, type RevisionSpec } from "./revisions";
import { fillSearchText } from "./search-text";
import { CITATION_REVISIONS, SOURCE_REVISIONS } from "./sources";
import { VENUE_REVISIONS } from "./venues";

// A database made before revisions existed (migration 20261201092037 adds the table) holds
// records with no revision. The upgrade gives each the create revision it would have had, dated
// when the record was made, and dates the agenda notes the migration could only date "now".
// Idempotent: a record that has a revision is left alone, so every start may run it.

type Row = { id: string; createdAt: Date };

/** Each kind of record, and every row of it (id and when it was made). */
// Stryker disable ObjectLiteral: equivalent, `{ select: ROW }` as `{}` reads whole rows, whose id and createdAt are the same.
const KINDS: Array<{ spec: RevisionSpec; rows: (tx: Tx) => Promise<Row[]> }> = [
  { spec: PARTY_REVISIONS, rows: (tx) => tx.party.findMany({ select: ROW }) },
  { spec: VENUE_REVISIONS, rows: (tx) => tx.venue.findMany({ select: ROW }) },
  { spec: SOURCE_REVISIONS, rows: (tx) => tx.source.findMany({ select: ROW }) },
  { spec: MEETING_REVISIONS, rows: (tx) => tx.meeting.findMany({ select: ROW }) },
  { spec: GRIEVANCE_REVISIONS, rows: (tx) => tx.grievance.findMany({ select: ROW }) },
  { spec: CITATION_REVISIONS, rows: (tx) => tx.citation.findMany({ select: ROW }) },
  { spec: AGENDA_ITEM_REVISIONS, rows: (tx) => tx.agendaItem.findMany({ select: ROW }) },
];
// Stryker restore ObjectLiteral
const ROW = { id: true, createdAt: true } as const;

export const BACKFILL_NOTE = "Backfilled on upgrade";

/**
 * An agenda note from before issue 8 was dated by the migration's default, the moment it ran:
 * it happened at its meeting (or, undated, when it was typed), and was typed when it was made.
 */
async function redateAgendaItem(tx: Tx, id: string): Promise<void> {
  const item = await tx.agendaItem.findUniqueOrThrow({
    where: { id },
    select: { createdAt: true, meeting: { select: { date: true } } },
  });
  await tx.agendaItem.update({
    where: { id },
    data: { occurredAt: item.meeting.date ?? item.createdAt, recordedAt: item.createdAt },
  });
}

/**
 * A grievance's stored status is that of its latest move by date (versioned.ts). Before that
 * rule, a move logged late for an earlier round set the status it moved to, so an older
 * database may hold grievances whose list status disagrees with their own timeline: each is set
 * to what its timeline says, with a version bump so a form opened on the old status cannot save
 * over it. Its history already records every move, so nothing else is written.
 */
async function alignStoredStatuses(): Promise<void> {
  const db = await getDb();
  for (const row of await grievancesOutOfStep(db)) {
    // Compare-and-set: a grievance changed since it was read is already right.
    await db.grievance.updateMany({
      where: { id: row.id, version: row.version },
      data: { status: row.status, lastMovedAt: row.lastMovedAt, version: { increment: 1 } },
    });
  }
}

/**
 * Backfills what a database from before revisions lacks and aligns stored statuses with the
 * timelines; returns how many revisions it wrote.
 */
export async function upgradeDatabase(): Promise<number> {
  await alignStoredStatuses();
  // Venues, sources and quotes made before their search column existed (issue 11).
  await fillSearchText();
  const db = await getDb();
  let written = 0;
  for (const { spec, rows } of KINDS) {
    const revised = await db.revision.findMany({
      where: { entity: spec.entity },
      // The Set de-duplicates: Prisma's `distinct` (without nativeDistinct) only did so in memory too.
      select: { entityId: true },
    });
    const done = new Set(revised.map((r) => r.entityId));
    for (const row of await rows(db)) {
      if (done.has(row.id)) continue;
      // One transaction per record: the date fix and its revision land together, and an upgrade
      // stopped halfway resumes where it stopped.
      await db.$transaction(async (tx) => {
        const again = await tx.revision.count({ where: { entity: spec.entity, entityId: row.id } });
        if (again) return;
        if (spec === AGENDA_ITEM_REVISIONS) await redateAgendaItem(tx, row.id);
        await recordRevision(tx, {
          entity: spec.entity,
          entityId: row.id,
          action: "create",
          changes: changedFields(null, await spec.snapshot(tx, row.id), spec.fields),
          who: SYSTEM,
          note: BACKFILL_NOTE,
          seed: true,
          recordedAt: row.createdAt,
        });
        written++;
      });
    }
  }
  return written;
}
