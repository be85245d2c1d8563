import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_STATUSES,
  UNSETTLED_GRIEVANCE_STATUSES,
  type GrievanceCategory,
  type GrievanceStatus,
} from "@/lib/schemas/enums";
import { grievancesOutOfStep, grievanceStatusAsOf } from "@/lib/server/as-of";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  createGrievance,
  deleteGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  listGrievances,
  updateGrievance,
} from "@/lib/server/grievances";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { getOverview } from "@/lib/server/overview";
import { makeMeeting, makeParty } from "../support/factories";

// "As of T" against an oracle: random grievances, raised on random days, moved (by a PATCH or a
// meeting's outcome) and edited at random dated instants, logged in any order as an analyst
// catches up, then replayed as of random days. The oracle keeps each grievance's dated moves in
// the timelines' order (when it happened, then when it was typed) and predicts which moves the
// rules refuse (ADR 011): one dated before the raising, one to the status in force at its date,
// one that would leave the next later move moving nothing. The stored status must always be the
// status of the latest move by date, which is what the replay says now.

const DAY_MS = 24 * 60 * 60 * 1000;
const BASE = Date.parse("2025-01-01T00:00:00.000Z");

type Move = { at: number; to: GrievanceStatus; from: GrievanceStatus | null };
/** What the oracle knows of a grievance: its dated moves (the first is its raising, to OPEN). */
type Known = { id: string; moves: Move[] };

const dayString = (day: number) => new Date(BASE + day * DAY_MS).toISOString().slice(0, 10);
const endOfDay = (day: number) => BASE + (day + 1) * DAY_MS - 1;

/** The moves in the timelines' order: by date, ties in the order they were typed (sort is stable). */
const timeline = (known: Known) => [...known.moves].sort((a, b) => a.at - b.at);

function oracleStatus(known: Known, end: number): GrievanceStatus | null {
  if (known.moves[0]!.at > end) return null;
  return timeline(known)
    .filter((m) => m.at <= end)
    .at(-1)!.to;
}

/** Which field the server must name when it refuses a move to `to` dated `at`, or null if it takes it. */
function oracleRefusal(known: Known, at: number, to: GrievanceStatus): "occurredAt" | "status" | null {
  if (at < known.moves[0]!.at) return "occurredAt";
  if (oracleStatus(known, at) === to) return "status";
  const next = timeline(known).find((m) => m.at > at);
  return next?.to === to ? "occurredAt" : null;
}

const event = fc.record({
  grievance: fc.nat(),
  /** Days after the grievance's raising (a few before it, which are refused). */
  day: fc.integer({ min: -3, max: 40 }),
  kind: fc.constantFrom("move", "move", "outcome", "edit"),
  pick: fc.nat(),
});

const scenario = fc.record({
  raisedOn: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }),
  events: fc.array(event, { maxLength: 8 }),
  days: fc.array(fc.integer({ min: -5, max: 90 }), { minLength: 1, maxLength: 3 }),
});

let raiser: string;
let addressee: string;
/** One held meeting per day an outcome is logged at, shared by the runs. */
const rounds = new Map<number, string>();
async function roundOn(day: number): Promise<string> {
  if (!rounds.has(day)) rounds.set(day, (await makeMeeting({ date: dayString(day), status: "HELD" })).id);
  return rounds.get(day)!;
}

async function storedRow(id: string) {
  const db = await getDb();
  const row = await db.grievance.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
  return { ...row, history: await db.grievanceStatusChange.count({ where: { grievanceId: id } }) };
}

beforeAll(async () => {
  raiser = (await makeParty({ name: "As-of raiser", slug: "asof-raiser" })).slug;
  addressee = (await makeParty({ name: "As-of addressee", slug: "asof-addressee" })).slug;
});

// The replayed list's filters and order, on a small record built so that each answer differs from
// the live list's: statuses and "last moved" that changed after the day, a grievance raised after
// it, a deleted one, meetings before and after it. Dated in 2026, after every day the property
// test below replays (its overview counts every grievance raised by its days).
const DAY = "2026-03-10";

type Then = {
  id: string;
  title: string;
  category: GrievanceCategory;
  status: GrievanceStatus;
  lastMoved: string;
  created: string;
};

