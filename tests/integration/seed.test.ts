import fs from "node:fs";
import { SYSTEM } from "@/lib/server/authz";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { listGrievances } from "@/lib/server/grievances";
import { getOverview } from "@/lib/server/overview";
import { seedDatabase } from "@/lib/server/seed";
import { EDITORIAL, GRIEVANCES, MEETINGS } from "@/lib/seed/istanbul";

const editorial = fs.readFileSync(path.resolve("lib/seed/istanbul-talks-editorial.txt"), "utf8");

// Each check runs in the first test, right after the seed that writes what it checks (Stryker runs,
// for a mutant, only the tests that reach its line: the seeding lines only the first seed reaches),
// and again in a test of its own that seeds first (a no-op after the first) to name the behaviour.

const NOON = { round1: "2025-02-27T12:00:00.000Z", round2: "2025-04-10T12:00:00.000Z" } as const;
const grievance = (key: string) => GRIEVANCES.find((g) => g.key === key)!;

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

/** Cites the editorial verbatim on every grievance and meeting. */
async function expectVerbatimQuotes(): Promise<void> {
  const db = await getDb();
  const grievances = await db.grievance.findMany({ select: { title: true, citations: { select: { quote: true } } } });
  const meetings = await db.meeting.findMany({ select: { title: true, citations: { select: { quote: true } } } });
  for (const record of [...grievances, ...meetings]) {
    expect(record.citations.length, record.title).toBeGreaterThan(0);
    for (const c of record.citations) expect(editorial).toContain(c.quote);
  }
}

/** Keeps the note on the editorial as a source: what it lacks, and which round it is taken to mean. */
async function expectEditorialNote(): Promise<void> {
  const db = await getDb();
  const sources = await db.source.findMany({ where: { note: { not: null } }, select: { note: true } });
  expect(sources.map((s) => s.note)).toEqual([
    "The editorial the seed is built from. It names no publisher, author or date; it speaks of “the recent meeting”, taken to be the second round.",
  ]);
}

/** Records the second round's moves at the second round, with their sources. */
async function expectSecondRoundStatuses(): Promise<void> {
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
}

/** Marks every row it wrote as the seed's: revisions flagged, no actor. */
async function expectSeedMarks(): Promise<void> {
  const db = await getDb();
  const revisions = await db.revision.findMany({ select: { seed: true, actorId: true } });
  expect(revisions.length).toBeGreaterThan(0);
  expect(revisions.filter((r) => !r.seed || r.actorId !== null)).toEqual([]);
}

/** Logs each round as the editorial's data has it: held at noon on its day, with its venue, delegations and quote. */
async function expectRounds(): Promise<void> {
  const db = await getDb();
  for (const meeting of MEETINGS) {
    const row = await db.meeting.findFirstOrThrow({
      where: { title: meeting.title },
      select: {
        date: true,
        status: true,
        summary: true,
        venue: { select: { slug: true } },
        participants: { select: { role: true, headOfDelegation: true, party: { select: { slug: true } } } },
        citations: { select: { quote: true, source: { select: { title: true } } } },
        history: { select: { toStatus: true, reason: true, occurredAt: true } },
      },
    });
    expect(row.date?.toISOString(), meeting.key).toBe(`${meeting.date}T00:00:00.000Z`);
    expect(row.status).toBe("HELD");
    expect(row.summary).toBe(meeting.summary);
    expect(row.venue?.slug).toBe(meeting.venue);
    const participants = row.participants.map((p) => ({
      party: p.party.slug,
      role: p.role,
      ...(p.headOfDelegation ? { headOfDelegation: p.headOfDelegation } : {}),
    }));
    expect(participants.sort((a, b) => a.party.localeCompare(b.party))).toEqual(
      [...meeting.participants].sort((a, b) => a.party.localeCompare(b.party)),
    );
    expect(row.citations).toEqual([{ quote: meeting.quote, source: { title: EDITORIAL.title } }]);
    expect(row.history.map((h) => [h.toStatus, h.reason, h.occurredAt.toISOString()])).toEqual([
      ["HELD", "Held (date: TASS; Moscow Times; Kyiv Post; Hürriyet; Reuters; TRT/Anadolu; Xinhua)", NOON[meeting.key]],
    ]);
  }
}

