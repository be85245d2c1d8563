"use server";

import { OCCURRED_FIELDS, withOccurredAt } from "@/lib/forms/occurred-at";
import { grievanceCount } from "@/lib/schemas/bulk-status";
import { GRIEVANCE_STATUS_LABELS } from "@/lib/schemas/enums";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";
import { formAction, revalidate } from "./form-action";

// The list page's bulk status form (components/grievances/bulk-status-form.tsx): a public POST
// endpoint like every action, one lib/server call. The form is the list's checkboxes and the bulk
// fields in one plain <form>, so it works without JavaScript.

/** Where a bulk move shows: the lists and every grievance, meeting and party page. */
const BULK_PATHS = ["/", ["/grievances", "layout"], ["/meetings", "layout"], ["/parties", "layout"]] as const;

const BULK_FIELDS = ["status", "reason", "meetingId", OCCURRED_FIELDS.date, OCCURRED_FIELDS.time, "sourceUrl"];

/**
 * The posted form as the API's body. A ticked row posts `versions.<id>` = the version it was
 * shown at, so the ids are the keys. "All matching" posts the list's filters as `filter.*`; its
 * first submit (intent "preview") is a dry run that answers every matching grievance with its
 * version, and the confirming submit (intent "matching") sends those back as `seen.<id>`, apart
 * from the checkboxes, which that mode ignores.
 */
function bulkInput(posted: Record<string, unknown>): Record<string, unknown> {
  const { intent, filter, versions, seen, ...fields } = withOccurredAt(posted);
  const asObject = (value: unknown) => (typeof value === "object" && value !== null ? value : {});
  if (intent === "preview") return { ...fields, filter: asObject(filter), dryRun: true };
  if (intent === "matching") return { ...fields, filter: asObject(filter), versions: asObject(seen) };
  const ticked = asObject(versions);
  return { ...fields, ids: Object.keys(ticked), versions: ticked };
}

/** The move's fields as typed, for a preview to show again (a success carries no echoed values). */
function typedFields(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    BULK_FIELDS.flatMap((name) => (typeof input[name] === "string" ? [[name, input[name] as string]] : [])),
  );
}

/**
 * Moves the ticked grievances (intent "selected", the default), previews all that match the
 * list's filters ("preview": a dry run), or moves those ("matching", with the versions the
 * preview showed), all or nothing.
 */
export const changeGrievanceStatusesAction = formAction({
  run: async ({ actor, input }) => ({
    report: await changeGrievanceStatuses(actor, bulkInput(input)),
    typed: typedFields(input),
  }),
  revalidate: ({ report }) => (report.applied ? BULK_PATHS : []),
  message: ({ report }) =>
    report.applied
      ? `Moved ${grievanceCount(report.moved)} to ${GRIEVANCE_STATUS_LABELS[report.status]}.`
      : `Nothing was changed yet: ${grievanceCount(report.items.length)} match. Review them below.`,
  // A refusal because someone else changed rows: show the list as it now stands.
  onError: (state) => {
    if (state.code === "CONFLICT") revalidate(BULK_PATHS);
    return state;
  },
});
