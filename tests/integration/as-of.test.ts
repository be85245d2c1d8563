import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES, UNSETTLED_GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import { grievanceStatusAsOf } from "@/lib/server/as-of";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  createGrievance,
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
