import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listSourceRevisions } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create and edit of the source, oldest first, whole. */
  GET: recordRoute("id", "Source", async (actor, id) => ({ items: await listSourceRevisions(actor, id) })),
});
