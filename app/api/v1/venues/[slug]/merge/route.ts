import { recordChangeRoute, routeMethods } from "@/lib/api/handler";
import { mergeVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** `{"into": "<slug>"}` (admins): its meetings move to that venue, and this one is deleted. */
  POST: recordChangeRoute("Venue", mergeVenue, "slug"),
});
