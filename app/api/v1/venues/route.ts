import { createRoute, routeMethods, wholeListRoute } from "@/lib/api/handler";
import { createVenue, listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: wholeListRoute(listVenues),
  POST: createRoute(createVenue, (venue) => `/api/v1/venues/${venue.slug}`),
});
