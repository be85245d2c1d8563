"use server";

import { withOccurredAt } from "@/lib/forms/occurred-at";
import { GRIEVANCES_PATH } from "@/lib/grievance-list-url";
import { createGrievance, deleteGrievance, restoreGrievance, updateGrievance } from "@/lib/server/grievances";
import { formAction } from "./form-action";

// The grievance forms' server actions: public POST endpoints, each one lib/server call.

const PARTY_LISTS = ["raisedBy", "addressedTo"] as const;

const grievancePaths = (id: string) => ["/", GRIEVANCES_PATH, `/grievances/${id}`];
/** A deletion changes counts and agendas beyond the grievance's own pages. */
const everywhere = (id: string) => [...grievancePaths(id), ["/parties", "layout"], ["/meetings", "layout"]] as const;

/** No box ticked posts no key at all; an empty list gets the schema's own "needs at least one". */
function withPartyLists(input: Record<string, unknown>): Record<string, unknown> {
  return { ...input, raisedBy: input.raisedBy ?? [], addressedTo: input.addressedTo ?? [] };
}

/** The form has one optional citation; both of its fields left empty means "no citation". */
function withoutEmptyCitations(input: Record<string, unknown>): Record<string, unknown> {
  const { citations, ...rest } = input;
  const filled = (Array.isArray(citations) ? citations : []).filter(
    (c) =>
      typeof c === "object" && c !== null && Object.values(c).some((v) => typeof v === "string" && v.trim() !== ""),
  );
  return filled.length ? { ...rest, citations: filled } : rest;
}

/**
 * Change-status dialog and its no-JavaScript form: status, reason, version, meetingId?, sourceUrl?,
 * and when it happened as a date and an optional time.
 */
export const changeGrievanceStatusAction = formAction({
  run: ({ actor, id, input }) => updateGrievance(actor, id, withOccurredAt(input)),
  revalidate: (detail) => grievancePaths(detail.id),
  message: () => "Status changed.",
});

/** The edit form: title, description, category, raised by, addressed to, with the version seen. */
export const updateGrievanceAction = formAction({
  arrays: PARTY_LISTS,
  run: ({ actor, id, input }) => updateGrievance(actor, id, withPartyLists(input)),
  revalidate: (detail) => grievancePaths(detail.id),
  redirectTo: (detail) => `/grievances/${detail.id}`,
});

/** The new-grievance form; on success goes to the new grievance. */
export const createGrievanceAction = formAction({
  arrays: PARTY_LISTS,
  run: ({ actor, input }) => createGrievance(actor, withoutEmptyCitations(withPartyLists(input))),
  revalidate: (detail) => grievancePaths(detail.id),
  redirectTo: (detail) => `/grievances/${detail.id}`,
});

/** Soft-deletes a grievance (admins); on success goes back to the list, where it no longer shows. */
export const deleteGrievanceAction = formAction({
  run: ({ actor, id }) => deleteGrievance(actor, id),
  revalidate: (detail) => everywhere(detail.id),
  redirectTo: () => GRIEVANCES_PATH,
});

/** Brings a deleted grievance back (admins); the page stays and re-renders with its controls. */
export const restoreGrievanceAction = formAction({
  run: async ({ actor, id }) => ({ id: (await restoreGrievance(actor, id)).id }),
  revalidate: ({ id }) => everywhere(id),
  message: () => "Restored.",
});
