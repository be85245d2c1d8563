import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteVenue, getVenueOrThrow, updateVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: recordRoute("slug", "Venue", getVenueOrThrow),
  PATCH: recordChangeRoute("Venue", updateVenue, "slug"),
  /** Soft delete (admins), refused while live records still name it; POST …/restore brings it back. */
  DELETE: recordRoute("slug", "Venue", deleteVenue),
});
