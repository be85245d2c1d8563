import { apiRoute, assertNoQuery, createdResponse, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { createVenue, listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  assertNoQuery(request);
  return jsonResponse({ items: await listVenues(), nextCursor: null });
});

export const POST = apiRoute(async (request) => {
  const venue = await createVenue(await readJsonBody(request));
  return createdResponse(venue, `/api/v1/venues/${venue.slug}`);
});
