import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create, edit, delete and restore of the grievance, oldest first, whole. */
  GET: recordRoute("id", "Grievance", async (actor, id) => ({
    items: await listRevisions(actor, "grievance", id),
  })),
});
