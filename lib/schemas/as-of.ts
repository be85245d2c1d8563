import { z } from "zod";
import { CalendarDateSchema } from "./common";

// "As of a date" (docs: architecture.md, "Time in the record"): a read replays the dated history
// up to the END of the named day in UTC, so a move dated that day counts. The rule itself lives in
// lib/server/as-of.ts; this is the parameter every read takes.

export const AsOfSchema = CalendarDateSchema.meta({
  description:
    "Replay the record as of the end of this day (UTC), YYYY-MM-DD: statuses, counts and agenda from the moves " +
    "and notes dated on or before it. A future date means today.",
});

/** The query of a single record's reads (detail, history): only the date. */
export const AsOfQuerySchema = z.strictObject({ asOf: AsOfSchema.optional() });

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `now` falls on in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The day a read replays, or undefined for the live record: today or a future day is today
 * (nothing is dated in the future), so only a past day replays.
 */
export function pastAsOf(asOf: string | undefined, now: Date = new Date()): string | undefined {
  return asOf !== undefined && asOf < todayUtc(now) ? asOf : undefined;
}

/** The instant a replayed day stands for: its last millisecond in UTC, so moves dated that day count. */
export function asOfInstant(asOf: string | undefined, now: Date = new Date()): Date | null {
  const day = pastAsOf(asOf, now);
  return day === undefined ? null : new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS - 1);
}
