"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/server/session";
import { redirect } from "next/navigation";
import { formDataToObject, formStateFromError, type FormState } from "@/lib/form-state";
import { listGrievanceOptions } from "@/lib/server/grievances";
import { createMeeting, deleteMeeting, logMeetingOutcome, restoreMeeting, updateMeeting } from "@/lib/server/meetings";
import {
  prepareOutcomeRows,
  prepareParticipantRows,
  remapRowErrors,
  rowList,
  type EchoFormState,
  type FreshGrievances,
  type OutcomeFormState,
} from "./form-rows";

function rowErrorState(fieldErrors: Record<string, string>, values: Record<string, unknown>): EchoFormState<never> {
  return {
    status: "error",
    code: "VALIDATION_FAILED",
    formError: Object.values(fieldErrors)[0] ?? "The form is not valid",
    fieldErrors,
    values,
  };
}

/** The keys a form may send; anything else in the posted data is not this form's business. */
function pick(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in raw).map((key) => [key, raw[key]]));
}

function revalidateMeeting(id: string) {
  revalidatePath(`/meetings/${id}`);
  revalidatePath("/meetings");
  revalidatePath("/");
}

/** Logs a meeting; blank participant rows are dropped first. On success, opens the meeting. */
export async function createMeetingAction(_prev: EchoFormState, formData: FormData): Promise<EchoFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  const values = { ...raw, participants: rowList(raw.participants) };
  const prepared = prepareParticipantRows(raw.participants);
  if (Object.keys(prepared.fieldErrors).length) return rowErrorState(prepared.fieldErrors, values);

  let id: string;
  try {
    const meeting = await createMeeting(actor, { ...raw, participants: prepared.rows });
    id = meeting.id;
  } catch (error) {
    const state = formStateFromError(error);
    if (state.status !== "error") return state;
    return { ...state, fieldErrors: remapRowErrors(state.fieldErrors, "participants", prepared.sourceIndex), values };
  }
  revalidatePath("/meetings");
  revalidatePath("/parties");
  revalidatePath("/venues");
  revalidatePath("/");
  redirect(`/meetings/${id}`);
}

/** Edits a meeting's title, date, venue and summary, against the version the form was loaded at. */
export async function updateMeetingAction(
  id: string,
  _prev: EchoFormState,
  formData: FormData,
): Promise<EchoFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  try {
    const meeting = await updateMeeting(actor, id, pick(raw, ["version", "title", "date", "venue", "summary"]));
    revalidateMeeting(id);
    return { status: "ok", data: { version: meeting.version }, message: "Details saved." };
  } catch (error) {
    const state = formStateFromError(error);
    // A conflict re-renders the page with the other change, so the form carries the new version.
    if (state.status === "error" && state.code === "CONFLICT") revalidateMeeting(id);
    return { ...state, values: raw };
  }
}

/** Moves a meeting's status (reason required), against the version the form was loaded at. */
export async function changeMeetingStatusAction(
  id: string,
  _prev: EchoFormState,
  formData: FormData,
): Promise<EchoFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  // The form's "Choose…" option: without a status, the rest of the form means nothing.
  if (typeof raw.status !== "string" || raw.status === "") {
    return rowErrorState({ status: "Choose the new status" }, raw);
  }
  try {
    const meeting = await updateMeeting(actor, id, pick(raw, ["version", "status", "reason", "sourceUrl"]));
    revalidateMeeting(id);
    return { status: "ok", data: { status: meeting.status }, message: "Status changed." };
  } catch (error) {
    const state = formStateFromError(error);
    if (state.status === "error" && state.code === "CONFLICT") revalidateMeeting(id);
    return { ...state, values: raw };
  }
}

/**
 * Logs what a held meeting did about each grievance in the table, as one submission: every row
 * lands or none does. Rows left empty are skipped; a stale version on any row refuses the lot and
 * the form gets every row's current version back, so the analyst can review and re-apply.
 */
export async function logMeetingOutcomeAction(
  id: string,
  _prev: OutcomeFormState,
  formData: FormData,
): Promise<OutcomeFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  const values = { ...raw, outcomes: rowList(raw.outcomes) };
  const prepared = prepareOutcomeRows(raw.outcomes);
  if (Object.keys(prepared.fieldErrors).length) return rowErrorState(prepared.fieldErrors, values);
  if (prepared.rows.length === 0) {
    return {
      status: "error",
      code: "VALIDATION_FAILED",
      formError: "Nothing to save: give at least one row a new status or a note",
      fieldErrors: {},
      values,
    };
  }

  try {
    await logMeetingOutcome(actor, id, { outcomes: prepared.rows, sourceUrl: raw.sourceUrl });
  } catch (error) {
    const state = formStateFromError(error);
    if (state.status !== "error") return state;
    const mapped = {
      ...state,
      fieldErrors: remapRowErrors(state.fieldErrors, "outcomes", prepared.sourceIndex),
      values,
    };
    if (state.code !== "CONFLICT") return mapped;
    const ids = new Set(prepared.rows.map((row) => row.grievanceId));
    const fresh: FreshGrievances = {};
    for (const option of await listGrievanceOptions(actor)) {
      if (ids.has(option.id)) fresh[option.id] = { status: option.status, version: option.version };
    }
    revalidateMeeting(id);
    return { ...mapped, fresh };
  }

  revalidateMeeting(id);
  revalidatePath("/grievances");
  for (const row of prepared.rows) revalidatePath(`/grievances/${row.grievanceId}`);
  const moved = prepared.rows.filter((row) => row.status).length;
  const saved = prepared.rows.length;
  return {
    status: "ok",
    data: { saved, moved },
    message: `Outcome saved for ${saved} ${saved === 1 ? "grievance" : "grievances"}${moved ? `, ${moved} with a new status` : ""}.`,
  };
}

/** The id posted by the delete and restore forms (a hidden field, not bound: see components/records/soft-delete.tsx). */
function postedId(formData: FormData): string {
  const id = formData.get("id");
  return typeof id === "string" ? id : "";
}

function revalidateMeetingEverywhere(id: string) {
  revalidateMeeting(id);
  // Counts of meetings and agenda links show on these too.
  revalidatePath("/parties", "layout");
  revalidatePath("/venues", "layout");
  revalidatePath("/grievances", "layout");
}

/** Soft-deletes a meeting (admins); on success goes back to the list, where it no longer shows. */
export async function deleteMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentActor();
  const id = postedId(formData);
  try {
    await deleteMeeting(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateMeetingEverywhere(id);
  redirect("/meetings");
}

/** Brings a deleted meeting back (admins); the page stays and re-renders with its controls. */
export async function restoreMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentActor();
  const id = postedId(formData);
  try {
    const meeting = await restoreMeeting(actor, id);
    revalidateMeetingEverywhere(meeting.id);
    return { status: "ok", data: { id: meeting.id }, message: "Restored." };
  } catch (error) {
    return formStateFromError(error);
  }
}
