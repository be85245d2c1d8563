import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create, edit, delete and restore of the venue, oldest first, whole. */
  GET: recordRoute("slug", "Venue", async (actor, slug) => ({
    items: await listRevisions(actor, "venue", slug),
  })),
});
