import { apiRoute, createdResponse, jsonResponse, readJsonBody, searchParamsToObject } from "@/lib/api/handler";
import { createGrievance, listGrievances } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const { items, nextCursor, total } = await listGrievances(searchParamsToObject(request.url));
  return jsonResponse({ items, nextCursor, total });
});

export const POST = apiRoute(async (request) => {
  const grievance = await createGrievance(await readJsonBody(request));
  return createdResponse(grievance, `/api/v1/grievances/${grievance.id}`);
});
