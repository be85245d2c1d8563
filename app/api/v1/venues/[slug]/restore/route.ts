import { recordRoute, routeMethods } from "@/lib/api/handler";
import { restoreVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Brings back a deleted venue (admins); one merged into another stays merged. */
  POST: recordRoute("slug", "Venue", restoreVenue),
});
