import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GRIEVANCE_STATUSES, UNSETTLED_GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import type { GrievanceDetail } from "@/lib/schemas/grievance";
import { SYSTEM } from "@/lib/server/authz";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";
import { disconnectDb, getDb } from "@/lib/server/db";
import {
  createGrievance,
  deleteGrievance,
  getGrievanceOrThrow,
  listGrievances,
  restoreGrievance,
  updateGrievance,
} from "@/lib/server/grievances";
import { applyGrievanceImport } from "@/lib/server/imports";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { getOverview } from "@/lib/server/overview";
import { mergeParty } from "@/lib/server/parties";
import { seedDatabase } from "@/lib/server/seed";
import { FACTORY_RAISED_AT, makeMeeting, makeParty } from "../support/factories";
import { fingerprint } from "../support/fingerprint";
import { createDatabaseAt, migrate, type RawDatabase } from "../support/test-database";

// The grievance tally (ADR 012): database triggers keep GrievanceTally equal to a count of the
// live grievances per (party or "", role or "", status), whatever write made the change. Here a
// random sequence of the app's real writes runs, and after each step the tally must equal a
// recount made in JavaScript from the rows themselves; a refused write must change nothing.

type Key = string;
const key = (partyId: string, role: string, status: string): Key => `${partyId}|${role}|${status}`;

/** The tally's non-zero cells (a cell may fall back to 0 and stay). */
async function tally(): Promise<Record<Key, number>> {
  const db = await getDb();
  const rows = await db.grievanceTally.findMany();
  expect(rows.filter((r) => r.n < 0)).toEqual([]);
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [key(r.partyId, r.role, r.status), r.n]));
}

/** The same cells, counted from the grievances and their party rows. */
async function recount(): Promise<Record<Key, number>> {
  const db = await getDb();
  const live = await db.grievance.findMany({
    where: { deletedAt: null },
    select: { status: true, parties: { select: { partyId: true, role: true } } },
  });
  const cells: Record<Key, number> = {};
  const add = (k: Key) => (cells[k] = (cells[k] ?? 0) + 1);
  for (const g of live) {
    add(key("", "", g.status));
    for (const p of g.parties) add(key(p.partyId, p.role, g.status));
    for (const partyId of new Set(g.parties.map((p) => p.partyId))) add(key(partyId, "", g.status));
  }
  return cells;
}

async function expectTallyTrue(step: string) {
  expect(await tally(), step).toEqual(await recount());
}

