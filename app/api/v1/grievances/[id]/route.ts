import { apiRoute, idParam, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { deleteGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await getGrievanceOrThrow(actor, await idParam(context, "Grievance")));
});

export const PATCH = apiRoute<{ id: string }>(async (request, context, actor) => {
  const id = await idParam(context, "Grievance");
  return jsonResponse(await updateGrievance(actor, id, await readJsonBody(request)));
});

/** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
export const DELETE = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await deleteGrievance(actor, await idParam(context, "Grievance")));
});
