import { recordQueryRoute, routeMethods } from "@/lib/api/handler";
import { exportGrievanceHistory } from "@/lib/server/export";
import { getGrievanceHistory } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /**
   * The timeline, oldest first, whole: `nextCursor` is always null (kept for the list shape). With
   * `format=csv|json` or `Accept: text/csv`, the same timeline as a download.
   */
  GET: recordQueryRoute(
    "id",
    "Grievance",
    async (actor, id, query) => ({ items: await getGrievanceHistory(actor, id, query), nextCursor: null }),
    exportGrievanceHistory,
  ),
});
