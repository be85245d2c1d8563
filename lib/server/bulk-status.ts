import "server-only";
import { AppError, isAppError, validationFailed, type ErrorIssue } from "@/lib/errors";
import {
  BULK_STATUS_MAX,
  BulkStatusChangeSchema,
  grievanceCount,
  type BulkStatusChange,
  type BulkStatusReport,
  type BulkStatusRow,
} from "@/lib/schemas/bulk-status";
import { GRIEVANCE_STATUS_LABELS, type GrievanceStatus } from "@/lib/schemas/enums";
import { momentLabel } from "@/lib/status-rules";
import type { RevisionAction } from "@/lib/generated/prisma/client";
import type { Actor } from "./authz";
import type { MutationContext } from "./context";
import type { Tx } from "./db";
import { applyGrievanceChange, grievanceWhere, resolveOccurredAt } from "./grievances";
import { mutate } from "./mutation";

// Moving many grievances to one status at once (issue 11). Each grievance gets exactly the change
// a single status move makes (applyGrievanceChange: the version check, the rules against the
// status in force at the move's date, its own history row, one version bump), all in one
// transaction. If any grievance changed since the analyst saw it, or a rule refuses one, nothing
// is applied and the answer reports every row, so the analyst decides what to drop.

type Stored = { id: string; title: string; status: GrievanceStatus; version: number; deletedAt: Date | null };

const storedSelect = { id: true, title: true, status: true, version: true, deletedAt: true } as const;

/**
 * How long one bulk move may hold its transaction: each grievance costs what a single status
 * change does (about 20 ms on SQLite on a busy two-core machine, measured for 500), so the
 * largest batch runs past Prisma's 5 s default.
 */
const BULK_TRANSACTION_TIMEOUT_MS = 60_000;

/** Rolls a dry run's transaction back, carrying its report out of it. */
class DryRunDone extends Error {
  constructor(readonly report: BulkStatusReport) {
    super("dry run");
  }
}

const label = (status: GrievanceStatus) => GRIEVANCE_STATUS_LABELS[status];

/**
 * The grievances a bulk change is about, in the order the answer lists them: the ids as given, or
 * every grievance the list's filters match now (the list's own where clause, every page), plus
 * any the analyst previewed that no longer matches (reported, never moved).
 */
async function selection(
  tx: Tx,
  data: BulkStatusChange,
): Promise<{ ids: string[]; byId: Map<string, Stored>; noLongerMatching: Set<string> }> {
  if (data.ids) {
    const rows = await tx.grievance.findMany({ where: { id: { in: data.ids } }, select: storedSelect });
    return { ids: data.ids, byId: new Map(rows.map((row) => [row.id, row])), noLongerMatching: new Set() };
  }
  const where = grievanceWhere(data.filter ?? {});
  const matching = await tx.grievance.count({ where });
  if (matching > BULK_STATUS_MAX) {
    throw validationFailed([
      {
        path: "filter",
        message: `${grievanceCount(matching)} match these filters; at most ${BULK_STATUS_MAX} can be moved at once. Narrow the filters and try again.`,
      },
    ]);
  }
  const rows = await tx.grievance.findMany({ where, orderBy: [{ title: "asc" }, { id: "asc" }], select: storedSelect });
  const matched = new Set(rows.map((row) => row.id));
  const dropped = Object.keys(data.versions ?? {}).filter((id) => !matched.has(id));
  const gone = dropped.length
    ? await tx.grievance.findMany({ where: { id: { in: dropped } }, select: storedSelect })
    : [];
  const byId = new Map([...rows, ...gone].map((row) => [row.id, row]));
  return { ids: [...matched, ...dropped], byId, noLongerMatching: new Set(dropped) };
}

const REVISION_WORDS: Record<RevisionAction, string> = {
  CREATE: "created it",
  EDIT: "edited it",
  DELETE: "deleted it",
  RESTORE: "restored it",
  MERGE: "merged it",
};

/** Who changed a grievance last and how, from its timeline and its revisions, whichever is later. */
async function latestChange(
  tx: Tx,
  id: string,
): Promise<Pick<BulkStatusRow, "changedBy" | "changedAt"> & { what: string | null }> {
  const actor = { select: { name: true, email: true } } as const;
  const [move, revision] = await Promise.all([
    tx.grievanceStatusChange.findFirst({
      where: { grievanceId: id },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: { fromStatus: true, toStatus: true, reason: true, recordedAt: true, actor },
    }),
    tx.revision.findFirst({
      where: { entity: "grievance", entityId: id },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: { action: true, recordedAt: true, actor },
    }),
  ]);
  if (move && (!revision || move.recordedAt >= revision.recordedAt)) {
    const what = move.fromStatus
      ? `moved it from ${label(move.fromStatus)} to ${label(move.toStatus)} ("${move.reason}")`
      : `raised it`;
    return { changedBy: move.actor, changedAt: move.recordedAt.toISOString(), what };
  }
  if (revision) {
    const what = REVISION_WORDS[revision.action];
    return { changedBy: revision.actor, changedAt: revision.recordedAt.toISOString(), what };
  }
  return { changedBy: null, changedAt: null, what: null };
}

async function staleRow(tx: Tx, row: Stored, seen: number | null, notMatching: boolean): Promise<BulkStatusRow> {
  const latest = await latestChange(tx, row.id);
  const who = latest.changedBy ? latest.changedBy.name || latest.changedBy.email : "Someone";
  const when = latest.changedAt ? ` on ${momentLabel(new Date(latest.changedAt))}` : "";
  const since =
    seen === null
      ? "It matches the filters now but was not among those you previewed"
      : notMatching
        ? `It no longer matches the filters (it is at version ${row.version}; you saw version ${seen})`
        : `It is at version ${row.version}; you saw version ${seen}`;
  const message = latest.what ? `${since}. ${who} ${latest.what}${when}.` : `${since}.`;
  return {
    id: row.id,
    title: row.title,
    result: "stale",
    message,
    status: row.status,
    version: row.version,
    seenVersion: seen,
    changedBy: latest.changedBy,
    changedAt: latest.changedAt,
  };
}

