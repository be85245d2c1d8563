import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { deleteGrievance, updateGrievance } from "@/lib/server/grievances";
import { getOverview } from "@/lib/server/overview";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";

// The home page's figures (lib/server/overview.ts) where tests/api/overview.test.ts's fixed
// record cannot show them: an empty record, parties created out of name order, a deleted
// grievance, an undated round, moves logged out of the order they happened.

describe("the overview", () => {
  it("of an empty record says nothing has been raised yet", async () => {
    const empty = await getOverview(SYSTEM);
    expect(empty).toMatchObject({
      asOf: null,
      explanation: "No grievance has been raised yet.",
      totalGrievances: 0,
      lastRound: null,
      daysSinceLastRound: null,
      latestMoves: [],
    });
  });

  it("lists parties by name, leaves a deleted grievance's moves out, and orders moves by when they happened", async () => {
    const zeta = await makeParty({ name: "Zeta Republic" });
    const alpha = await makeParty({ name: "Alpha Union" });
    const kept = await makeGrievance({ raisedBy: [zeta.slug], addressedTo: [alpha.slug], raisedAt: "2025-01-01" });
    // Logged late: the March move is typed after the June one, the two May moves in their order.
    await updateGrievance(SYSTEM, kept.id, { version: 1, status: "STALLED", reason: "june", occurredAt: "2025-06-01" });
    await updateGrievance(SYSTEM, kept.id, {
      version: 2,
      status: "IN_NEGOTIATION",
      reason: "march",
      occurredAt: "2025-03-01",
    });
    const other = await makeGrievance({ raisedAt: "2025-02-01" });
    await updateGrievance(SYSTEM, other.id, {
      version: 1,
      status: "IN_NEGOTIATION",
      reason: "may 1",
      occurredAt: "2025-05-01",
    });
    await updateGrievance(SYSTEM, other.id, {
      version: 2,
      status: "STALLED",
      reason: "may 2",
      occurredAt: "2025-05-01",
    });
    const gone = await makeGrievance({ raisedAt: "2025-07-01" });
    await deleteGrievance(SYSTEM, gone.id);
    // A held meeting with no date is no "last round".
    const dated = await makeMeeting({ date: "2025-04-01" });
    await makeMeeting({ date: null });

    const now = new Date("2025-04-11T00:00:00Z");
    const overview = await getOverview(SYSTEM, now);
    const names = overview.unsettledByParty.map((row) => row.party.name);
    expect(names.indexOf("Alpha Union")).toBeLessThan(names.indexOf("Zeta Republic"));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(overview.latestMoves.map((m) => m.reason)).toEqual(["june", "may 2", "may 1", "march", "Raised", "Raised"]);
    expect(overview.latestMoves.some((m) => m.grievance.id === gone.id)).toBe(false);
    expect(overview.lastRound).toMatchObject({ id: dated.id, date: "2025-04-01T00:00:00.000Z" });
    expect(overview.daysSinceLastRound).toBe(10);
  });
});
