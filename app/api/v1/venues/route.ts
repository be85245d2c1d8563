import { createRoute, routeMethods, wholeListRoute } from "@/lib/api/handler";
import { exportVenues } from "@/lib/server/export";
import { createVenue, listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** With `format=csv|json` or `Accept: text/csv`, the same list as a download. */
  GET: wholeListRoute(listVenues, exportVenues),
  POST: createRoute(createVenue, (venue) => `/api/v1/venues/${venue.slug}`),
});
