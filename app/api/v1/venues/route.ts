import { apiRoute, assertNoQuery, createdResponse, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { createVenue, listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, _context, actor) => {
  assertNoQuery(request);
  return jsonResponse({ items: await listVenues(actor), nextCursor: null });
});

export const POST = apiRoute(async (request, _context, actor) => {
  const venue = await createVenue(actor, await readJsonBody(request));
  return createdResponse(venue, `/api/v1/venues/${venue.slug}`);
});
