import { apiRoute, idParam, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, context) => {
  return jsonResponse(await getGrievanceOrThrow(await idParam(context, "Grievance")));
});

export const PATCH = apiRoute<{ id: string }>(async (request, context) => {
  const id = await idParam(context, "Grievance");
  return jsonResponse(await updateGrievance(id, await readJsonBody(request)));
});
