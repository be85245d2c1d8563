import "server-only";
import type { RevisionAction as StoredAction } from "@/lib/generated/prisma/client";
import type { FieldChange, Revision, RevisionAction, RevisionEntity } from "@/lib/schemas/revision";
import { actorId, type Actor } from "./authz";
import type { Tx } from "./db";

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
  await tx.revision.create({
    data: {
      entity: input.entity,
      entityId: input.entityId,
      action: input.action.toUpperCase() as StoredAction,
      changes: JSON.stringify(input.changes),
      note: input.note ?? null,
      actorId: actorId(input.who),
      seed: input.seed ?? false,
      recordedAt: input.recordedAt ?? new Date(),
    },
  });
}

/** A record's revisions, oldest first (the caller has authorized the read and found the record). */
export async function readRevisions(tx: Tx, entity: RevisionEntity, entityId: string): Promise<Revision[]> {
  const rows = await tx.revision.findMany({
    where: { entity, entityId },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      entity: true,
      entityId: true,
      action: true,
      changes: true,
      note: true,
      seed: true,
      recordedAt: true,
      actor: { select: { name: true, email: true } },
    },
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
