import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/server/db";
import { listRevisions } from "@/lib/server/revisions";
import { SYSTEM } from "@/lib/server/authz";
import { BACKFILL_NOTE, upgradeDatabase } from "@/lib/server/upgrade";
import { quoteSearchText, sourceSearchText, venueSearchText } from "@/lib/server/search-text";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { makeGrievance, makeMeeting, makeVenue } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";
import { createDatabaseAt, migrate, type RawDatabase } from "../support/test-database";

// A database made by the main before revisions (migrations up to 20261128074855), holding what
// that main wrote, upgrades in place: the new migration, then upgradeDatabase (as `npm start`
// runs them). Every row stays, every record gains its create revision, and a second run adds nothing.
//
// Each check runs in the first test, right after the upgrade that does what it checks (Stryker runs,
// for a mutant, only the tests that reach its line: the mending lines only the first run reaches),
// and again in a test of its own that upgrades first (a no-op after the first) to name the behaviour.

const ROUND = "2025-04-10T12:00:00.000Z";
const LATER = "2025-06-01T09:00:00.000Z";
const TYPED = "2026-11-29T10:00:00.000Z";
const RAISED = "2025-01-10T00:00:00.000Z";
const APRIL = "2025-04-10T00:00:00.000Z";
const JUNE = "2025-06-01T00:00:00.000Z";

let old: RawDatabase;
let appDatabase: string | undefined;

