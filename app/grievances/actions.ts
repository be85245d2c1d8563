"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/server/session";
import { redirect } from "next/navigation";
import { formDataToObject, formStateFromError, type FormState } from "@/lib/form-state";
import {
  createGrievance,
  deleteGrievance,
  restoreGrievance,
  updateGrievance,
  type GrievanceDetail,
} from "@/lib/server/grievances";
import { GRIEVANCES_PATH } from "./list-url";

// Public POST endpoints for the grievance forms: FormData in, one lib/server call, form state out.
// Each failure carries back what was typed (`values`) so the form, with or without JavaScript,
// shows it again beside the errors.

export type GrievanceFormValues = Record<string, unknown>;
export type GrievanceActionState<T = unknown> = FormState<T> & { values?: GrievanceFormValues };

const PARTY_LISTS = ["raisedBy", "addressedTo"] as const;

function revalidateGrievance(id: string): void {
  revalidatePath("/");
  revalidatePath("/grievances");
  revalidatePath(`/grievances/${id}`);
}

/** Splits the grievance id (a hidden field) from the body that goes to updateGrievance. */
function idAndBody(formData: FormData, arrays: readonly string[] = []): { id: string; body: GrievanceFormValues } {
  const { id, ...body } = formDataToObject(formData, arrays);
  return { id: typeof id === "string" ? id : "", body };
}

/** Change-status dialog and its no-JavaScript form: status, reason, version, meetingId?, sourceUrl?. */
export async function changeGrievanceStatusAction(
  _previous: GrievanceActionState<GrievanceDetail>,
  formData: FormData,
): Promise<GrievanceActionState<GrievanceDetail>> {
  const actor = await currentActor();
  const { id, body } = idAndBody(formData);
  try {
    const detail = await updateGrievance(actor, id, body);
    revalidateGrievance(detail.id);
    return { status: "ok", data: detail, message: "Status changed." };
  } catch (error) {
    return { ...formStateFromError(error), values: body };
  }
}

/** The edit form: title, description, category, raised by, addressed to, with the version seen. */
export async function updateGrievanceAction(
  _previous: GrievanceActionState<GrievanceDetail>,
  formData: FormData,
): Promise<GrievanceActionState<GrievanceDetail>> {
  const actor = await currentActor();
  const { id, body } = idAndBody(formData, PARTY_LISTS);
  // No box ticked posts no key at all; an empty list gets the schema's own "needs at least one".
  for (const key of PARTY_LISTS) body[key] ??= [];
  let detail: GrievanceDetail;
  try {
    detail = await updateGrievance(actor, id, body);
  } catch (error) {
    return { ...formStateFromError(error), values: body };
  }
  revalidateGrievance(detail.id);
  redirect(`/grievances/${detail.id}`);
}

/** The new-grievance form; on success goes to the new grievance. */
export async function createGrievanceAction(
  _previous: GrievanceActionState<GrievanceDetail>,
  formData: FormData,
): Promise<GrievanceActionState<GrievanceDetail>> {
  const actor = await currentActor();
  const body = formDataToObject(formData, PARTY_LISTS);
  for (const key of PARTY_LISTS) body[key] ??= [];
  // The form has one optional citation; both of its fields left empty means "no citation".
  const citations = Array.isArray(body.citations) ? body.citations : [];
  const filled = citations.filter(
    (c) =>
      typeof c === "object" && c !== null && Object.values(c).some((v) => typeof v === "string" && v.trim() !== ""),
  );
  if (filled.length) body.citations = filled;
  else delete body.citations;
  let detail: GrievanceDetail;
  try {
    detail = await createGrievance(actor, body);
  } catch (error) {
    return { ...formStateFromError(error), values: formDataToObject(formData, PARTY_LISTS) };
  }
  revalidateGrievance(detail.id);
  redirect(`/grievances/${detail.id}`);
}

/** The id posted by the delete and restore forms (a hidden field, not bound: see components/records/soft-delete.tsx). */
function postedId(formData: FormData): string {
  const id = formData.get("id");
  return typeof id === "string" ? id : "";
}

/** A deletion changes counts and agendas beyond the grievance's own pages. */
function revalidateGrievanceEverywhere(id: string): void {
  revalidateGrievance(id);
  revalidatePath("/parties", "layout");
  revalidatePath("/meetings", "layout");
}

/** Soft-deletes a grievance (admins); on success goes back to the list, where it no longer shows. */
export async function deleteGrievanceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentActor();
  const id = postedId(formData);
  try {
    await deleteGrievance(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateGrievanceEverywhere(id);
  redirect(GRIEVANCES_PATH);
}

/** Brings a deleted grievance back (admins); the page stays and re-renders with its controls. */
export async function restoreGrievanceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentActor();
  const id = postedId(formData);
  try {
    const detail = await restoreGrievance(actor, id);
    revalidateGrievanceEverywhere(detail.id);
    return { status: "ok", data: { id: detail.id }, message: "Restored." };
  } catch (error) {
    return formStateFromError(error);
  }
}
