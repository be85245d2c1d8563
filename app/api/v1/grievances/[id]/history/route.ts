import { recordRoute } from "@/lib/api/handler";
import { getGrievanceHistory } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

/** The timeline, oldest first, whole: `nextCursor` is always null (kept for the list shape). */
export const GET = recordRoute("id", "Grievance", async (actor, id) => ({
  items: await getGrievanceHistory(actor, id),
  nextCursor: null,
}));