/** A small seeded generator, so a failing sequence replays the same. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], most: number): T[] => {
    const chosen = new Set<T>();
    const n = 1 + int(most);
    while (chosen.size < Math.min(n, items.length)) chosen.add(pick(items));
    return [...chosen];
  };
  return { int, pick, some, chance: (p: number) => next() < p };
}

const STEPS = 60;
const SEED = 20261201;

describe("the seed", () => {
  it("leaves the tally equal to a recount of what it wrote", async () => {
    const db = await getDb();
    expect(await db.grievance.count()).toBe(0);
    expect(await seedDatabase()).toMatchObject({ seeded: true });
    expect(await db.grievance.count()).toBeGreaterThan(0);
    await expectTallyTrue("after the seed");
  });
});

describe("the tally after each of the app's writes", () => {
  it(`equals a recount after every step of a random sequence (seed ${SEED}, ${STEPS} steps)`, async () => {
    const r = random(SEED);
    const parties: string[] = [];
    for (let i = 0; i < 5; i++) parties.push((await makeParty()).slug);
    const meeting = await makeMeeting({ date: "2025-05-01" });
    const ids: string[] = [];
    const succeeded: Record<string, number> = {};
    const refused: Record<string, number> = {};
    // SYSTEM sees deleted grievances too, as an admin does.
    const current = (id: string): Promise<GrievanceDetail> => getGrievanceOrThrow(SYSTEM, id);

    const steps: Record<string, () => Promise<unknown>> = {
      create: () =>
        createGrievance(SYSTEM, {
          title: `Tallied ${ids.length}`,
          category: "OTHER",
          raisedAt: FACTORY_RAISED_AT,
          // Often the same party on both sides: it counts once under "any role".
          raisedBy: r.some(parties, 2),
          addressedTo: r.some(parties, 2),
        }).then((g) => ids.push(g.id)),
      status: async () => {
        const g = await current(r.pick(ids));
        // Sometimes the status it has already: a refusal.
        return updateGrievance(SYSTEM, g.id, {
          version: g.version,
          status: r.pick(GRIEVANCE_STATUSES),
          reason: "Moved",
        });
      },
      parties: async () => {
        const g = await current(r.pick(ids));
        const edit = r.chance(0.5) ? { raisedBy: r.some(parties, 3) } : { addressedTo: r.some(parties, 3) };
        return updateGrievance(SYSTEM, g.id, { version: g.version, ...edit });
      },
      partiesAndStatus: async () => {
        const g = await current(r.pick(ids));
        return updateGrievance(SYSTEM, g.id, {
          version: g.version,
          raisedBy: r.some(parties, 2),
          addressedTo: r.some(parties, 2),
          status: r.pick(GRIEVANCE_STATUSES),
          reason: "Moved with new parties",
        });
      },
      delete: () => deleteGrievance(SYSTEM, r.pick(ids)),
      restore: () => restoreGrievance(SYSTEM, r.pick(ids)),
      merge: async () => {
        const [from, into] = [r.pick(parties), r.pick(parties)];
        await mergeParty(SYSTEM, from, { into });
        parties.splice(parties.indexOf(from), 1);
        parties.push((await makeParty()).slug);
      },
      import: () => {
        const rows = Array.from({ length: 1 + r.int(3) }, (_, i) =>
          [
            `Imported ${ids.length} ${i}`,
            "",
            "OTHER",
            r.chance(0.5) ? "" : r.pick(GRIEVANCE_STATUSES),
            r.some(parties, 2).join(";"),
            r.some(parties, 2).join(";"),
          ].join(","),
        );
        // Sometimes a row names no such party: the whole file is refused.
        if (r.chance(0.2)) rows.push(`Bad ${ids.length},,OTHER,,nowhere,${parties[0]}`);
        const file = ["title,description,category,status,raisedBy,addressedTo", ...rows].join("\n");
        return applyGrievanceImport(SYSTEM, file).then((result) => ids.push(...result.ids));
      },
      bulk: async () => {
        const chosen = await Promise.all(r.some(ids, 4).map(current));
        return changeGrievanceStatuses(SYSTEM, {
          ids: chosen.map((g) => g.id),
          status: r.pick(GRIEVANCE_STATUSES),
          reason: "Moved together",
          versions: Object.fromEntries(chosen.map((g) => [g.id, g.version])),
        });
      },
      outcome: async () => {
        const g = await current(r.pick(ids));
        return logMeetingOutcome(SYSTEM, meeting.id, {
          outcomes: [{ grievanceId: g.id, version: g.version, status: r.pick(GRIEVANCE_STATUSES), note: "Discussed" }],
          occurredAt: new Date().toISOString(),
        });
      },
    };
    const kinds = Object.keys(steps);

    for (let step = 0; step < STEPS; step++) {
      const kind = ids.length < 3 ? "create" : r.pick(kinds);
      const label = `step ${step}: ${kind}`;
      const before = await fingerprint();
      const failure = await steps[kind]!().then(
        () => null,
        (error: unknown) => error,
      );
      if (failure) {
        // A refusal (a status it has, a stale version, a deleted grievance, an unknown party)
        // is an AppError with its code, and no row of any table changed, the tally's included.
        expect((failure as { code?: string }).code, `${label}: ${String(failure)}`).toMatch(/^[A-Z_]+$/);
        expect(await fingerprint(), label).toEqual(before);
        refused[kind] = (refused[kind] ?? 0) + 1;
      } else {
        succeeded[kind] = (succeeded[kind] ?? 0) + 1;
      }
      await expectTallyTrue(label);
    }
    // The sequence reached every kind of write, and some were refused.
    expect(Object.keys(succeeded).sort()).toEqual([...kinds].sort());
    expect(Object.values(refused).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 240_000);
});

describe("what the tally answers", () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    [a, b] = [(await makeParty()).slug, (await makeParty()).slug];
    const make = (raisedBy: string[], addressedTo: string[]) =>
      createGrievance(SYSTEM, {
        title: "Answered",
        category: "VISAS",
        raisedAt: FACTORY_RAISED_AT,
        raisedBy,
        addressedTo,
      });
    const both = await make([a], [a, b]);
    const stalled = await make([b], [a]);
    await updateGrievance(SYSTEM, stalled.id, { version: stalled.version, status: "STALLED", reason: "No reply" });
    await make([a], [b]);
    const gone = await make([a], [b]);
    await deleteGrievance(SYSTEM, gone.id);
    expect(both.status).toBe("OPEN");
  });

  it("gives the list's total for party, role and status as the rows count it", async () => {
    const db = await getDb();
    for (const party of [a, b, undefined]) {
      for (const role of ["raised", "addressed", undefined] as const) {
        for (const status of [["OPEN"], ["OPEN", "STALLED"], ["RESOLVED"], undefined] as GrievanceStatus[][]) {
          const filters = { party, role, ...(status ? { status: status.join(",") } : {}) };
          const page = await listGrievances(SYSTEM, { ...filters, limit: 1 });
          const roleName = role === "raised" ? "RAISED_BY" : role === "addressed" ? "ADDRESSED_TO" : undefined;
          const counted = await db.grievance.count({
            where: {
              deletedAt: null,
              ...(status ? { status: { in: status } } : {}),
              ...(party
                ? { parties: { some: { party: { slug: party }, ...(roleName ? { role: roleName } : {}) } } }
                : {}),
            },
          });
          expect(page.total, JSON.stringify(filters)).toBe(counted);
        }
      }
    }
    // A party on both sides of a grievance counts once with no role.
    expect((await listGrievances(SYSTEM, { party: a, status: "OPEN" })).total).toBe(2);
    expect((await listGrievances(SYSTEM, { party: "nobody", status: "OPEN" })).total).toBe(0);
  });

  it("leaves the filters it cannot answer to a count of the rows", async () => {
    expect((await listGrievances(SYSTEM, { party: a, category: "PROPERTY" })).total).toBe(0);
    expect((await listGrievances(SYSTEM, { party: a, q: "answered" })).total).toBe(3);
    const db = await getDb();
    const deleted = await db.grievance.count({ where: { deletedAt: { not: null } } });
    expect(deleted).toBeGreaterThan(0);
    expect((await listGrievances(SYSTEM, { deleted: "1" })).total).toBe(deleted);
  });

  it("gives the overview's counts as the rows count them", async () => {
    const overview = await getOverview(SYSTEM);
    const db = await getDb();
    const live = await db.grievance.findMany({
      where: { deletedAt: null },
      select: { status: true, parties: { select: { role: true, party: { select: { slug: true } } } } },
    });
    expect(overview.totalGrievances).toBe(live.length);
    expect(overview.byStatus).toEqual(
      GRIEVANCE_STATUSES.map((status) => ({ status, count: live.filter((g) => g.status === status).length })),
    );
    const unsettled = live.filter((g) => UNSETTLED_GRIEVANCE_STATUSES.includes(g.status));
    const named = (slug: string, role: string) =>
      unsettled.filter((g) => g.parties.some((p) => p.party.slug === slug && p.role === role)).length;
    for (const slug of [a, b]) {
      expect(overview.unsettledByParty.find((row) => row.party.slug === slug)).toMatchObject({
        raised: named(slug, "RAISED_BY"),
        addressed: named(slug, "ADDRESSED_TO"),
      });
    }
  });
});

describe("writes outside the app's functions", () => {
  it("a hard delete of a grievance, its party rows cascading, leaves the tally true", async () => {
    const [a, b] = [(await makeParty()).slug, (await makeParty()).slug];
    const g = await createGrievance(SYSTEM, {
      title: "Hard-deleted",
      category: "OTHER",
      raisedAt: FACTORY_RAISED_AT,
      raisedBy: [a, b],
      addressedTo: [a],
    });
    const db = await getDb();
    await db.$transaction(async (tx) => {
      await tx.revision.deleteMany({ where: { entityId: g.id } });
      await tx.grievanceStatusChange.deleteMany({ where: { grievanceId: g.id } });
      await tx.grievance.delete({ where: { id: g.id } });
    });
    await expectTallyTrue("after the hard delete");
  });
});

describe("the migration fills the tally of an archive that has grievances", () => {
  let old: RawDatabase;
  let appDatabase: string | undefined;

  beforeAll(async () => {
    old = await createDatabaseAt(inject("testRunId"), "20261201160722_saved_views");
    const at = "2025-01-10T00:00:00.000Z";
    for (const [id, slug] of [
      ["p1", "russia"],
      ["p2", "usa"],
    ]) {
      await old.run(`INSERT INTO "Party" ("id", "slug", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`, [
        id,
        slug,
        slug,
        at,
        at,
      ]);
    }
    const grievances: Array<[string, string, string | null]> = [
      ["g1", "OPEN", null],
      ["g2", "OPEN", null],
      ["g3", "STALLED", null],
      ["g4", "OPEN", at],
    ];
    for (const [id, status, deletedAt] of grievances) {
      await old.run(
        `INSERT INTO "Grievance" ("id", "title", "category", "status", "lastMovedAt", "deletedAt", "createdAt", "updatedAt") VALUES (?, ?, 'OTHER', ?, ?, ?, ?, ?)`,
        [id, id, status, at, deletedAt, at, at],
      );
    }
    const named = [
      ["g1", "p1", "RAISED_BY"],
      ["g1", "p1", "ADDRESSED_TO"],
      ["g1", "p2", "ADDRESSED_TO"],
      ["g2", "p2", "RAISED_BY"],
      ["g3", "p1", "RAISED_BY"],
      ["g4", "p1", "RAISED_BY"],
    ];
    for (const row of named) {
      await old.run(`INSERT INTO "GrievanceParty" ("grievanceId", "partyId", "role") VALUES (?, ?, ?)`, row);
    }
    migrate(old.url);
    await disconnectDb();
    appDatabase = process.env.DATABASE_URL;
    process.env.DATABASE_URL = old.url;
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = appDatabase;
    await old?.drop();
  });

  it("counts the live grievances already there, a party on both sides once", async () => {
    expect(await tally()).toEqual({
      [key("", "", "OPEN")]: 2,
      [key("", "", "STALLED")]: 1,
      [key("p1", "RAISED_BY", "OPEN")]: 1,
      [key("p1", "ADDRESSED_TO", "OPEN")]: 1,
      [key("p1", "", "OPEN")]: 1,
      [key("p2", "ADDRESSED_TO", "OPEN")]: 1,
      [key("p2", "RAISED_BY", "OPEN")]: 1,
      [key("p2", "", "OPEN")]: 2,
      [key("p1", "RAISED_BY", "STALLED")]: 1,
      [key("p1", "", "STALLED")]: 1,
    });
    await expectTallyTrue("after the migration");
  });
});
