import { apiRoute, createdResponse, jsonResponse, readJsonBody, searchParamsToObject } from "@/lib/api/handler";
import { createGrievance, listGrievances } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, _context, actor) => {
  const { items, nextCursor, total } = await listGrievances(actor, searchParamsToObject(request.url));
  return jsonResponse({ items, nextCursor, total });
});

export const POST = apiRoute(async (request, _context, actor) => {
  const grievance = await createGrievance(actor, await readJsonBody(request));
  return createdResponse(grievance, `/api/v1/grievances/${grievance.id}`);
});
