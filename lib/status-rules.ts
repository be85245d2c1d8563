import type { GrievanceStatus, MeetingStatus } from "./schemas/enums";

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
