import "server-only";
import { UNSETTLED_GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import { PARTY_ROLE_OF_FILTER, type GrievanceFilters } from "@/lib/schemas/grievance";
import type { Tx } from "./db";

// The grievance tally (issue 10, docs/decisions/012-grievance-tally.md): GrievanceTally holds the
// number of live grievances per (party id or "" for every party, role or "" for any role,
// status), kept by database triggers in the same transaction as every write (the migration
// 20261201183610_grievance_tally, prisma/snapshots/*.sql). Reading a count from it is a seek of a
// few rows, at any size of the archive.

/** "" in a key: every party, or any role. */
const ANY = "";
type PartyRole = "RAISED_BY" | "ADDRESSED_TO";

/**
 * Which list filters the tally answers: party, role and status, and what only shapes a page. Any
 * other filter (or a deleted or past-day list) counts the rows; a filter added to the schema must
 * be placed here, or the compiler says so.
 */
const TALLIED: Record<keyof GrievanceFilters, boolean> = {
  party: true,
  role: true,
  status: true,
  sort: true,
  dir: true,
  cursor: true,
  limit: true,
  category: false,
  meeting: false,
  q: false,
  deleted: false,
  asOf: false,
};

function given(value: unknown): boolean {
  return value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);
}

/** The list's total from the tally, or null when its filters are ones only a count answers. */
export async function tallyTotal(db: Tx, filters: GrievanceFilters): Promise<number | null> {
  const keys = Object.keys(filters) as Array<keyof GrievanceFilters>;
  if (keys.some((key) => !TALLIED[key] && given(filters[key]))) return null;
  let partyId = ANY;
  let role: PartyRole | typeof ANY = ANY;
  if (filters.party) {
    // The list matches a party by its slug, deleted or not, as grievanceWhere does.
    const party = await db.party.findUnique({ where: { slug: filters.party }, select: { id: true } });
    if (!party) return 0;
    partyId = party.id;
    role = filters.role ? PARTY_ROLE_OF_FILTER[filters.role] : ANY;
  }
  const sum = await db.grievanceTally.aggregate({
    where: { partyId, role, ...(filters.status?.length ? { status: { in: filters.status } } : {}) },
    _sum: { n: true },
  });
  return sum._sum.n ?? 0;
}

/**
 * The overview's live counts from the tally: unsettled grievances per party and role, and every
 * live grievance per status (the shape of the replayed counts, lib/server/as-of.ts).
 */
export async function tallyCounts(db: Tx) {
  const [byParty, byStatus] = await Promise.all([
    db.grievanceTally.groupBy({
      by: ["partyId", "role"],
      // partyId > "": a range of the key, every party but "every party".
      where: { partyId: { gt: ANY }, role: { not: ANY }, status: { in: [...UNSETTLED_GRIEVANCE_STATUSES] } },
      _sum: { n: true },
    }),
    db.grievanceTally.findMany({ where: { partyId: ANY, role: ANY }, select: { status: true, n: true } }),
  ]);
  return {
    byParty: byParty.map((c) => ({
      partyId: c.partyId,
      role: c.role as PartyRole,
      count: c._sum.n ?? 0,
    })),
    byStatus: byStatus.map((c) => ({ status: c.status as GrievanceStatus, count: c.n })),
  };
}
