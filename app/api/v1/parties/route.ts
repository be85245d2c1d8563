import { createRoute, routeMethods, wholeListRoute } from "@/lib/api/handler";
import { createParty, listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: wholeListRoute(listParties),
  POST: createRoute(createParty, (party) => `/api/v1/parties/${party.slug}`),
});
