import { beforeAll, describe, expect, it } from "vitest";
import type { GrievanceStatus } from "@/lib/schemas/enums";
import type { GrievanceFilters } from "@/lib/schemas/grievance";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteGrievance } from "@/lib/server/grievances";
import { tallyCounts, tallyTotal } from "@/lib/server/tally";
import { makeGrievance, makeParty } from "../support/factories";

// Reading the grievance tally (lib/server/tally.ts): which filters it answers and with what
// total, and the overview's counts, over a small archive whose every count is known.
// (tests/integration/grievance-tally.test.ts checks that the triggers keep the tally true.)

let a: string, b: string, c: string, idle: string;
let partyIds: Record<string, string>;

beforeAll(async () => {
  const parties = await Promise.all([makeParty(), makeParty(), makeParty(), makeParty()]);
  [a, b, c, idle] = parties.map((p) => p.slug) as [string, string, string, string];
  partyIds = { a: parties[0]!.id, b: parties[1]!.id, c: parties[2]!.id };
  const db = await getDb();
  const make = async (raisedBy: string[], addressedTo: string[], status: GrievanceStatus) => {
    const g = await makeGrievance({ raisedBy, addressedTo });
    await db.grievance.update({ where: { id: g.id }, data: { status } });
    return g;
  };
  await make([a], [b], "OPEN");
  await make([a, c], [b], "RESOLVED");
  await make([b], [a], "STALLED");
  const gone = await make([c], [a], "OPEN");
  await deleteGrievance(SYSTEM, gone.id);
});

const total = async (filters: GrievanceFilters) => tallyTotal(await getDb(), filters);

describe("tallyTotal", () => {
  it("counts the live grievances by party, role and status", async () => {
    expect(await total({})).toBe(3);
    expect(await total({ status: ["OPEN"] })).toBe(1);
    expect(await total({ status: ["OPEN", "STALLED"] })).toBe(2);
    expect(await total({ status: [] })).toBe(3);
    expect(await total({ party: a })).toBe(3);
    expect(await total({ party: a, role: "raised" })).toBe(2);
    expect(await total({ party: a, role: "addressed" })).toBe(1);
    expect(await total({ party: a, role: "raised", status: ["RESOLVED"] })).toBe(1);
    expect(await total({ party: c })).toBe(1);
    // A role without a party is no filter of the list.
    expect(await total({ role: "addressed" })).toBe(3);
  });

  it("answers 0 for an unknown party and for one with no grievances", async () => {
    expect(await total({ party: "no-such-party" })).toBe(0);
    expect(await total({ party: idle })).toBe(0);
    expect(await total({ party: idle, role: "raised", status: ["OPEN"] })).toBe(0);
  });

  it("answers alongside what only shapes a page, and leaves every other filter to a count", async () => {
    const paging: GrievanceFilters = { sort: "created", dir: "asc", cursor: "abc", limit: 10 };
    expect(await total({ ...paging, party: a, status: ["OPEN"] })).toBe(1);
    const others: GrievanceFilters[] = [
      { category: ["OTHER"] },
      { meeting: "m1" },
      { q: "grievance" },
      { deleted: "1" },
      { asOf: "2024-06-01" },
    ];
    for (const filter of others) expect(await total({ party: a, ...filter }), JSON.stringify(filter)).toBeNull();
    // An empty one is not given.
    expect(await total({ q: "", category: [], meeting: undefined })).toBe(3);
  });
});

describe("tallyCounts", () => {
  it("gives the unsettled grievances per party and role, and the live ones per status", async () => {
    const { byParty, byStatus } = await tallyCounts(await getDb());
    const name = Object.fromEntries(Object.entries(partyIds).map(([k, id]) => [id, k]));
    const shown = byParty
      .filter((row) => row.count > 0)
      .map((row) => `${name[row.partyId] ?? row.partyId}:${row.role}:${row.count}`)
      .sort();
    // c raised only a resolved grievance and a deleted one.
    expect(shown).toEqual(["a:ADDRESSED_TO:1", "a:RAISED_BY:1", "b:ADDRESSED_TO:1", "b:RAISED_BY:1"]);
    expect(byParty.every((row) => row.partyId !== "" && row.role !== ("" as string))).toBe(true);
    const statuses = byStatus.filter((row) => row.count > 0).sort((x, y) => x.status.localeCompare(y.status));
    expect(statuses).toEqual([
      { status: "OPEN", count: 1 },
      { status: "RESOLVED", count: 1 },
      { status: "STALLED", count: 1 },
    ]);
  });
});
