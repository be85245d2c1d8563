"use server";

import { createParty } from "@/lib/server/parties";
import { createVenue } from "@/lib/server/venues";
import { formAction } from "./form-action";

// Parties and venues: the slug is made from the name (a venue's from name and city) when left
// empty; on success the new record's page opens.

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