/** An enum's values in the order the database sorts them (grievances.ts enumOrder). */
const rank = (values: readonly string[]) => {
  const ordered = resolveDatabaseTarget().kind === "postgresql" ? [...values] : [...values].sort();
  return (value: string) => ordered.indexOf(value);
};

describe("the list as of a day, filtered and sorted", () => {
  const ids: Record<string, string> = {};
  /** Each listed grievance as of DAY: what it was then, not what it is now. */
  const then: Then[] = [];
  let m1: string;
  let m2: string;
  const slug = { a: "asofc-a", b: "asofc-b", c: "asofc-c" };

  beforeAll(async () => {
    for (const [key, s] of Object.entries(slug)) await makeParty({ name: `As-of C ${key}`, slug: s });
    m1 = (await makeMeeting({ title: "As-of C round one", date: "2026-02-01", status: "HELD" })).id;
    m2 = (await makeMeeting({ title: "As-of C round two", date: "2026-04-01", status: "HELD" })).id;
    const raise = async (
      key: string,
      title: string,
      category: GrievanceCategory,
      raisedBy: string,
      addressedTo: string,
      at: string,
    ) => {
      const g = await createGrievance(
        SYSTEM,
        { title, category, raisedBy: [raisedBy], addressedTo: [addressedTo] },
        { at: new Date(at) },
      );
      ids[key] = g.id;
      return g.version;
    };
    const move = async (
      key: string,
      version: number,
      status: GrievanceStatus,
      occurredAt: string,
      meetingId?: string,
    ) =>
      (
        await updateGrievance(SYSTEM, ids[key]!, {
          version,
          status,
          reason: `move ${key}`,
          occurredAt,
          ...(meetingId ? { meetingId } : {}),
        })
      ).version;

    // g1: moved at round one by a PATCH (a history row naming it, no agenda note), resolved after the day.
    let v = await raise("g1", "Bravo zqx harbour", "VISAS", slug.a, slug.b, "2026-01-03T09:00:00.000Z");
    v = await move("g1", v, "IN_NEGOTIATION", "2026-02-01T00:00:00.000Z", m1);
    await move("g1", v, "RESOLVED", "2026-04-01T00:00:00.000Z");
    // g2: a note at round one (an agenda note, no history row), stalled before the day.
    v = await raise("g2", "Alpha zqx harbour fees", "BANKING", slug.b, slug.a, "2026-01-02T09:00:00.000Z");
    await logMeetingOutcome(SYSTEM, m1, { outcomes: [{ grievanceId: ids.g2!, version: v, note: "discussed" }] });
    v = (await getGrievanceOrThrow(SYSTEM, ids.g2!)).version;
    await move("g2", v, "STALLED", "2026-03-05T12:00:00.000Z");
    // g3: withdrawn at round two, after the day.
    v = await raise("g3", "Charlie zqx", "VISAS", slug.c, slug.b, "2026-01-04T09:00:00.000Z");
    await logMeetingOutcome(SYSTEM, m2, {
      outcomes: [{ grievanceId: ids.g3!, version: v, status: "WITHDRAWN", note: "withdrawn" }],
    });
    // g4: ties g1 on title, creation, "last moved" and status as of the day (not since).
    v = await raise("g4", "Bravo zqx harbour", "OTHER", slug.a, slug.c, "2026-01-03T09:00:00.000Z");
    await move("g4", v, "IN_NEGOTIATION", "2026-02-01T00:00:00.000Z");
    // g5: resolved before the day, reopened after it.
    v = await raise("g5", "Delta zqx", "PROPERTY", slug.b, slug.c, "2026-02-20T09:00:00.000Z");
    v = await move("g5", v, "RESOLVED", "2026-03-01T08:00:00.000Z");
    await move("g5", v, "OPEN", "2026-03-20T08:00:00.000Z");
    // g6: raised after the day; g7: stalled before it, deleted since.
    await raise("g6", "Echo zqx harbour", "VISAS", slug.a, slug.b, "2026-05-01T09:00:00.000Z");
    v = await raise("g7", "Foxtrot zqx harbour", "VISAS", slug.a, slug.b, "2026-01-06T09:00:00.000Z");
    await move("g7", v, "STALLED", "2026-02-10T00:00:00.000Z");
    await deleteGrievance(SYSTEM, ids.g7!);

    const row = (key: string, t: Omit<Then, "id" | "title" | "category">, title: string, category: GrievanceCategory) =>
      then.push({ id: ids[key]!, title, category, ...t });
    row(
      "g1",
      { status: "IN_NEGOTIATION", lastMoved: "2026-02-01T00:00:00.000Z", created: "2026-01-03T09:00:00.000Z" },
      "Bravo zqx harbour",
      "VISAS",
    );
    row(
      "g2",
      { status: "STALLED", lastMoved: "2026-03-05T12:00:00.000Z", created: "2026-01-02T09:00:00.000Z" },
      "Alpha zqx harbour fees",
      "BANKING",
    );
    row(
      "g3",
      { status: "OPEN", lastMoved: "2026-01-04T09:00:00.000Z", created: "2026-01-04T09:00:00.000Z" },
      "Charlie zqx",
      "VISAS",
    );
    row(
      "g4",
      { status: "IN_NEGOTIATION", lastMoved: "2026-02-01T00:00:00.000Z", created: "2026-01-03T09:00:00.000Z" },
      "Bravo zqx harbour",
      "OTHER",
    );
    row(
      "g5",
      { status: "RESOLVED", lastMoved: "2026-03-01T08:00:00.000Z", created: "2026-02-20T09:00:00.000Z" },
      "Delta zqx",
      "PROPERTY",
    );
  });

  const key = (id: string) => Object.entries(ids).find(([, v]) => v === id)![0];
  const listed = async (filters: Record<string, string | number>) => {
    const page = await listGrievances(SYSTEM, { asOf: DAY, limit: 100, ...filters });
    expect(page.total).toBe(page.items.length);
    return page.items.map((item) => key(item.id));
  };

  it("lists the grievances raised by the day and not deleted, each with its status and last move then", async () => {
    const page = await listGrievances(SYSTEM, { asOf: DAY, q: "zqx", limit: 100 });
    expect(page.items.map((item) => key(item.id))).toEqual([
      "g2",
      "g5",
      ...[ids.g1!, ids.g4!].sort().reverse().map(key),
      "g3",
    ]);
    expect(page.items.map((item) => [key(item.id), item.status, item.lastMovedAt])).toEqual(
      then
        .map((t) => [key(t.id), t.status, t.lastMoved])
        .sort(
          (a, b) => page.items.findIndex((i) => key(i.id) === a[0]) - page.items.findIndex((i) => key(i.id) === b[0]),
        ),
    );
    expect(page.total).toBe(5);
    // Only an admin's deleted list shows the deleted one, with its status then.
    const deleted = await listGrievances(SYSTEM, { asOf: DAY, q: "zqx", deleted: "1" });
    expect(deleted.items.map((item) => [key(item.id), item.status])).toEqual([["g7", "STALLED"]]);
    expect(deleted.total).toBe(1);
  });

  it("filters by party, and by party and role, among the grievances of the day", async () => {
    const sorted = (keys: string[]) => [...keys].sort();
    expect(sorted(await listed({ party: slug.a }))).toEqual(["g1", "g2", "g4"]);
    expect(sorted(await listed({ party: slug.a, role: "raised" }))).toEqual(["g1", "g4"]);
    expect(sorted(await listed({ party: slug.a, role: "addressed" }))).toEqual(["g2"]);
    expect(sorted(await listed({ party: slug.b, role: "addressed" }))).toEqual(["g1", "g3"]);
    expect(sorted(await listed({ party: slug.c }))).toEqual(["g3", "g4", "g5"]);
    expect(await listed({ party: "asofc-nobody" })).toEqual([]);
    // With the status filter: the statuses then (now g1 is resolved, g3 withdrawn, g5 open).
    expect(sorted(await listed({ party: slug.b, status: "IN_NEGOTIATION,OPEN" }))).toEqual(["g1", "g3"]);
    expect(sorted(await listed({ party: slug.c, status: "RESOLVED" }))).toEqual(["g5"]);
  });

  it("filters by category, by meeting (what was dated at it by the day) and by every search term", async () => {
    const sorted = (keys: string[]) => [...keys].sort();
    expect(sorted(await listed({ q: "zqx", category: "VISAS" }))).toEqual(["g1", "g3"]);
    expect(sorted(await listed({ q: "zqx", category: "VISAS,BANKING" }))).toEqual(["g1", "g2", "g3"]);
    expect(sorted(await listed({ meeting: m1 }))).toEqual(["g1", "g2"]);
    expect(await listed({ meeting: m2 })).toEqual([]);
    expect(await listed({ meeting: m2, asOf: "2026-04-01" })).toEqual(["g3"]);
    expect(sorted(await listed({ q: "harbour" }))).toEqual(["g1", "g2", "g4"]);
    expect(await listed({ q: "Harbour  FEES" })).toEqual(["g2"]);
    expect(await listed({ q: "harbour nowhere" })).toEqual([]);
  });

  const SORTS = ["title", "category", "status", "lastMoved", "created"] as const;
  const byKey: Record<(typeof SORTS)[number], (t: Then) => string | number> = {
    title: (t) => t.title,
    category: (t) => rank(GRIEVANCE_CATEGORIES)(t.category),
    status: (t) => rank(GRIEVANCE_STATUSES)(t.status),
    lastMoved: (t) => t.lastMoved,
    created: (t) => t.created,
  };
  const expectedOrder = (sort: (typeof SORTS)[number], dir: "asc" | "desc") => {
    const value = byKey[sort];
    const sign = dir === "asc" ? 1 : -1;
    return [...then]
      .sort((x, y) => {
        const [a, b] = [value(x), value(y)];
        if (a !== b) return (a < b ? -1 : 1) * sign;
        return (x.id < y.id ? -1 : 1) * sign;
      })
      .map((t) => key(t.id));
  };

  it.each(SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))(
    "sorts by %s %s as the values stood on the day",
    async (sort, dir) => {
      expect(await listed({ q: "zqx", sort, dir })).toEqual(expectedOrder(sort, dir));
    },
  );

  it("sorts title, category and status ascending, the dates descending, unless told; by last move when not told", async () => {
    for (const sort of ["title", "category", "status"] as const) {
      expect(await listed({ q: "zqx", sort })).toEqual(expectedOrder(sort, "asc"));
    }
    for (const sort of ["lastMoved", "created"] as const) {
      expect(await listed({ q: "zqx", sort })).toEqual(expectedOrder(sort, "desc"));
    }
    expect(await listed({ q: "zqx" })).toEqual(expectedOrder("lastMoved", "desc"));
    expect(await listed({ q: "zqx", dir: "asc" })).toEqual(expectedOrder("lastMoved", "asc"));
  });

  it("lists a day after the last move in the order the live list does, ties included", async () => {
    // By 2026-06-30 every move above had happened: the replay is today's record, so its order
    // must be the live list's, for every sort and direction (ties: g1 and g4 on title and
    // creation, g1 and g3 on "last moved", g5 and g6 on status, three on VISAS).
    const ids = (items: Array<{ id: string }>) => items.map((item) => key(item.id));
    for (const sort of [undefined, ...SORTS]) {
      for (const dir of [undefined, "asc", "desc"] as const) {
        const filters = { q: "zqx", limit: 100, ...(sort ? { sort } : {}), ...(dir ? { dir } : {}) };
        const live = await listGrievances(SYSTEM, filters);
        const replayed = await listGrievances(SYSTEM, { ...filters, asOf: "2026-06-30" });
        expect(ids(replayed.items), `${sort} ${dir}`).toEqual(ids(live.items));
        expect(replayed.items.map((item) => item.status)).toEqual(live.items.map((item) => item.status));
      }
    }
  });

  it("pages through the order with the cursors, forward and back", async () => {
    const order = expectedOrder("title", "asc");
    const seen: string[] = [];
    let cursor: string | null | undefined;
    const offsets: number[] = [];
    do {
      const page = await listGrievances(SYSTEM, {
        asOf: DAY,
        q: "zqx",
        sort: "title",
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.total).toBe(5);
      offsets.push(page.offset);
      seen.push(...page.items.map((item) => key(item.id)));
      if (page.offset === 2) {
        const back = await listGrievances(SYSTEM, {
          asOf: DAY,
          q: "zqx",
          sort: "title",
          limit: 2,
          cursor: page.prevCursor!,
        });
        expect(back.items.map((item) => key(item.id))).toEqual(order.slice(0, 2));
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(offsets).toEqual([0, 2, 4]);
    expect(seen).toEqual(order);
  });

  it("names the grievances whose stored status or last move is not their timeline's, and only those", async () => {
    const db = await getDb();
    const make = async (title: string) =>
      createGrievance(
        SYSTEM,
        { title, category: "OTHER", raisedBy: [slug.a], addressedTo: [slug.b] },
        { at: new Date("2026-06-01T09:00:00.000Z") },
      );
    const moved = await make("Out of step moved zqy");
    await updateGrievance(SYSTEM, moved.id, {
      version: moved.version,
      status: "STALLED",
      reason: "stalled",
      occurredAt: "2026-06-02T09:00:00.000Z",
    });
    const wrongStatus = await make("Out of step status zqy");
    const wrongDate = await make("Out of step date zqy");
    await db.grievance.update({ where: { id: wrongStatus.id }, data: { status: "RESOLVED" } });
    await db.grievance.update({
      where: { id: wrongDate.id },
      data: { lastMovedAt: new Date("2026-06-05T00:00:00.000Z") },
    });
    // A grievance with no history at all is no timeline's to mend.
    await db.grievance.create({
      data: { title: "No history zqy", category: "OTHER", status: "OPEN", lastMovedAt: new Date("2026-06-01") },
    });
    const out = await grievancesOutOfStep(db);
    expect(out.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [
        {
          id: wrongStatus.id,
          version: wrongStatus.version,
          status: "OPEN",
          lastMovedAt: new Date("2026-06-01T09:00:00.000Z"),
        },
        {
          id: wrongDate.id,
          version: wrongDate.version,
          status: "OPEN",
          lastMovedAt: new Date("2026-06-01T09:00:00.000Z"),
        },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});

describe("as of a date", () => {
  it("gives every grievance the status of its last move dated on or before the day, and hides later ones", async () => {
    // Every grievance any run made: the overview counts them all.
    const everything: Known[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ raisedOn, events, days }) => {
        const tag = `asofrun${++run}x`;
        const known: Array<Known & { raisedDay: number; version: number }> = [];
        for (const [k, day] of raisedOn.entries()) {
          const at = BASE + day * DAY_MS;
          const g = await createGrievance(
            SYSTEM,
            { title: `${tag} g${k}`, category: "OTHER", raisedBy: [raiser], addressedTo: [addressee] },
            { at: new Date(at) },
          );
          known.push({ id: g.id, moves: [{ at, to: "OPEN", from: null }], raisedDay: day, version: g.version });
        }
        everything.push(...known);
        for (const [i, e] of events.entries()) {
          const g = known[e.grievance % known.length]!;
          const day = g.raisedDay + e.day;
          // A PATCH's move at a distinct minute of its day; an outcome's at its round's midnight,
          // which may tie with the raising or another outcome (the one typed later sorts after).
          const at = BASE + day * DAY_MS + (e.kind === "outcome" ? 0 : (i + 1) * 60_000);
          const to = GRIEVANCE_STATUSES[e.pick % GRIEVANCE_STATUSES.length]!;
          const before = await storedRow(g.id);
          if (e.kind === "edit") {
            const edited = await updateGrievance(
              SYSTEM,
              g.id,
              { version: g.version, title: `${tag} g${known.indexOf(g)} edit ${i}` },
              { at: new Date(at) },
            );
            g.version = edited.version;
            continue;
          }
          // An outcome row naming the status in force at its round is a note, and moves nothing.
          const note = e.kind === "outcome" && at >= g.moves[0]!.at && oracleStatus(g, at) === to;
          const refusal = note ? null : oracleRefusal(g, at, to);
          const attempt =
            e.kind === "outcome"
              ? logMeetingOutcome(SYSTEM, await roundOn(day), {
                  outcomes: [{ grievanceId: g.id, version: g.version, status: to, note: `outcome ${i}` }],
                })
              : updateGrievance(SYSTEM, g.id, {
                  version: g.version,
                  status: to,
                  reason: `move ${i}`,
                  occurredAt: new Date(at).toISOString(),
                });
          if (refusal) {
            const path = e.kind === "outcome" ? `outcomes.0.${refusal}` : refusal;
            await expect(attempt).rejects.toMatchObject({
              code: "VALIDATION_FAILED",
              issues: [expect.objectContaining({ path })],
            });
            expect(await storedRow(g.id)).toEqual(before);
            continue;
          }
          await attempt;
          const after = await storedRow(g.id);
          // A move bumps the version; whether a note alone does is the outcome's business, not this test's.
          if (!note) expect(after.version).toBe(before.version + 1);
          g.version = after.version;
          if (!note) g.moves.push({ at, to, from: oracleStatus(g, at) });
        }

        const db = await getDb();
        const now = new Date();
        for (const g of known) {
          // The stored status is the latest move's by date, which the replay at "now" agrees with;
          // "last moved" is that move's date; each row moved from the status in force at its date.
          const latest = oracleStatus(g, Infinity);
          const row = await db.grievance.findUniqueOrThrow({ where: { id: g.id } });
          expect(row.status).toBe(latest);
          expect(await grievanceStatusAsOf(db, g.id, now)).toBe(latest);
          expect(row.lastMovedAt.getTime()).toBe(Math.max(...g.moves.map((m) => m.at)));
          const history = await getGrievanceHistory(SYSTEM, g.id);
          expect(history.map((h) => [h.from, h.to, Date.parse(h.occurredAt)])).toEqual(
            timeline(g).map((m) => [m.from, m.to, m.at]),
          );
        }
        const live = await listGrievances(SYSTEM, { q: tag, limit: 100 });
        expect(new Map(live.items.map((item) => [item.id, item.status]))).toEqual(
          new Map(known.map((g) => [g.id, oracleStatus(g, Infinity)])),
        );

        for (const day of days) {
          const asOf = dayString(day);
          const end = endOfDay(day);
          const expected = new Map(known.map((g) => [g.id, oracleStatus(g, end)]));
          const page = await listGrievances(SYSTEM, { q: tag, asOf, limit: 100 });
          const listed = new Map(page.items.map((item) => [item.id, item.status]));
          const existing = [...expected].filter(([, status]) => status !== null);
          expect(listed).toEqual(new Map(existing));
          expect(page.total).toBe(existing.length);

          // The status filter and its count use the replayed status too.
          const wanted: GrievanceStatus[] = ["OPEN", "STALLED"];
          const filtered = await listGrievances(SYSTEM, { q: tag, asOf, status: wanted.join(","), limit: 100 });
          const matching = existing.filter(([, status]) => wanted.includes(status!)).map(([id]) => id);
          expect(filtered.items.map((item) => item.id).sort()).toEqual(matching.sort());
          expect(filtered.total).toBe(matching.length);

          for (const g of known) {
            const status = expected.get(g.id)!;
            const history = await getGrievanceHistory(SYSTEM, g.id, { asOf });
            expect(history.length).toBe(g.moves.filter((m) => m.at <= end).length);
            if (status === null) {
              await expect(getGrievanceOrThrow(SYSTEM, g.id, { asOf })).rejects.toMatchObject({ code: "NOT_FOUND" });
            } else {
              const detail = await getGrievanceOrThrow(SYSTEM, g.id, { asOf });
              expect(detail.status).toBe(status);
              expect(detail.history.map((h) => h.to).at(-1)).toBe(status);
            }
          }

          const overview = await getOverview(SYSTEM, new Date(), { asOf });
          const all = everything.map((g) => oracleStatus(g, end)).filter((s) => s !== null);
          expect(overview.totalGrievances).toBe(all.length);
          for (const { status, count } of overview.byStatus) {
            expect(count).toBe(all.filter((s) => s === status).length);
          }
          const unsettled = all.filter((s) => UNSETTLED_GRIEVANCE_STATUSES.includes(s)).length;
          const raisedRow = overview.unsettledByParty.find((row) => row.party.slug === raiser);
          expect(raisedRow?.raised ?? 0).toBe(unsettled);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
