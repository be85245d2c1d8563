import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteView, getView, updateView } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** A deleted view still answers, with `deletedAt` set, so an old link can say so. */
  GET: recordRoute("id", "View", getView),
  PATCH: recordChangeRoute("View", updateView),
  /** Its owner or an admin; the row stays, with `deletedAt` set. */
  DELETE: recordRoute("id", "View", deleteView),
});
