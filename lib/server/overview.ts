import "server-only";
import { GRIEVANCE_STATUSES, UNSETTLED_GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import type { Overview } from "@/lib/schemas/overview";
import { authorize, type Actor } from "./authz";
import { getDb } from "./db";
import { listMeetings } from "./meetings";
import { partyRefSelect } from "./parties";
import { statusChangeSelect, toStatusChange } from "./versioned";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getOverview(actor: Actor | null, now: Date = new Date()): Promise<Overview> {
  authorize(actor, "read");
  const db = await getDb();
  const [parties, roleCounts, statusCounts, lastRound, latestMeetings, moves] = await Promise.all([
    db.party.findMany({ orderBy: { name: "asc" }, select: { id: true, ...partyRefSelect } }),
    db.grievanceParty.groupBy({
      by: ["partyId", "role"],
      where: { grievance: { status: { in: [...UNSETTLED_GRIEVANCE_STATUSES] }, deletedAt: null } },
      _count: { _all: true },
    }),
    db.grievance.groupBy({ by: ["status"], where: { deletedAt: null }, _count: { _all: true } }),
    db.meeting.findFirst({
      where: { status: "HELD", date: { not: null }, deletedAt: null },
      orderBy: { date: "desc" },
      select: { id: true, title: true, date: true },
    }),
    listMeetings(actor, { limit: 5 }),
    db.grievanceStatusChange.findMany({
      where: { grievance: { deletedAt: null } },
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
    roleCounts.find((c) => c.partyId === partyId && c.role === role)?._count._all ?? 0;
  const lastDate = lastRound?.date ?? null;
  return {
    unsettledByParty: parties
      .map(({ id, ...party }) => ({ party, raised: count(id, "RAISED_BY"), addressed: count(id, "ADDRESSED_TO") }))
      .filter((row) => row.raised + row.addressed > 0),
    byStatus: GRIEVANCE_STATUSES.map((status) => ({
      status,
      count: statusCounts.find((c) => c.status === status)?._count._all ?? 0,
    })),
    totalGrievances: statusCounts.reduce((sum, c) => sum + c._count._all, 0),
    lastRound:
      lastRound && lastDate ? { id: lastRound.id, title: lastRound.title, date: lastDate.toISOString() } : null,
    daysSinceLastRound: lastDate ? Math.floor((now.getTime() - lastDate.getTime()) / DAY_MS) : null,
    latestMeetings: latestMeetings.items,
    latestMoves: moves.map((m) => ({ ...toStatusChange(m), grievance: m.grievance, meeting: m.meeting })),
  };
}
