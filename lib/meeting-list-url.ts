import type { MeetingFilters } from "@/lib/schemas/meeting";

// Links into the meeting list, the counterpart of grievance-list-url.ts: the filtered view is a
// link an analyst can share.

export const MEETINGS_PATH = "/meetings";

/** The /meetings URL for a set of filters, with `changes` applied; a zero cursor is left out. */
export function meetingsHref(filters: MeetingFilters, changes: Partial<MeetingFilters> = {}): string {
  const merged: MeetingFilters = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (merged.deleted) params.set("deleted", merged.deleted);
  if (merged.party) params.set("party", merged.party);
  if (merged.venue) params.set("venue", merged.venue);
  if (merged.status?.length) params.set("status", merged.status.join(","));
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.limit) params.set("limit", String(merged.limit));
  if (merged.cursor && merged.cursor !== "0") params.set("cursor", merged.cursor);
  const query = params.toString();
  return query ? `${MEETINGS_PATH}?${query}` : MEETINGS_PATH;
}

/** Whether any filter (not paging or the deleted view) is set: drives "Clear filters" and the empty state. */
export function hasMeetingFilters(filters: MeetingFilters): boolean {
  return Boolean(filters.party || filters.venue || filters.status?.length || filters.from || filters.to);
}
