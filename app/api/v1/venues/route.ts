import { createRoute, wholeListRoute } from "@/lib/api/handler";
import { createVenue, listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = wholeListRoute(listVenues);

export const POST = createRoute(createVenue, (venue) => `/api/v1/venues/${venue.slug}`);
