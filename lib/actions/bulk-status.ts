"use server";

import { withOccurredAt } from "@/lib/forms/occurred-at";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";
import { formAction, revalidate } from "./form-action";

// The list page's bulk status form (components/grievances/bulk-status-form.tsx): a public POST
// endpoint like every action, one lib/server call. The form is the list's checkboxes and the bulk
// fields in one plain <form>, so it works without JavaScript.

/** Where a bulk move shows: the lists and every grievance, meeting and party page. */
const BULK_PATHS = ["/", ["/grievances", "layout"], ["/meetings", "layout"], ["/parties", "layout"]] as const;

/**
 * The posted form as the API's body. A ticked row posts `versions.<id>` = the version it was
 * shown at, so the ids are the keys. "All matching" posts the list's filters as `filter.*`; its
 * first submit (intent "preview") is a dry run that answers every matching grievance with its
 * version, and the confirming submit sends those back as `seen.<id>` (apart from the checkboxes,
 * which that mode ignores).
 */
function bulkInput(posted: Record<string, unknown>): Record<string, unknown> {
  const { scope, intent, filter, versions, seen, ...fields } = withOccurredAt(posted);
  const asObject = (value: unknown) => (typeof value === "object" && value !== null ? value : {});
  if (scope === "matching") {
    return intent === "preview"
      ? { ...fields, filter: asObject(filter), dryRun: true }
      : { ...fields, filter: asObject(filter), versions: asObject(seen) };
  }
  const ticked = asObject(versions);
  return { ...fields, ids: Object.keys(ticked), versions: ticked };
}

/** Moves the ticked grievances (or all matching, after a preview) to one status, all or nothing. */
export const changeGrievanceStatusesAction = formAction({
  run: ({ actor, input }) => changeGrievanceStatuses(actor, bulkInput(input)),
  revalidate: (report) => (report.applied ? BULK_PATHS : []),
  message: (report) =>
    report.applied
      ? `Moved ${report.moved} ${report.moved === 1 ? "grievance" : "grievances"}.`
      : `Nothing was changed yet: review the ${report.items.length} below.`,
  // A refusal because someone else changed rows: show the list as it now stands.
  onError: (state) => {
    if (state.code === "CONFLICT") revalidate(BULK_PATHS);
    return state;
  },
});
