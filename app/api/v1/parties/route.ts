import { apiRoute, assertNoQuery, createdResponse, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { createParty, listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  assertNoQuery(request);
  return jsonResponse({ items: await listParties(), nextCursor: null });
});

export const POST = apiRoute(async (request) => {
  const party = await createParty(await readJsonBody(request));
  return createdResponse(party, `/api/v1/parties/${party.slug}`);
});
