import {
  GRIEVANCE_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  type GrievanceStatus,
  type MeetingStatus,
} from "./schemas/enums";

// The rules for moving a status, shared by the server (which enforces them) and the forms (which
// offer only what is allowed). Why these rules: docs/decisions/003-status-rules.md.

/**
 * A grievance may move from any status to any other: talks reopen settled items and revive
 * withdrawn ones, and the tracker records what happened rather than a workflow. A "change" to
 * the status it already has is refused, because it would add a history row that moves nothing.
 */
export function grievanceTransitionError(from: GrievanceStatus, to: GrievanceStatus): string | null {
  return from === to ? "The grievance already has this status" : null;
}

const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  PLANNED: ["HELD", "POSTPONED", "CANCELLED"],
  POSTPONED: ["PLANNED", "HELD", "CANCELLED"],
  CANCELLED: ["PLANNED"],
  // A held meeting happened; its outcomes hang on it. A mistaken entry is corrected by editing
  // the meeting's details, not by un-holding it.
  HELD: [],
};

export function allowedMeetingTransitions(from: MeetingStatus): readonly MeetingStatus[] {
  return MEETING_TRANSITIONS[from];
}

export function meetingTransitionError(from: MeetingStatus, to: MeetingStatus): string | null {
  if (from === to) return "The meeting already has this status";
  if (!MEETING_TRANSITIONS[from].includes(to)) {
    return from === "HELD"
      ? "A held meeting stays held"
      : `A ${from.toLowerCase()} meeting cannot become ${to.toLowerCase()}`;
  }
  return null;
}

/** Outcomes are what happened at a meeting, so they are logged only for one that was held. */
export function outcomeMeetingError(status: MeetingStatus): string | null {
  return status === "HELD" ? null : "Outcomes can be logged only for a meeting that was held";
}

// A move is dated when it happened, so it may land before moves already recorded (an earlier
// round logged late). Its rules are those of the timeline sorted by when things happened
// (docs/decisions/011-*.md): it cannot precede the record's first entry, it moves from the
// status in force at its date, and the next later move must still be a move from what it sets.

/** Where a move dated `at` lands in a record's timeline (occurredAt, then recordedAt). */
export type TimelinePlace<Status extends string> = {
  /** When the record began (its first entry: a grievance's raising), or null with no history. */
  began: Date | null;
  /** The status in force at `at`: the last entry dated by then, which a move at `at` follows. */
  inForce: Status;
  /** The first entry dated after `at`, which a move at `at` precedes; null when it is the latest. */
  next: { to: Status; at: Date } | null;
};

type Transition<Status extends string> = (from: Status, to: Status) => string | null;

const STATUS_LABELS: Record<string, string> = { ...GRIEVANCE_STATUS_LABELS, ...MEETING_STATUS_LABELS };
const label = (status: string) => (STATUS_LABELS[status] ?? status).toLowerCase();

/** An instant as a message names it: the day when it is a bare date (00:00 UTC), else to the minute. */
export function momentLabel(at: Date): string {
  const iso = at.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** Nothing about a record happens before it began: null if `at` is not before `began`. */
export function beforeBeginningError(began: Date | null, at: Date, beganAs = "raised"): string | null {
  if (!began || at.getTime() >= began.getTime()) return null;
  return `It was ${beganAs} on ${momentLabel(began)}: nothing can be dated before that`;
}

/**
 * Why a move to `to` dated `at` cannot land where it would, naming the field to fix: `occurredAt`
 * when its date is the trouble (before the record began, or a later move would no longer move
 * anything), `status` when the move itself breaks the rules from the status in force then.
 */
export function datedMoveError<Status extends string>(
  place: TimelinePlace<Status>,
  to: Status,
  at: Date,
  transitionError: Transition<Status>,
  beganAs?: string,
): { field: "occurredAt" | "status"; message: string } | null {
  const early = beforeBeginningError(place.began, at, beganAs);
  if (early) return { field: "occurredAt", message: early };
  const own = transitionError(place.inForce, to);
  if (own) return { field: "status", message: place.next ? `${own} (as of ${momentLabel(at)})` : own };
  if (place.next && transitionError(to, place.next.to)) {
    return {
      field: "occurredAt",
      message:
        `A later move on ${momentLabel(place.next.at)} already moved it from ${label(place.inForce)} ` +
        `to ${label(place.next.to)}: date this move after that one, or leave its status out`,
    };
  }
  return null;
}
