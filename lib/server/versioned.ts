import "server-only";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceRef } from "@/lib/schemas/source";
import { datedMoveError, type TimelinePlace } from "@/lib/status-rules";
import { actorId, authorize, can, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";
import { changedFields, recordCreated, recordRevision, type RevisionSpec } from "./revisions";
import { findOrCreateSource, sourceSelect, toSourceRef } from "./sources";

// Records several people edit at once (grievances, meetings): a `version` for compare-and-set and
// a `deletedAt` for soft delete; those with a status also have an append-only history table of
// its moves. A model joins by having the columns (the types below check them) and a kind that
// says how to read it. Every create, edit, delete and restore through here appends a revision in
// the same transaction, so a kind built on this core cannot change without one.

type Columns<K extends keyof Tx> = Tx[K] extends { fields: infer F } ? keyof F : never;
type RecordModel = { [K in keyof Tx]: "id" | "version" | "deletedAt" extends Columns<K> ? K : never }[keyof Tx];
type HistoryColumn = "fromStatus" | "toStatus" | "reason" | "sourceId" | "actorId" | "occurredAt" | "recordedAt";
type HistoryModel = { [K in keyof Tx]: HistoryColumn extends Columns<K> ? K : never }[keyof Tx];

/** What `updateMany` on the model takes as data: the fields a change may write. */
type UpdateData<M extends RecordModel> = Parameters<Tx[M]["updateMany"]>[0]["data"];

// The few calls the core makes, in the shape every such model shares; the mapped types above
// are what guarantee the columns exist.
type RecordTable = {
  updateMany(args: { where: { id: string; version?: number }; data: object }): Promise<{ count: number }>;
  count(args: { where: object }): Promise<number>;
};
type HistoryTable = {
  create(args: { data: object }): Promise<unknown>;
  findFirst(args: { where: object; orderBy: object[]; select: object }): Promise<TimelineEntry | null>;
};
type TimelineEntry = { toStatus: string; occurredAt: Date };

type VersionedState = { version: number; deletedAt: Date | null; status?: string };
type VersionedDetail = { version: number; deletedAt: string | null };
type StatusOf<State> = State extends { status: infer S extends string } ? S : never;

export type VersionedKind<
  M extends RecordModel,
  State extends VersionedState,
  Detail extends VersionedDetail,
  H extends HistoryModel,
> = {
  model: M;
  /** The record's name in messages: "Grievance was not found". */
  label: string;
  /** The stored row a change is checked against: version, deletedAt, status, and what the change reads. */
  state(tx: Tx, id: string): Promise<State | null>;
  /** The record as the API returns it: the result of every mutation, and the body of a CONFLICT. */
  read(tx: Tx, id: string): Promise<Detail | null>;
  /** What its revisions record. */
  revisions: RevisionSpec;
  /** What must hold before a delete or restore (a party still named by grievances stays); throws if not. */
  guard?: (tx: Tx, id: string, to: "delete" | "restore") => Promise<void>;
  /** For a record with a status: the history table, its column naming the record, and the rules. */
  moves?: {
    history: H;
    key: Columns<H> & string;
    transitionError(from: StatusOf<State>, to: StatusOf<State>): string | null;
    /** How its first entry came about, in messages: "raised" (a grievance), "logged" (a meeting). */
    beganAs: string;
    /**
     * The record's column holding when its latest move happened (a grievance's lastMovedAt), set
     * in the same update as the status: a move dated after every other one is the latest.
     */
    movedAt?: Columns<M> & string;
  };
};

/** A status move and the history row that records it. */
export type StatusMove<Status extends string> = {
  to: Status;
  reason: string;
  /** A source URL or title the row cites; recorded once however often it is cited. */
  source?: string | null;
  /** Columns of the history row beyond the common ones (a grievance's meetingId). */
  extra?: Record<string, unknown>;
};

export type Change<M extends RecordModel, State extends VersionedState> = {
  who: Actor;
  at: Date;
  move?: StatusMove<StatusOf<State>>;
  /** Where the input sits in a batch ("outcomes.0"), for the paths of its issues. */
  path?: string;
  /**
   * The fields to write, from the stored row; may throw VALIDATION_FAILED (unknown references). It
   * may also rewrite the record's join rows (a grievance's parties): the revision sees what it did.
   */
  fields?: (current: State) => Promise<UpdateData<M>>;
  /** Why the fields changed, kept with the revision. */
  note?: string | null;
  /**
   * Columns a move writes beside the status, from the stored row, in the same update; no revision
   * records them (a grievance's folded search text, which gains the move's reason).
   */
  moveFields?: (current: State) => UpdateData<M>;
  /** Where the move lands in the timeline, when the caller has just read it in this transaction. */
  place?: Place<StatusOf<State>>;
};

type Place<Status extends string> = TimelinePlace<Status> & { latest: Status | null };

const fieldPath = (prefix: string | undefined, field: string) => (prefix ? `${prefix}.${field}` : field);

export function versionedRecord<
  M extends RecordModel,
  State extends VersionedState,
  Detail extends VersionedDetail,
  H extends HistoryModel,
>(kind: VersionedKind<M, State, Detail, H>) {
  const table = (tx: Tx) => tx[kind.model] as unknown as RecordTable;
  const noun = kind.label.toLowerCase();

  function movesOf(): NonNullable<typeof kind.moves> {
    if (!kind.moves) throw new Error(`A ${noun} has no status to move`);
    return kind.moves;
  }

  /** CONFLICT carrying the record as it stands now, so the client can show both versions. */
  async function conflict(tx: Tx, id: string): Promise<never> {
    const current = await kind.read(tx, id);
    if (!current) throw notFound(kind.label);
    throw new AppError(
      "CONFLICT",
      `Someone else changed this ${noun} first (it is now at version ${current.version}); review their change and apply yours again`,
      { current },
    );
  }

  const history = (tx: Tx) => tx[movesOf().history] as unknown as HistoryTable;

  /**
   * Where a move dated `at` lands in the record's timeline, read in the timelines' order
   * (HISTORY_ORDER): a move typed now sorts after every entry dated at or before its date, and
   * before every later one. The record began at its first entry (the one with no `fromStatus`,
   * or failing one its earliest), as the as-of replay has it (as-of.ts). `latest` is the status
   * of the last entry, whatever the date: what the stored status must be after a move that
   * lands before it.
   */
  async function timelineAt(tx: Tx, id: string, at: Date, fallback: StatusOf<State>): Promise<Place<StatusOf<State>>> {
    const place = await readPlace(tx, id, at);
    return { ...place, inForce: place.inForce ?? fallback };
  }

  /** timelineAt's entries; `inForce` is null when no entry is dated at or before `at`. */
  async function readPlace(
    tx: Tx,
    id: string,
    at: Date,
  ): Promise<Omit<Place<StatusOf<State>>, "inForce"> & { inForce: StatusOf<State> | null }> {
    const { history: model, key } = movesOf();
    // The five entries the rules read, each one seek on the [record, occurredAt] index, in one
    // statement: as five Prisma queries (each compiled afresh) they were a fifth of a status
    // change's cost. Same SQL on SQLite and PostgreSQL; the names are the schema's own.
    const table = Prisma.raw(`"${model.charAt(0).toUpperCase()}${model.slice(1)}"`);
    const column = Prisma.raw(`"${key}"`);
    const ascending = Prisma.raw(`ORDER BY "occurredAt", "recordedAt", "id" LIMIT 1`);
    const descending = Prisma.raw(`ORDER BY "occurredAt" DESC, "recordedAt" DESC, "id" DESC LIMIT 1`);
    const entry = (name: string, where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
      SELECT ${Prisma.raw(`'${name}'`)} AS "entry", "toStatus", "occurredAt" FROM (
        SELECT "toStatus", "occurredAt" FROM ${table} WHERE ${column} = ${id} ${where} ${order}
      ) AS ${Prisma.raw(`"${name}"`)}`;
    const rows = await tx.$queryRaw<Array<{ entry: string; toStatus: string; occurredAt: Date | string }>>`
      ${entry("raised", Prisma.sql`AND "fromStatus" IS NULL`, ascending)}
      UNION ALL ${entry("earliest", Prisma.empty, ascending)}
      UNION ALL ${entry("before", Prisma.sql`AND "occurredAt" <= ${at}`, descending)}
      UNION ALL ${entry("next", Prisma.sql`AND "occurredAt" > ${at}`, ascending)}
      UNION ALL ${entry("last", Prisma.empty, descending)}`;
    const found = (name: string): TimelineEntry | null => {
      const row = rows.find((r) => r.entry === name);
      return row ? { toStatus: row.toStatus, occurredAt: new Date(row.occurredAt) } : null;
    };
    const first = found("raised") ?? found("earliest");
    const next = found("next");
    const status = (entry: TimelineEntry | null) => (entry?.toStatus ?? null) as StatusOf<State> | null;
    return {
      began: first?.occurredAt ?? null,
      inForce: status(found("before")),
      next: next && { to: status(next)!, at: next.occurredAt },
      latest: next ? status(found("last")) : null,
    };
  }

  /** Appends a history row (`from` is null for the row that records the record's creation). */
  async function writeHistory(
    tx: Tx,
    id: string,
    from: StatusOf<State> | null,
    move: StatusMove<StatusOf<State>>,
    who: Actor,
    at: Date,
  ): Promise<void> {
    const { key } = movesOf();
    const sourceId = move.source ? await findOrCreateSource(tx, move.source, who) : null;
    await history(tx).create({
      data: {
        [key]: id,
        fromStatus: from,
        toStatus: move.to,
        reason: move.reason,
        sourceId,
        actorId: actorId(who),
        occurredAt: at,
        recordedAt: new Date(),
        ...move.extra,
      },
    });
  }

  /**
   * Whether writing `fields` would leave the record as it is: what its revisions record reads the
   * same after `fields` ran (it may have rewritten join rows) and every column already holds the
   * value given. A value that is not a plain one (a Prisma operation) counts as a change.
   */
  async function leavesAsIs(
    tx: Tx,
    id: string,
    before: Record<string, unknown> | null,
    fields: object,
  ): Promise<boolean> {
    const after = before && (await kind.revisions.snapshot(tx, id));
    if (changedFields(before, after, kind.revisions.fields).length) return false;
    const values = Object.values(fields);
    if (!values.every((value) => value === null || value instanceof Date || typeof value !== "object")) return false;
    return values.length === 0 || (await table(tx).count({ where: { id, ...fields } })) === 1;
  }

  /**
   * The one way a live record changes, in the caller's transaction: checked against the version
   * the client last saw, the fields and any status move written with a version bump, and the
   * move's history row beside them. A move is dated `change.at` and takes its place in the
   * timeline by that date: its rules are checked against the status in force then (and its row's
   * `fromStatus` is that status), and the stored status is that of the latest move by date, so a
   * move logged late for an earlier round leaves a later move's status standing (ADR 011).
   * Answers whether it wrote: an edit that changes nothing writes nothing.
   */
  async function change(tx: Tx, id: string, version: number, change: Change<M, State>): Promise<boolean> {
    // PostgreSQL reads each statement at its own snapshot: the timeline is read before the row, so
    // a move another writer commits in between has also moved the version the row shows (a 409),
    // and the rules are never checked against a timeline newer than the version seen.
    const timeline = change.move && !change.place ? await readPlace(tx, id, change.at) : null;
    const current = await kind.state(tx, id);
    if (!current || current.deletedAt) throw notFound(kind.label);
    if (current.version !== version) await conflict(tx, id);
    const { move } = change;
    let from = current.status as StatusOf<State>;
    let moved: Record<string, unknown> = {};
    if (move) {
      const { transitionError, beganAs, movedAt } = movesOf();
      const place = change.place ?? { ...timeline!, inForce: timeline!.inForce ?? from };
      const error = datedMoveError(place, move.to, change.at, transitionError, beganAs);
      if (error) throw validationFailed([{ path: fieldPath(change.path, error.field), message: error.message }]);
      from = place.inForce;
      // A move dated after every other one is the latest: its status and date are the record's.
      // One that lands before a later move leaves that move's status (and date) standing.
      moved = place.next
        ? { status: place.latest ?? place.next.to }
        : { status: move.to, ...(movedAt ? { [movedAt]: change.at } : {}) };
      moved = { ...moved, ...change.moveFields?.(current) };
    }
    const before = change.fields ? await kind.revisions.snapshot(tx, id) : null;
    const fields = (await change.fields?.(current)) ?? {};
    // An edit that leaves the record as it is (a PATCH with only `version`, or every field as it
    // was) writes nothing: no revision, and no version bump that would make others' forms stale.
    if (!move && (await leavesAsIs(tx, id, before, fields))) return false;
    // The compare-and-set on version is what makes two concurrent saves safe on every database:
    // only one update can match the version both read.
    const updated = await table(tx).updateMany({
      where: { id, version },
      data: { ...fields, ...moved, version: { increment: 1 } },
    });
    if (updated.count !== 1) await conflict(tx, id);
    if (move) await writeHistory(tx, id, from, move, change.who, change.at);
    // A status move has its own timeline; the revision holds only the fields, when any changed.
    if (change.fields) {
      const changes = changedFields(before, await kind.revisions.snapshot(tx, id), kind.revisions.fields);
      if (changes.length) await revise(tx, id, "edit", change.who, changes, change.note);
    }
    return true;
  }

  function revise(
    tx: Tx,
    id: string,
    action: "edit" | "delete" | "restore",
    who: Actor,
    changes: ReturnType<typeof changedFields> = [],
    note?: string | null,
  ): Promise<void> {
    return recordRevision(tx, { entity: kind.revisions.entity, entityId: id, action, changes, who, note });
  }

  /** A deleted record exists for admins only: anyone else is told it was not found. */
  async function assertVisible(db: Tx, actor: Actor | null, id: string): Promise<void> {
    const row = await kind.state(db, id);
    if (!row || (row.deletedAt && !can(actor, "admin"))) throw notFound(kind.label);
  }

  /** The record as the actor may see it. */
  async function get(actor: Actor | null, id: string): Promise<Detail> {
    authorize(actor, "read");
    const detail = await kind.read(await getDb(), id);
    if (!detail || (detail.deletedAt && !can(actor, "admin"))) throw notFound(kind.label);
    return detail;
  }

  /** Admins only; nothing is ever hard-deleted through the app, and a deleted record is restorable. */
  function setDeleted(actor: Actor | null, id: string, deletedAt: Date | null): Promise<Detail> {
    return mutate(actor, { permission: "admin" }, async (tx, _data, who) => {
      await kind.guard?.(tx, id, deletedAt ? "delete" : "restore");
      const current = await kind.state(tx, id);
      if (!current) throw notFound(kind.label);
      // The version moves too, so a form opened before the deletion cannot save over it unseen.
      const { count } = await table(tx).updateMany({ where: { id }, data: { deletedAt, version: { increment: 1 } } });
      if (count === 0) throw notFound(kind.label);
      // Deleting what is deleted (or restoring what is live) changes nothing a revision could say.
      if (!current.deletedAt !== !deletedAt) await revise(tx, id, deletedAt ? "delete" : "restore", who);
      return (await kind.read(tx, id))!;
    });
  }

  return {
    get,
    assertVisible,
    change,
    timelineAt,
    /** The revision of a record just inserted in this transaction. */
    created: (tx: Tx, id: string, who: Actor) => recordCreated(tx, kind.revisions, id, who),
    writeHistory,
    revisions: kind.revisions,
    /** Hides the record everywhere but keeps it and its history. */
    remove: (actor: Actor | null, id: string) => setDeleted(actor, id, new Date()),
    restore: (actor: Actor | null, id: string) => setDeleted(actor, id, null),
  };
}

// Reading history back: the columns every history table has, and how the API shows them.

export const HISTORY_ORDER = [
  { occurredAt: "asc" },
  { recordedAt: "asc" },
  { id: "asc" },
] satisfies Prisma.GrievanceStatusChangeOrderByWithRelationInput[];

export const statusChangeSelect = {
  id: true,
  fromStatus: true,
  toStatus: true,
  reason: true,
  occurredAt: true,
} as const;

/** A history row as a record's timeline shows it: the move, who recorded it, on what source. */
export const historyEntrySelect = {
  ...statusChangeSelect,
  source: { select: sourceSelect },
  actor: { select: { name: true, email: true } },
} as const;

type StatusChangeRow<Status> = {
  id: string;
  fromStatus: Status | null;
  toStatus: Status;
  reason: string;
  occurredAt: Date;
};
type StatusChange<Status> = { id: string; from: Status | null; to: Status; reason: string; at: string };
type Recorder = { name: string; email: string };

export function toStatusChange<Status>(row: StatusChangeRow<Status>): StatusChange<Status> {
  return { id: row.id, from: row.fromStatus, to: row.toStatus, reason: row.reason, at: row.occurredAt.toISOString() };
}

export function toHistoryEntry<Status>(
  row: StatusChangeRow<Status> & { source: Parameters<typeof toSourceRef>[0] | null; actor: Recorder | null },
): StatusChange<Status> & { source: SourceRef | null; actor: Recorder | null } {
  return { ...toStatusChange(row), source: row.source ? toSourceRef(row.source) : null, actor: row.actor };
}
