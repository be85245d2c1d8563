import { recordRoute, routeMethods } from "@/lib/api/handler";
import { restoreCitation } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Brings back a deleted quote (admins). */
  POST: recordRoute("id", "Quote", restoreCitation),
});
