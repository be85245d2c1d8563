import fs from "node:fs";
import { SYSTEM } from "@/lib/server/authz";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { listGrievances } from "@/lib/server/grievances";
import { getOverview } from "@/lib/server/overview";
import { seedDatabase } from "@/lib/server/seed";

const editorial = fs.readFileSync(path.resolve("lib/seed/istanbul-talks-editorial.txt"), "utf8");

async function snapshot() {
  const db = await getDb();
  return Promise.all([
    db.party.count(),
    db.venue.count(),
    db.meeting.count(),
    db.grievance.count(),
    db.grievanceStatusChange.count(),
    db.agendaItem.count(),
    db.citation.count(),
    db.source.count(),
  ]);
}

describe("seeding", () => {
  it("fills an empty database from the editorial, and a second run changes nothing", async () => {
    expect(await seedDatabase()).toEqual({ seeded: true, reason: "the database was empty" });
    const first = await snapshot();
    expect(first.slice(0, 4)).toEqual([3, 2, 2, 6]);
    expect(await seedDatabase()).toMatchObject({ seeded: false });
    expect(await snapshot()).toEqual(first);
  });

  it("cites the editorial verbatim on every grievance and meeting", async () => {
    const db = await getDb();
    const grievances = await db.grievance.findMany({ select: { title: true, citations: { select: { quote: true } } } });
    const meetings = await db.meeting.findMany({ select: { title: true, citations: { select: { quote: true } } } });
    for (const record of [...grievances, ...meetings]) {
      expect(record.citations.length, record.title).toBeGreaterThan(0);
      for (const c of record.citations) expect(editorial).toContain(c.quote);
    }
  });

  it("keeps the note on the editorial as a source: what it lacks, and which round it is taken to mean", async () => {
    const db = await getDb();
    const sources = await db.source.findMany({ where: { note: { not: null } }, select: { note: true } });
    expect(sources.map((s) => s.note)).toEqual([
      "The editorial the seed is built from. It names no publisher, author or date; it speaks of “the recent meeting”, taken to be the second round.",
    ]);
  });

  it("records the second round's moves at the second round, with their sources", async () => {
    const { items } = await listGrievances(SYSTEM, { party: "russia", role: "raised" });
    expect(items.map((g) => [g.title, g.status]).sort()).toEqual(
      [
        ["Banking hurdles under sanctions", "PARTIALLY_RESOLVED"],
        ["Restoration of direct flights", "OPEN"],
        ["Return of frozen diplomatic properties", "IN_NEGOTIATION"],
        ["Slow or blocked visas for diplomats", "IN_NEGOTIATION"],
        ["Limited embassy staff", "OPEN"],
      ].sort(),
    );
    const overview = await getOverview(SYSTEM, new Date("2025-04-20T12:00:00Z"));
    expect(overview.lastRound?.title).toBe("Istanbul talks, 2nd round");
    expect(overview.daysSinceLastRound).toBe(10);
    expect(overview.unsettledByParty.find((row) => row.party.slug === "turkiye")).toBeUndefined();
  });
});
