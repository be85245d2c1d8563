import type { ReactNode } from "react";
import {
  GRIEVANCE_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  type GrievanceStatus,
  type MeetingStatus,
} from "@/lib/vocabulary";
import { cn } from "./cn";

/**
 * Tones map to the status colours in app/globals.css (each a .tone-* class in components.css).
 * The badge text is always slate-900 on a light tint of the tone (contrast > 12:1), and the dot
 * is decoration: the word carries meaning.
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

export type BadgeProps = {
  tone?: BadgeTone;
  /** Show the coloured dot before the text (default true). */
  dot?: boolean;
  title?: string;
  children: ReactNode;
};

/**
 * A small pill: optional coloured dot plus text. Its look is the short classes .badge, .dot and
 * .tone-* (components/ui/components.css): lists repeat a badge on every row, twice (HTML and RSC
 * payload), and the dot is a ::before rather than an element of its own.
 */
export function Badge({ tone = "neutral", dot = true, title, children }: BadgeProps) {
  return (
    // No title attribute unless given: an absent one still costs a "$undefined" in the payload.
    <span {...(title ? { title } : {})} className={cn("badge", `tone-${tone}`, dot && "dot")}>
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