/** Raises each grievance at its round, citing its source, with the editorial's words as its quote. */
async function expectRaisedGrievances(): Promise<void> {
  const db = await getDb();
  const rounds = new Map(
    (await db.meeting.findMany({ select: { id: true, title: true } })).map((m) => [m.id, m.title]),
  );
  for (const seeded of GRIEVANCES) {
    const row = await db.grievance.findFirstOrThrow({
      where: { title: seeded.title },
      select: {
        description: true,
        category: true,
        parties: { select: { role: true, party: { select: { slug: true } } } },
        citations: { select: { quote: true, source: { select: { title: true } } } },
        history: {
          orderBy: { occurredAt: "asc" },
          take: 1,
          select: {
            fromStatus: true,
            toStatus: true,
            reason: true,
            meetingId: true,
            occurredAt: true,
            source: { select: { title: true } },
          },
        },
      },
    });
    expect(row.description, seeded.key).toBe(seeded.description);
    expect(row.category).toBe(seeded.category);
    const slugs = (role: string) =>
      row.parties
        .filter((p) => p.role === role)
        .map((p) => p.party.slug)
        .sort();
    expect(slugs("RAISED_BY")).toEqual([...seeded.raisedBy].sort());
    expect(slugs("ADDRESSED_TO")).toEqual([...seeded.addressedTo].sort());
    expect(row.citations).toEqual([{ quote: seeded.quote, source: { title: EDITORIAL.title } }]);
    const [raised] = row.history;
    const round = MEETINGS.find((m) => m.key === seeded.raised.at)!;
    expect({
      ...raised,
      meetingId: rounds.get(raised!.meetingId!),
      occurredAt: raised!.occurredAt.toISOString(),
    }).toEqual({
      fromStatus: null,
      toStatus: "OPEN",
      reason: seeded.raised.reason,
      meetingId: round.title,
      occurredAt: NOON[round.key],
      source: { title: seeded.raised.source },
    });
  }
}

/** Puts every grievance on the agenda of each round that raised or discussed it, and moves it only where a step says. */
async function expectAgendaAndMoves(): Promise<void> {
  const db = await getDb();
  const notes = await db.agendaItem.findMany({
    select: {
      note: true,
      statusAfter: true,
      occurredAt: true,
      meeting: { select: { title: true } },
      grievance: { select: { title: true } },
    },
  });
  const raised = (key: string) => grievance(key).raised.reason;
  const step = (key: string) => grievance(key).steps.round2!.note;
  const expected = [
    ["round1", "property", raised("property"), null],
    ["round1", "flights", raised("flights"), null],
    ["round1", "banking", raised("banking"), null],
    ["round1", "staffing", raised("staffing"), null],
    ["round2", "local-staff", raised("local-staff"), null],
    ["round2", "property", step("property"), "IN_NEGOTIATION"],
    ["round2", "flights", step("flights"), null],
    ["round2", "visas", step("visas"), "IN_NEGOTIATION"],
    ["round2", "banking", step("banking"), "PARTIALLY_RESOLVED"],
  ].map(([round, key, note, statusAfter]) => {
    const meeting = MEETINGS.find((m) => m.key === round)!;
    return [meeting.title, grievance(key!).title, note, statusAfter, NOON[meeting.key]];
  });
  const actual = notes.map((n) => [
    n.meeting.title,
    n.grievance.title,
    n.note,
    n.statusAfter,
    n.occurredAt.toISOString(),
  ]);
  const order = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  expect(order(actual)).toEqual(order(expected));

  // Each move cites the readout its step names, at the round.
  const moves = await db.grievanceStatusChange.findMany({
    where: { fromStatus: { not: null } },
    select: {
      toStatus: true,
      reason: true,
      occurredAt: true,
      source: { select: { title: true } },
      grievance: { select: { title: true } },
    },
  });
  const move = (key: string) => {
    const s = grievance(key).steps.round2!;
    return [grievance(key).title, s.status, s.note, NOON.round2, s.source];
  };
  expect(
    order(
      moves.map((m) => [m.grievance.title, m.toStatus, m.reason, m.occurredAt.toISOString(), m.source?.title ?? null]),
    ),
  ).toEqual(order([move("property"), move("visas"), move("banking")]));
}

describe("seeding", () => {
  it("fills an empty database from the editorial, and a second run changes nothing", async () => {
    expect(await seedDatabase()).toEqual({ seeded: true, reason: "the database was empty" });
    const first = await snapshot();
    expect(first.slice(0, 4)).toEqual([3, 2, 2, 6]);
    // What only the first run writes: checked here too, as Stryker runs only the tests that reach a line.
    await expectVerbatimQuotes();
    await expectEditorialNote();
    await expectSecondRoundStatuses();
    await expectSeedMarks();
    await expectRounds();
    await expectRaisedGrievances();
    await expectAgendaAndMoves();
    expect(await seedDatabase()).toMatchObject({ seeded: false });
    expect(await snapshot()).toEqual(first);
  });

  it("cites the editorial verbatim on every grievance and meeting", async () => {
    await seedDatabase();
    await expectVerbatimQuotes();
  });

  it("keeps the note on the editorial as a source: what it lacks, and which round it is taken to mean", async () => {
    await seedDatabase();
    await expectEditorialNote();
  });

  it("records the second round's moves at the second round, with their sources", async () => {
    await seedDatabase();
    await expectSecondRoundStatuses();
  });

  it("marks every row it wrote as the seed's: revisions flagged, no actor", async () => {
    await seedDatabase();
    await expectSeedMarks();
  });

  it("logs each round as the editorial's data has it: held at noon on its day, with its venue, delegations and quote", async () => {
    await seedDatabase();
    await expectRounds();
  });

  it("raises each grievance at its round, citing its source, with the editorial's words as its quote", async () => {
    await seedDatabase();
    await expectRaisedGrievances();
  });

  it("puts every grievance on the agenda of each round that raised or discussed it, and moves it only where a step says", async () => {
    await seedDatabase();
    await expectAgendaAndMoves();
  });
});
