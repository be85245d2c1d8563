import type { MeetingFilters } from "@/lib/schemas/meeting";

/** The /meetings URL for a set of filters: the filtered view is a link an analyst can share. */
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
  return query ? `/meetings?${query}` : "/meetings";
}
