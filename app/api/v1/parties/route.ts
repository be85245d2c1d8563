import { apiRoute, assertNoQuery, createdResponse, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { createParty, listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, _context, actor) => {
  assertNoQuery(request);
  return jsonResponse({ items: await listParties(actor), nextCursor: null });
});

export const POST = apiRoute(async (request, _context, actor) => {
  const party = await createParty(actor, await readJsonBody(request));
  return createdResponse(party, `/api/v1/parties/${party.slug}`);
});
