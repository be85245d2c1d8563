import { recordRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

/** Every create, edit, delete and restore of the venue, oldest first, whole. */
export const GET = recordRoute("slug", "Venue", async (actor, slug) => ({
  items: await listRevisions(actor, "venue", slug),
}));
