import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { parseFiltersLenient } from "@/lib/schemas/common";
import {
  queryValues,
  ViewCreateSchema,
  ViewDeleteSchema,
  ViewFiltersSchema,
  ViewUpdateSchema,
  type SavedViewSummary,
  type ViewFilters,
} from "@/lib/schemas/view";
import { authorize, can, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { grievanceWhere } from "./grievances";
import { mutate } from "./mutation";
import { changedFields, recordCreated, recordRevision, type RevisionSpec } from "./revisions";

// Saved views (issue 11): a named grievance-list filter. A personal view is its owner's; a shared
// one is read by everyone signed in. Only the owner or an admin renames, shares or deletes one.

/** How many views the navigation lists (each with a count): the rest are on /views. */
export const NAV_VIEW_LIMIT = 5;

const viewSelect = {
  id: true,
  name: true,
  query: true,
  shared: true,
  ownerId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  owner: { select: { name: true, email: true } },
} as const;

type ViewRow = {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  ownerId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  owner: { name: string; email: string };
};

/**
 * A stored query read back through the list's filter schema, leniently: a filter that no longer
 * parses (a status renamed since, a row edited by hand) is dropped, so a view never breaks the list.
 */
export function viewFilters(query: string): ViewFilters {
  return parseFiltersLenient(ViewFiltersSchema, queryValues(query));
}

/** The stored form of a view's filters: the list's own address for them, without the path. */
function normalisedQuery(filters: ViewFilters): string {
  const href = grievanceListHref(filters);
  const start = href.indexOf("?");
  return start >= 0 ? href.slice(start + 1) : "";
}

const canChange = (actor: Actor, row: { ownerId: string }) =>
  actor.kind === "system" || can(actor, "admin") || actor.id === row.ownerId;

const canRead = (actor: Actor, row: { ownerId: string; shared: boolean }) => row.shared || canChange(actor, row);

function toView(actor: Actor, row: ViewRow, count: number | null): SavedViewSummary {
  const query = normalisedQuery(viewFilters(row.query));
  return {
    id: row.id,
    name: row.name,
    query,
    href: query ? `/grievances?${query}` : "/grievances",
    shared: row.shared,
    owner: row.owner,
    canChange: canChange(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    count,
  };
}

/**
 * How many live grievances a view matches: one COUNT through the list's own where clause (a past
 * day's replay is the list's business; the count is of today's list).
 */
async function countMatching(tx: Tx, query: string): Promise<number> {
  const { asOf: _asOf, ...filters } = viewFilters(query);
  return tx.grievance.count({ where: grievanceWhere(filters) });
}

const userId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/**
 * The actor's own views and the team's shared ones, by name. `limit` bounds them (the
 * navigation); `counts: false` skips the counts.
 */
export async function listViews(
  actor: Actor | null,
  options: { limit?: number; counts?: boolean } = {},
): Promise<SavedViewSummary[]> {
  const who = authorize(actor, "read");
  const db = await getDb();
  const id = userId(who);
  const rows = await db.savedView.findMany({
    where: { deletedAt: null, OR: [{ shared: true }, ...(id ? [{ ownerId: id }] : [])] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.limit,
    select: viewSelect,
  });
  const counts = options.counts === false ? null : await Promise.all(rows.map((row) => countMatching(db, row.query)));
  return rows.map((row, index) => toView(who, row, counts?.[index] ?? null));
}

/**
 * One view, deleted ones included (their old links say so, see app/views/[id]); a personal view
 * of someone else is NOT_FOUND, as if it did not exist.
 */
export async function getView(actor: Actor | null, id: string): Promise<SavedViewSummary> {
  const who = authorize(actor, "read");
  const db = await getDb();
  const row = await db.savedView.findUnique({ where: { id }, select: viewSelect });
  if (!row || !canRead(who, row)) throw notFound("View");
  return toView(who, row, row.deletedAt ? null : await countMatching(db, row.query));
}

export const VIEW_REVISIONS: RevisionSpec = {
  entity: "savedView",
  fields: ["name", "query", "shared"],
  snapshot: (tx, id) => tx.savedView.findUnique({ where: { id }, select: { name: true, query: true, shared: true } }),
};

/** Saves the list's current filters under a name (analysts and viewers alike: a view changes no record). */
export function createView(actor: Actor | null, input: unknown): Promise<SavedViewSummary> {
  return mutate(actor, { permission: "read", schema: ViewCreateSchema, input }, async (tx, data, who) => {
    const ownerId = userId(who);
    if (!ownerId) throw new AppError("FORBIDDEN", "A saved view belongs to a signed-in user");
    const row = await tx.savedView.create({
      data: { name: data.name, query: normalisedQuery(data.query), shared: data.shared ?? false, ownerId },
      select: viewSelect,
    });
    await recordCreated(tx, VIEW_REVISIONS, row.id, who);
    return toView(who, row, await countMatching(tx, row.query));
  });
}

/** The view to change, if the actor may: someone else's shared view is FORBIDDEN, a hidden one NOT_FOUND. */
async function changeableView(tx: Tx, who: Actor, id: string): Promise<ViewRow> {
  const row = await tx.savedView.findUnique({ where: { id }, select: viewSelect });
  if (!row || row.deletedAt || !canRead(who, row)) throw notFound("View");
  if (!canChange(who, row)) throw new AppError("FORBIDDEN", "Only its owner or an admin changes a view");
  return row;
}

async function conflict(tx: Tx, who: Actor, id: string): Promise<never> {
  const row = (await tx.savedView.findUnique({ where: { id }, select: viewSelect }))!;
  throw new AppError(
    "CONFLICT",
    `Someone else changed this view first (it is now at version ${row.version}); review their change and apply yours again`,
    { current: toView(who, row, null) },
  );
}

/** Renames and/or shares or unshares a view, checked against the version last seen (409 when stale). */
export function updateView(actor: Actor | null, id: string, input: unknown): Promise<SavedViewSummary> {
  return mutate(actor, { permission: "read", schema: ViewUpdateSchema, input }, async (tx, data, who) => {
    const before = await changeableView(tx, who, id);
    const fields = {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.shared !== undefined ? { shared: data.shared } : {}),
    };
    // Compare-and-set on the version: a write that lost the race touches no row.
    const { count } = await tx.savedView.updateMany({
      where: { id, version: data.version, deletedAt: null },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) await conflict(tx, who, id);
    const after = (await tx.savedView.findUnique({ where: { id }, select: viewSelect }))!;
    const changes = changedFields(before, after, VIEW_REVISIONS.fields);
    await recordRevision(tx, { entity: "savedView", entityId: id, action: "edit", changes, who });
    return toView(who, after, await countMatching(tx, after.query));
  });
}

/** Deletes a view (its owner or an admin). The row stays, so its old link says it was deleted. */
export function deleteView(actor: Actor | null, id: string, input: unknown = {}): Promise<SavedViewSummary> {
  return mutate(actor, { permission: "read", schema: ViewDeleteSchema, input }, async (tx, data, who) => {
    const before = await changeableView(tx, who, id);
    const expected = data.version ?? before.version;
    const { count } = await tx.savedView.updateMany({
      where: { id, version: expected, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) await conflict(tx, who, id);
    await recordRevision(tx, { entity: "savedView", entityId: id, action: "delete", changes: [], who });
    const after = (await tx.savedView.findUnique({ where: { id }, select: viewSelect }))!;
    return toView(who, after, null);
  });
}
