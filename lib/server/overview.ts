import "server-only";
import { parseOrThrow } from "@/lib/errors";
import { AsOfQuerySchema, asOfInstant, pastAsOf } from "@/lib/schemas/as-of";
import { GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import type { Overview } from "@/lib/schemas/overview";
import { datedBy, overviewCountsAsOf } from "./as-of";
import { authorize, type Actor } from "./authz";
import { getDb } from "./db";
import { listMeetings } from "./meetings";
import { partyRefSelect } from "./parties";
import { tallyCounts } from "./tally";
import { statusChangeSelect, toStatusChange } from "./versioned";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an overview with no grievance to count says: the record is empty, or starts after `asOf`. */
function emptyExplanation(asOf: string | undefined): string {
  return asOf
    ? `Nothing had been raised by ${asOf}: the record starts later. Pick a later day, or leave out asOf for today.`
    : "No grievance has been raised yet.";
}

/**
 * The home page's figures (and GET /api/v1/overview's); with `query.asOf` a past day, as of its end: counts from the replayed
 * statuses, the last round and the days since it counted from that day, moves and meetings up to it.
 */
export async function getOverview(actor: Actor | null, now: Date = new Date(), query: unknown = {}): Promise<Overview> {
  authorize(actor, "read");
  const asOf = pastAsOf(parseOrThrow(AsOfQuerySchema, query).asOf, now);
  const at = asOfInstant(asOf, now);
  const db = await getDb();
  const [parties, counts, lastRound, latestMeetings, moves] = await Promise.all([
    db.party.findMany({ orderBy: { name: "asc" }, select: { id: true, ...partyRefSelect } }),
    at ? overviewCountsAsOf(db, at) : tallyCounts(db),
    db.meeting.findFirst({
      where: { status: "HELD", date: at ? { not: null, lte: at } : { not: null }, deletedAt: null },
      orderBy: { date: "desc" },
      select: { id: true, title: true, date: true },
    }),
    listMeetings(actor, { limit: 5, ...(asOf ? { to: asOf } : {}) }),
    db.grievanceStatusChange.findMany({
      where: { grievance: { deletedAt: null }, ...(at ? datedBy(at) : {}) },
      orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
      take: 8,
      select: {
        ...statusChangeSelect,
        grievance: { select: { id: true, title: true } },
        meeting: { select: { id: true, title: true } },
      },
    }),
  ]);
  const count = (partyId: string, role: "RAISED_BY" | "ADDRESSED_TO") =>
    counts.byParty.find((c) => c.partyId === partyId && c.role === role)?.count ?? 0;
  const lastDate = lastRound?.date ?? null;
  const from = at ?? now;
  const totalGrievances = counts.byStatus.reduce((sum, c) => sum + c.count, 0);
  return {
    asOf: asOf ?? null,
    explanation: totalGrievances > 0 ? null : emptyExplanation(asOf),
    unsettledByParty: parties
      .map(({ id, ...party }) => ({ party, raised: count(id, "RAISED_BY"), addressed: count(id, "ADDRESSED_TO") }))
      .filter((row) => row.raised + row.addressed > 0),
    byStatus: GRIEVANCE_STATUSES.map((status) => ({
      status,
      count: counts.byStatus.find((c) => c.status === status)?.count ?? 0,
    })),
    totalGrievances,
    lastRound:
      lastRound && lastDate ? { id: lastRound.id, title: lastRound.title, date: lastDate.toISOString() } : null,
    daysSinceLastRound: lastDate ? Math.floor((from.getTime() - lastDate.getTime()) / DAY_MS) : null,
    latestMeetings: latestMeetings.items,
    latestMoves: moves.map((m) => ({ ...toStatusChange(m), grievance: m.grievance, meeting: m.meeting })),
  };
}
