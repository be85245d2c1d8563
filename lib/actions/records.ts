"use server";

import { updateAgendaNote } from "@/lib/server/agenda";
import { createParty, deleteParty, mergeParty, restoreParty, updateParty } from "@/lib/server/parties";
import { createVenue, deleteVenue, mergeVenue, restoreVenue, updateVenue } from "@/lib/server/venues";
import { formAction, revalidate, type FormActionInput } from "./form-action";

// Parties and venues: the slug is made from the name (a venue's from name and city) when left
// empty; on success the new record's page opens. The forms on a record's page post its slug as
// the hidden `id`.

export const createPartyAction = formAction({
  run: ({ actor, input }) => createParty(actor, input),
  revalidate: () => ["/parties"],
  redirectTo: (party) => `/parties/${party.slug}`,
});

export const createVenueAction = formAction({
  run: ({ actor, input }) => createVenue(actor, input),
  revalidate: () => ["/venues"],
  redirectTo: (venue) => `/venues/${venue.slug}`,
});

type Slugged = { slug: string; version: number; mergedInto: { slug: string } | null };
type Call<T> = (actor: FormActionInput["actor"], slug: string, input: unknown) => Promise<T>;

/**
 * The edit, delete, restore and merge actions of one slugged kind. A party or venue shows in
 * every list, picker and record that names it, so each change revalidates the whole app.
 */
function sluggedActions<T extends Slugged>(
  plural: "parties" | "venues",
  calls: { update: Call<T>; remove: Call<T>; restore: Call<T>; merge: Call<T> },
) {
  const everywhere = () => [["/", "layout"]] as const;
  return {
    update: formAction({
      run: async ({ actor, id, input }) => ({ version: (await calls.update(actor, id, input)).version }),
      // A conflict re-renders the page with the other change, so the form carries the new version.
      onError: (state, { id }) => {
        if (state.code === "CONFLICT") revalidate([`/${plural}/${id}`]);
        return state;
      },
      revalidate: everywhere,
      message: () => "Saved.",
    }),
    remove: formAction({
      run: ({ actor, id }) => calls.remove(actor, id, undefined),
      revalidate: everywhere,
      redirectTo: () => `/${plural}`,
    }),
    restore: formAction({
      run: async ({ actor, id }) => ({ slug: (await calls.restore(actor, id, undefined)).slug }),
      revalidate: everywhere,
      message: () => "Restored.",
    }),
    merge: formAction({
      run: ({ actor, id, input }) => calls.merge(actor, id, input),
      revalidate: everywhere,
      // The survivor's page: the merged record is gone from every list.
      redirectTo: (merged) => `/${plural}/${merged.mergedInto?.slug ?? merged.slug}`,
    }),
  };
}

const party = sluggedActions("parties", {
  update: updateParty,
  remove: deleteParty,
  restore: restoreParty,
  merge: mergeParty,
});
export const updatePartyAction = party.update;
export const deletePartyAction = party.remove;
export const restorePartyAction = party.restore;
export const mergePartyAction = party.merge;

const venue = sluggedActions("venues", {
  update: updateVenue,
  remove: deleteVenue,
  restore: restoreVenue,
  merge: mergeVenue,
});
export const updateVenueAction = venue.update;
export const deleteVenueAction = venue.remove;
export const restoreVenueAction = venue.restore;
export const mergeVenueAction = venue.merge;

/** Rewrites one agenda note on a meeting's page (the hidden `id` is the note's); the old text stays in its revisions. */
export const updateAgendaNoteAction = formAction({
  run: async ({ actor, id, input }) => {
    const note = await updateAgendaNote(actor, id, input);
    return { meetingId: note.meetingId, grievanceId: note.grievanceId, version: note.version };
  },
  revalidate: ({ meetingId, grievanceId }) => [`/meetings/${meetingId}`, `/grievances/${grievanceId}`],
  message: () => "Note saved.",
});
