import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { LONGEST_WINDOW_SECONDS, clear, forgive, hit, purgeExpired } from "@/lib/server/rate-limit";

// The counters behind the sign-in limits (lib/server/rate-limit.ts), on their own: the window's
// edges, what Retry-After says, what forgive and clear touch, and when a hit purges. Every time is
// given explicitly, so no test waits on the clock.

const RULE = { max: 2, windowSeconds: 60 };
const HOUR_MS = LONGEST_WINDOW_SECONDS * 1000;
const purgeState = globalThis as unknown as { backchannelRateLimitPurgedAt?: number };

async function counter(key: string) {
  const db = await getDb();
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row && { count: row.count, lastRequest: Number(row.lastRequest) };
}

async function keys(): Promise<string[]> {
  const db = await getDb();
  return (await db.rateLimit.findMany({ orderBy: { key: "asc" } })).map((row) => row.key);
}

beforeEach(async () => {
  const db = await getDb();
  await db.rateLimit.deleteMany();
  delete purgeState.backchannelRateLimitPurgedAt;
});

describe("hit", () => {
  it("lets max events through in a window, then refuses, saying when the window ends", async () => {
    const t = 1_000_000_000_000;
    expect(await hit("k", RULE, t)).toEqual({ limited: false, retryAfterSeconds: 0 });
    expect(await counter("k")).toEqual({ count: 1, lastRequest: t });
    // 60 s window, 1.5 s in: 58.5 s left, rounded up.
    expect(await hit("k", RULE, t + 1_500)).toEqual({ limited: false, retryAfterSeconds: 59 });
    expect(await counter("k")).toEqual({ count: 2, lastRequest: t });
    expect(await hit("k", RULE, t + 30_000)).toEqual({ limited: true, retryAfterSeconds: 30 });
    // A refused hit counts nothing more and does not move the window.
    expect(await counter("k")).toEqual({ count: 2, lastRequest: t });
    expect(await hit("k", RULE, t + 59_999)).toEqual({ limited: true, retryAfterSeconds: 1 });
  });

  it("starts a new window exactly when the last one ends, counting from one", async () => {
    const t = 1_000_000_000_000;
    await hit("k", RULE, t);
    await hit("k", RULE, t + 10_000);
    expect(await hit("k", RULE, t + 60_000)).toEqual({ limited: false, retryAfterSeconds: 0 });
    expect(await counter("k")).toEqual({ count: 1, lastRequest: t + 60_000 });
    expect(await hit("k", RULE, t + 61_000)).toEqual({ limited: false, retryAfterSeconds: 59 });
    expect((await hit("k", RULE, t + 62_000)).limited).toBe(true);
  });

  it("counts each key apart", async () => {
    const t = 1_000_000_000_000;
    await hit("a", { max: 1, windowSeconds: 60 }, t);
    expect((await hit("a", { max: 1, windowSeconds: 60 }, t + 1)).limited).toBe(true);
    expect((await hit("b", { max: 1, windowSeconds: 60 }, t + 1)).limited).toBe(false);
  });

  it("takes a window of the longest length, and refuses a longer one before counting", async () => {
    const t = 1_000_000_000_000;
    expect(await hit("k", { max: 1, windowSeconds: LONGEST_WINDOW_SECONDS }, t)).toEqual({
      limited: false,
      retryAfterSeconds: 0,
    });
    await expect(hit("long", { max: 1, windowSeconds: LONGEST_WINDOW_SECONDS + 1 }, t)).rejects.toThrow(
      "A rate rule's window may be at most 3600 s",
    );
    expect(await counter("long")).toBeNull();
  });
});

describe("forgive and clear", () => {
  it("forgive takes one event back from that key only, and never below zero", async () => {
    const t = 1_000_000_000_000;
    await hit("k", RULE, t);
    await hit("k", RULE, t + 1);
    await hit("other", RULE, t);
    await forgive("k");
    expect(await counter("k")).toEqual({ count: 1, lastRequest: t });
    expect((await hit("k", RULE, t + 2)).limited).toBe(false);
    await forgive("k");
    await forgive("k");
    await forgive("k");
    expect(await counter("k")).toEqual({ count: 0, lastRequest: t });
    expect(await counter("other")).toEqual({ count: 1, lastRequest: t });
    await forgive("never-seen");
    expect(await counter("never-seen")).toBeNull();
  });

  it("clear forgets that key only", async () => {
    const t = 1_000_000_000_000;
    await hit("k", RULE, t);
    await hit("other", RULE, t);
    await clear("k");
    expect(await keys()).toEqual(["other"]);
  });
});

describe("purging expired counters", () => {
  it("deletes the counters whose window started more than the longest window ago, and counts them", async () => {
    const db = await getDb();
    const now = 1_000_000_000_000;
    await db.rateLimit.createMany({
      data: [
        { key: "gone-1", count: 1, lastRequest: BigInt(now - HOUR_MS - 1) },
        { key: "gone-2", count: 1, lastRequest: BigInt(now - HOUR_MS - 60_000) },
        { key: "edge", count: 1, lastRequest: BigInt(now - HOUR_MS) },
        { key: "fresh", count: 1, lastRequest: BigInt(now - 1) },
      ],
    });
    expect(await purgeExpired(now)).toBe(2);
    expect(await keys()).toEqual(["edge", "fresh"]);
    expect(await purgeExpired(now)).toBe(0);
  });

  it("a hit purges at most once a minute, and at once when the clock went back", async () => {
    const db = await getDb();
    const t = 1_000_000_000_000;
    const stale = (key: string, at: number) =>
      db.rateLimit.create({ data: { key, count: 1, lastRequest: BigInt(at - HOUR_MS - 1) } });
    await stale("stale-1", t);
    await hit("k", RULE, t); // the first hit of the process purges
    expect(await keys()).toEqual(["k"]);

    await stale("stale-2", t + 59_999);
    await hit("k", RULE, t + 59_999);
    expect(await keys()).toEqual(["k", "stale-2"]); // 59.999 s since the last purge: none

    await hit("k", RULE, t + 60_000);
    expect(await keys()).toEqual(["k"]); // a minute on: purged

    await stale("stale-same", t + 60_000);
    await hit("k", RULE, t + 60_000);
    expect(await keys()).toEqual(["k", "stale-same"]); // at the same instant as the last purge: none

    await stale("stale-3", t + 30_000);
    await hit("k", RULE, t + 30_000);
    expect(await keys()).toEqual(["k", "stale-same"]); // the clock went back: purged now
  });
});
