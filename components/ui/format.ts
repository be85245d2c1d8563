// Dates are stored as UTC instants; analysts read them as calendar days, so format in UTC.

const DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const NUMBER = new Intl.NumberFormat("en-GB");

export const UNKNOWN_DATE = "date unknown";

type DateInput = string | Date | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "10 Apr 2025" (UTC, en-GB); "date unknown" for null or an unparseable value. */
export function formatDate(value: DateInput): string {
  const d = toDate(value);
  return d ? DATE.format(d).replace("Sept", "Sep") : UNKNOWN_DATE;
}

/** "10 Apr 2025, 14:05 UTC"; "date unknown" for null or an unparseable value. */
export function formatDateTime(value: DateInput): string {
  const d = toDate(value);
  return d ? `${DATE_TIME.format(d).replace("Sept", "Sep")} UTC` : UNKNOWN_DATE;
}

/** "2025-04-10" — for <time dateTime> and <input type="date"> values; "" for null. */
export function toIsoDate(value: DateInput): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 10) : "";
}

/** "1,234" (en-GB grouping). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}
