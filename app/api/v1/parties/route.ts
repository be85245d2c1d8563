import { createRoute, routeMethods, wholeListRoute } from "@/lib/api/handler";
import { exportParties } from "@/lib/server/export";
import { createParty, listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** With `format=csv|json` or `Accept: text/csv`, the same list as a download. */
  GET: wholeListRoute(listParties, exportParties),
  POST: createRoute(createParty, (party) => `/api/v1/parties/${party.slug}`),
});
