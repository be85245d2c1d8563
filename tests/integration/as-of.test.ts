import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES, UNSETTLED_GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import { SYSTEM } from "@/lib/server/authz";
import {
  createGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  listGrievances,
  updateGrievance,
} from "@/lib/server/grievances";
import { getOverview } from "@/lib/server/overview";
import { makeParty } from "../support/factories";

// "As of T" against an oracle: random grievances, raised on random days, moved and edited at
// random dated instants (logged in any order, as an analyst catches up), then replayed as of
// random days. The oracle recomputes each status from the dated moves alone.

const DAY_MS = 24 * 60 * 60 * 1000;
const BASE = Date.parse("2025-01-01T00:00:00.000Z");

type Move = { at: number; to: GrievanceStatus };
/** What the oracle knows of a grievance: its dated moves (the first is its raising, to OPEN). */
type Known = { id: string; moves: Move[] };

const dayString = (day: number) => new Date(BASE + day * DAY_MS).toISOString().slice(0, 10);
const endOfDay = (day: number) => BASE + (day + 1) * DAY_MS - 1;

function oracleStatus(known: Known, end: number): GrievanceStatus | null {
  if (known.moves[0]!.at > end) return null;
  const dated = known.moves.filter((m) => m.at <= end).sort((a, b) => a.at - b.at);
  return dated.at(-1)!.to;
}

const event = fc.record({
  grievance: fc.nat(),
  /** Days after the grievance's raising. */
  day: fc.integer({ min: 0, max: 40 }),
  kind: fc.constantFrom("move", "move", "edit"),
  pick: fc.nat(),
});

const scenario = fc.record({
  raisedOn: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 }),
  events: fc.array(event, { maxLength: 8 }),
  days: fc.array(fc.integer({ min: -5, max: 90 }), { minLength: 1, maxLength: 3 }),
});

let raiser: string;
let addressee: string;
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
        const known: Array<Known & { raisedDay: number; version: number; live: GrievanceStatus }> = [];
        for (const [k, day] of raisedOn.entries()) {
          const at = BASE + day * DAY_MS;
          const g = await createGrievance(
            SYSTEM,
            { title: `${tag} g${k}`, category: "OTHER", raisedBy: [raiser], addressedTo: [addressee] },
            { at: new Date(at) },
          );
          known.push({ id: g.id, moves: [{ at, to: "OPEN" }], raisedDay: day, version: g.version, live: "OPEN" });
        }
        everything.push(...known);
        for (const [i, e] of events.entries()) {
          const g = known[e.grievance % known.length]!;
          // A distinct minute for each event, after the raising's midnight: no two moves tie.
          const at = BASE + (g.raisedDay + e.day) * DAY_MS + (i + 1) * 60_000;
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
          // Any status but the current one (moving to the same status is refused).
          const others = GRIEVANCE_STATUSES.filter((s) => s !== g.live);
          const to = others[e.pick % others.length]!;
          const moved = await updateGrievance(
            SYSTEM,
            g.id,
            { version: g.version, status: to, reason: `move ${i}` },
            { at: new Date(at) },
          );
          g.version = moved.version;
          g.live = to;
          g.moves.push({ at, to });
        }

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
