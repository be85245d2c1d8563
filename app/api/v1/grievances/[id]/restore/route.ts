import { apiRoute, idParam, jsonResponse } from "@/lib/api/handler";
import { restoreGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

/** Brings back a deleted grievance with its history (admins). */
export const POST = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await restoreGrievance(actor, await idParam(context, "Grievance")));
});
