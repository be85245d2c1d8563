import { apiRoute, idParam, jsonResponse } from "@/lib/api/handler";
import { getGrievanceHistory } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

/** The timeline, oldest first, whole: `nextCursor` is always null (kept for the list shape). */
export const GET = apiRoute<{ id: string }>(async (_request, context, actor) => {
  const items = await getGrievanceHistory(actor, await idParam(context, "Grievance"));
  return jsonResponse({ items, nextCursor: null });
});
