import { apiRoute, jsonResponse, readJsonBody, routeMethods } from "@/lib/api/handler";
import { changeGrievanceStatuses } from "@/lib/server/bulk-status";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Moves many grievances to one status, all or nothing; answers the report per grievance. */
  POST: apiRoute(
    async (request, _context, actor) => jsonResponse(await changeGrievanceStatuses(actor, await readJsonBody(request))),
    { body: true },
  ),
});
