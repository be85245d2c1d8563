import { recordRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

/** Every create, edit, delete and restore of the grievance, oldest first, whole. */
export const GET = recordRoute("id", "Grievance", async (actor, id) => ({
  items: await listRevisions(actor, "grievance", id),
}));
