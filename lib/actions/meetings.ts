"use server";

import { AppError, validationFailed } from "@/lib/errors";
import { OCCURRED_FIELDS, occurredAtOf, withOccurredAt } from "@/lib/forms/occurred-at";
import {
  prepareOutcomeRows,
  prepareParticipantRows,
  remapRowErrors,
  rowList,
  type FreshGrievances,
  type PreparedRows,
  type RowValues,
} from "@/lib/forms/rows";
import { listGrievanceOptions } from "@/lib/server/grievances";
import { createMeeting, deleteMeeting, logMeetingOutcome, restoreMeeting, updateMeeting } from "@/lib/server/meetings";
import type { ErrorState } from "@/lib/forms/action-state";
import { formAction, revalidate, type FormActionInput } from "./form-action";

// The meeting forms' server actions: public POST endpoints, each one lib/server call.

const meetingPaths = (id: string) => [`/meetings/${id}`, "/meetings", "/"];
/** Counts of meetings and agenda links show on these too. */
const everywhere = (id: string) =>
  [...meetingPaths(id), ["/parties", "layout"], ["/venues", "layout"], ["/grievances", "layout"]] as const;

/** Errors found in the rows before anything is sent: refused like the server's own, field by field. */
function refuseRows(fieldErrors: Record<string, string>): AppError {
  const issues = Object.entries(fieldErrors).map(([path, message]) => ({ path, message }));
  return validationFailed(issues, issues[0]?.message);
}

/** The keys a form may send; anything else in the posted data is not this form's business. */
function pick(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in input).map((key) => [key, input[key]]));
}

/** A conflict re-renders the page with the other change, so the form carries the new version. */
function revalidateOnConflict(state: ErrorState, { id }: FormActionInput): ErrorState {
  if (state.code === "CONFLICT") revalidate(meetingPaths(id));
  return state;
}

/** Logs a meeting; blank participant rows are dropped first. On success, opens the meeting. */
export const createMeetingAction = formAction({
  run: ({ actor, input }) => {
    const prepared = prepareParticipantRows(input.participants);
    if (Object.keys(prepared.fieldErrors).length) throw refuseRows(prepared.fieldErrors);
    return createMeeting(actor, { ...input, participants: prepared.rows });
  },
  onError: (state, { input }) => {
    const { sourceIndex } = prepareParticipantRows(input.participants);
    return { ...state, fieldErrors: remapRowErrors(state.fieldErrors, "participants", sourceIndex) };
  },
  revalidate: () => ["/meetings", "/parties", "/venues", "/"],
  redirectTo: (meeting) => `/meetings/${meeting.id}`,
});

/** Edits a meeting's title, date, venue and summary, against the version the form was loaded at. */
export const updateMeetingAction = formAction({
  run: async ({ actor, id, input }) => {
    const meeting = await updateMeeting(actor, id, pick(input, ["version", "title", "date", "venue", "summary"]));
    return { version: meeting.version };
  },
  onError: revalidateOnConflict,
  revalidate: (_meeting, { id }) => meetingPaths(id),
  message: () => "Details saved.",
});

/** Moves a meeting's status (reason required), against the version the form was loaded at. */
export const changeMeetingStatusAction = formAction({
  run: async ({ actor, id, input }) => {
    // The form's "Choose…" option: without a status, the rest of the form means nothing.
    if (typeof input.status !== "string" || input.status === "") {
      throw validationFailed([{ path: "status", message: "Choose the new status" }], "Choose the new status");
    }
    const meeting = await updateMeeting(actor, id, pick(input, ["version", "status", "reason", "sourceUrl"]));
    return { status: meeting.status };
  },
  onError: revalidateOnConflict,
  revalidate: (_meeting, { id }) => meetingPaths(id),
  message: () => "Status changed.",
});

/**
 * The rows to send, each with the day (and time) typed in it as `occurredAt`; a row left undated
 * sends none, so the server dates it at the batch's date, else at the meeting's.
 */
function datedOutcomeRows(posted: unknown, prepared: PreparedRows): RowValues[] {
  const typed = rowList(posted);
  return prepared.rows.map((row, i) => {
    const source = typed[prepared.sourceIndex[i]!] ?? {};
    const occurredAt = occurredAtOf(source[OCCURRED_FIELDS.date], source[OCCURRED_FIELDS.time]);
    return occurredAt === undefined ? row : { ...row, [OCCURRED_FIELDS.api]: occurredAt };
  });
}

/**
 * Logs what a held meeting did about each grievance in the table, as one submission: every row
 * lands or none does. Rows left empty are skipped; a stale version on any row refuses the lot and
 * the form gets every row's current status and version back (`fresh`), so the analyst can review
 * and re-apply. Each row may carry its own date (a multi-day round); the batch's date is the rest's.
 */
export const logMeetingOutcomeAction = formAction({
  run: async ({ actor, id, input }) => {
    const prepared = prepareOutcomeRows(input.outcomes);
    if (Object.keys(prepared.fieldErrors).length) throw refuseRows(prepared.fieldErrors);
    if (prepared.rows.length === 0) {
      throw new AppError("VALIDATION_FAILED", "Nothing to save: give at least one row a new status or a note");
    }
    const { occurredAt } = withOccurredAt(input);
    const outcomes = datedOutcomeRows(input.outcomes, prepared);
    await logMeetingOutcome(actor, id, { outcomes, sourceUrl: input.sourceUrl, occurredAt });
    return {
      saved: prepared.rows.length,
      moved: prepared.rows.filter((row) => row.status).length,
      grievanceIds: prepared.rows.map((row) => row.grievanceId!),
    };
  },
  onError: async (state, { actor, id, input }) => {
    const prepared = prepareOutcomeRows(input.outcomes);
    const mapped = { ...state, fieldErrors: remapRowErrors(state.fieldErrors, "outcomes", prepared.sourceIndex) };
    if (state.code !== "CONFLICT") return mapped;
    const ids = new Set(prepared.rows.map((row) => row.grievanceId));
    const fresh: FreshGrievances = {};
    for (const option of await listGrievanceOptions(actor)) {
      if (ids.has(option.id)) fresh[option.id] = { status: option.status, version: option.version };
    }
    revalidate(meetingPaths(id));
    return Object.assign(mapped, { fresh });
  },
  revalidate: ({ grievanceIds }, { id }) => [
    ...meetingPaths(id),
    "/grievances",
    ...grievanceIds.map((g) => `/grievances/${g}`),
  ],
  message: ({ saved, moved }) =>
    `Outcome saved for ${saved} ${saved === 1 ? "grievance" : "grievances"}${moved ? `, ${moved} with a new status` : ""}.`,
});

/** Soft-deletes a meeting (admins); on success goes back to the list, where it no longer shows. */
export const deleteMeetingAction = formAction({
  run: ({ actor, id }) => deleteMeeting(actor, id),
  revalidate: (meeting) => everywhere(meeting.id),
  redirectTo: () => "/meetings",
});

/** Brings a deleted meeting back (admins); the page stays and re-renders with its controls. */
export const restoreMeetingAction = formAction({
  run: async ({ actor, id }) => ({ id: (await restoreMeeting(actor, id)).id }),
  revalidate: ({ id }) => everywhere(id),
  message: () => "Restored.",
});
