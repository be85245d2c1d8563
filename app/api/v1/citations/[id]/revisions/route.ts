import { recordRoute, routeMethods } from "@/lib/api/handler";
import { listCitationRevisions } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Every create, edit, delete and restore of the quote, oldest first, whole. */
  GET: recordRoute("id", "Quote", async (actor, id) => ({ items: await listCitationRevisions(actor, id) })),
});
