import "server-only";
import { getDb } from "./db";

export type RateRule = { max: number; windowSeconds: number };

/**
 * Counts events per key in the database, so every instance sees the same counters. `hit` records
 * one and says whether the key is over its limit; `clear` forgets a key (a successful sign-in).
 */
export async function hit(
  key: string,
  rule: RateRule,
  now = Date.now(),
): Promise<{ limited: boolean; retryAfterSeconds: number }> {
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
    // The window runs from the first event in it: count up, keep its start.
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { limited: false, retryAfterSeconds };
  });
}

export async function clear(key: string): Promise<void> {
  const db = await getDb();
  await db.$transaction((tx) => tx.rateLimit.deleteMany({ where: { key } }));
}
