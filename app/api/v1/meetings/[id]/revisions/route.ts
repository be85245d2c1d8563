import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create, edit, delete and restore of the meeting, oldest first, whole. */
  GET: recordRoute("id", "Meeting", async (actor, id) => ({
    items: await listRevisions(actor, "meeting", id),
  })),
});
