import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { UNSETTLED_GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import { PARTY_ROLE_OF_FILTER, type GrievanceFilters } from "@/lib/schemas/grievance";
import { foldForSearch } from "@/lib/search";
import type { Tx } from "./db";

// The record as of an instant T (architecture.md, "Time in the record"), in one place: a grievance
// exists at T if its first move (the row with no `fromStatus`, or failing one its earliest) is
// dated on or before T and it is not deleted; its status is the `toStatus` of its last move dated
// on or before T; agenda notes count when dated on or before T; texts are as corrected today.
// Every replayed read (list, detail, history, overview) takes its where clauses from here. The
// list's status filter, counts and sort need the replayed status inside the query, which Prisma
// cannot express (it cannot pick a row's latest related row), so those are SQL that both
// databases run as written: quoted identifiers, enums compared as text.

/** Moves and agenda notes a replay as of `at` sees. */
export function datedBy(at: Date) {
  return { occurredAt: { lte: at } };
}

/** The correlated subqueries below read the grievance row as `g`. */
function existsSql(at: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "GrievanceStatusChange" r
    WHERE r."grievanceId" = g."id" AND r."occurredAt" <= ${at}
      AND (r."fromStatus" IS NULL OR NOT EXISTS (
        SELECT 1 FROM "GrievanceStatusChange" f WHERE f."grievanceId" = g."id" AND f."fromStatus" IS NULL)))`;
}

/**
 * The toStatus of the last move dated by `at` (null: the last of all), in the timelines' order
 * (HISTORY_ORDER). The stored status is kept equal to the last of all (versioned.ts).
 */
function statusSql(at: Date | null): Prisma.Sql {
  return Prisma.sql`(SELECT s."toStatus" FROM "GrievanceStatusChange" s
    WHERE s."grievanceId" = g."id" ${at ? Prisma.sql`AND s."occurredAt" <= ${at}` : Prisma.empty}
    ORDER BY s."occurredAt" DESC, s."recordedAt" DESC, s."id" DESC LIMIT 1)`;
}

function lastMovedSql(at: Date | null): Prisma.Sql {
  return Prisma.sql`(SELECT MAX(m."occurredAt") FROM "GrievanceStatusChange" m
    WHERE m."grievanceId" = g."id" ${at ? Prisma.sql`AND m."occurredAt" <= ${at}` : Prisma.empty})`;
}

const textIn = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/** LIKE's wildcards taken literally, as Prisma's `contains` takes them. */
const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The list's filters other than status (grievanceWhere's, with references dated by `at`). */
function filterSql(filters: GrievanceFilters, at: Date): Prisma.Sql[] {
  const and = [filters.deleted ? Prisma.sql`g."deletedAt" IS NOT NULL` : Prisma.sql`g."deletedAt" IS NULL`];
  and.push(existsSql(at));
  if (filters.party) {
    const role = filters.role && PARTY_ROLE_OF_FILTER[filters.role];
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "GrievanceParty" gp JOIN "Party" p ON p."id" = gp."partyId"
      WHERE gp."grievanceId" = g."id" AND p."slug" = ${filters.party}
      ${role ? Prisma.sql`AND CAST(gp."role" AS TEXT) = ${role}` : Prisma.empty})`);
  }
  if (filters.category?.length) and.push(Prisma.sql`CAST(g."category" AS TEXT) IN (${textIn(filters.category)})`);
  if (filters.meeting) {
    and.push(Prisma.sql`(EXISTS (SELECT 1 FROM "AgendaItem" ai
        WHERE ai."grievanceId" = g."id" AND ai."meetingId" = ${filters.meeting} AND ai."occurredAt" <= ${at})
      OR EXISTS (SELECT 1 FROM "GrievanceStatusChange" mh
        WHERE mh."grievanceId" = g."id" AND mh."meetingId" = ${filters.meeting} AND mh."occurredAt" <= ${at}))`);
  }
  const terms = filters.q ? foldForSearch(filters.q).split(" ").filter(Boolean) : [];
  for (const term of terms) and.push(Prisma.sql`g."searchText" LIKE ${likeContaining(term)} ESCAPE '\\'`);
  return and;
}

const SORT_COLUMNS = {
  title: Prisma.sql`a."title"`,
  category: Prisma.sql`a."category"`,
  status: Prisma.sql`a."statusKey"`,
  lastMoved: Prisma.sql`a."lastMovedAt"`,
  created: Prisma.sql`a."createdAt"`,
} as const;

/**
 * One page of the grievance list as of `at`: the ids in order, each with its replayed status,
 * and how many match. `filters.sort` and `dir` default as the live list's do.
 */
