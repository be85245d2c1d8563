import { describe, expect, it } from "vitest";
import * as grievances from "@/app/api/v1/grievances/route";
import * as parties from "@/app/api/v1/parties/route";
import { AppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/server/authz";
import { getDb, type Tx } from "@/lib/server/db";
import { createParty } from "@/lib/server/parties";
import { findOrCreateSource } from "@/lib/server/sources";
import { createUser } from "@/lib/server/users";
import { createVenue } from "@/lib/server/venues";
import { makeParty } from "../support/factories";
import { expectError, jsonRequest, noParams } from "../api/support";

// Check-then-insert races on unique values: writers that all find the value free must not turn
// into a 500. The unique index lets one through and the rest get the same 4xx a taken value
// always gets. On PostgreSQL the writers really overlap (a losing insert waits on the winner's
// uncommitted row, then fails); on SQLite they queue for the one write lock. Both must hold.

const N = 10;

/** Settles every call; returns the values and the errors. */
async function race<T>(calls: Array<() => Promise<T>>): Promise<{ ok: T[]; failed: unknown[] }> {
  const results = await Promise.allSettled(calls.map((call) => call()));
  return {
    ok: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    failed: results.flatMap((r) => (r.status === "rejected" ? [r.reason] : [])),
  };
}

/** Holds a transaction open after `work` until `release` is called, so another can run into it. */
function heldTransaction<T>(work: (tx: Tx) => Promise<T>) {
  let release!: () => void;
  let reached!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const ready = new Promise<void>((resolve) => (reached = resolve));
  const done = getDb().then((db) =>
    db.$transaction(async (tx) => {
      const value = await work(tx);
      reached();
      await hold;
      return value;
    }),
  );
  return { ready, done, release };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("duplicate slugs under a race", () => {
  it(`${N} concurrent createParty with one slug: one party, ${N - 1} VALIDATION_FAILED naming the slug`, async () => {
    const { ok, failed } = await race(
      Array.from({ length: N }, (_, i) => () => createParty(SYSTEM, { name: `Racer ${i}`, slug: "racer" })),
    );
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(N - 1);
    for (const error of failed) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        status: 400,
        code: "VALIDATION_FAILED",
        message: 'slug: A party with the slug "racer" exists',
        issues: [{ path: "slug", message: 'A party with the slug "racer" exists' }],
      });
    }
    const db = await getDb();
    expect(await db.party.count({ where: { slug: "racer" } })).toBe(1);
  });

  it("a writer that passed every check and meets the winner's uncommitted row gets the 400, not a 500", async () => {
    // The winner inserts and holds its transaction open; the loser runs into the unique index
    // (on PostgreSQL it waits there until the winner commits).
    const winner = heldTransaction((tx) =>
      tx.party.create({ data: { slug: "held", name: "Held", kind: "STATE", searchText: "held" } }),
    );
    await winner.ready;
    const loser = createParty(SYSTEM, { name: "Held" }).catch((error: unknown) => error);
    await pause(200);
    winner.release();
    await winner.done;
    expect(await loser).toMatchObject({
      code: "VALIDATION_FAILED",
      // The slug was made from the name, so the name is what the form marks.
      issues: [{ path: "name", message: 'A party with the slug "held" exists' }],
    });
  });

  it(`${N} concurrent POST /api/v1/parties with one name: one 201, ${N - 1} 400, one row`, async () => {
    const responses = await Promise.all(
      Array.from({ length: N }, () =>
        parties.POST(jsonRequest("POST", "/api/v1/parties", { name: "Atlantis" }), noParams),
      ),
    );
    const codes = responses.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 400)).toHaveLength(N - 1);
    await expectError(
      responses.find((r) => r.status === 400)!,
      400,
      "VALIDATION_FAILED",
      "name",
    );
    const db = await getDb();
    expect(await db.party.count({ where: { slug: "atlantis" } })).toBe(1);
  });

  it(`${N} concurrent createVenue with one slug: one venue, the rest VALIDATION_FAILED`, async () => {
    const venue = { name: "Palais", city: "Geneva", country: "Switzerland", slug: "palais" };
    const { ok, failed } = await race(Array.from({ length: N }, () => () => createVenue(SYSTEM, venue)));
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(N - 1);
    for (const error of failed) {
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "slug" }] });
    }
    const db = await getDb();
    expect(await db.venue.count({ where: { slug: "palais" } })).toBe(1);
  });

  it(`${N} concurrent createUser with one email: one user, the rest VALIDATION_FAILED on email`, async () => {
    const { ok, failed } = await race(
      Array.from(
        { length: N },
        () => () => createUser(SYSTEM, { email: "twin@example.org", role: "viewer", password: "a long test password" }),
      ),
    );
    expect(ok).toHaveLength(1);
    for (const error of failed) {
      expect(error).toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "email", message: "A user with this email exists" }],
      });
    }
    const db = await getDb();
    expect(await db.user.count({ where: { email: "twin@example.org" } })).toBe(1);
  });
});

describe("findOrCreateSource under a race", () => {
  it(`${N} concurrent transactions citing one new URL: one source row, every one gets its id`, async () => {
    const url = "https://example.org/race";
    const db = await getDb();
    const { ok, failed } = await race(
      Array.from({ length: N }, () => () => db.$transaction((tx) => findOrCreateSource(tx, url, SYSTEM))),
    );
    expect(failed).toEqual([]);
    expect(new Set(ok).size).toBe(1);
    expect(await db.source.count({ where: { url } })).toBe(1);
    // The source's create revision is written once, by whichever transaction inserted it.
    expect(await db.revision.count({ where: { entity: "source", entityId: ok[0] } })).toBe(1);
  });

  it("a transaction that missed the source and meets another's uncommitted insert gets that row", async () => {
    const url = "https://example.org/held";
    const first = heldTransaction((tx) => findOrCreateSource(tx, url, SYSTEM));
    await first.ready;
    const db = await getDb();
    const second = db.$transaction((tx) => findOrCreateSource(tx, url, SYSTEM));
    await pause(200);
    first.release();
    const [a, b] = await Promise.all([first.done, second]);
    expect(b).toBe(a);
    expect(await db.source.count({ where: { url } })).toBe(1);
  });

  it(`${N} grievances created at once citing one new URL all land (201), with one source row`, async () => {
    const [raised, addressed] = [await makeParty(), await makeParty()];
    const url = "https://example.org/shared-report";
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        grievances.POST(
          jsonRequest("POST", "/api/v1/grievances", {
            title: `Cited ${i}`,
            category: "OTHER",
            raisedBy: [raised.slug],
            addressedTo: [addressed.slug],
            citations: [{ quote: `Quote ${i}`, source: url }],
          }),
          noParams,
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: N }, () => 201));
    const db = await getDb();
    expect(await db.source.count({ where: { url } })).toBe(1);
    expect(await db.citation.count({ where: { source: { url } } })).toBe(N);
  });
});
