"use server";

import type { CitationDetail, CitingRecord } from "@/lib/schemas/source";
import { deleteCitation, restoreCitation, updateCitation, updateSource } from "@/lib/server/citations";
import { formAction, revalidate } from "./form-action";

// The forms on a quote (on its grievance's or meeting's page) and on a source's page. Each posts
// the record's id as the hidden `id`; an edit also the version it was loaded at.

const recordPath = (record: CitingRecord | null) =>
  record ? [record.kind === "grievance" ? `/grievances/${record.id}` : `/meetings/${record.id}`] : [];

/**
 * A quote shows on its record's page and on its source's; an edit may move it to another source,
 * and a source's title shows beside every quote from it, so every source page is refreshed.
 */
const quotePaths = (quote: Pick<CitationDetail, "record">) => [
  ...recordPath(quote.record),
  ["/sources", "layout"] as const,
];

/** Rewrites a quote's text or source (analysts); what it said stays in its revisions. */
export const updateCitationAction = formAction({
  run: async ({ actor, id, input }) => {
    const quote = await updateCitation(actor, id, input);
    return { id: quote.id, version: quote.version, record: quote.record };
  },
  revalidate: quotePaths,
  // A conflict re-renders the pages with the other change, so the form carries the new version.
  onError: (state) => {
    if (state.code === "CONFLICT" && state.current) revalidate(quotePaths(state.current as CitationDetail));
    return state;
  },
  message: () => "Quote saved.",
});

/** Hides a quote from its record (admins); its source's page lists it for admins to restore. */
export const deleteCitationAction = formAction({
  run: async ({ actor, id }) => ({ record: (await deleteCitation(actor, id)).record }),
  revalidate: quotePaths,
  message: () => "Quote deleted.",
});

export const restoreCitationAction = formAction({
  run: async ({ actor, id }) => ({ record: (await restoreCitation(actor, id)).record }),
  revalidate: quotePaths,
  message: () => "Quote restored.",
});

/**
 * Corrects a source (analysts). Its title shows beside every quote from it, so the records that
 * quote it are refreshed too.
 */
export const updateSourceAction = formAction({
  run: async ({ actor, id, input }) => {
    const source = await updateSource(actor, id, input);
    return { id: source.id, version: source.version, records: source.citations.map((c) => c.record) };
  },
  revalidate: ({ id, records }) => [`/sources/${id}`, ...records.flatMap(recordPath)],
  onError: (state, { id }) => {
    if (state.code === "CONFLICT") revalidate([`/sources/${id}`]);
    return state;
  },
  message: () => "Saved.",
});
