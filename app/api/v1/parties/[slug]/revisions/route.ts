import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create, edit, delete and restore of the party, oldest first, whole. */
  GET: recordRoute("slug", "Party", async (actor, slug) => ({
    items: await listRevisions(actor, "party", slug),
  })),
});
