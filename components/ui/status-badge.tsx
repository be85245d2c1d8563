import type { ReactNode } from "react";
import {
  GRIEVANCE_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  type GrievanceStatus,
  type MeetingStatus,
} from "@/lib/schemas/enums";
import { cn } from "./cn";

/**
 * Tones map to the status colours in app/globals.css. The badge text is always slate-900 on a
 * light tint of the tone (contrast > 12:1), and the dot is decoration: the word carries meaning.
 */
export type BadgeTone =
  | "neutral"
  | "accent"
  | "open"
  | "negotiation"
  | "partial"
  | "resolved"
  | "stalled"
  | "withdrawn"
  | "planned"
  | "held"
  | "postponed"
  | "cancelled";

const TONE: Record<BadgeTone, { dot: string; tint: string }> = {
  neutral: { dot: "bg-slate-400", tint: "bg-slate-100 ring-slate-300/70" },
  accent: { dot: "bg-accent-600", tint: "bg-accent-50 ring-accent-200" },
  open: { dot: "bg-status-open", tint: "bg-status-open/8 ring-status-open/30" },
  negotiation: { dot: "bg-status-negotiation", tint: "bg-status-negotiation/8 ring-status-negotiation/30" },
  partial: { dot: "bg-status-partial", tint: "bg-status-partial/8 ring-status-partial/30" },
  resolved: { dot: "bg-status-resolved", tint: "bg-status-resolved/8 ring-status-resolved/30" },
  stalled: { dot: "bg-status-stalled", tint: "bg-status-stalled/10 ring-status-stalled/35" },
  withdrawn: { dot: "bg-status-withdrawn", tint: "bg-slate-100 ring-slate-300/70" },
  planned: { dot: "bg-status-planned", tint: "bg-status-planned/8 ring-status-planned/30" },
  held: { dot: "bg-status-held", tint: "bg-status-held/8 ring-status-held/30" },
  postponed: { dot: "bg-status-postponed", tint: "bg-status-postponed/10 ring-status-postponed/35" },
  cancelled: { dot: "bg-status-cancelled", tint: "bg-status-cancelled/8 ring-status-cancelled/30" },
};

export type BadgeProps = {
  tone?: BadgeTone;
  /** Show the coloured dot before the text (default true). */
  dot?: boolean;
  title?: string;
  children: ReactNode;
};

/** A small pill: optional coloured dot plus text. */
export function Badge({ tone = "neutral", dot = true, title, children }: BadgeProps) {
  const t = TONE[tone];
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-px text-xs font-medium leading-5 text-slate-900 ring-1 ring-inset",
        t.tint,
      )}
    >
      {dot ? <span aria-hidden="true" className={cn("size-1.5 shrink-0 rounded-full", t.dot)} /> : null}
      {children}
    </span>
  );
}

const GRIEVANCE_TONE: Record<GrievanceStatus, BadgeTone> = {
  OPEN: "open",
  IN_NEGOTIATION: "negotiation",
  PARTIALLY_RESOLVED: "partial",
  RESOLVED: "resolved",
  STALLED: "stalled",
  WITHDRAWN: "withdrawn",
};

const MEETING_TONE: Record<MeetingStatus, BadgeTone> = {
  PLANNED: "planned",
  HELD: "held",
  POSTPONED: "postponed",
  CANCELLED: "cancelled",
};

export function GrievanceStatusBadge({ status }: { status: GrievanceStatus }) {
  return <Badge tone={GRIEVANCE_TONE[status] ?? "neutral"}>{GRIEVANCE_STATUS_LABELS[status] ?? status}</Badge>;
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <Badge tone={MEETING_TONE[status] ?? "neutral"}>{MEETING_STATUS_LABELS[status] ?? status}</Badge>;
}

/** The CSS colour of a status tone, e.g. for bar fills: `var(--color-status-open)`. */
export function grievanceStatusColor(status: GrievanceStatus): string {
  const tone = GRIEVANCE_TONE[status] ?? "withdrawn";
  return `var(--color-status-${tone})`;
}
