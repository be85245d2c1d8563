import "server-only";
import { getDb } from "./db";

export type RateRule = { max: number; windowSeconds: number };

/**
 * No rule may count over a longer window: a counter whose window started longer ago than this has
 * expired whatever its rule, so purgeExpired can delete it without knowing which rule it serves.
 */
export const LONGEST_WINDOW_SECONDS = 60 * 60;

/** Expired counters are deleted at most this often per process, by whichever hit comes first. */
const PURGE_INTERVAL_MS = 60 * 1000;
const purgeState = globalThis as unknown as { backchannelRateLimitPurgedAt?: number };

/**
 * Counts events per key in the database, so every instance sees the same counters. `hit` records
 * one and says whether the key is over its limit; `forgive` takes one back (an attempt that
 * turned out fine); `clear` forgets a key (a successful sign-in).
 */
export async function hit(
  key: string,
  rule: RateRule,
  now = Date.now(),
): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  if (rule.windowSeconds > LONGEST_WINDOW_SECONDS) {
    throw new Error(`A rate rule's window may be at most ${LONGEST_WINDOW_SECONDS} s`);
  }
  await purgeOccasionally(now);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const windowMs = rule.windowSeconds * 1000;
    if (!row || now - Number(row.lastRequest) >= windowMs) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { key, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
      return { limited: false, retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000);
    if (row.count >= rule.max) return { limited: true, retryAfterSeconds };
    // The window runs from the first event in it (lastRequest holds its start): count up, keep it.
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { limited: false, retryAfterSeconds };
  });
}

/** Takes back one counted event, so a limit counts only what went wrong (a failed sign-in). */
export async function forgive(key: string): Promise<void> {
  const db = await getDb();
  await db.$transaction((tx) =>
    tx.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } }),
  );
}

export async function clear(key: string): Promise<void> {
  const db = await getDb();
  await db.$transaction((tx) => tx.rateLimit.deleteMany({ where: { key } }));
}

/**
 * Deletes every counter whose window has ended under any rule. Without it, a row stays for each
 * address and email ever tried. Returns how many went.
 */
export async function purgeExpired(now = Date.now()): Promise<number> {
  const db = await getDb();
  const { count } = await db.$transaction((tx) =>
    tx.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - LONGEST_WINDOW_SECONDS * 1000) } } }),
  );
  return count;
}

async function purgeOccasionally(now: number): Promise<void> {
  const last = purgeState.backchannelRateLimitPurgedAt ?? 0;
  // A clock (or a test's `now`) that went back also purges, rather than waiting out the gap.
  if (now - last < PURGE_INTERVAL_MS && now >= last) return;
  purgeState.backchannelRateLimitPurgedAt = now;
  await purgeExpired(now);
}