const MISSING = { title: null, result: "missing", message: "No such grievance", status: null, version: null } as const;

function plainRow(row: Stored, seen: number | null, result: BulkStatusRow["result"], message: string | null = null) {
  return { id: row.id, title: row.title, result, message, status: row.status, version: row.version, seenVersion: seen };
}

/**
 * Moves every selected grievance to `status`, all or nothing. A selection by filter is resolved
 * here, and each of its grievances must have been seen (its version in `versions`, from a dry
 * run), so a grievance that started matching since is reported, not moved unseen. With `dryRun`,
 * everything is checked and the report answered, and nothing is written.
 */
export async function changeGrievanceStatuses(
  actor: Actor | null,
  input: unknown,
  context: MutationContext = {},
): Promise<BulkStatusReport> {
  const spec = {
    permission: "write",
    schema: BulkStatusChangeSchema,
    input,
    context,
    timeoutMs: BULK_TRANSACTION_TIMEOUT_MS,
  } as const;
  try {
    return await mutate(actor, spec, async (tx, data, who) => {
      const at = await resolveOccurredAt(
        tx,
        { occurredAt: data.occurredAt, meetingId: data.meetingId, context },
        { meeting: "meetingId", date: "occurredAt" },
      );
      const { ids, byId, noLongerMatching } = await selection(tx, data);
      const rows: BulkStatusRow[] = [];
      const issues: ErrorIssue[] = [];
      for (const [index, id] of ids.entries()) {
        const row = byId.get(id);
        const seen = data.versions?.[id] ?? null;
        if (!row || row.deletedAt) {
          rows.push({ ...MISSING, id, seenVersion: seen });
          issues.push({ path: `ids.${index}`, message: "No such grievance" });
          continue;
        }
        const notMatching = noLongerMatching.has(id);
        // The version seen is checked for every row before any rule: the report then names every
        // grievance someone else changed, not only the first.
        const mustHaveSeen = !data.dryRun || seen !== null;
        if (notMatching || (mustHaveSeen && seen !== row.version)) {
          rows.push(await staleRow(tx, row, seen, notMatching));
          issues.push({ path: `versions.${id}`, message: `${row.title}: changed since you saw it` });
          continue;
        }
        try {
          await applyGrievanceChange(
            tx,
            id,
            seen ?? row.version,
            {
              move: {
                status: data.status,
                reason: data.reason,
                meetingId: data.meetingId,
                source: data.sourceUrl ?? context.sourceTitle,
              },
            },
            at,
            who,
          );
          rows.push(plainRow(row, seen, "ready"));
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.code === "CONFLICT") {
            // Another writer committed between the read above and the compare-and-set.
            const now = (await tx.grievance.findUnique({ where: { id }, select: storedSelect })) ?? row;
            rows.push(await staleRow(tx, now, seen, false));
            issues.push({ path: `versions.${id}`, message: `${row.title}: changed since you saw it` });
          } else if (error.code === "VALIDATION_FAILED") {
            const rule = error.issues[0];
            const message = rule?.message ?? error.message;
            rows.push(plainRow(row, seen, "refused", message));
            issues.push({ path: rule?.path || "status", message: `${row.title}: ${message}` });
          } else if (error.code === "NOT_FOUND") {
            rows.push(plainRow(row, seen, "missing", "No such grievance"));
            issues.push({ path: `ids.${index}`, message: "No such grievance" });
          } else {
            throw error;
          }
        }
      }
      return finish(tx, data, rows, issues);
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.report;
    throw error;
  }
}

/**
 * The answer once every row was tried: the moves stand only when every row was ready; otherwise
 * (and for a dry run) the transaction is rolled back by the error thrown here.
 */
async function finish(
  tx: Tx,
  data: BulkStatusChange,
  rows: BulkStatusRow[],
  issues: ErrorIssue[],
): Promise<BulkStatusReport> {
  const ready = rows.filter((row) => row.result === "ready").length;
  if (data.dryRun) throw new DryRunDone({ applied: false, status: data.status, moved: ready, items: rows });
  const report = (items: BulkStatusRow[]): BulkStatusReport => ({
    applied: false,
    status: data.status,
    moved: 0,
    items,
  });
  const stale = rows.filter((row) => row.result === "stale").length;
  if (stale) {
    throw new AppError(
      "CONFLICT",
      `${stale} of ${grievanceCount(rows.length)} changed since you saw them, so nothing was applied. Review their changes, then drop them or apply again at their new versions.`,
      { issues, current: report(rows) },
    );
  }
  const refused = rows.length - ready;
  if (refused) {
    throw new AppError(
      "VALIDATION_FAILED",
      `${refused} of ${grievanceCount(rows.length)} cannot move to ${label(data.status)}, so nothing was applied. Drop them and try again.`,
      { issues, current: report(rows) },
    );
  }
  // Read back: a move dated before a later one leaves the later status standing (ADR 011).
  const after = await tx.grievance.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: { id: true, status: true, version: true },
  });
  const now = new Map(after.map((g) => [g.id, g]));
  const items = rows.map((row) => ({ ...row, result: "moved" as const, ...now.get(row.id) }));
  return { applied: true, status: data.status, moved: items.length, items };
}
