// A form gives when something happened as a date field and an optional time field; the API takes
// one `occurredAt`. Importable by client components: no server code here.

/** The field names a form posts, and the one the API and its errors use. */
export const OCCURRED_FIELDS = { date: "occurredDate", time: "occurredTime", api: "occurredAt" } as const;

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * "2025-04-10" and "14:05" as "2025-04-10T14:05:00Z" (times are UTC, as the app shows them); a
 * date alone stays a date (00:00 UTC on the server); neither is undefined (the server's default).
 * A time without a date is passed on as it is, for the schema to refuse.
 */
export function occurredAtOf(date: unknown, time: unknown): string | undefined {
  const day = text(date);
  const hour = text(time);
  if (!hour) return day || undefined;
  if (!day) return hour;
  return `${day}T${hour.length === 5 ? `${hour}:00` : hour}Z`;
}

/** A posted form's date and time fields replaced by `occurredAt`. */
export function withOccurredAt(input: Record<string, unknown>): Record<string, unknown> {
  const { [OCCURRED_FIELDS.date]: date, [OCCURRED_FIELDS.time]: time, ...rest } = input;
  const occurredAt = occurredAtOf(date, time);
  return occurredAt === undefined ? rest : { ...rest, [OCCURRED_FIELDS.api]: occurredAt };
}
