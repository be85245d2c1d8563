import { apiRoute, jsonResponse, routeMethods, searchParamsToObject } from "@/lib/api/handler";
import { searchEverything } from "@/lib/server/search";

export const dynamic = "force-dynamic";

/** Search everywhere: `q` (required), `kind`, `limit` per kind, `deleted=1` for admins; grouped by kind. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: apiRoute(async (request, _context, actor) =>
    jsonResponse(await searchEverything(actor, searchParamsToObject(request.url))),
  ),
});
