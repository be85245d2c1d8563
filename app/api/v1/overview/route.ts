import { apiRoute, jsonResponse, routeMethods, searchParamsToObject } from "@/lib/api/handler";
import { getOverview } from "@/lib/server/overview";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** The overview's figures, as the home page shows them; with `asOf`, as of the end of that past day. */
  GET: apiRoute(async (request, _context, actor) =>
    jsonResponse(await getOverview(actor, new Date(), searchParamsToObject(request.url))),
  ),
});