export async function grievancePageAsOf(
  db: Tx,
  filters: GrievanceFilters,
  at: Date,
  page: { skip: number; take: number },
): Promise<{ rows: Array<{ id: string; status: GrievanceStatus; lastMovedAt: Date }>; total: number }> {
  const rows = Prisma.sql`SELECT g."id" AS "id", CAST(${statusSql(at)} AS TEXT) AS "status", ${statusSql(at)} AS "statusKey",
      g."title" AS "title", g."category" AS "category", ${lastMovedSql(at)} AS "lastMovedAt", g."createdAt" AS "createdAt"
    FROM "Grievance" g WHERE ${Prisma.join(filterSql(filters, at), " AND ")}`;
  const statusWhere = filters.status?.length
    ? Prisma.sql`WHERE a."status" IN (${textIn(filters.status)})`
    : Prisma.empty;
  const key = filters.sort ?? "lastMoved";
  const dir = (filters.dir ?? (key === "title" || key === "category" || key === "status" ? "asc" : "desc")) === "asc";
  const direction = dir ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Ties by id in the same direction, as the live list breaks them (grievances.ts grievanceKeys):
  // a day after the last move lists in the order today does.
  const order = Prisma.sql`${SORT_COLUMNS[key]} ${direction}, a."id" ${direction}`;
  const [pageRows, counted] = await Promise.all([
    db.$queryRaw<Array<{ id: string; status: GrievanceStatus; lastMovedAt: Date | string }>>`SELECT
        a."id", a."status", a."lastMovedAt" FROM (${rows}) a ${statusWhere}
      ORDER BY ${order} LIMIT ${page.take} OFFSET ${page.skip}`,
    db.$queryRaw<Array<{ n: bigint | number }>>`SELECT COUNT(*) AS "n" FROM (${rows}) a ${statusWhere}`,
  ]);
  // SQLite gives a computed date back as the text it stores; PostgreSQL as a date.
  const rowsOut = pageRows.map((r) => ({ ...r, lastMovedAt: new Date(r.lastMovedAt) }));
  return { rows: rowsOut, total: Number(counted[0]?.n ?? 0) };
}

/** The replayed status of one grievance, or null if it had not been raised by `at` (or is unknown). */
export async function grievanceStatusAsOf(db: Tx, id: string, at: Date): Promise<GrievanceStatus | null> {
  const rows = await db.$queryRaw<Array<{ status: GrievanceStatus }>>`SELECT CAST(${statusSql(at)} AS TEXT) AS "status"
    FROM "Grievance" g WHERE g."id" = ${id} AND ${existsSql(at)}`;
  return rows[0]?.status ?? null;
}

/** The overview's figures as of `at`: live grievances per replayed status, and unsettled ones per party and role. */
export async function overviewCountsAsOf(db: Tx, at: Date) {
  const live = Prisma.sql`g."deletedAt" IS NULL AND ${existsSql(at)}`;
  const [byStatus, byParty] = await Promise.all([
    db.$queryRaw<Array<{ status: GrievanceStatus; n: bigint | number }>>`SELECT a."status", COUNT(*) AS "n"
      FROM (SELECT CAST(${statusSql(at)} AS TEXT) AS "status" FROM "Grievance" g WHERE ${live}) a GROUP BY a."status"`,
    db.$queryRaw<Array<{ partyId: string; role: "RAISED_BY" | "ADDRESSED_TO"; n: bigint | number }>>`SELECT
        gp."partyId" AS "partyId", CAST(gp."role" AS TEXT) AS "role", COUNT(*) AS "n"
      FROM "GrievanceParty" gp JOIN "Grievance" g ON g."id" = gp."grievanceId"
      WHERE ${live} AND CAST(${statusSql(at)} AS TEXT) IN (${textIn(UNSETTLED_GRIEVANCE_STATUSES)})
      GROUP BY gp."partyId", gp."role"`,
  ]);
  return {
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })),
    byParty: byParty.map((r) => ({ partyId: r.partyId, role: r.role, count: Number(r.n) })),
  };
}

/**
 * Grievances whose stored status or "last moved" is not that of their latest move by date, with
 * what they should be. Only a database written before moves were placed by date can hold one: a
 * move logged late for an earlier round used to set the status (lib/server/upgrade.ts mends them).
 * The instants are compared once read: SQLite keeps them as text, which need not be spelled alike.
 */
export async function grievancesOutOfStep(
  db: Tx,
): Promise<Array<{ id: string; version: number; status: GrievanceStatus; lastMovedAt: Date }>> {
  type Row = { id: string; version: number | bigint; status: GrievanceStatus | null; stored: GrievanceStatus };
  const rows = await db.$queryRaw<Array<Row & { lastMovedAt: Date | string; storedLastMovedAt: Date | string }>>`
    SELECT g."id" AS "id", g."version" AS "version", CAST(g."status" AS TEXT) AS "stored",
      g."lastMovedAt" AS "storedLastMovedAt", CAST(${statusSql(null)} AS TEXT) AS "status",
      ${lastMovedSql(null)} AS "lastMovedAt"
    FROM "Grievance" g`;
  return rows.flatMap((r) => {
    const lastMovedAt = new Date(r.lastMovedAt);
    const inStep = r.status === r.stored && lastMovedAt.getTime() === new Date(r.storedLastMovedAt).getTime();
    return r.status === null || inStep ? [] : [{ id: r.id, version: Number(r.version), status: r.status, lastMovedAt }];
  });
}