async function insertOldRows(db: RawDatabase): Promise<void> {
  const rows: Array<[string, unknown[]]> = [
    [
      `INSERT INTO "Party" ("id", "slug", "name", "kind", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      ["p1", "russia", "Russia", "STATE", TYPED],
    ],
    [
      `INSERT INTO "Party" ("id", "slug", "name", "kind", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      ["p2", "usa", "United States", "STATE", TYPED],
    ],
    [
      `INSERT INTO "Venue" ("id", "slug", "name", "city", "country", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ["v1", "consulate", "Consulate", "Istanbul", "Türkiye", TYPED],
    ],
    [
      `INSERT INTO "Meeting" ("id", "title", "date", "venueId", "status", "summary", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ["m1", "First round", ROUND, "v1", "HELD", "Talks", TYPED, TYPED],
    ],
    [
      `INSERT INTO "Meeting" ("id", "title", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
      ["m2", "Undated round", "HELD", LATER, LATER],
    ],
    [`INSERT INTO "MeetingParticipant" ("meetingId", "partyId", "role") VALUES (?, ?, ?)`, ["m1", "p1", "DELEGATION"]],
    [
      `INSERT INTO "Grievance" ("id", "title", "description", "category", "status", "lastMovedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ["g1", "Diplomatic property", "Six properties", "PROPERTY", "IN_NEGOTIATION", ROUND, TYPED, TYPED],
    ],
    [`INSERT INTO "GrievanceParty" ("grievanceId", "partyId", "role") VALUES (?, ?, ?)`, ["g1", "p1", "RAISED_BY"]],
    [`INSERT INTO "GrievanceParty" ("grievanceId", "partyId", "role") VALUES (?, ?, ?)`, ["g1", "p2", "ADDRESSED_TO"]],
    [
      `INSERT INTO "Source" ("id", "title", "url", "createdAt") VALUES (?, ?, ?, ?)`,
      ["s1", "Readout", "https://example.org/r", TYPED],
    ],
    [
      `INSERT INTO "Citation" ("id", "sourceId", "quote", "grievanceId", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      ["c1", "s1", "Six properties were discussed.", "g1", TYPED],
    ],
    [
      `INSERT INTO "GrievanceStatusChange" ("id", "grievanceId", "fromStatus", "toStatus", "reason", "meetingId", "sourceId", "occurredAt", "recordedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ["h1", "g1", "OPEN", "IN_NEGOTIATION", "Discussed", "m1", "s1", ROUND, TYPED],
    ],
    [
      `INSERT INTO "MeetingStatusChange" ("id", "meetingId", "toStatus", "reason", "occurredAt", "recordedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ["mh1", "m1", "HELD", "Logged", ROUND, TYPED],
    ],
    // g2: June's move typed first, April's typed after it; that main stored the last one typed.
    [
      `INSERT INTO "Grievance" ("id", "title", "category", "status", "lastMovedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ["g2", "Visas", "VISAS", "IN_NEGOTIATION", JUNE, TYPED, TYPED],
    ],
    ...[
      ["h2", null, "OPEN", RAISED, "2026-11-29T10:01:00.000Z"],
      ["h3", "OPEN", "STALLED", JUNE, "2026-11-29T10:02:00.000Z"],
      ["h4", "OPEN", "IN_NEGOTIATION", APRIL, "2026-11-29T10:03:00.000Z"],
    ].map((row): [string, unknown[]] => [
      `INSERT INTO "GrievanceStatusChange" ("id", "grievanceId", "fromStatus", "toStatus", "reason", "occurredAt", "recordedAt") VALUES (?, 'g2', ?, ?, 'Moved', ?, ?)`,
      row,
    ]),
    [
      `INSERT INTO "AgendaItem" ("id", "meetingId", "grievanceId", "note", "statusAfter", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ["a1", "m1", "g1", "Notes exchanged", "IN_NEGOTIATION", TYPED],
    ],
    [
      `INSERT INTO "AgendaItem" ("id", "meetingId", "grievanceId", "note", "createdAt") VALUES (?, ?, ?, ?, ?)`,
      ["a2", "m2", "g1", "Raised again", LATER],
    ],
  ];
  for (const [sql, params] of rows) await db.run(sql, params);
}

const RECORDS = {
  party: ["p1", "p2"],
  venue: ["v1"],
  meeting: ["m1", "m2"],
  grievance: ["g1", "g2"],
  source: ["s1"],
  citation: ["c1"],
  agendaItem: ["a1", "a2"],
} as const;

beforeAll(async () => {
  old = await createDatabaseAt(inject("testRunId"), "20261128074855_teams_and_soft_delete");
  await insertOldRows(old);
  migrate(old.url);
  // The app's client opens lazily: pointed at the old database, it is the upgraded app.
  await disconnectDb();
  appDatabase = process.env.DATABASE_URL;
  process.env.DATABASE_URL = old.url;
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = appDatabase;
  await old?.drop();
});

/** Runs `work` with the app pointed at the database `url`, then points it back at the old one. */
async function on<T>(url: string, work: () => Promise<T>): Promise<T> {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  try {
    return await work();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = old.url;
  }
}

/** The stored status that disagreed with its timeline is set to its latest move's by date; the others are left. */
async function expectAlignedStatuses(): Promise<void> {
  const db = await getDb();
  const rows = await db.grievance.findMany({
    orderBy: { id: "asc" },
    select: { id: true, status: true, version: true, lastMovedAt: true },
  });
  expect(rows.map((r) => [r.id, r.status, r.version, r.lastMovedAt.toISOString()])).toEqual([
    ["g1", "IN_NEGOTIATION", 1, ROUND],
    // A version bump: a form opened on the old status cannot save over the aligned one.
    ["g2", "STALLED", 2, JUNE],
  ]);
}

/** Old agenda notes are dated at their meeting (or when typed, undated) and recorded when typed. */
async function expectRedatedNotes(): Promise<void> {
  const db = await getDb();
  const notes = await db.agendaItem.findMany({
    orderBy: { id: "asc" },
    select: { occurredAt: true, recordedAt: true },
  });
  expect(notes.map((n) => [n.occurredAt.toISOString(), n.recordedAt.toISOString()])).toEqual([
    [ROUND, TYPED],
    [LATER, LATER],
  ]);
}

type UpdatedAt = Array<{ updatedAt: Date }>;

/** When the old venue, source and quote were last edited. */
async function searchedUpdatedAt(): Promise<UpdatedAt> {
  const db = await getDb();
  return Promise.all([
    db.venue.findUniqueOrThrow({ where: { id: "v1" }, select: { updatedAt: true } }),
    db.source.findUniqueOrThrow({ where: { id: "s1" }, select: { updatedAt: true } }),
    db.citation.findUniqueOrThrow({ where: { id: "c1" }, select: { updatedAt: true } }),
  ]);
}

/** The old venue, source and quote have their search text, and their updatedAt is as it was. */
async function expectSearchTextFilled(before: UpdatedAt): Promise<void> {
  const db = await getDb();
  const venue = await db.venue.findUniqueOrThrow({ where: { id: "v1" } });
  expect(venue.searchText).toBe(venueSearchText(venue));
  expect(venue.searchText).toContain("turkiye");
  const source = await db.source.findUniqueOrThrow({ where: { id: "s1" } });
  expect(source.searchText).toBe(sourceSearchText(source));
  expect(source.searchText).toContain("readout");
  const citation = await db.citation.findUniqueOrThrow({ where: { id: "c1" } });
  expect(citation.searchText).toBe(quoteSearchText(citation.quote));
  expect(citation.searchText).toContain("six properties were discussed");
  expect(await searchedUpdatedAt()).toEqual(before);
}

describe("upgrading a database made before revisions", () => {
  it("keeps every row and gives every record one create revision, marked as backfilled", async () => {
    const before = await searchedUpdatedAt();
    expect(await upgradeDatabase()).toBe(11);
    // What only the first run does: checked here too, as Stryker runs only the tests that reach a line.
    await expectAlignedStatuses();
    await expectRedatedNotes();
    await expectSearchTextFilled(before);
    const db = await getDb();
    expect(await db.party.count()).toBe(2);
    expect(await db.meetingParticipant.count()).toBe(1);
    expect(await db.grievanceParty.count()).toBe(2);
    expect(await db.grievanceStatusChange.count()).toBe(4);
    expect(await db.meetingStatusChange.count()).toBe(1);
    for (const [entity, ids] of Object.entries(RECORDS)) {
      for (const id of ids) {
        const revisions = await db.revision.findMany({ where: { entity, entityId: id } });
        expect(revisions, `${entity} ${id}`).toHaveLength(1);
        expect(revisions[0]).toMatchObject({ action: "CREATE", seed: true, note: BACKFILL_NOTE, actorId: null });
      }
    }
    // The words a record's history shows for the backfilled revision.
    expect(BACKFILL_NOTE).toBe("Backfilled on upgrade");
    // A record's revisions include those of its agenda notes and quotes; its own come first here.
    const own = async (kind: "grievance" | "meeting", id: string) =>
      (await listRevisions(SYSTEM, kind, id)).filter((r) => r.entity === kind);
    const [grievance] = await own("grievance", "g1");
    expect(grievance!.at).toBe(TYPED);
    expect(grievance!.changes).toEqual([
      { field: "title", before: null, after: "Diplomatic property" },
      { field: "description", before: null, after: "Six properties" },
      { field: "category", before: null, after: "PROPERTY" },
      { field: "raisedBy", before: null, after: ["russia"] },
      { field: "addressedTo", before: null, after: ["usa"] },
    ]);
    const [meeting] = await own("meeting", "m1");
    expect(meeting!.changes).toContainEqual({ field: "venue", before: null, after: "consulate" });
    expect(meeting!.changes).toContainEqual({ field: "participants", before: null, after: ["russia (DELEGATION)"] });
  });

  it("sets a stored status that disagreed with the timeline to its latest move's by date, and leaves the others", async () => {
    await upgradeDatabase();
    await expectAlignedStatuses();
  });

  it("dates the old agenda notes at their meeting (or when typed, undated) and records them when typed", async () => {
    await upgradeDatabase();
    await expectRedatedNotes();
  });

  it("fills the search text of the venues, sources and quotes made before the column existed, keeping updatedAt", async () => {
    const before = await searchedUpdatedAt();
    await upgradeDatabase();
    await expectSearchTextFilled(before);
  });

  it("adds nothing when run again", async () => {
    await upgradeDatabase();
    const db = await getDb();
    const before = await db.revision.count();
    const dates = await db.agendaItem.findMany({ orderBy: { id: "asc" } });
    const grievances = await db.grievance.findMany({ orderBy: { id: "asc" } });
    expect(await upgradeDatabase()).toBe(0);
    expect(await db.revision.count()).toBe(before);
    expect(await db.agendaItem.findMany({ orderBy: { id: "asc" } })).toEqual(dates);
    expect(await db.grievance.findMany({ orderBy: { id: "asc" } })).toEqual(grievances);
  });
});

describe("upgrading a database with nothing old", () => {
  it("writes nothing and changes no row of a database the current app made", async () => {
    await on(appDatabase!, async () => {
      const venue = await makeVenue();
      const meeting = await makeMeeting({ venue: venue.slug });
      const grievance = await makeGrievance({
        meetingId: meeting.id,
        citations: [{ quote: "A quote", source: "A source" }],
      });
      await logMeetingOutcome(SYSTEM, meeting.id, {
        outcomes: [{ grievanceId: grievance.id, note: "Discussed", status: "STALLED" }],
      });
      expect(await expectNothingChanged(() => upgradeDatabase(), "the upgrade")).toBe(0);
    });
  });

  it("keys what is done by kind and id: a venue with a party's id still gains its own revision", async () => {
    const other = await createDatabaseAt(inject("testRunId"), "20261128074855_teams_and_soft_delete");
    try {
      await other.run(`INSERT INTO "Party" ("id", "slug", "name", "kind", "createdAt") VALUES (?, ?, ?, ?, ?)`, [
        "x1",
        "russia",
        "Russia",
        "STATE",
        TYPED,
      ]);
      await other.run(
        `INSERT INTO "Venue" ("id", "slug", "name", "city", "country", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
        ["x1", "consulate", "Consulate", "Istanbul", "Türkiye", TYPED],
      );
      migrate(other.url);
      await on(other.url, async () => {
        expect(await upgradeDatabase()).toBe(2);
        const db = await getDb();
        const revisions = await db.revision.findMany({
          orderBy: { entity: "asc" },
          select: { entity: true, entityId: true },
        });
        expect(revisions).toEqual([
          { entity: "party", entityId: "x1" },
          { entity: "venue", entityId: "x1" },
        ]);
      });
    } finally {
      await other.drop();
    }
  }, 120_000);
});
