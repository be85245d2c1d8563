import { recordQueryRoute } from "@/lib/api/handler";
import { getGrievanceHistory } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

/** The timeline, oldest first, whole: `nextCursor` is always null (kept for the list shape). */
export const GET = recordQueryRoute("id", "Grievance", async (actor, id, query) => ({
  items: await getGrievanceHistory(actor, id, query),
  nextCursor: null,
}));
