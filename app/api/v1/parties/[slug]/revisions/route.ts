import { recordRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

/** Every create, edit, delete and restore of the party, oldest first, whole. */
export const GET = recordRoute("slug", "Party", async (actor, slug) => ({
  items: await listRevisions(actor, "party", slug),
}));
