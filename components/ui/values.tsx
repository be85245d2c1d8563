import { cn } from "./cn";
import { formatDate, formatDateTime, formatNumber, toIsoDate, UNKNOWN_DATE } from "./format";
import { TextLink } from "./text-link";

/** A muted "—" where a value is missing. */
export function Dash() {
  return <span className="text-slate-500">—</span>;
}

/** A calendar day as <time>, or a muted "date unknown". */
export function DateText({ value, className }: { value: string | null | undefined; className?: string }) {
  if (!value) return <span className={cn("text-slate-500", className)}>{UNKNOWN_DATE}</span>;
  return (
    <time dateTime={toIsoDate(value)} className={className}>
      {formatDate(value)}
    </time>
  );
}

/** An instant, "10 Apr 2025, 14:05 UTC", as <time>. */
export function DateTimeText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

/**
 * A count that links to the list it counts; a zero is plain text. The link is named "12 meetings
 * at Vienna" (`what` after the number), since a bare number says nothing out of its column.
 */
export function CountLink({ value, href, what }: { value: number; href: string; what: string }) {
  if (value === 0) return <span className="text-slate-500">0</span>;
  return (
    <TextLink href={href} aria-label={`${formatNumber(value)} ${what}`}>
      {formatNumber(value)}
    </TextLink>
  );
}
